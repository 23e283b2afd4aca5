#include "engine/snapshot.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <thread>

#include "base/binary_archive.h"
#include "base/file_reader.h"
#include "base/utc_time.h"
#include "engine/engine_impl.h"
#include "index/name_index_codec.h"
#include "lists/source_registry.h"

namespace cordon {

// ---- What is archived, member by member ----------------------------------

template <>
struct ArchiveEnumMax<Schema> {
  static constexpr uint64_t kMax = static_cast<uint64_t>(Schema::kAirplane);
};
template <>
struct ArchiveEnumMax<NameType> {
  static constexpr uint64_t kMax = static_cast<uint64_t>(NameType::kNewName);
};
template <>
struct ArchiveEnumMax<NameQuality> {
  static constexpr uint64_t kMax = static_cast<uint64_t>(NameQuality::kWeak);
};
template <>
struct ArchiveEnumMax<DocumentType> {
  static constexpr uint64_t kMax = static_cast<uint64_t>(DocumentType::kTaxId);
};
template <>
struct ArchiveEnumMax<StatusCode> {
  static constexpr uint64_t kMax = static_cast<uint64_t>(StatusCode::kInternal);
};

template <>
struct ArchiveFields<Name> {
  static constexpr int kSkipped = 0;
  static auto Of(Name& n) { return std::tie(n.full, n.type, n.quality, n.given, n.family, n.script); }
};
template <>
struct ArchiveFields<PartialDate> {
  static constexpr int kSkipped = 0;
  static auto Of(PartialDate& d) { return std::tie(d.year, d.month, d.day, d.year_to, d.approximate); }
};
template <>
struct ArchiveFields<IdentityDocument> {
  static constexpr int kSkipped = 0;
  static auto Of(IdentityDocument& d) { return std::tie(d.type, d.number, d.country, d.note); }
};
template <>
struct ArchiveFields<Address> {
  static constexpr int kSkipped = 0;
  static auto Of(Address& a) { return std::tie(a.full, a.city, a.country); }
};
template <>
struct ArchiveFields<Entity> {
  static constexpr int kSkipped = 0;
  static auto Of(Entity& e) {
    return std::tie(e.source, e.source_id, e.schema, e.names, e.birth_dates, e.birth_places, e.nationalities,
                    e.countries, e.documents, e.addresses, e.programs, e.listing_date, e.gender, e.title,
                    e.references, e.raw);
  }
};
template <>
struct ArchiveFields<LoadIssue> {
  static constexpr int kSkipped = 0;
  static auto Of(LoadIssue& i) { return std::tie(i.file, i.line, i.field, i.message); }
};
template <>
struct ArchiveFields<ErrorLocation> {
  static constexpr int kSkipped = 0;
  static auto Of(ErrorLocation& l) { return std::tie(l.file, l.line, l.field); }
};
// `status` has no public members: it is archived beside, as a StoredStatus.
template <>
struct ArchiveFields<SourceInfo> {
  static constexpr int kSkipped = 1;
  static auto Of(SourceInfo& s) {
    return std::tie(s.id, s.format, s.as_of, s.version, s.files, s.entities, s.names, s.skipped);
  }
};
template <>
struct ArchiveFields<FileStamp> {
  static constexpr int kSkipped = 0;
  static auto Of(FileStamp& f) { return std::tie(f.path, f.size, f.checksum); }
};
template <>
struct ArchiveFields<SourceStamp> {
  static constexpr int kSkipped = 0;
  static auto Of(SourceStamp& s) { return std::tie(s.id, s.files); }
};
template <>
struct ArchiveFields<Provenance> {
  static constexpr int kSkipped = 0;
  static auto Of(Provenance& p) {
    return std::tie(p.lists_dir, p.selected, p.saved_at, p.stamps, p.population);
  }
};

namespace {

struct StoredStatus {
  StatusCode code = StatusCode::kOk;
  std::string message;
  ErrorLocation location;

