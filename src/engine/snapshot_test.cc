// Snapshots: an engine saved and opened again screens exactly like the
// engine that was saved (byte-identical JSON over a few hundred varied
// queries), and every broken, foreign or stale snapshot is refused with a
// DataError naming the file and the problem.
#include "engine/snapshot.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include "base/binary_archive.h"
#include "base/json_writer.h"
#include "cordon/engine.h"
#include "model/match_json.h"

namespace cordon {
namespace {

namespace fs = std::filesystem;

const std::string kSmallLists = std::string(CORDON_SOURCE_DIR) + "/tests/data/snapshot_lists";
const std::string kBundledLists = std::string(CORDON_SOURCE_DIR) + "/data/lists";

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void WriteAll(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

class TempDir {
 public:
  TempDir() {
    static int n = 0;
    path_ = fs::temp_directory_path() /
            ("cordon_snapshot_test_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string Path(const std::string& rel = "") const {
    return rel.empty() ? path_.string() : (path_ / rel).string();
  }

 private:
  fs::path path_;
};

std::unique_ptr<Engine> OpenLists(const std::string& dir, std::vector<std::string> sources = {}) {
  LoadOptions o;
  o.lists_dir = dir;
  o.sources = std::move(sources);
  Result<std::unique_ptr<Engine>> e = Engine::Open(o);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return e.ok() ? std::move(e).value() : nullptr;
}

std::unique_ptr<Engine> OpenSnap(const std::string& path, const SnapshotOptions& o = {}) {
  Result<std::unique_ptr<Engine>> e = Engine::OpenSnapshot(path, o);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return e.ok() ? std::move(e).value() : nullptr;
}

// A screening as text: the JSON of the matches (scores rounded there),
// then every score exactly, or the error.
std::string Screening(const Engine& engine, const Query& q, const ScreenOptions& o) {
  Result<std::vector<Match>> r = engine.Screen(q, o);
  if (!r.ok()) return "error: " + r.status().ToString();
  std::string out;
  JsonWriter w(&out);
  WriteMatchesJson(r.value(), &w);
  for (const Match& m : r.value()) {
    char buf[64];
    std::snprintf(buf, sizeof(buf), " %a/%a", m.score, m.explanation.name_score);
    out += buf;
  }
  return out;
}

// Names in every script and shape the index treats differently, with and
// without birth date, country and identifier.
std::vector<Query> FixedQueries() {
  std::vector<Query> out;
  const char* names[] = {"Ivan Sidorov",
                         "Сидоров Иван",
                         "СИДОРОВ Иван Петрович",
                         "Iwan Sidorow",
                         "Sidorov, Ivan P.",
                         "Pak Chol Su",
                         "박철수",
                         "Пак Чхоль Су",
                         "Park Cheolsu",
                         "Bak Cheol Su",
                         "Wang Xiaoming",
                         "王小明",
                         "Wang Xiao Ming",
                         "Khalid al-Mansouri",
                         "خالد المنصوري",
                         "Khaled Mansuri",
                         "Abu Yusuf",
                         "Reza Karimi Nezhad",
                         "رضا کریمی",
                         "Lee Seungho",
                         "이승호",
                         "Ri Seung Ho",
                         "Olga Kuznetsova",
                         "Кузнецова Ольга",
                         "Dmitry Orlov",
                         "Орлов Дмитрий",
                         "Zhang Wei",
                         "张伟",
                         "Choe Myong Nam",
                         "최명남",
                         "Mohamed Ali Hassan",
                         "محمد علي",
                         "Ioannis Papadopoulos",
                         "Ιωάννης Παπαδόπουλος",
                         "Hans-Juergen Muller",
                         "Maria Garcia Lopez",
                         "Abu Omar al-Shami",
                         "Romashka Trading",
                         "ООО Ромашка",
                         "Romashka LLC",
                         "Romashka Ltd",
                         "Sobaeksu Trading",
                         "조선소백수무역회사",
                         "Golden Lotus Shipping",
                         "金莲航运",
                         "Al Noor Exchange",
                         "شركة النور",
                         "Kaveh Petrochemical",
                         "Severny Metallurgical",
                         "Северный завод",
                         "Baltic Bridge Holdings",
                         "Eastern Star Trading",
                         "Ocean Star",
                         "Sea Glory 7",
                         "Paek Ma",
                         "백마",
                         "Neptune Trader",
                         "EP-TQA",
                         "Bank Ayandeh",
                         "Volga Grain Export",
                         "Amara Reyes",
                         "Teodor Vasilesku",
                         "Nguyen Van An",
                         "Kim Soo Yeon",
                         "김수연",
                         "Rashad Aliyev",
                         "Алиев Рашад",
                         "Liu Jianguo",
                         "刘建国",
                         "Fatemeh Hosseini",
                         "فاطمه حسینی",
                         "John Smith",
                         "Ким Чен Ын",
                         "Mohammed",
                         "Trading Company",
                         "Vladimir Putin",
                         "PUTIN, Vladimir Vladimirovich",
                         "Hizballah",
                         "Bank Melli Iran",
                         "Sea Star"};
  for (const char* n : names) out.push_back(Query{n});
  Query q{"Ivan Sidorov"};
  q.kind = EntityKind::kPerson;
  q.birth_date = "1961-04-12";
  q.country = "RU";
  out.push_back(q);
  q.birth_date = "1990";  // far off
  out.push_back(q);
  q = Query{"any name"};
  q.kind = EntityKind::kVessel;
  q.id_numbers = {"IMO 9123456"};
  out.push_back(q);
  q = Query{"Pak Chol Su"};
  q.kind = EntityKind::kPerson;
  q.id_numbers = {"836410077"};
  q.country = "North Korea";
  out.push_back(q);
  q = Query{"Romashka"};
  q.kind = EntityKind::kOrganization;
  q.country = "Russia";
  out.push_back(q);
  q = Query{""};  // errors are compared too
  out.push_back(q);
  q = Query{"Zhang Wei"};
  q.birth_date = "not a date";
  out.push_back(q);
  return out;
}

// Queries made from the listed names: as listed, words reversed, one letter
// dropped, first and last word only; with the entity's kind, birth date,
// country or identifier on some. Seeded: the same queries every run.
std::vector<Query> QueriesFromEntities(const Engine& engine, size_t max_entities, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<Query> out;
  const std::vector<Entity>& entities = engine.Entities();
  const size_t step = std::max<size_t>(1, entities.size() / max_entities);
  for (size_t i = 0; i < entities.size(); i += step) {
    const Entity& e = entities[i];
    const Name& n = e.names[rng() % e.names.size()];
    std::vector<std::string> words;
    std::string w;
    for (char c : n.full + " ") {
      if (c == ' ') {
        if (!w.empty()) words.push_back(w);
        w.clear();
      } else {
        w.push_back(c);
      }
    }
    if (words.empty()) continue;
    Query q{n.full};
    switch (rng() % 4) {
      case 1: {
        std::string reversed;
        for (auto it = words.rbegin(); it != words.rend(); ++it)
          reversed += (reversed.empty() ? "" : " ") + *it;
        q.name = reversed;
        break;
      }
      case 2: {
        std::string& word = words[rng() % words.size()];
        bool ascii = std::all_of(word.begin(), word.end(), [](char c) { return (c & 0x80) == 0; });
        if (ascii && word.size() >= 5) word.erase(1 + rng() % (word.size() - 2), 1);
        q.name.clear();
        for (const auto& x : words) q.name += (q.name.empty() ? "" : " ") + x;
        break;
      }
      case 3:
        if (words.size() >= 3) q.name = words.front() + " " + words.back();
        break;
      default:
        break;
    }
    switch (rng() % 5) {
      case 1:
        q.kind = e.schema == Schema::kPerson   ? EntityKind::kPerson
                 : e.schema == Schema::kVessel ? EntityKind::kVessel
                                               : EntityKind::kAny;
        if (!e.birth_dates.empty()) q.birth_date = e.birth_dates[0].ToString();
        break;
      case 2:
        if (!e.countries.empty() && e.countries[0].size() == 2) q.country = e.countries[0];
        break;
      case 3:
        if (!e.documents.empty()) q.id_numbers = {e.documents[0].number};
        break;
      default:
        break;
    }
    if (q.birth_date.find_first_of("~.") != std::string::npos) q.birth_date.clear();
    out.push_back(std::move(q));
  }
  return out;
}

// Screens every query on both engines with several option sets and
// compares the JSON byte for byte. Returns how many screenings had matches
// (so a comparison of empty results cannot pass unnoticed).
size_t ExpectSameScreenings(const Engine& built, const Engine& loaded, const std::vector<Query>& queries,
                            bool with_ofac) {
  std::vector<ScreenOptions> option_sets(3);
  option_sets[1].threshold = 0.7;
  option_sets[1].limit = 3;
  option_sets[2].algorithm = Algorithm::kOfacSls;
  size_t with_matches = 0, compared = 0;
  for (size_t i = 0; i < queries.size(); ++i) {
    for (size_t o = 0; o < option_sets.size(); ++o) {
      if (o == 2 && (!with_ofac || i % 7 != 0)) continue;  // the OFAC mirror scans every name: sample it
      std::string a = Screening(built, queries[i], option_sets[o]);
      std::string b = Screening(loaded, queries[i], option_sets[o]);
      EXPECT_EQ(a, b) << "query '" << queries[i].name << "' options " << o;
      with_matches += a.rfind("[{", 0) == 0;
      ++compared;
    }
  }
  EXPECT_GT(compared, 0u);
  return with_matches;
}

void ExpectSameSources(const Engine& a, const Engine& b) {
  ASSERT_EQ(a.Sources().size(), b.Sources().size());
  for (size_t i = 0; i < a.Sources().size(); ++i) {
    const SourceInfo& x = a.Sources()[i];
    const SourceInfo& y = b.Sources()[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.format, y.format);
    EXPECT_EQ(x.as_of, y.as_of);
    EXPECT_EQ(x.version, y.version);
    EXPECT_EQ(x.files, y.files);
    EXPECT_EQ(x.entities, y.entities);
    EXPECT_EQ(x.names, y.names);
    EXPECT_EQ(x.skipped.size(), y.skipped.size());
    EXPECT_EQ(x.status.ToString(), y.status.ToString());
  }
  EXPECT_EQ(a.Entities().size(), b.Entities().size());
}

TEST(SnapshotTest, ReopenedEngineScreensByteForByteAlike) {
  TempDir tmp;
  auto built = OpenLists(kSmallLists);
  ASSERT_NE(built, nullptr);
  ASSERT_EQ(built->Entities().size(), 38u);
  ASSERT_TRUE(built->SaveSnapshot(tmp.Path("small.snap")).ok());
  auto loaded = OpenSnap(tmp.Path("small.snap"));
  ASSERT_NE(loaded, nullptr);
  ExpectSameSources(*built, *loaded);
  std::vector<Query> queries = FixedQueries();
  for (uint32_t seed : {1u, 2u, 3u, 4u, 5u, 6u}) {
    std::vector<Query> more = QueriesFromEntities(*built, 100, seed);
    queries.insert(queries.end(), more.begin(), more.end());
  }
  ASSERT_GE(queries.size(), 300u);
  size_t with_matches = ExpectSameScreenings(*built, *loaded, queries, true);
  EXPECT_GT(with_matches, queries.size() / 2);
  // A hit names the list version it came from.
  Result<std::vector<Match>> r = loaded->Screen({"Сидоров Иван"}, {});
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r.value().empty());
  EXPECT_EQ(r.value()[0].explanation.list_as_of, "2025-01-15");
  EXPECT_EQ(r.value()[0].explanation.list_version, built->FindSource("watchlist")->version);
}

// Real list data (UN and BIS: Arabic, Cyrillic, Korean and Chinese original
// scripts, many aliases and documents). The whole bundle is checked by
// bench/snapshot.
TEST(SnapshotTest, ReopenedBundledSourcesScreenAlike) {
  TempDir tmp;
  auto built = OpenLists(kBundledLists, {"un", "us_bis_dpl"});
  ASSERT_NE(built, nullptr);
  ASSERT_TRUE(built->SaveSnapshot(tmp.Path("un.snap")).ok());
  auto loaded = OpenSnap(tmp.Path("un.snap"));
  ASSERT_NE(loaded, nullptr);
  ExpectSameSources(*built, *loaded);
  std::vector<Query> queries = QueriesFromEntities(*built, 250, 42);
  std::vector<Query> fixed = FixedQueries();
  queries.insert(queries.end(), fixed.begin(), fixed.end());
  size_t with_matches = ExpectSameScreenings(*built, *loaded, queries, false);
  EXPECT_GT(with_matches, queries.size() / 2);
}

TEST(SnapshotTest, EngineFromEntitiesRoundTrips) {
  TempDir tmp;
  Entity e;
  e.source = "customers";
  e.source_id = "C1";
  e.schema = Schema::kPerson;
  e.names = {Name{"Ivan Petrov"}, Name{"Иван Петров", NameType::kAlias}};
  SourceInfo info;
  info.id = "customers";
  info.version = "v1";
  auto built = Engine::FromEntities({e}, {info});
  ASSERT_TRUE(built.ok());
  ASSERT_TRUE(built.value()->SaveSnapshot(tmp.Path("c.snap")).ok());
  auto loaded = OpenSnap(tmp.Path("c.snap"));
  ASSERT_NE(loaded, nullptr);
  EXPECT_EQ(Screening(*built.value(), {"Петров Иван"}, {}), Screening(*loaded, {"Петров Иван"}, {}));
  // Not made from list folders: it cannot be checked against any.
  SnapshotOptions check;
  check.lists_dir = kSmallLists;
  Result<std::unique_ptr<Engine>> r = Engine::OpenSnapshot(tmp.Path("c.snap"), check);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("not built from list folders"), std::string::npos);
}

class BrokenSnapshotTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto engine = OpenLists(kSmallLists);
    ASSERT_NE(engine, nullptr);
    TempDir tmp;
    ASSERT_TRUE(engine->SaveSnapshot(tmp.Path("s.snap")).ok());
    good_ = new std::string(ReadAll(tmp.Path("s.snap")));
  }
  static void TearDownTestSuite() { delete good_; }

