// `cordon screen-file --in FILE.csv --out FILE.jsonl`: batch screening with
// a thread pool, streaming (rows are parsed and screened a batch at a time).
// Output order follows input order; rows that cannot be screened are written
// as {"id","line","error"} lines and reported on stderr, never dropped.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>
#include <vector>

#include "base/file_reader.h"
#include "base/json_writer.h"
#include "base/worker_pool.h"
#include "cli_common.h"
#include "commands.h"
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

// The input CSV, read row by row: the header names the columns; each row
// becomes a query or a row error. Errors name the file, line and column.
class RowReader {
 public:
  RowReader(std::string_view data, const std::string& path) : path_(path), reader_(data, path) {}

  // Reads the header. Errors: InvalidArgument (empty file, missing column),
  // the CSV syntax error of the header.
  Status Open() {
    std::vector<std::string> fields;
    if (!reader_.Next(&fields)) {
      if (!reader_.status().ok()) return reader_.status();
      return Status::InvalidArgument("empty file: a header row with id,name is required", {path_, 1});
    }
    for (int i = 0; i < static_cast<int>(fields.size()); ++i) {
      const std::string h = ColumnName(fields[i]);
      if (h == "id")
        col_id_ = i;
      else if (h == "name")
        col_name_ = i;
      else if (h == "type")
        col_type_ = i;
      else if (h == "dob" || h == "birth_date")
        col_dob_ = i;
      else if (h == "country")
        col_country_ = i;
    }
    if (col_id_ < 0 || col_name_ < 0) {
      return Status::InvalidArgument("header must have columns 'id' and 'name'",
                                     {path_, 1, col_id_ < 0 ? "id" : "name"});
    }
    width_ = fields.size();
    return Status::Ok();
  }

  // Fills *row with the next row; false at the end or at a CSV syntax
  // error (then status() says which).
  bool Next(Row* row) {
    if (!reader_.Next(&fields_)) return false;
    Row& r = *row;
    r = Row();
    r.line = reader_.record_line();
    if (fields_.size() != width_) {
      r.id = col_id_ < static_cast<int>(fields_.size()) ? fields_[col_id_] : "";
      r.error = path_ + ":" + std::to_string(r.line) + ": expected " + std::to_string(width_) +
                " columns, found " + std::to_string(fields_.size());
      return true;
    }
    r.id = fields_[col_id_];
    r.query.name = fields_[col_name_];
    if (col_type_ >= 0) {
      Result<EntityKind> k = ParseKind(fields_[col_type_]);
      if (!k.ok()) {
        r.error = path_ + ":" + std::to_string(r.line) + ": field 'type': " + k.status().message();
      } else {
        r.query.kind = k.value();
      }
    }
    if (col_dob_ >= 0) r.query.birth_date = fields_[col_dob_];
    if (col_country_ >= 0) r.query.country = fields_[col_country_];
    return true;
  }

  const Status& status() const { return reader_.status(); }
  // Bytes of the input read so far.
  size_t offset() const { return reader_.offset(); }

 private:
  std::string path_;
  CsvReader reader_;
  std::vector<std::string> fields_;
  int col_id_ = -1, col_name_ = -1, col_type_ = -1, col_dob_ = -1, col_country_ = -1;
  size_t width_ = 0;
};