  static StoredStatus From(const Status& s) { return {s.code(), s.message(), s.location()}; }
  Status ToStatus() const {
    switch (code) {
      case StatusCode::kOk:
        return Status::Ok();
      case StatusCode::kInvalidArgument:
        return Status::InvalidArgument(message, location);
      case StatusCode::kNotFound:
        return Status::NotFound(message, location);
      case StatusCode::kDataError:
        return Status::DataError(message, location);
      case StatusCode::kIoError:
        return Status::IoError(message, location);
      case StatusCode::kInternal:
        return Status::Internal(message);
    }
    return Status::Internal(message);
  }
};

}  // namespace

template <>
struct ArchiveFields<StoredStatus> {
  static constexpr int kSkipped = 0;
  static auto Of(StoredStatus& s) { return std::tie(s.code, s.message, s.location); }
};

// A member added to an archived struct must be listed above (or counted in
// kSkipped with a reason), or snapshots would silently drop it.
static_assert(ArchiveFieldsComplete<Name>(), "Name changed: update ArchiveFields<Name>");
static_assert(ArchiveFieldsComplete<PartialDate>(), "PartialDate changed: update ArchiveFields<PartialDate>");
static_assert(ArchiveFieldsComplete<IdentityDocument>(),
              "IdentityDocument changed: update its ArchiveFields");
static_assert(ArchiveFieldsComplete<Address>(), "Address changed: update ArchiveFields<Address>");
static_assert(ArchiveFieldsComplete<Entity>(), "Entity changed: update ArchiveFields<Entity>");
static_assert(ArchiveFieldsComplete<LoadIssue>(), "LoadIssue changed: update ArchiveFields<LoadIssue>");
static_assert(ArchiveFieldsComplete<ErrorLocation>(), "ErrorLocation changed: update its ArchiveFields");
static_assert(ArchiveFieldsComplete<SourceInfo>(), "SourceInfo changed: update ArchiveFields<SourceInfo>");
static_assert(ArchiveFieldsComplete<Provenance>(), "Provenance changed: update ArchiveFields<Provenance>");

namespace {

constexpr char kMagic[8] = {'C', 'O', 'R', 'D', 'S', 'N', 'A', 'P'};
constexpr uint32_t kByteOrderMark = 0x01020304;

// See snapshot.h for the byte layout.
struct Header {
  uint32_t version = 0;
  uint32_t byte_order = 0;
  uint64_t layout = 0;
  uint64_t build = 0;
  uint64_t payload_bytes = 0;
  std::string writer;  // cordon version
  uint64_t section_size[kSnapshotSections] = {};
  uint64_t section_sum[kSnapshotSections] = {};
  uint64_t header_sum = 0;

  uint64_t SectionOffset(int i) const {
    uint64_t at = kSnapshotHeaderBytes;
    for (int k = 0; k < i; ++k) at += section_size[k];
    return at;
  }
};

constexpr size_t kHeaderSumAt = kSnapshotHeaderBytes - 8;

void PutHeader(const Header& h, char* out) {
  std::memset(out, 0, kSnapshotHeaderBytes);
  std::memcpy(out, kMagic, 8);
  std::memcpy(out + 8, &h.version, 4);
  std::memcpy(out + 12, &h.byte_order, 4);
  std::memcpy(out + 16, &h.layout, 8);
  std::memcpy(out + 24, &h.build, 8);
  std::memcpy(out + 32, &h.payload_bytes, 8);
  std::memcpy(out + 40, h.writer.data(), std::min<size_t>(h.writer.size(), 15));
  for (int i = 0; i < kSnapshotSections; ++i) {
    std::memcpy(out + 56 + 16 * i, &h.section_size[i], 8);
    std::memcpy(out + 64 + 16 * i, &h.section_sum[i], 8);
  }
  const uint64_t sum = Checksum64(std::string_view(out, kHeaderSumAt));
  std::memcpy(out + kHeaderSumAt, &sum, 8);
}

Header GetHeader(const char* in) {
  Header h;
  std::memcpy(&h.version, in + 8, 4);
  std::memcpy(&h.byte_order, in + 12, 4);
  std::memcpy(&h.layout, in + 16, 8);
  std::memcpy(&h.build, in + 24, 8);
  std::memcpy(&h.payload_bytes, in + 32, 8);
  const char* w = in + 40;
  h.writer.assign(w, strnlen(w, 16));
  for (char& c : h.writer) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) c = '?';
  }
  for (int i = 0; i < kSnapshotSections; ++i) {
    std::memcpy(&h.section_size[i], in + 56 + 16 * i, 8);
    std::memcpy(&h.section_sum[i], in + 64 + 16 * i, 8);
  }
  std::memcpy(&h.header_sum, in + kHeaderSumAt, 8);
  return h;
}

