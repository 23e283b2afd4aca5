// A mirror of the score shown by the US Treasury's Sanctions List Search
// (SLS, sanctionssearch.ofac.treas.gov), so users can compare a cordon hit
// with what a regulator's tool would show. It is a comparison aid, not
// cordon's screening score (see name_scorer.h), and it is an approximation:
// OFAC publishes the ingredients, not the formula. docs/algorithms/ofac_sls.md
// lists the sources, what is documented and what is assumed.
#ifndef CORDON_MATCH_OFAC_SLS_SCORER_H_
#define CORDON_MATCH_OFAC_SLS_SCORER_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace cordon {

// A name-part pair scores at least this when both words have the same
// Soundex code. ASSUMED: OFAC says Soundex takes part in the per-part score
// but not how; 0.80 makes "sounds alike" count like a close spelling.
inline constexpr double kOfacSlsSoundexFloor = 0.80;

// A name-part pair scoring below this (after the Soundex floor) is not a
// match and contributes 0. REPORTED: fitted against live SLS scores by
// nomenklatura (GEORGE BUSH vs HASWANI, George = 50); echoes FAQ 249's
// "at least 50% similar" candidate filter.
inline constexpr double kOfacSlsPairFloor = 0.50;

// Query words this short are left out of the name-part average, unless every
// query word is this short. REPORTED (nomenklatura): KIM JONG UN scores 100
// against several KIM JONG <x> because UN is ignored.
inline constexpr size_t kOfacSlsShortWordMaxLen = 2;

struct OfacSlsDetail {
  double score = 0;             // max(whole_name_score, name_parts_score)
  double whole_name_score = 0;  // technique 1 (whole-string Jaro-Winkler)
  double name_parts_score = 0;  // technique 2 (per-part composite)
  // (query word, listed word) pairs chosen by the name-part technique, best
  // first; indices into the caller's vectors.
  std::vector<std::pair<int, int>> pairs;
  // One entry per query word: the score of its pair, 0 when unpaired or
  // ignored as short.
  std::vector<double> part_scores;
  // One entry per query word: its pair got its score from the Soundex floor
  // (equal codes, Jaro-Winkler below kOfacSlsSoundexFloor).
  std::vector<bool> soundex_hits;
  // One entry per query word: left out of the average as too short.
  std::vector<bool> ignored_short;
};

// Scores a searched name against ONE listed name (an SLS result row is the
// best of an entry's names; callers take the max over aliases themselves).
// Words are ASCII name parts in any case, as the engine's normaliser gives
// them; they are compared upper-cased. The listed words should be in the
// list's own order (OFAC writes individuals "FAMILY, Given"), because
// technique 1 reads the name as one string.
//
// Following OFAC FAQ 249 ("uses both techniques ... and returns the higher of
// the two scores"), the result is max(T1, T2) in [0,1]:
//  T1 whole name: JaroWinkler of the query words joined by spaces against the
//     listed words joined by spaces, and 0 unless both start with the same
//     letter (SLS first-letter filter; REPORTED: BUSH GEORGE finds nothing
//     where GEORGE BUSH finds three).
//  T2 name parts: every query word is compared with every listed word by
//     JaroWinkler, raised to kOfacSlsSoundexFloor when the Soundex codes are
//     equal, dropped below kOfacSlsPairFloor; pairs are then chosen one to
//     one, best first (ties: lower query index, then lower listed index).
//     T2 = the mean of the chosen pair scores over the query words that are
//     not ignored as short (an unpaired word counts 0).
//  Listed words left unmatched cost nothing: SLS scores the name "entered"
//  (FAQ 249), and a one-word search for MADURO shows 100 against MADURO
//  MOROS, Nicolas (github.com/moov-io/watchman/issues/141).
//
// Known quirks this mirrors, on purpose:
//  - T2 ignores word order; T1 does not, so order can still raise a score
//    (EMMA DANIELS vs EMMA: 0.87 by T1; DANIELS EMMA vs EMMA: 0.5).
//  - A single word equal to any part of a longer listed name scores 1.0.
//  - No transliteration or name knowledge: Wladimir/Vladimir is only a
//    Jaro-Winkler of 0.92, Mohamed/Muhammad 0.80; Soundex keeps the first
//    letter, so it never helps Wladimir/Vladimir or Fillips/Phillips.
//  - Query words of one or two letters (initials, UN, AL) do not count in T2.
//  - Scores are not rounded; SLS shows whole percents (round score * 100).
// Empty query or listed name: 0. `detail` may be null.
double ScoreOfacSls(const std::vector<std::string>& query_words, const std::vector<std::string>& listed_words,
                    OfacSlsDetail* detail);

}  // namespace cordon

#endif  // CORDON_MATCH_OFAC_SLS_SCORER_H_
