#include "base/file_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utility>

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

InputFile::InputFile(InputFile&& other) noexcept { *this = std::move(other); }

InputFile& InputFile::operator=(InputFile&& other) noexcept {
  if (this == &other) return *this;
  Close();
  owned_ = std::move(other.owned_);
  map_ = std::exchange(other.map_, nullptr);
  map_size_ = std::exchange(other.map_size_, 0);
  data_ = map_ != nullptr ? std::string_view(static_cast<const char*>(map_), map_size_) : std::string_view(owned_);
  other.data_ = {};
  return *this;
}

InputFile::~InputFile() { Close(); }

void InputFile::Close() {
  if (map_ != nullptr) ::munmap(map_, map_size_);
  map_ = nullptr;
  map_size_ = 0;
  owned_.clear();
  data_ = {};
}

Status InputFile::Open(const std::string& path, const ReadFileOptions& options) {
  Close();
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return Status::NotFound(std::string("cannot open: ") + std::strerror(errno), {path});
  }
  if (!S_ISREG(st.st_mode)) return Status::IoError("not a regular file", {path});
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(std::string("cannot open: ") + std::strerror(errno), {path});
  unsigned char magic[2] = {0, 0};
  const bool gzip = options.gunzip && ::pread(fd, magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
  const size_t size = static_cast<size_t>(st.st_size);
  if (gzip || size == 0) {
    ::close(fd);
    Status s = ReadFile(path, &owned_, options);
    data_ = owned_;
    return s;
  }
  if (size > options.max_bytes) {
    ::close(fd);
    return Status::DataError("file larger than " + std::to_string(options.max_bytes) + " bytes", {path});
  }
  void* m = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (m == MAP_FAILED) {
    // Some file systems cannot map: read the file instead.
    Status s = ReadFile(path, &owned_, options);
    data_ = owned_;
    return s;
  }
  ::madvise(m, size, MADV_SEQUENTIAL);
  map_ = m;
  map_size_ = size;
  data_ = std::string_view(static_cast<const char*>(m), size);
  return Status::Ok();
}

void InputFile::Release(size_t offset) {
  if (map_ == nullptr) return;
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  const size_t end = std::min(offset, map_size_) / page * page;
  if (end > 0) ::madvise(map_, end, MADV_DONTNEED);
}

}  // namespace cordon