// This build's header for sections of the given sizes and checksums.
Header ThisBuildHeader(const uint64_t sizes[], const uint64_t sums[]) {
  Header h;
  h.version = kSnapshotFormatVersion;
  h.byte_order = kByteOrderMark;
  h.layout = LayoutFingerprint();
  h.build = ProbeFingerprint();
  h.writer = CORDON_VERSION;
  for (int i = 0; i < kSnapshotSections; ++i) {
    h.section_size[i] = sizes[i];
    h.section_sum[i] = sums[i];
    h.payload_bytes += sizes[i];
  }
  return h;
}

std::string Hex(uint64_t v) {
  char buf[20];
  std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// A small, fixed set of listed parties in the scripts and shapes the index
// treats differently (Cyrillic, Hangul, Han, Arabic; persons with parts,
// organisations with legal forms, vessels with IMO numbers, weak aliases,
// compounds). Their index is the build fingerprint.
std::vector<Entity> ProbeEntities() {
  auto name = [](std::string full, NameType type = NameType::kPrimary, NameQuality q = NameQuality::kStrong) {
    Name n;
    n.full = std::move(full);
    n.type = type;
    n.quality = q;
    return n;
  };
  std::vector<Entity> out;
  auto add = [&](Schema schema, std::vector<Name> names, std::string doc = {}) {
    Entity e;
    e.source = "probe";
    e.source_id = std::to_string(out.size());
    e.schema = schema;
    e.names = std::move(names);
    if (!doc.empty()) e.documents.push_back({DocumentType::kPassport, doc, "", ""});
    out.push_back(std::move(e));
  };
  Name putin = name("PUTIN, Vladimir Vladimirovich");
  putin.given = "Vladimir Vladimirovich";
  putin.family = "PUTIN";
  add(Schema::kPerson, {putin, name("Путин Владимир Владимирович", NameType::kAlias),
                        name("Vladimir POUTINE", NameType::kAlias)});
  add(Schema::kPerson,
      {name("KIM Jong Un"), name("김정은", NameType::kAlias), name("Ким Чен Ын", NameType::kAlias),
       name("金正恩", NameType::kAlias)},
      "PS 736410010");
  add(Schema::kPerson, {name("Abd al-Rahman AL-ZAWAHIRI"), name("عبد الرحمن الظواهري", NameType::kAlias),
                        name("Abu Muhammad", NameType::kAlias, NameQuality::kWeak)});
  add(Schema::kOrganization, {name("Romashka Trading LLC"), name("ООО Ромашка", NameType::kAlias),
                              name("Romashka Co., Ltd.", NameType::kAlias)});
  add(Schema::kCompany, {name("Bank Melli Iran"), name("بانک ملی ایران", NameType::kAlias)});
  add(Schema::kVessel, {name("OCEAN STAR")}, "IMO 9123456");
  add(Schema::kAirplane, {name("EP-ABC")});
  add(Schema::kPerson, {name("SAJEDI-NIA, Hossein"), name("Hossein Sajedinia", NameType::kAlias)});
  add(Schema::kLegalEntity, {name("Ali Hassan Mohammed"), name("Mohamed Ali", NameType::kAlias)});
  add(Schema::kPerson,
      {name("Lee Chol-min"), name("리철민", NameType::kAlias), name("E. S. Co.", NameType::kAlias)});
  return out;
}

const std::string kStale = "stale snapshot: ";

// Every regular file under `dir`, relative paths sorted.
Status StampFolder(const std::string& dir, std::vector<FileStamp>* out) {
  namespace fs = std::filesystem;
  out->clear();
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec), end;
  if (ec) return Status::IoError("cannot list the folder: " + ec.message(), {dir});
  for (; it != end; it.increment(ec)) {
    if (ec) return Status::IoError("cannot list the folder: " + ec.message(), {dir});
    if (!it->is_regular_file(ec)) continue;
    FileStamp f;
    f.path = fs::relative(it->path(), dir, ec).generic_string();
    std::string bytes;
    ReadFileOptions raw;
    raw.gunzip = false;
    raw.max_bytes = size_t{4} << 30;
    if (Status s = ReadFile(it->path().string(), &bytes, raw); !s.ok()) return s;
    f.size = bytes.size();
    f.checksum = Checksum64(bytes);
    out->push_back(std::move(f));
  }
  std::sort(out->begin(), out->end(), [](const FileStamp& a, const FileStamp& b) { return a.path < b.path; });
  return Status::Ok();
}

