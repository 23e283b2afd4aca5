// The snapshot file: an engine's sources, entities and index in one file.
//
// Layout (little-endian):
//   header, 128 bytes:
//     0  magic "CORDSNAP"
//     8  u32 format version (kSnapshotFormatVersion)
//    12  u32 byte-order mark 0x01020304
//    16  u64 layout fingerprint: Checksum64 of the ArchiveLayout text of
//        everything archived; another build that archives other members
//        (or other types) writes another value
//    24  u64 build fingerprint: Checksum64 of the index this build makes of
//        a fixed set of probe names (ProbeFingerprint()); a build that
//        normalises, keys, weighs or hashes names differently writes
//        another value, even with the same layout
//    32  u64 payload size (the three sections)
//    40  char[16] cordon version that wrote it (NUL-padded; informative)
//    56  three times: u64 section size, u64 Checksum64 of the section
//   104  zeros
//   120  u64 Checksum64 of bytes 0..119
//   sections, one after the other, read on two threads in 1 MiB pieces
//   (memory never holds the file), each checked against its checksum:
//     1. sources: Provenance, SourceInfo and Status of each source
//     2. entities
//     3. index (NameIndexCodec)
// Members are archived through ArchiveFields (base/binary_archive.h); each
// archived struct has a static_assert that fails the build when it gains a
// member nobody listed.
#ifndef CORDON_ENGINE_SNAPSHOT_H_
#define CORDON_ENGINE_SNAPSHOT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cordon/engine.h"
#include "cordon/status.h"

namespace cordon {

class EngineImpl;

// Bumped whenever the snapshot layout or what the index holds changes
// (normalisation, keys, name forms): an older snapshot is refused, and the
// monitor rebuilds its engine cache. 2: Slavic readings, bracketed forms,
// skeletons that keep a consonant repeated across a vowel. 3: phonetic-edit
// lookups, katakana readings, aliases' words counted as written. 4: weights
// lowered by a general-population table (its version in the provenance).
// 5: French-convention readings of Arabic names. 6: phonetic keys drop a
// final h after a vowel in longer words (Usamah ~ Usama). 7: Persian
// readings of Arabic-script names, one-consonant skeletons indexed (علي ~ Ali).
// 8: more generic organisation words (hawala, headquarters), ol a particle,
// dotted acronyms joined (T.M.G.). 9: Korean syllables of one vowel spelt
// whole (아 ah), with their Korean keys. 10: East Slavic yo read e, rh a
// Korean initial. 11: phonetic keys read dh as d, ei/ey as ai and an
// initial o as u (Qadhafi ~ Qaddafi, Seif ~ Saif, Osman ~ Usman); more
// titles dropped (mufti, qari, daw), Burmese Mg read Maung, Slavic ch read
// kh in other conventions (Chor ~ Khor), organisations' religious titles
// and titles written last particles (HAJI BASIR HAWALA, Mohamed Omar HAJI),
// Jr. dropped before a comma. 12: listed words with q also indexed under
// their phonetic keys with k and g read either way (Qadhafi ~ Gaddafi).
// 13: Belarusian and Ukrainian h read g in a surname's Russian form
// (HIRHEL ~ GIRGEL). 14: listed tokens say whether they continue a
// hyphenated word; a block of middle names left out costs its heaviest
// part's share (the candidate bound's least shares changed). 15: a Russian
// given name in another convention reads the name in the English one
// (Dmitrij Micholap), Czech ď ť ň read dy, ty, ny. 16: Burmese names also
// read without their honorific and with one spelling per syllable (DWAY ~
// DWE, HTUN ~ TUN). 17: a listed given name in the middle costs a fifth
// of its weight when left out (the candidate bound's least shares). 18: dhu (Arabic "of") is a particle.
inline constexpr uint32_t kSnapshotFormatVersion = 18;
inline constexpr size_t kSnapshotHeaderBytes = 128;
inline constexpr int kSnapshotSections = 3;

// One file of a source folder when the snapshot was saved.
struct FileStamp {
  std::string path;  // relative to the source folder, '/'-separated
  uint64_t size = 0;
  uint64_t checksum = 0;  // Checksum64 of the bytes
};

struct SourceStamp {
  std::string id;                // source folder name
  std::vector<FileStamp> files;  // sorted by path
};

// Where an engine's lists came from, kept in its snapshot.
struct Provenance {
  std::string lists_dir;              // LoadOptions::lists_dir; empty: Engine::FromEntities
  std::vector<std::string> selected;  // LoadOptions::sources (empty = all)
  std::string saved_at;               // UTC ISO-8601 time of SaveSnapshot()
  std::vector<SourceStamp> stamps;    // every source folder, at save time
  std::string population;             // NamePopulation::version() of the weights; "" none
};

struct SnapshotReadOptions {
  std::string lists_dir;  // SnapshotOptions::lists_dir
  // Compare the build fingerprint with this build's. Off only for the fuzzer
  // (it costs a small index build).
  bool check_build = true;
};

// Serialises `engine` (stamping its list folders first when it has some and
// none are recorded yet). Errors: DataError if a loaded source's files no
// longer hash to its version; IoError if a list file cannot be read.
Result<std::string> EncodeSnapshot(const EngineImpl& engine);

// Reads a snapshot from memory. `name` (the file path) prefixes errors.
// Never crashes on any input: every length, id and cross-reference is
// checked before use.
Result<std::unique_ptr<Engine>> DecodeSnapshot(std::string_view bytes, const std::string& name,
                                               const SnapshotReadOptions& options);

// Compares `provenance` (from a snapshot) with the list folders in
// `lists_dir` now. Errors: DataError "stale snapshot: ..." naming the first
// difference; NotFound if `lists_dir` does not exist.
Status CheckListsUnchanged(const Provenance& provenance, const std::string& lists_dir);

// Stamps of every file of each source folder under `lists_dir`.
Status StampSources(const std::string& lists_dir, const std::vector<SourceInfo>& sources,
                    std::vector<SourceStamp>* out);

// The header fingerprints of this build.
uint64_t LayoutFingerprint();
uint64_t ProbeFingerprint();  // computed once per process, then remembered

// Rewrites the header of `bytes` (at least kSnapshotHeaderBytes long) as
// this build would: magic, version, fingerprints, section sizes (the old
// ones where they fit, the last section takes the rest) and checksums. The
// fuzzer uses it to get past the checksums into the decoders.
void ResealSnapshot(std::string* bytes);

}  // namespace cordon

#endif  // CORDON_ENGINE_SNAPSHOT_H_