  // Writes `bytes` as a snapshot file, opens it, expects a DataError naming
  // the file whose message contains `expected`.
  void ExpectRefused(const std::string& bytes, const std::string& expected) {
    WriteAll(tmp_.Path("bad.snap"), bytes);
    Result<std::unique_ptr<Engine>> r = Engine::OpenSnapshot(tmp_.Path("bad.snap"));
    ASSERT_FALSE(r.ok()) << "accepted a snapshot that should fail with: " << expected;
    EXPECT_EQ(r.status().code(), StatusCode::kDataError) << r.status().ToString();
    EXPECT_EQ(r.status().location().file, tmp_.Path("bad.snap"));
    EXPECT_NE(r.status().message().find(expected), std::string::npos) << r.status().ToString();
  }

  static std::string* good_;
  TempDir tmp_;
};
std::string* BrokenSnapshotTest::good_ = nullptr;

TEST_F(BrokenSnapshotTest, GoodBytesOpen) {
  WriteAll(tmp_.Path("ok.snap"), *good_);
  EXPECT_NE(OpenSnap(tmp_.Path("ok.snap")), nullptr);
}

TEST_F(BrokenSnapshotTest, MissingFileIsNotFound) {
  Result<std::unique_ptr<Engine>> r = Engine::OpenSnapshot(tmp_.Path("none.snap"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(r.status().location().file, tmp_.Path("none.snap"));
}

TEST_F(BrokenSnapshotTest, NotASnapshot) {
  ExpectRefused("", "not a cordon snapshot");
  ExpectRefused("id,name\n1,Acme\n", "not a cordon snapshot");
}

TEST_F(BrokenSnapshotTest, Truncated) {
  for (size_t n : {size_t{10}, size_t{63}, size_t{64}, size_t{100}, good_->size() / 2, good_->size() - 1}) {
    ExpectRefused(good_->substr(0, n), "truncated");
  }
}

TEST_F(BrokenSnapshotTest, CorruptedPayloadFailsTheChecksum) {
  for (size_t at : {kSnapshotHeaderBytes, kSnapshotHeaderBytes + 100, good_->size() / 3, good_->size() - 1}) {
    std::string bad = *good_;
    bad[at] ^= 0x20;
    ExpectRefused(bad, "section checksum mismatch");
  }
  std::string bad_header = *good_;
  bad_header[60] ^= 0x01;  // a section size
  ExpectRefused(bad_header, "header checksum mismatch");
  ExpectRefused(*good_ + "x", "beyond the announced end");
}

TEST_F(BrokenSnapshotTest, OtherFormatVersion) {
  std::string bad = *good_;
  uint32_t v = kSnapshotFormatVersion + 1;
  std::memcpy(bad.data() + 8, &v, 4);
  ExpectRefused(bad, "format version " + std::to_string(v));
}

// What another build would write: a header field changed and the header
// checksum (bytes 120..127) recomputed.
std::string WithHeaderField(std::string bytes, size_t at) {
  bytes[at] ^= 1;
  const uint64_t sum = Checksum64(std::string_view(bytes).substr(0, kSnapshotHeaderBytes - 8));
  std::memcpy(bytes.data() + kSnapshotHeaderBytes - 8, &sum, 8);
  return bytes;
}

TEST_F(BrokenSnapshotTest, OtherBuildLayout) {
  ExpectRefused(WithHeaderField(*good_, 16), "another cordon build");  // layout fingerprint
}

TEST_F(BrokenSnapshotTest, OtherBuildIndexing) {
  // Build fingerprint: same layout, names indexed otherwise.
  ExpectRefused(WithHeaderField(*good_, 24), "indexes names differently");
}

TEST_F(BrokenSnapshotTest, DecodedInMemoryAlike) {
  // DecodeSnapshot (memory) and OpenSnapshot (file, in pieces) agree.
  SnapshotReadOptions options;
  Result<std::unique_ptr<Engine>> a = DecodeSnapshot(*good_, "memory", options);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  WriteAll(tmp_.Path("ok.snap"), *good_);
  auto b = OpenSnap(tmp_.Path("ok.snap"));
  ASSERT_NE(b, nullptr);
  for (const Query& q : FixedQueries()) EXPECT_EQ(Screening(*a.value(), q, {}), Screening(*b, q, {}));
  std::string bad = *good_;
  bad[good_->size() / 2] ^= 0x20;
  Result<std::unique_ptr<Engine>> c = DecodeSnapshot(bad, "memory", options);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("checksum mismatch"), std::string::npos) << c.status().ToString();
}

// Past the checksum (resealed), damaged sections are still refused: the
// decoders check every length, enum, id and cross-reference.
TEST_F(BrokenSnapshotTest, ResealedDamageIsRefusedOrHarmless) {
  std::mt19937 rng(7);
  size_t refused = 0;
  SnapshotReadOptions options;
  options.check_build = false;
  for (int i = 0; i < 400; ++i) {
    std::string bad = *good_;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < edits; ++k) {
      size_t at = kSnapshotHeaderBytes + rng() % (bad.size() - kSnapshotHeaderBytes);
      bad[at] = static_cast<char>(rng());
    }
    ResealSnapshot(&bad);
    Result<std::unique_ptr<Engine>> r = DecodeSnapshot(bad, "fuzzed", options);
    if (!r.ok()) {
      ++refused;
      EXPECT_EQ(r.status().code(), StatusCode::kDataError);
      continue;
    }
    // Accepted (a changed letter in a name, a date): it must still screen.
    for (const char* name : {"Ivan Sidorov", "박철수", "Ocean Star"}) (void)r.value()->Screen({name}, {});
  }
  EXPECT_GT(refused, 0u);
  for (size_t n = kSnapshotHeaderBytes; n < good_->size(); n += 97) {
    std::string cut = good_->substr(0, n);
    ResealSnapshot(&cut);
    Result<std::unique_ptr<Engine>> r = DecodeSnapshot(cut, "cut", options);
    EXPECT_FALSE(r.ok()) << "prefix of " << n << " bytes accepted";
  }
}

class StaleSnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(kSmallLists, tmp_.Path("lists"), fs::copy_options::recursive);
    auto engine = OpenLists(tmp_.Path("lists"));
    ASSERT_NE(engine, nullptr);
    ASSERT_TRUE(engine->SaveSnapshot(tmp_.Path("s.snap")).ok());
  }

  Status Check() {
    SnapshotOptions o;
    o.lists_dir = tmp_.Path("lists");
    return Engine::OpenSnapshot(tmp_.Path("s.snap"), o).status();
  }

  void ExpectStale(const std::string& expected) {
    Status s = Check();
    ASSERT_FALSE(s.ok()) << "stale snapshot accepted; expected: " << expected;
    EXPECT_EQ(s.code(), StatusCode::kDataError);
    EXPECT_EQ(s.location().file, tmp_.Path("s.snap"));
    EXPECT_EQ(s.message().rfind("stale snapshot: ", 0), 0u) << s.ToString();
    EXPECT_NE(s.message().find(expected), std::string::npos) << s.ToString();
  }

  TempDir tmp_;
};

TEST_F(StaleSnapshotTest, UnchangedListsPass) {
  EXPECT_TRUE(Check().ok()) << Check().ToString();
  // A copy of the same lists elsewhere is the same lists.
  fs::copy(tmp_.Path("lists"), tmp_.Path("copy"), fs::copy_options::recursive);
  SnapshotOptions o;
  o.lists_dir = tmp_.Path("copy");
  EXPECT_TRUE(Engine::OpenSnapshot(tmp_.Path("s.snap"), o).ok());
}

