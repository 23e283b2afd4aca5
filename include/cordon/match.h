// Copyright (c) cordon authors.
//
// A screening query, the options that steer it, and the explained matches it
// returns. Plain data.
#ifndef CORDON_MATCH_H_
#define CORDON_MATCH_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cordon/entity.h"

namespace cordon {

// Which kinds of listed party a query may match.
enum class EntityKind : uint8_t { kAny = 0, kPerson, kOrganization, kVessel, kAircraft };

// Whether a query of `kind` may match a listed party of `schema`. Persons
// also match parties whose list does not say what they are (kLegalEntity).
bool KindAllowsSchema(EntityKind kind, Schema schema);

struct Query {
  std::string name;         // UTF-8, any script. Required, at most 1024 bytes.
  EntityKind kind = EntityKind::kAny;
  std::string birth_date;   // "yyyy", "yyyy-mm" or "yyyy-mm-dd"; optional
  std::string country;      // ISO 3166-1 alpha-2 or an English country name; optional
  std::vector<std::string> id_numbers;  // passport, national id, IMO...; optional
};

// Default threshold: 0.80. Below it, name-only hits are dominated by shared
// common tokens (a lone KIM or MOHAMMED plus a weak second token); at 0.80 a
// hit needs every distinctive part of the name to agree, allowing one typo or
// a missing middle name/patronymic. See docs/DESIGN.md "Scoring".
inline constexpr double kDefaultThreshold = 0.80;

// How much secondary evidence moves a name score (added to it, then the
// result is clamped to [0,1]). Defaults are documented in docs/DESIGN.md
// "Scoring" with the trade-off each makes.
struct EvidenceWeights {
  double birth_date_match = 0.05;        // a compatible birth date
  double birth_date_near = -0.05;        // same year, other month or day
  double birth_date_one_year = -0.10;    // one year apart
  double birth_date_far = -0.25;         // two or more years apart
  double country_match = 0.03;           // a listed nationality/country/address agrees
  double country_mismatch = -0.10;       // the list has countries and none agrees
  double identifier_floor = 0.90;        // an equal passport/IMO/registration lifts to at least this
  double legal_form_mismatch = -0.05;    // both names carry legal forms of different families (LLC vs JSC)
};

// Which scorer ranks names.
//   kCordon   cordon's own: transliteration, romanisation keys, weighted
//             alignment, attributes (docs/DESIGN.md "Scoring").
//   kOfacSls  a mirror of the US Treasury Sanctions List Search score
//             (Jaro-Winkler + Soundex over the list's own Latin spelling, no
//             transliteration, attributes ignored), for comparing with what
//             the regulator's tool shows. Scans every listed name.
//             docs/algorithms/ofac_sls.md lists its quirks.
enum class Algorithm : uint8_t { kCordon = 0, kOfacSls };
std::string_view AlgorithmName(Algorithm algorithm);

struct ScreenOptions {
  Algorithm algorithm = Algorithm::kCordon;
  double threshold = kDefaultThreshold;  // in [0,1]; matches below are dropped
  int limit = 10;                        // at most this many matches (>= 1)
  std::vector<std::string> sources;      // restrict to these source ids; empty = all
  EvidenceWeights weights;               // secondary evidence; see EvidenceWeights
};

// How one query name part lined up with one listed name part.
struct TokenAlignment {
  std::string query_token;  // normalised query part ("vladimir")
  std::string list_token;   // normalised listed part
  double similarity = 0;    // in [0,1]
  double weight = 0;        // the part's share of the name evidence
  // "exact", "romanization" (equal after transliteration/phonetic key),
  // "fuzzy" (edit distance), "initial", "compound" (Jong Un ~ Jongun).
  std::string method;
};

enum class Verdict : uint8_t { kMatch = 0, kMismatch, kUnknown };
std::string_view VerdictName(Verdict verdict);

// One secondary attribute compared: birth_date, country, id_number, kind.
struct AttributeCheck {
  std::string attribute;
  Verdict verdict = Verdict::kUnknown;
  std::string query_value;
  std::string list_value;  // the closest listed value, or all of them
  double effect = 0;       // what it did to the score (+/-), 0 when neutral
};

struct Explanation {
  std::vector<TokenAlignment> aligned;
  std::vector<std::string> unmatched_query_tokens;
  // The role of each unmatched query part, parallel to unmatched_query_tokens.
  std::vector<std::string> unmatched_query_roles;
  std::vector<std::string> unmatched_list_tokens;
  // The role of each unmatched listed part, parallel to unmatched_list_tokens:
  // "name" (role unknown), "given", "family", "patronymic", "particle", "legal_form",
  // "generic" (a missing particle or patronymic costs little; a missing
  // family name costs much).
  std::vector<std::string> unmatched_list_roles;
  double name_score = 0;  // the name evidence alone, before attributes
  std::vector<AttributeCheck> attributes;
  std::string list_as_of;   // the source's as-of date
  std::string list_version; // the source's content hash (version id)
  std::string summary;      // one readable sentence for a compliance officer
};

// Match strength, next to the score, for triage:
//   kExact   every name part equal (or an identifier equal) and nothing left over
//   kStrong  score >= 0.92: all distinctive parts agree, at most a spelling variant
//   kMedium  score >= 0.85: a typo, an initial or a missing middle name
//   kWeak    below 0.85 (only seen with a threshold under 0.85)
enum class MatchStrength : uint8_t { kExact = 0, kStrong, kMedium, kWeak };
std::string_view MatchStrengthName(MatchStrength strength);

struct Match {
  const Entity* entity = nullptr;  // owned by the Engine; valid while it lives
  std::string matched_name;        // the listed name (primary or alias) that matched
  NameType matched_name_type = NameType::kPrimary;
  double score = 0;                // in [0,1]
  MatchStrength strength = MatchStrength::kWeak;
  Explanation explanation;
};

}  // namespace cordon

#endif  // CORDON_MATCH_H_
