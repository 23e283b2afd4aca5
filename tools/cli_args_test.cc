#include "cli_args.h"

#include <gtest/gtest.h>

namespace cordon {
namespace {

Result<CliArgs> Parse(std::vector<std::string> v) {
  static std::vector<std::string> storage;
  storage = std::move(v);
  std::vector<char*> argv;
  for (auto& s : storage) argv.push_back(s.data());
  FlagSpec spec{{"dob", "source", "threshold", "limit"}, {"json"}};
  return CliArgs::Parse(static_cast<int>(argv.size()), argv.data(), 0, spec);
}

TEST(CliArgs, ValuesSwitchesPositionals) {
  Result<CliArgs> a = Parse({"--json", "--dob", "1952", "--source=un", "--source", "eu", "Vladimir", "Putin"});
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->Has("json"));
  EXPECT_EQ(a->Get("dob"), "1952");
  EXPECT_EQ(a->GetAll("source"), (std::vector<std::string>{"un", "eu"}));
  EXPECT_EQ(a->positionals(), (std::vector<std::string>{"Vladimir", "Putin"}));
}

TEST(CliArgs, Errors) {
  EXPECT_FALSE(Parse({"--bogus"}).ok());
  EXPECT_FALSE(Parse({"--dob"}).ok());
  EXPECT_FALSE(Parse({"--json=1"}).ok());
  Result<CliArgs> a = Parse({"--threshold", "1.5", "--limit", "x"});
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->GetDouble("threshold", 0.8, 0, 1).ok());
  EXPECT_FALSE(a->GetInt("limit", 10, 1, 1000).ok());
  EXPECT_EQ(a->GetDouble("missing", 0.8, 0, 1).value(), 0.8);
}

}  // namespace
}  // namespace cordon