TEST_F(StaleSnapshotTest, ChangedFile) {
  std::ofstream(tmp_.Path("lists/peps/officials.csv"), std::ios::app) << "P-109,New Person,person,,,,\n";
  ExpectStale("peps/officials.csv changed");
  // Without a lists folder to compare with, the snapshot is trusted.
  EXPECT_TRUE(Engine::OpenSnapshot(tmp_.Path("s.snap")).ok());
}

TEST_F(StaleSnapshotTest, SameSizeEdit) {
  std::string csv = ReadAll(tmp_.Path("lists/watchlist/parties.csv"));
  csv[csv.find("SIDOROV")] = 'Z';
  WriteAll(tmp_.Path("lists/watchlist/parties.csv"), csv);
  ExpectStale("watchlist/parties.csv changed");
}

TEST_F(StaleSnapshotTest, AsOfDateChanged) {
  WriteAll(tmp_.Path("lists/peps/as_of.txt"), "2025-03-01\n");
  ExpectStale("peps/as_of.txt changed");
}

TEST_F(StaleSnapshotTest, FileAdded) {
  WriteAll(tmp_.Path("lists/peps/more.csv"), "id,name\nX1,Someone Else\n");
  ExpectStale("peps/more.csv was added");
}

TEST_F(StaleSnapshotTest, FileRemoved) {
  fs::remove(tmp_.Path("lists/watchlist/as_of.txt"));
  ExpectStale("watchlist/as_of.txt was removed");
}

