#include "cordon/status.h"

#include <gtest/gtest.h>

namespace cordon {

TEST(Status, OkAndErrors) {
  EXPECT_TRUE(Status::Ok().ok());
  EXPECT_EQ(Status::Ok().ToString(), "OK");
  Status s = Status::DataError("bad date", {"data/lists/un/x.xml", 12, "DATE"});
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_EQ(s.ToString(), "data/lists/un/x.xml:12: field 'DATE': bad date");
  EXPECT_EQ(Status::InvalidArgument("empty name").ToString(), "empty name");
}

TEST(Result, HoldsValueOrStatus) {
  Result<int> good(5);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good.value(), 5);
  EXPECT_TRUE(good.status().ok());
  Result<int> bad(Status::NotFound("nope"));
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "nope");
}

}  // namespace cordon
