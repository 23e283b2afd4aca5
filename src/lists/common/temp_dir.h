// A scratch folder for one test. Test-only: part of cordon_lists_testing,
// which links GoogleTest; never linked into the library.
#ifndef CORDON_LISTS_COMMON_TEMP_DIR_H_
#define CORDON_LISTS_COMMON_TEMP_DIR_H_

#include <string>
#include <string_view>

namespace cordon {

// A fresh, empty folder under the system temp dir, named after the process
// id and the running test (so parallel test processes do not collide), and
// removed with everything in it when the TempDir is destroyed.
// Failing to create the folder throws std::filesystem::filesystem_error;
// failing to write a file is a test failure (ADD_FAILURE).
// REQUIRES: constructed while a GoogleTest test runs (in the test body or a
// fixture). Not thread-safe.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // The folder, without a trailing '/'.
  const std::string& path() const { return path_; }
  // path() + "/" + name; `name` may contain '/'.
  std::string Path(std::string_view name) const;
  // Creates the folder Path(name) and any missing parents; returns its path.
  std::string MakeDir(std::string_view name) const;
  // Writes `bytes` to Path(name) (binary, replacing any file there) and
  // returns that path. REQUIRES: the file's parent folder exists.
  std::string Write(std::string_view name, std::string_view bytes) const;

 private:
  std::string path_;
};

}  // namespace cordon

#endif  // CORDON_LISTS_COMMON_TEMP_DIR_H_