// Checks the whole file's CSV syntax and counts its rows before anything is
// screened, so that a broken file fails at once with nothing written.
Status CountRows(std::string_view data, const std::string& path, size_t* rows) {
  RowReader reader(data, path);
  Status s = reader.Open();
  if (!s.ok()) return s;
  Row row;
  *rows = 0;
  while (reader.Next(&row)) ++*rows;
  return reader.status();
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
  if (!args->positionals().empty())
    return ReportError(Status::InvalidArgument("unexpected argument '" + args->positionals()[0] + "'"));
  std::string in = args->Get("in"), out_path = args->Get("out");
  if (in.empty() || out_path.empty())
    return ReportError(Status::InvalidArgument("screen-file needs --in FILE.csv and --out FILE.jsonl"));
  unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  Result<int> threads = args->GetInt("threads", static_cast<int>(hw), 1, 256);
  if (!threads.ok()) return ReportError(threads.status());
  ScreenOptions options;
  Status parsed = ParseScreenOptions(args.value(), &options);
  if (!parsed.ok()) return ReportError(parsed);

  auto start = std::chrono::steady_clock::now();
  // A plain file is mapped, a gzip file read into memory; rows are parsed a
  // batch at a time and the mapped pages behind them released, so memory
  // does not grow with the number of customers or the size of the file.
  InputFile input;
  size_t total_rows = 0;
  if (Status read = input.Open(in); !read.ok()) {
    ReportError(read);
    return kExitBadInput;  // the input file is the user's
  }
  const std::string_view data = input.data();
  if (Status counted = CountRows(data, in, &total_rows); !counted.ok()) {
    ReportError(counted);
    return kExitBadInput;  // the input file is the user's
  }
  input.Release(data.size());
  Result<std::unique_ptr<Engine>> engine_or = OpenEngineFromArgs(args.value());
  if (!engine_or.ok()) return ReportError(engine_or.status());
  const Engine& engine = *engine_or.value();
  for (const auto& s : options.sources) {
    if (engine.FindSource(s) == nullptr)
      return ReportError(Status::InvalidArgument("unknown or unloaded source '" + s + "'"));
  }
  std::unique_ptr<FILE, FileCloser> out(std::fopen(out_path.c_str(), "wb"));
  if (!out) return ReportError(Status::IoError("cannot open output file for writing", {out_path}));

  auto screen_start = std::chrono::steady_clock::now();
  const bool progress = isatty(STDERR_FILENO) != 0;
  // Two batches: the workers screen one while this thread writes the
  // previous one's results (in input order) and parses the next rows.
  constexpr size_t kBatch = 4096;
  struct Batch {
    std::vector<Row> rows = std::vector<Row>(kBatch);
    std::vector<std::string> lines = std::vector<std::string>(kBatch);
    std::vector<char> has_match = std::vector<char>(kBatch);
    size_t size = 0;
  };
  Batch batches[2];
  RowReader reader(data, in);
  if (Status s = reader.Open(); !s.ok()) return ReportError(s);
  auto fill = [&](Batch* b) {
    b->size = 0;
    while (b->size < kBatch && reader.Next(&b->rows[b->size])) ++b->size;
    input.Release(reader.offset());  // rows hold copies of their fields
  };
  auto screen_row = [&](Batch* b, size_t i) {
    Row& r = b->rows[i];
    std::string& line = b->lines[i];
    line.clear();
    b->has_match[i] = 0;
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
        b->has_match[i] = 1;
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
  };
  size_t rows_done = 0, rows_with_matches = 0, error_rows = 0;
  auto write = [&](const Batch& b) -> bool {
    for (size_t i = 0; i < b.size; ++i) {
      if (!b.rows[i].error.empty()) {
        ++error_rows;
        std::fprintf(stderr, "%scordon: error: %s\n", progress ? "\n" : "", b.rows[i].error.c_str());
      }
      rows_with_matches += b.has_match[i];
      const std::string& line = b.lines[i];
      if (!line.empty() && std::fwrite(line.data(), 1, line.size(), out.get()) != line.size()) return false;
    }
    rows_done += b.size;
    if (progress) {
      PrintProgress(rows_done, total_rows,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - screen_start).count());
    }
    return true;
  };
  WorkerPool pool(threads.value());
  int current = 0;
  fill(&batches[current]);
  while (batches[current].size > 0) {
    Batch* running = &batches[current];
    pool.Start(running->size, [&, running](size_t i) { screen_row(running, i); });
    Batch* next = &batches[1 - current];
    fill(next);
    pool.Wait();
    if (!write(*running)) return ReportError(Status::IoError("write failed (disk full?)", {out_path}));
    current = 1 - current;
  }
  if (std::fflush(out.get()) != 0)
    return ReportError(Status::IoError("write failed (disk full?)", {out_path}));
  auto now = std::chrono::steady_clock::now();
  double screen_s = std::chrono::duration<double>(now - screen_start).count();
  double total_s = std::chrono::duration<double>(now - start).count();
  if (progress) std::fprintf(stderr, "\n");
  std::fprintf(stderr,
               "rows: %zu, rows with matches: %zu, rows with errors: %zu, threads: %d, screening: %.2f s "
               "(%.0f rows/s), total incl. loading: %.2f s\n",
               rows_done, rows_with_matches, error_rows, threads.value(), screen_s,
               screen_s > 0 ? rows_done / screen_s : 0.0, total_s);
  return error_rows > 0 ? kExitBadInput : kExitOk;
}

}  // namespace cordon
