// `cordon screen-file --in FILE.csv --out FILE.jsonl`: batch screening with
// a thread pool. Output order follows input order; rows that cannot be
// screened are written as {"id","line","error"} lines and reported on stderr,
// never dropped.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>
#include <vector>

#include "base/file_reader.h"
#include "cli_common.h"
#include "commands.h"
#include "base/json_writer.h"
#include "lists/common/csv_reader.h"
#include "model/match_json.h"

namespace cordon {
namespace {

struct Row {
  int64_t line = 0;
  std::string id;
  Query query;
  std::string error;  // set when the row cannot be screened
};

struct FileCloser {
  void operator()(FILE* f) const {
    if (f != nullptr) std::fclose(f);
  }
};

// Reads the whole input CSV. Errors name the file, line and column.
Status ReadRows(const std::string& path, std::vector<Row>* rows) {
  std::string data;
  Status s = ReadFile(path, &data);
  if (!s.ok()) return s;
  CsvReader reader(data, path);
  std::vector<std::string> fields;
  if (!reader.Next(&fields)) {
    if (!reader.status().ok()) return reader.status();
    return Status::InvalidArgument("empty file: a header row with id,name is required", {path, 1});
  }
  int col_id = -1, col_name = -1, col_type = -1, col_dob = -1, col_country = -1;
  for (int i = 0; i < static_cast<int>(fields.size()); ++i) {
    std::string h = fields[i];
    for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (h == "id") col_id = i;
    else if (h == "name") col_name = i;
    else if (h == "type") col_type = i;
    else if (h == "dob" || h == "birth_date") col_dob = i;
    else if (h == "country") col_country = i;
  }
  if (col_id < 0 || col_name < 0) {
    return Status::InvalidArgument("header must have columns 'id' and 'name'", {path, 1, col_id < 0 ? "id" : "name"});
  }
  const size_t width = fields.size();
  while (reader.Next(&fields)) {
    Row r;
    r.line = reader.record_line();
    if (fields.size() != width) {
      r.id = col_id < static_cast<int>(fields.size()) ? fields[col_id] : "";
      r.error = path + ":" + std::to_string(r.line) + ": expected " + std::to_string(width) + " columns, found " +
                std::to_string(fields.size());
      rows->push_back(std::move(r));
      continue;
    }
    r.id = fields[col_id];
    r.query.name = fields[col_name];
    if (col_type >= 0) {
      Result<EntityKind> k = ParseKind(fields[col_type]);
      if (!k.ok()) {
        r.error = path + ":" + std::to_string(r.line) + ": field 'type': " + k.status().message();
      } else {
        r.query.kind = k.value();
      }
    }
    if (col_dob >= 0) r.query.birth_date = fields[col_dob];
    if (col_country >= 0) r.query.country = fields[col_country];
    rows->push_back(std::move(r));
  }
  if (!reader.status().ok()) return reader.status();
  return Status::Ok();
}

void PrintProgress(size_t done, size_t total, double seconds) {
  int width = 40;
  int filled = total == 0 ? width : static_cast<int>(width * done / total);
  std::fprintf(stderr, "\r[%.*s%.*s] %zu/%zu rows, %.0f rows/s ", filled,
               "########################################", width - filled,
               "                                        ", done, total, seconds > 0 ? done / seconds : 0.0);
  std::fflush(stderr);
}

}  // namespace

int RunScreenFile(int argc, char** argv) {
  FlagSpec spec;
  spec.with_value = {"in", "out", "threads", "source", "limit", "threshold", "weight", "algorithm"};
  AddListFlags(&spec);
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 2, spec);
  if (!args.ok()) return ReportError(args.status());
  if (!args->positionals().empty()) return ReportError(Status::InvalidArgument("unexpected argument '" + args->positionals()[0] + "'"));
  std::string in = args->Get("in"), out_path = args->Get("out");
  if (in.empty() || out_path.empty()) return ReportError(Status::InvalidArgument("screen-file needs --in FILE.csv and --out FILE.jsonl"));
  unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  Result<int> threads = args->GetInt("threads", static_cast<int>(hw), 1, 256);
  if (!threads.ok()) return ReportError(threads.status());
  ScreenOptions options;
  Status parsed = ParseScreenOptions(args.value(), &options);
  if (!parsed.ok()) return ReportError(parsed);