std::string JoinPath(const std::string& dir, const std::string& rel) {
  if (dir.empty() || dir.back() == '/') return dir + rel;
  return dir + "/" + rel;
}

}  // namespace

uint64_t LayoutFingerprint() {
  static const uint64_t fingerprint = [] {
    ArchiveLayout layout;
    layout.Describe<Provenance>();
    layout.Describe<std::vector<SourceInfo>>();
    layout.Describe<std::vector<StoredStatus>>();
    layout.Describe<std::vector<Entity>>();
    std::string text = layout.text() + "|" + NameIndexCodec::Layout();
    return Checksum64(text, kSnapshotFormatVersion);
  }();
  return fingerprint;
}

uint64_t ProbeFingerprint() {
  static const uint64_t fingerprint = [] {
    std::vector<Entity> probe = ProbeEntities();
    const NamePopulation population = NamePopulation::Bundled();
    std::unique_ptr<NameIndex> index = NameIndex::Build(probe, {&population});
    ArchiveWriter w;
    NameIndexCodec::Write(*index, &w);
    return Checksum64(w.bytes());
  }();
  return fingerprint;
}

void ResealSnapshot(std::string* bytes) {
  if (bytes->size() < kSnapshotHeaderBytes) return;
  const Header old = GetHeader(bytes->data());
  uint64_t left = bytes->size() - kSnapshotHeaderBytes, sizes[kSnapshotSections], sums[kSnapshotSections];
  uint64_t at = kSnapshotHeaderBytes;
  for (int i = 0; i < kSnapshotSections; ++i) {
    sizes[i] = i + 1 < kSnapshotSections ? std::min(old.section_size[i], left) : left;
    sums[i] = Checksum64(std::string_view(*bytes).substr(at, sizes[i]));
    at += sizes[i];
    left -= sizes[i];
  }
  PutHeader(ThisBuildHeader(sizes, sums), bytes->data());
}

Status StampSources(const std::string& lists_dir, const std::vector<SourceInfo>& sources,
                    std::vector<SourceStamp>* out) {
  out->clear();
  for (const SourceInfo& info : sources) {
    SourceStamp stamp;
    stamp.id = info.id;
    if (Status s = StampFolder(JoinPath(lists_dir, info.id), &stamp.files); !s.ok()) return s;
    out->push_back(std::move(stamp));
  }
  return Status::Ok();
}

