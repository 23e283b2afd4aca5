#include "base/utf8.h"

#include <gtest/gtest.h>

namespace cordon {

TEST(Utf8, AcceptsValidText) {
  EXPECT_TRUE(IsValidUtf8("Kim Jong Un"));
  EXPECT_TRUE(IsValidUtf8("김정은 Путин 金正恩 محمد"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));  // U+1F600
}

TEST(Utf8, FindsFirstInvalidByte) {
  EXPECT_EQ(FindInvalidUtf8("ab\xFF" "cd"), 2u);
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);           // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);      // surrogate
  EXPECT_EQ(FindInvalidUtf8("ok\xE4\xB8"), 2u);         // truncated
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);   // > U+10FFFF
}

TEST(Utf8, Latin1ToUtf8) {
  EXPECT_EQ(Latin1ToUtf8("Jos\xE9"), "José");
  EXPECT_EQ(Latin1ToUtf8("\x80"), "€");
  EXPECT_EQ(Latin1ToUtf8("plain"), "plain");
}

TEST(Utf8, Trim) {
  EXPECT_EQ(TrimAscii("  -0- \r\n"), "-0-");
  EXPECT_EQ(TrimAscii(""), "");
  EXPECT_TRUE(IsAscii("abc"));
  EXPECT_FALSE(IsAscii("é"));
}

}  // namespace cordon
