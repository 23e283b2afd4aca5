// `cordon population count`: a general-population name table counted from
// a customer file, for --population FILE (see data/population/README.md).
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "base/file_reader.h"
#include "cli_common.h"
#include "commands.h"
#include "lists/common/csv_reader.h"
#include "normalize/name_normalizer.h"
#include "population/name_population.h"

namespace cordon {
namespace {

// The words of a name's preferred reading the index would look up:
// neither particles nor consonant skeletons (which are no words).
std::vector<std::string> CountedWords(const std::string& name, const std::string& type) {
  NameHints hints;
  hints.is_person = type == "person";
  hints.is_organization = type == "organization" || type == "organisation";
  NormalizedName norm = NormalizeName(name, hints);
  std::vector<std::string> words;
  if (norm.variants.empty()) return words;
  for (const NameToken& t : norm.variants.front().tokens) {
    if (t.consonantal || t.role == TokenRole::kParticle || t.role == TokenRole::kLegalForm) continue;
    words.push_back(t.text);
  }
  return words;
}

// population count --in FILE --out FILE [--min-count N]
int RunPopulationCount(int argc, char** argv) {
  FlagSpec spec;
  spec.with_value = {"in", "out", "min-count"};
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 3, spec);
  if (!args.ok()) return ReportError(args.status());
  const std::string in = args->Get("in"), out = args->Get("out");
  if (!args->positionals().empty() || in.empty() || out.empty()) {
    return ReportError(Status::InvalidArgument(
        "usage: cordon population count --in CUSTOMERS.csv[.gz] --out TABLE.tsv [--min-count N]",
        {"", 0, in.empty() ? "in" : "out"}));
  }
  Result<int> min_count = args->GetInt("min-count", 5, 1, 1000000);
  if (!min_count.ok()) return ReportError(min_count.status());
  InputFile file;
  if (Status s = file.Open(in); !s.ok()) return ReportError(s);
  CsvReader reader(file.data(), in);
  std::vector<std::string> fields;
  if (!reader.Next(&fields)) {
    if (!reader.status().ok()) return ReportError(reader.status());
    return ReportError(
        Status::InvalidArgument("empty file: a header row with a 'name' column is required", {in, 1}));
  }
  int col_name = -1, col_type = -1;
  for (int i = 0; i < static_cast<int>(fields.size()); ++i) {
    const std::string h = ColumnName(fields[i]);
    if (h == "name") col_name = i;
    if (h == "type") col_type = i;
  }
  if (col_name < 0)
    return ReportError(Status::InvalidArgument("header must have a 'name' column", {in, 1, "name"}));
  const size_t width = fields.size();
  NamePopulationCounter counter;
  size_t skipped = 0;
  while (reader.Next(&fields)) {
    if (fields.size() != width || fields[col_name].empty()) {
      ++skipped;
      continue;
    }
    counter.AddName(CountedWords(fields[col_name], col_type >= 0 ? fields[col_type] : ""));
    if ((counter.names() & 0xffff) == 0) file.Release(reader.offset());
  }
  // A broken file writes nothing: a table counted from part of it would
  // carry the wrong shares.
  if (!reader.status().ok()) return ReportError(reader.status());
  NamePopulationCounter::TableOptions options;
  options.min_count = static_cast<size_t>(min_count.value());
  options.source = in;
  const std::string table = counter.Table(options);
  const std::string tmp = out + ".tmp";
  std::unique_ptr<FILE, FileCloser> f(std::fopen(tmp.c_str(), "wb"));
  if (f == nullptr) return ReportError(Status::IoError("cannot write", {tmp}));
  const bool written = std::fwrite(table.data(), 1, table.size(), f.get()) == table.size();
  if (std::fclose(f.release()) != 0 || !written || std::rename(tmp.c_str(), out.c_str()) != 0) {
    std::remove(tmp.c_str());
    return ReportError(Status::IoError("cannot write", {out}));
  }
  Result<NamePopulation> check = NamePopulation::Parse(table, out);
  std::fprintf(stderr,
               "cordon: %s: %zu words carried by at least %d of %zu names (%zu rows skipped: wrong column "
               "count or no name)\n",
               out.c_str(), check.ok() ? check->size() : 0, min_count.value(), counter.names(), skipped);
  return kExitOk;
}

}  // namespace

int RunPopulation(int argc, char** argv) {
  std::string sub = argc > 2 ? argv[2] : "";
  if (sub == "count") return RunPopulationCount(argc, argv);
  return ReportError(Status::InvalidArgument(
      "usage: cordon population count --in CUSTOMERS.csv[.gz] --out TABLE.tsv [--min-count N]"));
}

}  // namespace cordon