Status CheckListsUnchanged(const Provenance& provenance, const std::string& lists_dir) {
  auto stale = [](const std::string& what) { return Status::DataError(kStale + what); };
  if (provenance.lists_dir.empty()) {
    return stale("it was not built from list folders, so it cannot be checked against " + lists_dir);
  }
  std::vector<SourceFolder> folders;
  if (Status s = FindSourceFolders(lists_dir, &folders); !s.ok()) return s;
  auto stamped = [&](const std::string& id) {
    return std::any_of(provenance.stamps.begin(), provenance.stamps.end(),
                       [&](const SourceStamp& s) { return s.id == id; });
  };
  for (const SourceFolder& f : folders) {
    bool wanted =
        provenance.selected.empty() ||
        std::find(provenance.selected.begin(), provenance.selected.end(), f.id) != provenance.selected.end();
    if (wanted && !stamped(f.id))
      return stale("source folder " + JoinPath(lists_dir, f.id) + " is new since it was built");
  }
  for (const SourceStamp& stamp : provenance.stamps) {
    bool present =
        std::any_of(folders.begin(), folders.end(), [&](const SourceFolder& f) { return f.id == stamp.id; });
    const std::string dir = JoinPath(lists_dir, stamp.id);
    if (!present) return stale("source folder " + dir + " has gone since it was built");
    std::vector<FileStamp> now;
    if (Status s = StampFolder(dir, &now); !s.ok()) return s;
    size_t i = 0, j = 0;
    while (i < stamp.files.size() || j < now.size()) {
      if (j == now.size() || (i < stamp.files.size() && stamp.files[i].path < now[j].path)) {
        return stale(JoinPath(dir, stamp.files[i].path) + " was removed since it was built");
      }
      if (i == stamp.files.size() || now[j].path < stamp.files[i].path) {
        return stale(JoinPath(dir, now[j].path) + " was added since it was built");
      }
      if (now[j].size != stamp.files[i].size || now[j].checksum != stamp.files[i].checksum) {
        return stale(JoinPath(dir, now[j].path) + " changed since it was built (" +
                     std::to_string(stamp.files[i].size) + " bytes then, " + std::to_string(now[j].size) +
                     " now)");
      }
      ++i;
      ++j;
    }
  }
  return Status::Ok();
}

