#include "base/binary_archive.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <random>

namespace cordon {

enum class Colour : uint8_t { kRed = 0, kGreen, kBlue };
template <>
struct ArchiveEnumMax<Colour> {
  static constexpr uint64_t kMax = 2;
};

struct Leaf {
  uint32_t id = 0;
  Colour colour = Colour::kRed;
  std::string label;
  bool flag = false;
};
template <>
struct ArchiveFields<Leaf> {
  static constexpr int kSkipped = 0;
  static auto Of(Leaf& l) { return std::tie(l.id, l.colour, l.label, l.flag); }
};

struct Cell {  // no padding: copied as a block inside vectors
  uint64_t hash = 0;
  uint32_t begin = 0;
  uint32_t count = 0;
};
template <>
struct ArchiveFields<Cell> {
  static constexpr int kSkipped = 0;
  static constexpr bool kRaw = true;
  static auto Of(Cell& c) { return std::tie(c.hash, c.begin, c.count); }
};

struct Tree {
  std::vector<Leaf> leaves;
  std::vector<Cell> cells;
  std::vector<float> weights;
  std::vector<std::vector<uint32_t>> postings;
  std::unordered_map<std::string, std::vector<uint32_t>> by_key;
  std::pair<int, std::string> tag;
  double derived = 0;  // recomputed, not archived
};
template <>
struct ArchiveFields<Tree> {
  static constexpr int kSkipped = 1;  // derived
  static auto Of(Tree& t) { return std::tie(t.leaves, t.cells, t.weights, t.postings, t.by_key, t.tag); }
};

static_assert(ArchiveFieldsComplete<Leaf>());
static_assert(ArchiveFieldsComplete<Cell>());
static_assert(ArchiveFieldsComplete<Tree>());
struct Incomplete {
  int a = 0;
  int b = 0;
};
template <>
struct ArchiveFields<Incomplete> {
  static constexpr int kSkipped = 0;
  static auto Of(Incomplete& x) { return std::tie(x.a); }  // forgets b
};
static_assert(!ArchiveFieldsComplete<Incomplete>(), "a forgotten member must be detected");

namespace {

Tree Sample() {
  Tree t;
  t.leaves = {{1, Colour::kBlue, "vladimir", true}, {2, Colour::kGreen, std::string(300, 'x'), false}};
  t.cells = {{0xdeadbeef, 0, 3}, {42, 3, 1}};
  t.weights = {0.1f, 1.0f, -0.0f, std::nanf("")};
  t.postings = {{}, {1, 2, 3}, {7}};
  t.by_key = {{"passport1", {1}}, {"imo9123456", {0, 2}}};
  t.tag = {-5, "tag"};
  t.derived = 3.5;
  return t;
}

std::string Write(const Tree& t) {
  ArchiveWriter w;
  w(t);
  return w.bytes();
}

TEST(ChecksumTest, MatchesReferenceXxh64) {
  // Reference values from libxxhash 0.8.1.
  EXPECT_EQ(Checksum64(""), 0xef46db3751d8e999ULL);
  EXPECT_EQ(Checksum64("abc"), 0x44bc2cf5ad770999ULL);
  EXPECT_EQ(Checksum64("cordon snapshot", 7), 0xcb1cb63bc7e03869ULL);
  EXPECT_EQ(Checksum64("0123456789abcdefghijklmnopqrstuvwxyz!", 12345), 0x50f53b2469ff1a31ULL);
  std::string block;
  for (int r = 0; r < 3; ++r) {
    for (int i = 0; i < 256; ++i) block.push_back(static_cast<char>(i));
  }
  block += "xyz";
  EXPECT_EQ(Checksum64(block), 0xe921a1b45bd779f8ULL);
}

TEST(ChecksumTest, StreamEqualsOneShotWhateverThePieces) {
  std::mt19937 rng(3);
  std::string data(5000, '\0');
  for (char& c : data) c = static_cast<char>(rng());
  for (size_t len : {size_t{0}, size_t{5}, size_t{31}, size_t{32}, size_t{33}, size_t{100}, size_t{5000}}) {
    for (int trial = 0; trial < 20; ++trial) {
      Checksum64Stream s(len);
      size_t at = 0;
      while (at < len) {
        size_t piece = std::min<size_t>(len - at, rng() % 70);
        s.Update(data.data() + at, piece);
        at += piece;
      }
      EXPECT_EQ(s.Digest(), Checksum64(std::string_view(data).substr(0, len), len)) << len;
    }
  }
}

TEST(BinaryArchiveTest, RoundTripsEveryKindOfMember) {
  Tree in = Sample();
  std::string bytes = Write(in);
  Tree out;
  ArchiveReader r(bytes);
  ASSERT_TRUE(r(out)) << r.error();
  EXPECT_EQ(r.left(), 0u);
  ASSERT_EQ(out.leaves.size(), 2u);
  EXPECT_EQ(out.leaves[0].colour, Colour::kBlue);
  EXPECT_EQ(out.leaves[1].label, in.leaves[1].label);
  EXPECT_TRUE(out.leaves[0].flag);
  ASSERT_EQ(out.cells.size(), 2u);
  EXPECT_EQ(out.cells[0].hash, 0xdeadbeefu);
  EXPECT_EQ(out.cells[1].begin, 3u);
  ASSERT_EQ(out.weights.size(), 4u);
  EXPECT_TRUE(std::signbit(out.weights[2]));  // bit-exact floats
  EXPECT_TRUE(std::isnan(out.weights[3]));
  EXPECT_EQ(out.postings, in.postings);
  EXPECT_EQ(out.by_key, in.by_key);
  EXPECT_EQ(out.tag, in.tag);
  EXPECT_EQ(out.derived, 0);     // skipped members are not archived
  EXPECT_EQ(Write(out), bytes);  // and writing again gives the same bytes
}

TEST(BinaryArchiveTest, EveryTruncationFailsCleanly) {
  std::string bytes = Write(Sample());
  for (size_t n = 0; n < bytes.size(); ++n) {
    Tree out;
    ArchiveReader r(std::string_view(bytes).substr(0, n));
    EXPECT_FALSE(r(out)) << "prefix of " << n << " bytes";
    EXPECT_NE(r.error().find("at byte"), std::string::npos);
  }
}

TEST(BinaryArchiveTest, RejectsOutOfRangeValuesAndHugeLengths) {
  Leaf leaf{1, Colour::kRed, "a", false};
  ArchiveWriter w;
  w(leaf);
  std::string bytes = w.bytes();
  std::string bad_enum = bytes;
  bad_enum[4] = 7;  // colour
  Leaf out;
  ArchiveReader r1(bad_enum);
  EXPECT_FALSE(r1(out));
  EXPECT_NE(r1.error().find("enum value 7"), std::string::npos) << r1.error();

  std::string bad_flag = bytes;
  bad_flag.back() = 2;
  ArchiveReader r2(bad_flag);
  EXPECT_FALSE(r2(out));
  EXPECT_NE(r2.error().find("flag"), std::string::npos) << r2.error();

  std::string huge = bytes;
  uint64_t n = ~uint64_t{0};
  std::memcpy(huge.data() + 5, &n, 8);  // the label's length
  ArchiveReader r3(huge);
  EXPECT_FALSE(r3(out));
  EXPECT_NE(r3.error().find("exceeds"), std::string::npos) << r3.error();

  std::vector<std::vector<uint32_t>> lists;
  ArchiveWriter w4;
  w4(uint64_t{1} << 40);  // a count of 2^40 lists with nothing behind it
  ArchiveReader r4(w4.bytes());
  EXPECT_FALSE(r4(lists));
}

// File mode reads in 1 MiB pieces: values larger than a piece and values
// split across pieces come back whole, and the file checksum covers the
// range whatever the decoder consumed.
TEST(BinaryArchiveTest, ReadsFromAFileInPieces) {
  Tree in = Sample();
  in.leaves[1].label = std::string(3 << 20, 'y');  // a string over three pieces
  in.postings.assign(300000, {1, 2, 3});           // many small vectors
  in.weights.assign(700000, 0.5f);                 // a raw array over pieces
  ArchiveWriter w;
  w.Raw("prefix", 6);
  w(in);
  w.Raw("suffix", 6);
  const std::string bytes = w.bytes();
  char path[] = "/tmp/cordon_archive_test_XXXXXX";
  int fd = ::mkstemp(path);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::write(fd, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  const uint64_t size = bytes.size() - 12;
  {
    ArchiveReader r(fd, 6, size);
    Tree out;
    ASSERT_TRUE(r(out)) << r.error();
    EXPECT_EQ(r.left(), 0u);
    EXPECT_EQ(out.leaves[1].label, in.leaves[1].label);
    EXPECT_EQ(out.postings, in.postings);
    EXPECT_EQ(out.weights, in.weights);
    EXPECT_EQ(out.by_key, in.by_key);
    ASSERT_TRUE(r.Drain());
    EXPECT_EQ(r.FileChecksum(), Checksum64(std::string_view(bytes).substr(6, size)));
  }
  {
    // A decoder that stops early: Drain() still checksums the whole range.
    ArchiveReader r(fd, 6, size);
    uint64_t count = 0;
    ASSERT_TRUE(r(count));
    ASSERT_TRUE(r.Drain());
    EXPECT_EQ(r.FileChecksum(), Checksum64(std::string_view(bytes).substr(6, size)));
  }
  {
    // A range beyond the end of the file: a read error, not a crash.
    ArchiveReader r(fd, 6, size + 100);
    Tree out;
    std::string more;
    EXPECT_FALSE(r(out) && r(more));
    EXPECT_TRUE(r.io_failed());
    EXPECT_NE(r.error().find("ended early"), std::string::npos) << r.error();
  }
  ::close(fd);
  std::remove(path);
}

TEST(BinaryArchiveTest, LayoutDescribesMembersNotValues) {
  ArchiveLayout a, b;
  a.Describe<Tree>();
  Tree t = Sample();
  b(t);
  EXPECT_EQ(a.text(), b.text());
  EXPECT_EQ(a.text(), "{[{u4e1su1}]raw16[{u8u4u4}]raw4[f4][raw4[u4]]map(sraw4[u4])(i4s)}");
}

}  // namespace
}  // namespace cordon
