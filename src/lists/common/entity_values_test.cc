#include "lists/common/entity_values.h"

#include <gtest/gtest.h>

namespace cordon {

TEST(EntityValues, AppendUnique) {
  std::vector<std::string> v;
  AppendUnique(&v, "RU");
  AppendUnique(&v, "");
  AppendUnique(&v, "RU");
  AppendUnique(&v, "KP");
  EXPECT_EQ(v, (std::vector<std::string>{"RU", "KP"}));
}

TEST(EntityValues, AddDistinctName) {
  Entity e;
  AddDistinctName({"PUTIN, Vladimir", NameType::kAlias, NameQuality::kWeak}, &e);
  AddDistinctName({"Vladimir PUTIN", NameType::kAlias, NameQuality::kWeak}, &e);
  AddDistinctName({"Vladimir PUTIN", NameType::kAlias, NameQuality::kStrong}, &e);
  AddDistinctName({"PUTIN, Vladimir", NameType::kAlias, NameQuality::kWeak}, &e);
  ASSERT_EQ(e.names.size(), 2u);
  EXPECT_EQ(e.names[0].type, NameType::kPrimary);     // the first name is the primary
  EXPECT_EQ(e.names[0].quality, NameQuality::kStrong);
  EXPECT_EQ(e.names[1].type, NameType::kAlias);
  EXPECT_EQ(e.names[1].quality, NameQuality::kStrong);  // a strong repeat upgrades it
}

}  // namespace cordon
