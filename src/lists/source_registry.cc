#include "lists/source_registry.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

#include "base/file_reader.h"
#include "base/utf8.h"
#include "lists/common/date_parser.h"
#include "lists/custom/custom_csv_loader.h"
#include "lists/eu_derived/eu_derived_loader.h"
#include "lists/ofac/ofac_loader.h"
#include "lists/uk_fcdo_derived/uk_loader.h"
#include "lists/un/un_loader.h"
#include "lists/us_bis_dpl/us_bis_dpl_loader.h"
#include "lists/us_csl/us_csl_loader.h"

namespace cordon {
namespace fs = std::filesystem;

namespace {

std::string DetectFormat(const fs::path& dir) {
  std::error_code ec;
  bool has_csv = false, has_xml = false;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (e.is_directory(ec)) {
      if (name == "fcdo_derived") return "uk";
      continue;
    }
    if (name == "sdn.csv" || name == "cons_prim.csv") return "ofac_legacy_csv";
    if (name == "ConList.xlsx") return "uk";
    if (name == "consolidated.csv" || name == "consolidated.csv.gz") return "us_csl";
    if (name == "dpl.txt") return "us_bis_dpl";
    if (name.rfind("output_namealias", 0) == 0 && name.size() > 4 && name.substr(name.size() - 4) == ".csv") {
      return "eu_fsf_derived";
    }
    if (name.size() > 4 && name.substr(name.size() - 4) == ".xml") has_xml = true;
    if (name.size() > 4 && name.substr(name.size() - 4) == ".csv") has_csv = true;
  }
  if (has_xml) return "un_xml";
  if (has_csv) return "custom_csv";
  return "";
}

std::string FileDate(const std::vector<std::string>& files) {
  time_t newest = 0;
  for (const auto& f : files) {
    struct stat st {};
    if (::stat(f.c_str(), &st) == 0) newest = std::max(newest, st.st_mtime);
  }
  if (newest == 0) return "";
  struct tm tm {};
  gmtime_r(&newest, &tm);
  char buf[16];
  std::strftime(buf, sizeof(buf), "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace

Status FindSourceFolders(const std::string& lists_dir, std::vector<SourceFolder>* out) {
  out->clear();
  std::error_code ec;
  if (!fs::is_directory(lists_dir, ec)) {
    return Status::NotFound("lists folder does not exist or is not a folder", {lists_dir});
  }
  for (const auto& e : fs::directory_iterator(lists_dir, ec)) {
    if (!e.is_directory(ec)) continue;
    std::string id = e.path().filename().string();
    if (id.empty() || id[0] == '.' || id == "ofac_sdn_history") continue;
    out->push_back({id, (fs::path(lists_dir) / id).string(), DetectFormat(e.path())});
  }
  if (ec) return Status::IoError("cannot list folder: " + ec.message(), {lists_dir});
  std::sort(out->begin(), out->end(), [](const SourceFolder& a, const SourceFolder& b) { return a.id < b.id; });
  return Status::Ok();
}

Status LoadSourceFolder(const SourceFolder& folder, LoadedSource* out) {
  Status s;
  if (folder.format == "ofac_legacy_csv") {
    s = LoadOfacLegacy(folder.path, folder.id, out);
  } else if (folder.format == "un_xml") {
    s = LoadUnXml(folder.path, folder.id, out);
  } else if (folder.format == "eu_fsf_derived") {
    s = LoadEuDerived(folder.path, folder.id, out);
  } else if (folder.format == "uk") {
    s = LoadUk(folder.path, folder.id, out);
  } else if (folder.format == "us_csl") {
    s = LoadUsCsl(folder.path, folder.id, out);
  } else if (folder.format == "us_bis_dpl") {
    s = LoadUsBisDpl(folder.path, folder.id, out);
  } else if (folder.format == "custom_csv") {
    s = LoadCustomCsv(folder.path, folder.id, out);
  } else {
    return Status::InvalidArgument(
        "no recognised list files (expected sdn.csv, cons_prim.csv, *.xml, output_namealias*.csv, "
        "ConList.xlsx, consolidated.csv, dpl.txt or a custom *.csv list)",
        {folder.path});
  }
  if (!s.ok()) return s;
  if (out->as_of.empty()) {
    std::string as_of_file = (fs::path(folder.path) / "as_of.txt").string();
    std::string text;
    if (FileExists(as_of_file) && ReadFile(as_of_file, &text, {.max_bytes = 4096}).ok()) {
      std::string_view line = TrimAscii(std::string_view(text).substr(0, text.find('\n')));
      PartialDate d;
      if (ParsePartialDate(line, &d) && d.day != 0) {
        out->as_of = d.ToString();
      } else {
        return Status::DataError("as_of.txt must hold an ISO date (yyyy-mm-dd) on its first line",
                                 {as_of_file, 1});
      }
    } else {
      out->as_of = FileDate(out->files);
    }
  }
  return Status::Ok();
}

std::string HashFiles(const std::vector<std::string>& files) {
  uint64_t h = 1469598103934665603ULL;
  std::vector<char> buf(1 << 16);
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    while (in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      std::streamsize n = in.gcount();
      for (std::streamsize i = 0; i < n; ++i) {
        h ^= static_cast<unsigned char>(buf[static_cast<size_t>(i)]);
        h *= 1099511628211ULL;
      }
    }
    h ^= 0xFF;  // file separator
    h *= 1099511628211ULL;
  }
  char out[17];
  std::snprintf(out, sizeof(out), "%016llx", static_cast<unsigned long long>(h));
  return out;
}

}  // namespace cordon
