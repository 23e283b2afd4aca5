// Fuzz target: no snapshot bytes crash the reader; a snapshot it accepts
// can be screened.
//
// A checksum stops almost every random input at the header, so each input
// is tried three ways:
//   1. as a snapshot file, unchanged;
//   2. resealed: the header rewritten as this build would (version,
//      fingerprints, size, checksum), so the section decoders see the bytes,
//      from memory and from a file (Engine::OpenSnapshot reads in pieces and
//      checks a section's checksum after decoding it);
//   3. as edits to a valid snapshot of a few entities (built once): pairs of
//      (offset, byte) overwrite its payload, which is then resealed. This
//      reaches the cross-reference checks (ids, postings, hash tables).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include <unistd.h>

#include "cordon/engine.h"
#include "engine/snapshot.h"

namespace {

using cordon::Engine;
using cordon::Result;

const std::string& ValidSnapshot() {
  static const std::string bytes = [] {
    using cordon::Entity;
    using cordon::Name;
    using cordon::NameType;
    std::vector<Entity> entities(4);
    entities[0].source_id = "P1";
    entities[0].schema = cordon::Schema::kPerson;
    entities[0].names = {Name{"SIDOROV, Ivan Petrovich"}, Name{"Сидоров Иван", NameType::kAlias}};
    entities[0].documents.push_back({cordon::DocumentType::kPassport, "7201234567", "RU", ""});
    entities[1].source_id = "P2";
    entities[1].schema = cordon::Schema::kPerson;
    entities[1].names = {Name{"PAK Chol Su"}, Name{"박철수", NameType::kAlias},
                         Name{"E. S. Co.", NameType::kAlias}};
    entities[2].source_id = "O1";
    entities[2].schema = cordon::Schema::kOrganization;
    entities[2].names = {Name{"Al-Noor Exchange LLC"}, Name{"شركة النور", NameType::kAlias}};
    entities[3].source_id = "V1";
    entities[3].schema = cordon::Schema::kVessel;
    entities[3].names = {Name{"OCEAN STAR"}, Name{"Sajedi-Nia Star", NameType::kAlias}};
    for (Entity& e : entities) e.source = "fuzz";
    cordon::SourceInfo info;
    info.id = "fuzz";
    auto engine = Engine::FromEntities(std::move(entities), {info});
    if (!engine.ok()) return std::string();
    // Saved through the public API, read back into memory.
    std::string path = "/tmp/cordon_fuzz_snapshot_" + std::to_string(::getpid()) + ".snap";
    if (!engine.value()->SaveSnapshot(path).ok()) return std::string();
    FILE* f = std::fopen(path.c_str(), "rb");
    std::string out;
    if (f != nullptr) {
      char buf[1 << 16];
      size_t n;
      while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) out.append(buf, n);
      std::fclose(f);
    }
    std::remove(path.c_str());
    return out;
  }();
  return bytes;
}

void Screen(const Engine& engine) {
  for (const char* name : {"Ivan Sidorov", "박철수", "شركة النور", "Ocean Star", "E S Co"}) {
    (void)engine.Screen({name}, {});
  }
  cordon::Query by_id{"x"};
  by_id.id_numbers = {"7201234567"};
  (void)engine.Screen(by_id, {});
}

void Try(const std::string& bytes) {
  cordon::SnapshotReadOptions options;
  options.check_build = false;  // the fingerprint is resealed anyway
  Result<std::unique_ptr<Engine>> engine = cordon::DecodeSnapshot(bytes, "fuzz", options);
  if (engine.ok()) Screen(*engine.value());
}

void TryFile(const std::string& bytes) {
  static const std::string path = "/tmp/cordon_fuzz_input_" + std::to_string(::getpid()) + ".snap";
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return;
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  std::fclose(f);
  if (!written) return;
  Result<std::unique_ptr<Engine>> engine = Engine::OpenSnapshot(path);
  if (engine.ok()) Screen(*engine.value());
  std::remove(path.c_str());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 20)) return 0;
  std::string input(reinterpret_cast<const char*>(data), size);
  Try(input);
  if (input.size() >= cordon::kSnapshotHeaderBytes) {
    std::string resealed = input;
    cordon::ResealSnapshot(&resealed);
    Try(resealed);
    TryFile(resealed);
  }
  const std::string& valid = ValidSnapshot();
  if (valid.size() > cordon::kSnapshotHeaderBytes) {
    std::string edited = valid;
    const size_t payload = valid.size() - cordon::kSnapshotHeaderBytes;
    for (size_t i = 0; i + 3 <= size; i += 3) {
      size_t at = (static_cast<size_t>(data[i]) << 8 | data[i + 1]) * 131 % payload;
      edited[cordon::kSnapshotHeaderBytes + at] = static_cast<char>(data[i + 2]);
    }
    // A short input may also cut the snapshot.
    if (size % 5 == 1) edited.resize(cordon::kSnapshotHeaderBytes + (size * 977) % payload);
    cordon::ResealSnapshot(&edited);
    Try(edited);
  }
  return 0;
}
