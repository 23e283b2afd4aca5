#include "http/request_parser.h"

#include <gtest/gtest.h>

namespace cordon::server {
namespace {

using State = RequestParser::State;

TEST(RequestParserTest, ParsesGetWithQueryAndHeaders) {
  RequestParser p;
  std::string in = "GET /search/default?q=putin HTTP/1.1\r\nHost: x\r\nX-Thing:  a b \r\n\r\n";
  ASSERT_EQ(p.Parse(in), State::kComplete);
  EXPECT_EQ(p.request().method, "GET");
  EXPECT_EQ(p.request().path, "/search/default");
  EXPECT_EQ(p.request().query, "q=putin");
  ASSERT_NE(p.request().Header("x-thing"), nullptr);
  EXPECT_EQ(*p.request().Header("x-thing"), "a b");
  EXPECT_TRUE(p.request().keep_alive);
  EXPECT_EQ(p.consumed(), in.size());
}

TEST(RequestParserTest, BodyArrivesInPiecesAndPipelinedBytesAreLeft) {
  RequestParser p;
  std::string in = "POST /match/default HTTP/1.1\r\nContent-Length: 5\r\n\r\nhel";
  EXPECT_EQ(p.Parse(in), State::kIncomplete);
  EXPECT_TRUE(p.headers_done());
  in += "loGET / HTTP/1.1\r\n\r\n";
  ASSERT_EQ(p.Parse(in), State::kComplete);
  EXPECT_EQ(p.request().body, "hello");
  EXPECT_EQ(in.substr(p.consumed()), "GET / HTTP/1.1\r\n\r\n");
}

TEST(RequestParserTest, OneByteAtATime) {
  RequestParser p;
  std::string full = "POST /x HTTP/1.1\r\ncontent-length: 2\r\n\r\n{}";
  std::string in;
  State s = State::kIncomplete;
  for (char c : full) {
    in.push_back(c);
    s = p.Parse(in);
    if (s != State::kIncomplete) break;
  }
  ASSERT_EQ(s, State::kComplete);
  EXPECT_EQ(p.request().body, "{}");
}

TEST(RequestParserTest, Http10DefaultsToCloseAndConnectionCloseIsHonoured) {
  RequestParser p;
  ASSERT_EQ(p.Parse("GET / HTTP/1.0\r\n\r\n"), State::kComplete);
  EXPECT_FALSE(p.request().keep_alive);
  p.Reset();
  ASSERT_EQ(p.Parse("GET / HTTP/1.1\r\nConnection: close\r\n\r\n"), State::kComplete);
  EXPECT_FALSE(p.request().keep_alive);
  p.Reset();
  ASSERT_EQ(p.Parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"), State::kComplete);
  EXPECT_TRUE(p.request().keep_alive);
}

TEST(RequestParserTest, ExpectContinueIsReportedUntilTheBodyArrives) {
  RequestParser p;
  std::string in = "POST /x HTTP/1.1\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n";
  EXPECT_EQ(p.Parse(in), State::kIncomplete);
  EXPECT_TRUE(p.expects_continue());
  EXPECT_EQ(p.Parse(in + "abc"), State::kComplete);
}

struct BadCase {
  const char* input;
  int status;
};

TEST(RequestParserTest, RejectsMalformedRequestsWithTheRightStatus) {
  const BadCase cases[] = {
      {"GET\r\n\r\n", 400},
      {"GET  / HTTP/1.1\r\n\r\n", 400},
      {"GET / HTTP/1.1 x\r\n\r\n", 400},
      {"G(T / HTTP/1.1\r\n\r\n", 400},
      {"GET x HTTP/1.1\r\n\r\n", 400},
      {"GET /a\x01 HTTP/1.1\r\n\r\n", 400},
      {"GET / HTTP/2.0\r\n\r\n", 505},
      {"GET / FOO/1.1\r\n\r\n", 400},
      {"GET / HTTP/1.1x\r\n\r\n", 400},
      {"GET / HTTP/11\r\n\r\n", 400},
      {"GET / HTTP/1.2\r\n\r\n", 505},
      {"GET / HTTP/1.1\r\nNoColon\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\n: empty\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nA: b\x7f\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 411},
      {"POST / HTTP/1.1\r\nExpect: something\r\n\r\n", 417},
  };
  for (const BadCase& c : cases) {
    RequestParser p;
    EXPECT_EQ(p.Parse(c.input), State::kError) << c.input;
    EXPECT_EQ(p.error_status(), c.status) << c.input;
    EXPECT_FALSE(p.error_message().empty());
  }
}

TEST(RequestParserTest, LimitsAreEnforcedBeforeReadingTheBody) {
  ParserLimits limits;
  limits.max_body_bytes = 100;
  limits.max_header_bytes = 64;
  limits.max_headers = 2;
  {
    RequestParser p(limits);
    EXPECT_EQ(p.Parse("POST / HTTP/1.1\r\nContent-Length: 101\r\n\r\n"), State::kError);
    EXPECT_EQ(p.error_status(), 413);
  }
  {
    RequestParser p(limits);
    std::string big = "GET / HTTP/1.1\r\nX: " + std::string(100, 'a');
    EXPECT_EQ(p.Parse(big), State::kError);  // no end of head yet, already too long
    EXPECT_EQ(p.error_status(), 431);
  }
  {
    RequestParser p(limits);
    EXPECT_EQ(p.Parse("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"), State::kError);
    EXPECT_EQ(p.error_status(), 431);
  }
}

}  // namespace
}  // namespace cordon::server
