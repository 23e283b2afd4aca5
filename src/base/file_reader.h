// Reading whole input files into memory, transparently gunzipping.
#ifndef CORDON_BASE_FILE_READER_H_
#define CORDON_BASE_FILE_READER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "cordon/status.h"

namespace cordon {

struct ReadFileOptions {
  // Refuse files (after decompression) larger than this, so a hostile or
  // mistaken input cannot exhaust memory.
  size_t max_bytes = size_t{1} << 30;  // 1 GiB
  // Decompress when the file starts with the gzip magic bytes.
  bool gunzip = true;
};

// Reads `path` into `*out`. Errors: NotFound (missing), IoError (unreadable,
// truncated gzip), DataError (larger than max_bytes). All name the file.
Status ReadFile(const std::string& path, std::string* out,
                const ReadFileOptions& options = {});

bool FileExists(const std::string& path);

// An input file's bytes for one pass or a few: a plain file is mapped
// read-only, so its pages can be dropped behind the reader (Release), and
// a large input does not stay resident while it is processed; a gzip file
// is read and decompressed into memory (ReadFile). Move-only.
class InputFile {
 public:
  InputFile() = default;
  InputFile(InputFile&& other) noexcept;
  InputFile& operator=(InputFile&& other) noexcept;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile();

  // Opens `path`; the same errors as ReadFile, and the same size limit.
  Status Open(const std::string& path, const ReadFileOptions& options = {});

  // The whole content; valid until the object is destroyed or reopened,
  // including after Release() (released pages are read again on access).
  std::string_view data() const { return data_; }

  // Hints that bytes before `offset` will not be needed soon: a mapped
  // file's pages there leave the process's memory. No effect on a file
  // read into memory.
  void Release(size_t offset);

 private:
  void Close();
  std::string owned_;  // gzip content
  void* map_ = nullptr;
  size_t map_size_ = 0;
  std::string_view data_;
};

}  // namespace cordon

#endif  // CORDON_BASE_FILE_READER_H_
