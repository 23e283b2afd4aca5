#include "base/file_reader.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sys/stat.h>

namespace cordon {
namespace {

struct FileCloser {
  void operator()(FILE* f) const { std::fclose(f); }
};

Status ReadGzip(const std::string& path, std::string* out, size_t max_bytes) {
  gzFile gz = gzopen(path.c_str(), "rb");
  if (gz == nullptr) return Status::IoError("cannot open gzip file", {path});
  out->clear();
  char buf[1 << 16];
  for (;;) {
    int n = gzread(gz, buf, sizeof(buf));
    if (n < 0) {
      int err = 0;
      std::string msg = gzerror(gz, &err);
      gzclose(gz);
      return Status::IoError("corrupt gzip data: " + msg, {path});
    }
    if (n == 0) break;
    if (out->size() + static_cast<size_t>(n) > max_bytes) {
      gzclose(gz);
      return Status::DataError("file larger than " + std::to_string(max_bytes) +
                                   " bytes after decompression",
                               {path});
    }
    out->append(buf, static_cast<size_t>(n));
  }
  // gzread returns 0 at a truncated end too; gzclose_r reports it.
  int rc = gzclose_r(gz);
  if (rc != Z_OK) return Status::IoError("truncated or corrupt gzip file", {path});
  return Status::Ok();
}

}  // namespace

bool FileExists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

Status ReadFile(const std::string& path, std::string* out, const ReadFileOptions& options) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return Status::NotFound(std::string("cannot open: ") + std::strerror(errno), {path});
  }
  if (!S_ISREG(st.st_mode)) return Status::IoError("not a regular file", {path});
  std::unique_ptr<FILE, FileCloser> f(std::fopen(path.c_str(), "rb"));
  if (!f) return Status::IoError(std::string("cannot open: ") + std::strerror(errno), {path});
  unsigned char magic[2] = {0, 0};
  size_t got = std::fread(magic, 1, 2, f.get());
  if (options.gunzip && got == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
    f.reset();
    return ReadGzip(path, out, options.max_bytes);
  }
  if (static_cast<uint64_t>(st.st_size) > options.max_bytes) {
    return Status::DataError("file larger than " + std::to_string(options.max_bytes) + " bytes",
                             {path});
  }
  out->assign(magic, magic + got);
  out->resize(static_cast<size_t>(st.st_size));
  size_t want = out->size() - got;
  size_t n = want == 0 ? 0 : std::fread(out->data() + got, 1, want, f.get());
  if (n != want) {
    if (std::ferror(f.get())) return Status::IoError("read error", {path});
    out->resize(got + n);  // file shrank while reading
  }
  return Status::Ok();
}

}  // namespace cordon
