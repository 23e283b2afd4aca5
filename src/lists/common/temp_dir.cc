#include "lists/common/temp_dir.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace cordon {

namespace fs = std::filesystem;

TempDir::TempDir() {
  const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = "cordon_" + std::to_string(::getpid());
  if (test != nullptr) name += std::string("_") + test->test_suite_name() + "_" + test->name();
  std::replace(name.begin(), name.end(), '/', '_');  // parameterized names
  fs::path dir = fs::temp_directory_path() / name;
  fs::remove_all(dir);  // a leftover of a crashed run
  fs::create_directories(dir);
  path_ = dir.string();
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::string TempDir::Path(std::string_view name) const { return (fs::path(path_) / name).string(); }

std::string TempDir::MakeDir(std::string_view name) const {
  std::string dir = Path(name);
  fs::create_directories(dir);
  return dir;
}

std::string TempDir::Write(std::string_view name, std::string_view bytes) const {
  std::string file = Path(name);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) ADD_FAILURE() << "cannot write " << file;
  return file;
}

}  // namespace cordon