TEST_F(StaleSnapshotTest, SourceAddedOrRemoved) {
  fs::create_directories(tmp_.Path("lists/internal"));
  WriteAll(tmp_.Path("lists/internal/block.csv"), "id,name\nB1,Blocked Party\n");
  ExpectStale("internal is new");
  fs::remove_all(tmp_.Path("lists/internal"));
  fs::remove_all(tmp_.Path("lists/peps"));
  ExpectStale("peps has gone");
}

TEST_F(StaleSnapshotTest, ListsDirMissing) {
  SnapshotOptions o;
  o.lists_dir = tmp_.Path("nowhere");
  EXPECT_EQ(Engine::OpenSnapshot(tmp_.Path("s.snap"), o).status().code(), StatusCode::kNotFound);
}

TEST_F(StaleSnapshotTest, SavingAfterTheListsChangedIsRefused) {
  auto engine = OpenLists(tmp_.Path("lists"));
  ASSERT_NE(engine, nullptr);
  std::ofstream(tmp_.Path("lists/watchlist/parties.csv"), std::ios::app) << "W-031,Late Entry,person,,,,\n";
  Status s = engine->SaveSnapshot(tmp_.Path("late.snap"));
  EXPECT_EQ(s.code(), StatusCode::kDataError) << s.ToString();
  EXPECT_NE(s.message().find("changed since the engine was built"), std::string::npos) << s.ToString();
  EXPECT_FALSE(fs::exists(tmp_.Path("late.snap")));
}

TEST_F(StaleSnapshotTest, ReSavingAReopenedSnapshotKeepsItsStamps) {
  auto loaded = OpenSnap(tmp_.Path("s.snap"));
  ASSERT_NE(loaded, nullptr);
  ASSERT_TRUE(loaded->SaveSnapshot(tmp_.Path("again.snap")).ok());
  SnapshotOptions o;
  o.lists_dir = tmp_.Path("lists");
  EXPECT_TRUE(Engine::OpenSnapshot(tmp_.Path("again.snap"), o).ok());
  WriteAll(tmp_.Path("lists/peps/as_of.txt"), "2025-03-01\n");
  EXPECT_FALSE(Engine::OpenSnapshot(tmp_.Path("again.snap"), o).ok());
}

TEST(SnapshotSaveTest, UnwritablePathIsAnIoError) {
  auto engine = OpenLists(kSmallLists);
  ASSERT_NE(engine, nullptr);
  Status s = engine->SaveSnapshot("/nonexistent-dir/x.snap");
  EXPECT_EQ(s.code(), StatusCode::kIoError) << s.ToString();
}

}  // namespace
}  // namespace cordon