namespace {

// Writes the sections of `engine` through `sink`, in order; returns the
// header that goes before them.
Result<std::string> WriteSections(const EngineImpl& engine,
                                  const std::function<bool(std::string_view)>& sink) {
  Provenance provenance = engine.provenance();
  if (provenance.stamps.empty() && !provenance.lists_dir.empty()) {
    // The versions were hashed when the lists were read; files that hash
    // otherwise now have changed since, and stamping them would label an
    // index of the old lists with the new files.
    for (const SourceInfo& info : engine.Sources()) {
      if (info.status.ok() && HashFiles(info.files) != info.version) {
        return Status::DataError(
            "list files of source '" + info.id + "' changed since the engine was built; open the lists again",
            {JoinPath(provenance.lists_dir, info.id)});
      }
    }
    if (Status s = StampSources(provenance.lists_dir, engine.Sources(), &provenance.stamps); !s.ok())
      return s;
  }
  provenance.saved_at = UtcNowIso8601();
  std::vector<StoredStatus> statuses;
  for (const SourceInfo& info : engine.Sources()) statuses.push_back(StoredStatus::From(info.status));

  uint64_t sizes[kSnapshotSections] = {}, sums[kSnapshotSections] = {};
  for (int i = 0; i < kSnapshotSections; ++i) {
    Checksum64Stream sum;
    ArchiveWriter w;
    w.SetSink([&](std::string_view piece) {
      sum.Update(piece.data(), piece.size());
      sizes[i] += piece.size();
      return sink(piece);
    });
    if (i == 0) w(provenance, engine.Sources(), statuses);
    if (i == 1) w(engine.Entities());
    if (i == 2) NameIndexCodec::Write(engine.index(), &w);
    if (!w.Flush()) return Status::IoError("cannot write the snapshot");
    sums[i] = sum.Digest();
  }
  std::string header(kSnapshotHeaderBytes, '\0');
  PutHeader(ThisBuildHeader(sizes, sums), header.data());
  return header;
}

// Checks what the header alone tells, for a snapshot of `total` bytes
// whose first bytes are `head`.
Status CheckHeader(std::string_view head, uint64_t total, const std::string& name, Header* out) {
  auto error = [&](const std::string& message) { return Status::DataError(message, {name}); };
  if (head.size() < sizeof(kMagic) || std::memcmp(head.data(), kMagic, sizeof(kMagic)) != 0) {
    return error("not a cordon snapshot (no CORDSNAP header)");
  }
  if (head.size() < kSnapshotHeaderBytes) {
    return error("truncated snapshot: " + std::to_string(total) + " bytes, shorter than its header");
  }
  const Header h = GetHeader(head.data());
  if (h.version != kSnapshotFormatVersion) {
    return error("snapshot format version " + std::to_string(h.version) + " (written by cordon " + h.writer +
                 "); this build reads version " + std::to_string(kSnapshotFormatVersion) +
                 ": rebuild the snapshot");
  }
  if (h.byte_order != kByteOrderMark) return error("snapshot written on a machine of another byte order");
  if (Checksum64(head.substr(0, kHeaderSumAt)) != h.header_sum) {
    return error("corrupted snapshot: header checksum mismatch");
  }
  uint64_t payload = 0;
  for (uint64_t size : h.section_size) payload += size;
  if (payload != h.payload_bytes) return error("corrupted snapshot: section sizes do not add up");
  if (total - kSnapshotHeaderBytes < h.payload_bytes) {
    return error("truncated snapshot: " + std::to_string(total) + " bytes, the header announces " +
                 std::to_string(kSnapshotHeaderBytes + h.payload_bytes));
  }
  if (total - kSnapshotHeaderBytes > h.payload_bytes) {
    return error("corrupted snapshot: " + std::to_string(total - kSnapshotHeaderBytes - h.payload_bytes) +
                 " bytes beyond the announced end");
  }
  if (h.layout != LayoutFingerprint()) {
    return error("snapshot written by another cordon build (cordon " + h.writer + ", layout " +
                 Hex(h.layout) + "; this build's index layout is " + Hex(LayoutFingerprint()) +
                 "): rebuild the snapshot");
  }
  *out = h;
  return Status::Ok();
}

const char* const kSectionNames[kSnapshotSections] = {"sources", "entities", "index"};

// Where the sections' bytes come from: memory (the whole snapshot) or an
// open file read in pieces.
struct SectionSource {
  std::string_view bytes;  // memory
  int fd = -1;             // file
  const Header* header = nullptr;
  const std::string* name = nullptr;

