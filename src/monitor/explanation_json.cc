#include "monitor/explanation_json.h"

#include <cstdio>

#include "store/store_impl.h"

namespace cordon {
namespace {

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.4f", v);
  std::string s = buf;
  while (s.size() > 1 && s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string Strings(const std::vector<std::string>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + JsonQuote(v[i]);
  return out + "]";
}

}  // namespace

std::string ExplanationJson(const Match& m) {
  const Explanation& e = m.explanation;
  std::string out = "{\"summary\":" + JsonQuote(e.summary) + ",\"score\":" + Num(m.score) +
                    ",\"strength\":" + JsonQuote(MatchStrengthName(m.strength)) +
                    ",\"matched_name\":" + JsonQuote(m.matched_name) +
                    ",\"matched_name_type\":" + JsonQuote(NameTypeName(m.matched_name_type)) +
                    ",\"name_score\":" + Num(e.name_score) + ",\"aligned\":[";
  for (size_t i = 0; i < e.aligned.size(); ++i) {
    const TokenAlignment& a = e.aligned[i];
    out += std::string(i ? "," : "") + "{\"query\":" + JsonQuote(a.query_token) + ",\"listed\":" +
           JsonQuote(a.list_token) + ",\"similarity\":" + Num(a.similarity) + ",\"weight\":" + Num(a.weight) +
           ",\"method\":" + JsonQuote(a.method) + "}";
  }
  out += "],\"unmatched_query\":" + Strings(e.unmatched_query_tokens) +
         ",\"unmatched_listed\":" + Strings(e.unmatched_list_tokens) + ",\"attributes\":[";
  for (size_t i = 0; i < e.attributes.size(); ++i) {
    const AttributeCheck& a = e.attributes[i];
    out += std::string(i ? "," : "") + "{\"attribute\":" + JsonQuote(a.attribute) +
           ",\"verdict\":" + JsonQuote(VerdictName(a.verdict)) + ",\"query_value\":" + JsonQuote(a.query_value) +
           ",\"list_value\":" + JsonQuote(a.list_value) + ",\"effect\":" + Num(a.effect) + "}";
  }
  out += "],\"list_as_of\":" + JsonQuote(e.list_as_of) + ",\"list_version\":" + JsonQuote(e.list_version) + "}";
  return out;
}

}  // namespace cordon
