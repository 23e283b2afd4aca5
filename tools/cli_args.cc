#include "cli_args.h"

#include <cerrno>
#include <cstdlib>

namespace cordon {

Result<CliArgs> CliArgs::Parse(int argc, char** argv, int first, const FlagSpec& spec) {
  CliArgs args;
  bool only_positionals = false;
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (only_positionals || a.size() < 3 || a.compare(0, 2, "--") != 0) {
      if (a == "--") {
        only_positionals = true;
        continue;
      }
      args.positionals_.push_back(a);
      continue;
    }
    std::string name = a.substr(2), value;
    bool has_inline = false;
    size_t eq = name.find('=');
    if (eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_inline = true;
    }
    if (spec.switches.count(name)) {
      if (has_inline) return Status::InvalidArgument("flag --" + name + " takes no value");
      args.switches_.insert(name);
    } else if (spec.with_value.count(name)) {
      if (!has_inline) {
        if (i + 1 >= argc) return Status::InvalidArgument("flag --" + name + " needs a value");
        value = argv[++i];
      }
      args.values_[name].push_back(value);
    } else {
      return Status::InvalidArgument("unknown flag --" + name);
    }
  }
  return args;
}

std::string CliArgs::Get(const std::string& flag, const std::string& fallback) const {
  auto it = values_.find(flag);
  return it == values_.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> CliArgs::GetAll(const std::string& flag) const {
  auto it = values_.find(flag);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

Result<double> CliArgs::GetDouble(const std::string& flag, double fallback, double lo, double hi) const {
  if (!values_.count(flag)) return fallback;
  std::string v = Get(flag);
  char* end = nullptr;
  errno = 0;
  double d = std::strtod(v.c_str(), &end);
  if (v.empty() || *end != '\0' || errno != 0 || !(d >= lo && d <= hi)) {
    return Status::InvalidArgument("--" + flag + " must be a number in [" + std::to_string(lo) + ", " +
                                   std::to_string(hi) + "], got '" + v + "'");
  }
  return d;
}

Result<int> CliArgs::GetInt(const std::string& flag, int fallback, int lo, int hi) const {
  if (!values_.count(flag)) return fallback;
  std::string v = Get(flag);
  char* end = nullptr;
  errno = 0;
  long n = std::strtol(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || errno != 0 || n < lo || n > hi) {
    return Status::InvalidArgument("--" + flag + " must be an integer in " + std::to_string(lo) + ".." +
                                   std::to_string(hi) + ", got '" + v + "'");
  }
  return static_cast<int>(n);
}

}  // namespace cordon