  // Decodes section `i` with decode(ArchiveReader&) -> bool, which must
  // consume it exactly, and checks its checksum.
  template <class Decode>
  Status Read(int i, Decode decode) const {
    const uint64_t offset = header->SectionOffset(i), size = header->section_size[i];
    const std::string what = std::string(kSectionNames[i]) + " section";
    auto corrupted = [&](const std::string& detail) {
      return Status::DataError("corrupted snapshot (" + what + " " + detail + ")", {*name});
    };
    if (fd < 0) {
      std::string_view view = bytes.substr(offset, size);
      if (Checksum64(view) != header->section_sum[i]) return corrupted("checksum mismatch");
      ArchiveReader in(view);
      if (!decode(in)) return corrupted(in.error());
      if (in.left() != 0)
        return corrupted("has " + std::to_string(in.left()) + " unexpected bytes at its end");
      return Status::Ok();
    }
    // From the file: decoded while read (decoders are safe on any bytes),
    // then the checksum decides; a damaged section reads as a checksum
    // mismatch, whatever the decoder made of it.
    ArchiveReader in(fd, offset, size);
    const bool decoded = decode(in);
    const size_t left = in.left();
    if (!in.Drain() || in.io_failed())
      return Status::IoError("cannot read the snapshot: " + in.error(), {*name});
    if (in.FileChecksum() != header->section_sum[i]) return corrupted("checksum mismatch");
    if (!decoded) return corrupted(in.error());
    if (left != 0) return corrupted("has " + std::to_string(left) + " unexpected bytes at its end");
    return Status::Ok();
  }
};

// Decodes the sections: the index on a second thread, the sources and
// entities on this one (after the build fingerprint, which also readies
// this thread's ICU transliterators for a first query).
Result<std::unique_ptr<Engine>> DecodeSections(const SectionSource& src, const SnapshotReadOptions& options) {
  const std::string& name = *src.name;
  std::unique_ptr<NameIndex> index;
  Status index_status;
  std::thread index_thread([&] {
    index_status = src.Read(2, [&](ArchiveReader& in) {
      index = NameIndexCodec::Read(&in);
      return index != nullptr;
    });
    if (index_status.ok()) {
      if (Status s = NameIndexCodec::ValidateShape(*index); !s.ok()) {
        index_status = Status::DataError("corrupted snapshot: " + s.message(), {name});
      }
    }
  });
  struct JoinOnExit {
    std::thread* t;
    ~JoinOnExit() {
      if (t->joinable()) t->join();
    }
  } join_index{&index_thread};

  if (options.check_build && ProbeFingerprint() != src.header->build) {
    return Status::DataError("snapshot written by a cordon build that indexes names differently (cordon " +
                                 src.header->writer + ", build fingerprint " + Hex(src.header->build) +
                                 ", this build " + Hex(ProbeFingerprint()) + "): rebuild the snapshot",
                             {name});
  }
  Provenance provenance;
  std::vector<SourceInfo> sources;
  std::vector<StoredStatus> statuses;
  if (Status s = src.Read(0, [&](ArchiveReader& in) { return in(provenance, sources, statuses); }); !s.ok())
    return s;
  if (statuses.size() != sources.size()) {
    return Status::DataError("corrupted snapshot: sources and statuses differ in count", {name});
  }
  for (size_t i = 0; i < sources.size(); ++i) sources[i].status = statuses[i].ToStatus();
  std::vector<Entity> entities;
  if (Status s = src.Read(1, [&](ArchiveReader& in) { return in(entities); }); !s.ok()) return s;
  // The entities obey what Engine::Open and FromEntities guarantee: a name,
  // and a loaded source whose counts add up.
  std::vector<size_t> counted(sources.size(), 0);
  for (size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    size_t s = 0;
    while (s < sources.size() && !(sources[s].id == e.source && sources[s].status.ok())) ++s;
    if (s == sources.size() || e.names.empty()) {
      return Status::DataError("corrupted snapshot: entity " + std::to_string(i) +
                                   (e.names.empty() ? " has no name" : " of an unknown source"),
                               {name});
    }
    ++counted[s];
  }
  for (size_t s = 0; s < sources.size(); ++s) {
    if (counted[s] != sources[s].entities) {
      return Status::DataError("corrupted snapshot: source '" + sources[s].id + "' announces " +
                                   std::to_string(sources[s].entities) + " entities, holds " +
                                   std::to_string(counted[s]),
                               {name});
    }
  }
  index_thread.join();
  if (!index_status.ok()) return index_status;
  if (Status s = NameIndexCodec::ValidateEntities(*index, entities); !s.ok()) {
    return Status::DataError("corrupted snapshot: " + s.message(), {name});
  }
  if (!options.lists_dir.empty()) {
    if (Status s = CheckListsUnchanged(provenance, options.lists_dir); !s.ok()) {
      if (s.code() != StatusCode::kDataError) return s;
      return Status::DataError(s.message(), {name});
    }
  }
  return std::unique_ptr<Engine>(
      new EngineImpl(std::move(entities), std::move(sources), std::move(index), std::move(provenance)));
}

}  // namespace

