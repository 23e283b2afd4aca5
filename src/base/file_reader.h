// Reading whole input files into memory, transparently gunzipping.
#ifndef CORDON_BASE_FILE_READER_H_
#define CORDON_BASE_FILE_READER_H_

#include <cstddef>
#include <string>

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

}  // namespace cordon

#endif  // CORDON_BASE_FILE_READER_H_
