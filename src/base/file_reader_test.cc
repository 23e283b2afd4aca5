#include "base/file_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace cordon {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("cordon_fr_" + name)).string();
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

TEST(FileReader, ReadsPlainFile) {
  std::string p = TempPath("plain.txt");
  WriteBytes(p, "hello\nworld");
  std::string out;
  ASSERT_TRUE(ReadFile(p, &out).ok());
  EXPECT_EQ(out, "hello\nworld");
}

TEST(FileReader, MissingFileIsNotFoundAndNamesPath) {
  std::string out;
  Status s = ReadFile("/nonexistent/cordon/x.csv", &out);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_NE(s.ToString().find("/nonexistent/cordon/x.csv"), std::string::npos);
}

TEST(FileReader, GunzipsAndDetectsTruncation) {
  std::string p = TempPath("data.gz");
  gzFile gz = gzopen(p.c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  std::string payload(100000, 'x');
  for (size_t i = 0; i < payload.size(); i += 7) payload[i] = static_cast<char>('a' + i % 26);
  gzwrite(gz, payload.data(), static_cast<unsigned>(payload.size()));
  gzclose(gz);
  std::string out;
  ASSERT_TRUE(ReadFile(p, &out).ok());
  EXPECT_EQ(out, payload);

  // Cut the compressed file in half: must be an IoError, not silent data loss.
  std::string whole;
  ASSERT_TRUE(ReadFile(p, &whole, {.gunzip = false}).ok());
  std::string cut = TempPath("cut.gz");
  WriteBytes(cut, whole.substr(0, whole.size() / 2));
  Status s = ReadFile(cut, &out);
  EXPECT_EQ(s.code(), StatusCode::kIoError) << s.ToString();
}

TEST(FileReader, EnforcesSizeLimit) {
  std::string p = TempPath("big.txt");
  WriteBytes(p, std::string(1000, 'a'));
  std::string out;
  Status s = ReadFile(p, &out, {.max_bytes = 100});
  EXPECT_EQ(s.code(), StatusCode::kDataError);
}

TEST(InputFile, MapsPlainFileAndKeepsContentAfterRelease) {
  std::string p = TempPath("input.csv");
  std::string content;
  for (int i = 0; i < 5000; ++i) content += "row" + std::to_string(i) + ",name\n";  // several pages
  WriteBytes(p, content);
  InputFile f;
  ASSERT_TRUE(f.Open(p).ok());
  EXPECT_EQ(f.data(), content);
  f.Release(content.size() / 2);
  EXPECT_EQ(f.data(), content);  // released pages are read again
  f.Release(content.size());
  EXPECT_EQ(f.data().substr(100, 20), content.substr(100, 20));
  InputFile moved = std::move(f);
  EXPECT_EQ(moved.data(), content);
  EXPECT_TRUE(f.data().empty());
}

TEST(InputFile, GzipEmptyMissingAndTooLarge) {
  std::string gz_path = TempPath("input.csv.gz");
  gzFile gz = gzopen(gz_path.c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  gzwrite(gz, "id,name\n1,A\n", 12);
  gzclose(gz);
  InputFile f;
  ASSERT_TRUE(f.Open(gz_path).ok());
  EXPECT_EQ(f.data(), "id,name\n1,A\n");

  std::string empty = TempPath("empty.csv");
  WriteBytes(empty, "");
  ASSERT_TRUE(f.Open(empty).ok());
  EXPECT_TRUE(f.data().empty());

  Status missing = f.Open("/nonexistent/cordon/in.csv");
  EXPECT_EQ(missing.code(), StatusCode::kNotFound);
  EXPECT_NE(missing.ToString().find("/nonexistent/cordon/in.csv"), std::string::npos);

  std::string big = TempPath("big.csv");
  WriteBytes(big, std::string(4096, 'x'));
  ReadFileOptions small;
  small.max_bytes = 100;
  EXPECT_EQ(f.Open(big, small).code(), StatusCode::kDataError);
}

}  // namespace
}  // namespace cordon