Result<std::string> EncodeSnapshot(const EngineImpl& engine) {
  std::string out(kSnapshotHeaderBytes, '\0');
  Result<std::string> header = WriteSections(engine, [&out](std::string_view piece) {
    out.append(piece);
    return true;
  });
  if (!header.ok()) return header.status();
  out.replace(0, kSnapshotHeaderBytes, header.value());
  return out;
}

Result<std::unique_ptr<Engine>> DecodeSnapshot(std::string_view bytes, const std::string& name,
                                               const SnapshotReadOptions& options) {
  Header header;
  if (Status s = CheckHeader(bytes, bytes.size(), name, &header); !s.ok()) return s;
  SectionSource src;
  src.bytes = bytes;
  src.header = &header;
  src.name = &name;
  return DecodeSections(src, options);
}

// ---- The public entry points ----------------------------------------------

Result<std::unique_ptr<Engine>> Engine::OpenSnapshot(const std::string& path,
                                                     const SnapshotOptions& options) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int e = errno;
    std::string message = std::string("cannot open the snapshot: ") + std::strerror(e);
    return e == ENOENT ? Status::NotFound(message, {path}) : Status::IoError(message, {path});
  }
  struct CloseOnExit {
    int fd;
    ~CloseOnExit() { ::close(fd); }
  } close_fd{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return Status::IoError("not a regular file", {path});
  char head[kSnapshotHeaderBytes];
  size_t got = 0;
  while (got < sizeof(head)) {
    ssize_t r = ::pread(fd, head + got, sizeof(head) - got, static_cast<off_t>(got));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0)
      return Status::IoError(std::string("cannot read the snapshot: ") + std::strerror(errno), {path});
    if (r == 0) break;
    got += static_cast<size_t>(r);
  }
  Header header;
  if (Status s = CheckHeader(std::string_view(head, got), static_cast<uint64_t>(st.st_size), path, &header);
      !s.ok()) {
    return s;
  }
  SectionSource src;
  src.fd = fd;
  src.header = &header;
  src.name = &path;
  SnapshotReadOptions read;
  read.lists_dir = options.lists_dir;
  return DecodeSections(src, read);
}

Status EngineImpl::SaveSnapshot(const std::string& path) const {
  // Written beside the target and renamed over it: a reader (a server
  // reloading) sees the old snapshot or the new one, never a mix.
  // (pid and a counter: concurrent saves never share a temporary file).
  static std::atomic<uint64_t> saves{0};
  const std::string tmp = path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(saves++);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    return Status::IoError("cannot create the snapshot: " + std::string(std::strerror(errno)), {tmp});
  int write_errno = 0;
  auto write_all = [&](const char* p, size_t n, off_t at) {
    while (n > 0) {
      ssize_t w = at < 0 ? ::write(fd, p, n) : ::pwrite(fd, p, n, at);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        write_errno = w < 0 ? errno : EIO;
        return false;
      }
      p += w;
      n -= static_cast<size_t>(w);
      if (at >= 0) at += w;
    }
    return true;
  };
  const std::string placeholder(kSnapshotHeaderBytes, '\0');
  bool ok = write_all(placeholder.data(), placeholder.size(), -1);
  Result<std::string> header = WriteSections(
      *this, [&](std::string_view piece) { return ok && write_all(piece.data(), piece.size(), -1); });
  if (!header.ok() && write_errno == 0) {
    ::close(fd);
    ::unlink(tmp.c_str());
    return header.status();
  }
  ok = ok && header.ok() && write_all(header.value().data(), header.value().size(), 0);
  ok = ok && (::fsync(fd) == 0 || (write_errno = errno, false));
  ok = (::close(fd) == 0) && ok;
  if (!ok) {
    ::unlink(tmp.c_str());
    return Status::IoError(
        "cannot write the snapshot: " + std::string(std::strerror(write_errno ? write_errno : EIO)), {tmp});
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int e = errno;
    ::unlink(tmp.c_str());
    return Status::IoError("cannot move the snapshot into place: " + std::string(std::strerror(e)), {path});
  }
  return Status::Ok();
}

}  // namespace cordon
