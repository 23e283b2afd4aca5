// Command-line parsing for the cordon CLI: a command, --flags and positionals.
#ifndef CORDON_TOOLS_CLI_ARGS_H_
#define CORDON_TOOLS_CLI_ARGS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "cordon/status.h"

namespace cordon {

struct FlagSpec {
  std::set<std::string> with_value;  // --name VALUE or --name=VALUE (repeatable)
  std::set<std::string> switches;    // --name
};

class CliArgs {
 public:
  // Parses argv[first..argc). Errors: InvalidArgument for an unknown flag or
  // a missing value, naming the flag.
  static Result<CliArgs> Parse(int argc, char** argv, int first, const FlagSpec& spec);

  bool Has(const std::string& flag) const { return values_.count(flag) > 0 || switches_.count(flag) > 0; }
  // Last value of a flag, or `fallback`.
  std::string Get(const std::string& flag, const std::string& fallback = "") const;
  std::vector<std::string> GetAll(const std::string& flag) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

  // Numeric flags. Errors: InvalidArgument naming the flag.
  Result<double> GetDouble(const std::string& flag, double fallback, double lo, double hi) const;
  Result<int> GetInt(const std::string& flag, int fallback, int lo, int hi) const;

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::set<std::string> switches_;
  std::vector<std::string> positionals_;
};

}  // namespace cordon

#endif  // CORDON_TOOLS_CLI_ARGS_H_
