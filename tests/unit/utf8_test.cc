#include "kreport/utf8.h"

#include <gtest/gtest.h>

using namespace kreport;

TEST(Utf8, DecodesAndEncodesEveryLength) {
  std::string s = "A\xC3\xA9한\xF0\x9F\x98\x80";  // 1, 2, 3 and 4 bytes
  std::u32string u = utf8::decode(s);
  EXPECT_EQ(u, (std::u32string{U'A', 0xE9, 0xD55C, 0x1F600}));
  EXPECT_EQ(utf8::encode(u), s);
  EXPECT_EQ(utf8::length(s), 4u);
}

TEST(Utf8, InvalidBytesBecomeReplacementCharacters) {
  EXPECT_EQ(utf8::decode("a\xFF"
                         "b"),
            (std::u32string{U'a', 0xFFFD, U'b'}));
  EXPECT_EQ(utf8::decode("\xED\x95"), (std::u32string{0xFFFD, 0xFFFD}));  // cut short
  EXPECT_EQ(utf8::decode("\xE0"
                         "ab"),
            (std::u32string{0xFFFD, U'a', U'b'}));
}

TEST(Utf8, FirstAndLastCodePoints) {
  size_t bytes = 0;
  EXPECT_EQ(utf8::first("애플은", &bytes), U'애');
  EXPECT_EQ(bytes, 3u);
  EXPECT_EQ(utf8::last("애플은"), U'은');
  EXPECT_EQ(utf8::last("Chat-"), U'-');
  EXPECT_EQ(utf8::first(""), 0u);
  EXPECT_EQ(utf8::last(""), 0u);
}

TEST(Utf8, HangulSyllablesOnly) {
  EXPECT_TRUE(utf8::is_hangul(U'가'));
  EXPECT_TRUE(utf8::is_hangul(U'힣'));
  EXPECT_FALSE(utf8::is_hangul(U'ㄱ'));  // compatibility jamo
  EXPECT_FALSE(utf8::is_hangul(U'A'));
}
