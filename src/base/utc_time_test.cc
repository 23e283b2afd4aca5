#include "base/utc_time.h"

#include <cctype>
#include <ctime>

#include <gtest/gtest.h>

namespace cordon {
namespace {

TEST(UtcTimeTest, IsoSecondsInUtc) {
  const std::time_t before = std::time(nullptr);
  const std::string now = UtcNowIso8601();
  ASSERT_EQ(now.size(), 20u) << now;
  const std::string shape = "dddd-dd-ddTdd:dd:ddZ";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 'd') {
      EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(now[i]))) << now;
    } else {
      EXPECT_EQ(now[i], shape[i]) << now;
    }
  }
  std::tm tm{};
  gmtime_r(&before, &tm);
  EXPECT_EQ(std::stoi(now.substr(0, 4)), tm.tm_year + 1900);
}

}  // namespace
}  // namespace cordon
