#include "engine/explanation_builder.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace cordon {
namespace {

std::string Fixed2(double v) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%.2f", v);
  return buf;
}

std::string QueryText(const std::vector<ScoringToken>& q, int i, int i2) {
  std::string s = q[i].keys->text;
  if (i2 >= 0) s += " " + q[i2].keys->text;
  return s;
}

}  // namespace

void BuildExplanation(const std::vector<ScoringToken>& q, const std::vector<ScoringToken>& n,
                      const NameScoreDetail& detail, const AttributeOutcome& attributes,
                      const SourceInfo* source, Match* match) {
  Explanation& ex = match->explanation;
  ex = Explanation();
  ex.name_score = detail.score;
  std::string aligned_text;
  // Readable order: the query's own word order.
  std::vector<TokenPair> pairs = detail.pairs;
  std::sort(pairs.begin(), pairs.end(), [](const TokenPair& a, const TokenPair& b) { return a.query < b.query; });
  for (const TokenPair& p : pairs) {
    TokenAlignment a;
    a.query_token = QueryText(q, p.query, p.query2);
    std::string display(q[p.query].display);
    if (!display.empty() && display != q[p.query].keys->text) a.query_token += " (" + display + ")";
    a.list_token = n[p.listed].keys->text;
    if (p.listed2 >= 0) a.list_token += " " + n[p.listed2].keys->text;
    a.similarity = p.match.score;
    a.weight = p.weight;
    a.method = std::string(TokenMatchKindName(p.match.kind));
    if (!aligned_text.empty()) aligned_text += ", ";
    aligned_text += a.query_token + " = " + a.list_token + " (" + a.method + " " + Fixed2(a.similarity) + ")";
    ex.aligned.push_back(std::move(a));
  }
  std::string unmatched_text;
  for (int i : detail.unmatched_query) {
    ex.unmatched_query_tokens.push_back(q[i].keys->text);
    ex.unmatched_query_roles.emplace_back(TokenRoleName(q[i].role));
  }
  for (int j : detail.unmatched_listed) {
    std::string t = n[j].keys->text;
    ex.unmatched_list_tokens.push_back(t);
    ex.unmatched_list_roles.emplace_back(TokenRoleName(n[j].role));
    if (!unmatched_text.empty()) unmatched_text += ", ";
    unmatched_text += t + " (" + std::string(TokenRoleName(n[j].role)) + ")";
  }
  ex.attributes = attributes.checks;
  if (source != nullptr) {
    ex.list_as_of = source->as_of;
    ex.list_version = source->version;
  }

  std::string s = "Name parts aligned: " + (aligned_text.empty() ? std::string("none") : aligned_text) + ".";
  if (!ex.unmatched_query_tokens.empty()) {
    s += " Query parts not in the listed name:";
    for (const auto& t : ex.unmatched_query_tokens) s += " " + t;
    s += ".";
  }
  if (!unmatched_text.empty()) s += " Listed parts absent from the query: " + unmatched_text + ".";
  if (detail.population_cap) {
    s += " Only one distinctive name part agrees, a word many people carry (general-population table): score "
         "capped.";
  } else if (detail.single_token_cap) {
    s += " Only one distinctive name part agrees: score capped.";
  }
  s += " Name score " + Fixed2(detail.score) + ".";
  for (const AttributeCheck& c : attributes.checks) {
    s += " " + c.attribute + " " + std::string(VerdictName(c.verdict));
    if (c.verdict != Verdict::kUnknown || !c.list_value.empty()) {
      s += " (query " + c.query_value + ", list " + (c.list_value.empty() ? "none" : c.list_value) + ")";
    } else {
      s += " (not on the list)";
    }
    if (c.effect != 0) s += " " + std::string(c.effect > 0 ? "+" : "") + Fixed2(c.effect);
    s += ".";
  }
  if (source != nullptr) {
    s += " List " + source->id + " as of " + (source->as_of.empty() ? "unknown" : source->as_of) +
         ", version " + source->version + ".";
  }
  ex.summary = std::move(s);
}

}  // namespace cordon
