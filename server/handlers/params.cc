#include "handlers/params.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace cordon::server {
namespace {

std::vector<std::string> LoadedSources(const Engine& engine) {
  std::vector<std::string> out;
  for (const SourceInfo& s : engine.Sources()) {
    if (s.status.ok()) out.push_back(s.id);
  }
  return out;
}

std::vector<std::string> SanctionsSources(const Engine& engine, const ServiceOptions& options) {
  std::vector<std::string> out;
  for (const std::string& id : options.sanctions_sources) {
    const SourceInfo* s = engine.FindSource(id);
    if (s != nullptr && s->status.ok()) out.push_back(id);
  }
  return out;
}

bool Contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

Result<double> DoubleParam(const QueryParams& params, const char* key, double fallback, double lo,
                           double hi) {
  const std::string* v = FindParam(params, key);
  if (v == nullptr) return fallback;
  char* end = nullptr;
  errno = 0;
  double d = std::strtod(v->c_str(), &end);
  if (v->empty() || *end != '\0' || errno != 0 || !std::isfinite(d) || d < lo || d > hi) {
    return Status::InvalidArgument("parameter '" + std::string(key) + "' must be a number in [" +
                                       std::to_string(lo).substr(0, 4) + ", " +
                                       std::to_string(hi).substr(0, 4) + "], got '" + *v + "'",
                                   {"", 0, key});
  }
  return d;
}

Result<int> IntParam(const QueryParams& params, const char* key, int fallback, int lo, int hi) {
  const std::string* v = FindParam(params, key);
  if (v == nullptr) return fallback;
  char* end = nullptr;
  errno = 0;
  long n = std::strtol(v->c_str(), &end, 10);
  if (v->empty() || *end != '\0' || errno != 0 || n < lo || n > hi) {
    return Status::InvalidArgument("parameter '" + std::string(key) + "' must be an integer in [" +
                                       std::to_string(lo) + ", " + std::to_string(hi) + "], got '" + *v + "'",
                                   {"", 0, key});
  }
  return static_cast<int>(n);
}

Result<Algorithm> AlgorithmParam(const QueryParams& params) {
  const std::string* v = FindParam(params, "algorithm");
  if (v == nullptr) return Algorithm::kCordon;
  static const char* const kCordonNames[] = {"cordon",         "best",          "default",
                                             "logic-v1",       "logic-v2",      "name-based",
                                             "name-qualified", "regression-v1", "regression-v2"};
  for (const char* name : kCordonNames) {
    if (*v == name) return Algorithm::kCordon;
  }
  if (*v == "ofac" || *v == "ofac-sls") return Algorithm::kOfacSls;
  return Status::InvalidArgument("unknown algorithm '" + *v + "' (cordon, ofac; see GET /algorithms)",
                                 {"", 0, "algorithm"});
}

std::vector<std::string> DatasetNames(const Engine& engine, const ServiceOptions& options) {
  std::vector<std::string> out = {"default"};
  if (!SanctionsSources(engine, options).empty()) out.push_back("sanctions");
  for (const std::string& id : LoadedSources(engine)) out.push_back(id);
  return out;
}

Result<std::vector<std::string>> ResolveDataset(const std::string& dataset, const QueryParams& params,
                                                const Engine& engine, const ServiceOptions& options) {
  std::vector<std::string> sources;
  if (dataset == "default") {
    sources = LoadedSources(engine);
  } else if (dataset == "sanctions") {
    sources = SanctionsSources(engine, options);
  } else if (const SourceInfo* s = engine.FindSource(dataset); s != nullptr && s->status.ok()) {
    sources = {dataset};
  }
  if (sources.empty()) {
    std::string known;
    for (const std::string& n : DatasetNames(engine, options)) known += (known.empty() ? "" : ", ") + n;
    return Status::NotFound("unknown dataset '" + dataset + "' (known: " + known + ")", {"", 0, "dataset"});
  }
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  for (const auto& [k, v] : params) {
    if (k != "include_dataset" && k != "exclude_dataset") continue;
    std::vector<std::string> covered;
    if (v == "sanctions") {
      covered = SanctionsSources(engine, options);
    } else if (v == "default") {
      covered = LoadedSources(engine);
    } else if (const SourceInfo* s = engine.FindSource(v); s != nullptr && s->status.ok()) {
      covered = {v};
    } else {
      return Status::InvalidArgument("parameter '" + k + "': unknown dataset '" + v + "'", {"", 0, k});
    }
    auto& target = k == "include_dataset" ? include : exclude;
    target.insert(target.end(), covered.begin(), covered.end());
  }
  std::vector<std::string> out;
  for (const std::string& s : sources) {
    if (!include.empty() && !Contains(include, s)) continue;
    if (Contains(exclude, s)) continue;
    out.push_back(s);
  }
  if (out.empty()) {
    return Status::InvalidArgument(
        "include_dataset/exclude_dataset leave no source of dataset '" + dataset + "'",
        {"", 0, "include_dataset"});
  }
  if (out.size() == LoadedSources(engine).size()) out.clear();  // all: no filter to apply
  return out;
}

}  // namespace cordon::server