  auto start = std::chrono::steady_clock::now();
  std::vector<Row> rows;
  Status read = ReadRows(in, &rows);
  if (!read.ok()) {
    ReportError(read);
    return kExitBadInput;  // the input file is the user's
  }
  Result<std::unique_ptr<Engine>> engine_or = OpenEngineFromArgs(args.value());
  if (!engine_or.ok()) return ReportError(engine_or.status());
  const Engine& engine = *engine_or.value();
  for (const auto& s : options.sources) {
    if (engine.FindSource(s) == nullptr) return ReportError(Status::InvalidArgument("unknown or unloaded source '" + s + "'"));
  }
  std::unique_ptr<FILE, FileCloser> out(std::fopen(out_path.c_str(), "wb"));
  if (!out) return ReportError(Status::IoError("cannot open output file for writing", {out_path}));

  auto screen_start = std::chrono::steady_clock::now();
  const bool progress = isatty(STDERR_FILENO) != 0;
  const size_t kBatch = 4096;
  std::vector<std::string> lines(kBatch);
  std::vector<char> has_match(kBatch);
  size_t rows_with_matches = 0, error_rows = 0;
  for (size_t begin = 0; begin < rows.size(); begin += kBatch) {
    size_t end = std::min(rows.size(), begin + kBatch);
    std::atomic<size_t> next{begin};
    auto work = [&]() {
      for (size_t i = next.fetch_add(1); i < end; i = next.fetch_add(1)) {
        Row& r = rows[i];
        std::string& line = lines[i - begin];
        line.clear();
        has_match[i - begin] = 0;
        if (r.error.empty()) {
          Result<std::vector<Match>> m = engine.Screen(r.query, options);
          if (!m.ok()) {
            r.error = in + ":" + std::to_string(r.line) + ": " + m.status().ToString();
          } else if (!m.value().empty()) {
            JsonWriter w(&line);
            w.BeginObject();
            w.Key("id");
            w.String(r.id);
            w.Key("matches");
            WriteMatchesJson(m.value(), &w);
            w.EndObject();
            line.push_back('\n');
            has_match[i - begin] = 1;
          }
        }
        if (!r.error.empty()) {
          JsonWriter w(&line);
          w.BeginObject();
          w.Key("id");
          w.String(r.id);
          w.Key("line");
          w.Int(r.line);
          w.Key("error");
          w.String(r.error);
          w.EndObject();
          line.push_back('\n');
        }
      }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads.value(); ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (size_t i = begin; i < end; ++i) {
      const std::string& line = lines[i - begin];
      if (!rows[i].error.empty()) {
        ++error_rows;
        std::fprintf(stderr, "%scordon: error: %s\n", progress ? "\n" : "", rows[i].error.c_str());
      }
      rows_with_matches += has_match[i - begin];
      if (!line.empty() && std::fwrite(line.data(), 1, line.size(), out.get()) != line.size()) {
        return ReportError(Status::IoError("write failed (disk full?)", {out_path}));
      }
    }
    if (progress) {
      PrintProgress(end, rows.size(),
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - screen_start).count());
    }
  }
  if (std::fflush(out.get()) != 0) return ReportError(Status::IoError("write failed (disk full?)", {out_path}));
  auto now = std::chrono::steady_clock::now();
  double screen_s = std::chrono::duration<double>(now - screen_start).count();
  double total_s = std::chrono::duration<double>(now - start).count();
  if (progress) std::fprintf(stderr, "\n");
  std::fprintf(stderr,
               "rows: %zu, rows with matches: %zu, rows with errors: %zu, threads: %d, screening: %.2f s "
               "(%.0f rows/s), total incl. loading: %.2f s\n",
               rows.size(), rows_with_matches, error_rows, threads.value(), screen_s,
               screen_s > 0 ? rows.size() / screen_s : 0.0, total_s);
  return error_rows > 0 ? kExitBadInput : kExitOk;
}

}  // namespace cordon
