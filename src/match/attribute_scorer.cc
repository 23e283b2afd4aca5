#include "match/attribute_scorer.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace cordon {
namespace {

// Distance in years between two (possibly ranged/approximate) dates; 0 when
// the ranges overlap.
int YearGap(const PartialDate& a, const PartialDate& b) {
  int a_lo = a.year, a_hi = a.year_to > a.year ? a.year_to : a.year;
  int b_lo = b.year, b_hi = b.year_to > b.year ? b.year_to : b.year;
  if (a.approximate) --a_lo, ++a_hi;
  if (b.approximate) --b_lo, ++b_hi;
  if (a_hi < b_lo) return b_lo - a_hi;
  if (b_hi < a_lo) return a_lo - b_hi;
  return 0;
}

// 2 = fully compatible, 1 = same year but month/day differ, 0 = other year.
int DateAgreement(const PartialDate& q, const PartialDate& d) {
  if (YearGap(q, d) != 0) return 0;
  bool exact_year = q.year_to == 0 && d.year_to == 0 && !q.approximate && !d.approximate;
  if (!exact_year) return 2;
  if (q.month != 0 && d.month != 0 && q.month != d.month) return 1;
  if (q.day != 0 && d.day != 0 && q.month == d.month && q.day != d.day) return 1;
  return 2;
}

std::string JoinDates(const std::vector<PartialDate>& dates) {
  std::string out;
  for (const auto& d : dates) {
    if (!out.empty()) out += ", ";
    out += d.ToString();
  }
  return out;
}

}  // namespace

std::string NormalizeIdentifier(std::string_view id) {
  std::string out;
  for (char c : id) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) out.push_back(static_cast<char>(std::toupper(u)));
  }
  if (out.size() == 10 && out.compare(0, 3, "IMO") == 0) out.erase(0, 3);
  return out;
}

AttributeOutcome ScoreAttributes(double name_score, const QueryAttributes& query,
                                 const Entity& entity, const EvidenceWeights& weights) {
  AttributeOutcome out;
  double score = name_score;

  if (!query.identifiers.empty()) {
    AttributeCheck check;
    check.attribute = "id_number";
    for (const auto& id : query.identifiers) {
      if (!check.query_value.empty()) check.query_value += ", ";
      check.query_value += id;
    }
    for (const auto& doc : entity.documents) {
      std::string listed = NormalizeIdentifier(doc.number);
      if (listed.empty()) continue;
      if (std::find(query.identifiers.begin(), query.identifiers.end(), listed) != query.identifiers.end()) {
        check.verdict = Verdict::kMatch;
        check.list_value = std::string(DocumentTypeName(doc.type)) + " " + doc.number;
        break;
      }
    }
    if (check.verdict == Verdict::kMatch) {
      double lifted = std::max(weights.identifier_floor, name_score + (1.0 - name_score) * 0.8);
      check.effect = lifted - score;
      score = lifted;
      out.identifier_matched = true;
    } else if (!entity.documents.empty()) {
      // Listed parties hold several documents; a different one proves little.
      check.verdict = Verdict::kUnknown;
      check.list_value = std::to_string(entity.documents.size()) + " other document(s)";
    }
    out.checks.push_back(std::move(check));
  }

  if (!query.birth_date.empty()) {
    AttributeCheck check;
    check.attribute = "birth_date";
    check.query_value = query.birth_date.ToString();
    check.list_value = JoinDates(entity.birth_dates);
    if (!entity.birth_dates.empty()) {
      int best_agreement = -1;
      int best_gap = 1 << 20;
      for (const auto& d : entity.birth_dates) {
        best_agreement = std::max(best_agreement, DateAgreement(query.birth_date, d));
        best_gap = std::min(best_gap, YearGap(query.birth_date, d));
      }
      if (best_agreement == 2) {
        check.verdict = Verdict::kMatch;
        check.effect = weights.birth_date_match;
      } else {
        check.verdict = Verdict::kMismatch;
        check.effect = best_agreement == 1 ? weights.birth_date_near
                       : best_gap <= 1     ? weights.birth_date_one_year
                                           : weights.birth_date_far;
      }
      score += check.effect;
    }
    out.checks.push_back(std::move(check));
  }

  if (!query.country.empty()) {
    AttributeCheck check;
    check.attribute = "country";
    check.query_value = query.country;
    std::vector<std::string> listed;
    auto add = [&listed](const std::string& c) {
      if (!c.empty() && std::find(listed.begin(), listed.end(), c) == listed.end()) listed.push_back(c);
    };
    for (const auto& c : entity.nationalities) add(c);
    for (const auto& c : entity.countries) add(c);
    for (const auto& a : entity.addresses) add(a.country);
    for (const auto& c : listed) {
      if (!check.list_value.empty()) check.list_value += ", ";
      check.list_value += c;
    }
    if (!listed.empty()) {
      bool equal = std::find(listed.begin(), listed.end(), query.country) != listed.end();
      check.verdict = equal ? Verdict::kMatch : Verdict::kMismatch;
      check.effect = equal ? weights.country_match : weights.country_mismatch;
      score += check.effect;
    }
    out.checks.push_back(std::move(check));
  }

  out.score = std::clamp(score, 0.0, 1.0);
  return out;
}

}  // namespace cordon
