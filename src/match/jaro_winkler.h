// Jaro-Winkler similarity and American Soundex, the two algorithms the US
// Treasury's Sanctions List Search names (OFAC FAQ 249). Used by the SLS
// mirror (ofac_sls_scorer.h); cordon's own scorer does not depend on them.
#ifndef CORDON_MATCH_JARO_WINKLER_H_
#define CORDON_MATCH_JARO_WINKLER_H_

#include <string>
#include <string_view>

namespace cordon {

// Jaro-Winkler similarity in [0,1] of two byte strings, compared exactly
// (case-sensitive; callers fold case first).
//
// Jaro: characters match when equal and at most max(|a|,|b|)/2 - 1 positions
// apart (each character of b used once, scanning a left to right and taking
// the first free b character in the window); with m matches and t = half the
// number of matched characters that are out of order,
//     jaro = (m/|a| + m/|b| + (m - t)/m) / 3,   0 when m = 0.
// Winkler: jw = jaro + l * prefix_scale * (1 - jaro), l = length of the
// common prefix, at most 4. The bonus is applied whatever the Jaro value
// (no 0.7 "boost threshold"), as in Wikipedia's definition and in the
// SimMetrics library that SLS is reported to use.
// Equal strings (including two empty ones) score 1; one empty string 0.
// REQUIRES: 0 <= prefix_scale <= 0.25 (larger values can exceed 1).
// No allocation for strings up to 256 bytes.
double JaroWinkler(std::string_view a, std::string_view b, double prefix_scale = 0.1);

// Reference implementation (straightforward, allocating) used by tests.
double JaroWinklerReference(std::string_view a, std::string_view b, double prefix_scale = 0.1);

// American Soundex code of a word: its first letter (upper-cased) followed by
// three digits (BFPV=1, CGJKQSXZ=2, DT=3, L=4, MN=5, R=6), padded with 0.
// Vowels (and Y) separate equal codes, H and W do not (Ashcraft -> A261), and
// a letter coded like the first letter is not repeated (Pfister -> P236).
// Characters other than ASCII letters are skipped. Returns "" for a word
// with no letters. Note the first letter is kept literally, so Soundex never
// matches words that start with different letters (Wladimir W435 /
// Vladimir V435, Fillips / Phillips).
std::string Soundex(std::string_view word);

}  // namespace cordon

#endif  // CORDON_MATCH_JARO_WINKLER_H_
