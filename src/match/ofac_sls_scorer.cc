#include "match/ofac_sls_scorer.h"

#include <algorithm>

#include "match/jaro_winkler.h"

namespace cordon {
namespace {

std::string Upper(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

struct Candidate {
  double score;
  int query;
  int listed;
  bool soundex;
};

}  // namespace

double ScoreOfacSls(const std::vector<std::string>& query_words, const std::vector<std::string>& listed_words,
                    OfacSlsDetail* detail) {
  const int nq = static_cast<int>(query_words.size());
  const int nl = static_cast<int>(listed_words.size());
  if (detail != nullptr) {
    *detail = OfacSlsDetail{};
    detail->part_scores.assign(nq, 0.0);
    detail->soundex_hits.assign(nq, false);
    detail->ignored_short.assign(nq, false);
  }
  std::vector<std::string> query, listed;
  query.reserve(nq);
  listed.reserve(nl);
  for (const std::string& w : query_words) query.push_back(Upper(w));
  for (const std::string& w : listed_words) listed.push_back(Upper(w));

  // Technique 1: the whole name as one string, behind the first-letter gate.
  const std::string query_name = JoinWords(query);
  const std::string listed_name = JoinWords(listed);
  if (query_name.empty() || listed_name.empty()) return 0.0;
  double whole = 0.0;
  if (query_name[0] == listed_name[0]) whole = JaroWinkler(query_name, listed_name);

  // Technique 2: name parts. Short query words are ignored unless all are.
  std::vector<bool> counted(nq, false);
  int counted_count = 0;
  for (int i = 0; i < nq; ++i) {
    counted[i] = query[i].size() > kOfacSlsShortWordMaxLen;
    counted_count += counted[i];
  }
  if (counted_count == 0) {
    for (int i = 0; i < nq; ++i) {
      counted[i] = !query[i].empty();
      counted_count += counted[i];
    }
  }
  std::vector<std::string> listed_soundex;
  listed_soundex.reserve(nl);
  for (const std::string& w : listed) listed_soundex.push_back(Soundex(w));
  std::vector<Candidate> candidates;
  for (int i = 0; i < nq; ++i) {
    if (!counted[i]) continue;
    const std::string query_soundex = Soundex(query[i]);
    for (int j = 0; j < nl; ++j) {
      if (listed[j].empty()) continue;
      double s = JaroWinkler(query[i], listed[j]);
      bool by_soundex = false;
      if (s < kOfacSlsSoundexFloor && !query_soundex.empty() && query_soundex == listed_soundex[j]) {
        s = kOfacSlsSoundexFloor;
        by_soundex = true;
      }
      if (s >= kOfacSlsPairFloor) candidates.push_back({s, i, j, by_soundex});
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
    if (x.score != y.score) return x.score > y.score;
    if (x.query != y.query) return x.query < y.query;
    return x.listed < y.listed;
  });
  std::vector<bool> query_used(nq, false), listed_used(nl, false);
  double sum = 0.0;
  for (const Candidate& c : candidates) {
    if (query_used[c.query] || listed_used[c.listed]) continue;
    query_used[c.query] = listed_used[c.listed] = true;
    sum += c.score;
    if (detail != nullptr) {
      detail->pairs.emplace_back(c.query, c.listed);
      detail->part_scores[c.query] = c.score;
      detail->soundex_hits[c.query] = c.soundex;
    }
  }
  const double parts = counted_count > 0 ? sum / counted_count : 0.0;
  const double score = std::clamp(std::max(whole, parts), 0.0, 1.0);
  if (detail != nullptr) {
    detail->score = score;
    detail->whole_name_score = whole;
    detail->name_parts_score = parts;
    for (int i = 0; i < nq; ++i) detail->ignored_short[i] = !counted[i] && !query[i].empty();
  }
  return score;
}

}  // namespace cordon
