#include "match/name_scorer.h"

#include <algorithm>
#include <array>
#include <string>

namespace cordon {
namespace {

constexpr size_t kMaxTokens = 32;
constexpr size_t kMaxPairs = 256;
// Where a name without an anchor (only typos, initials or a bare skeleton)
// stops: below 0.72, so birth date and country bonuses cannot lift it to
// the default threshold.
constexpr double kMinPairScore = 0.7;
constexpr double kMiddleNameLeniency = 0.25;
// What a listed given name in the middle costs when the query leaves it out:
// less than a surname (0.25 let Ali Hosseini alert on Ali HOSSEINI TASH).
constexpr double kGivenMiddleNameLeniency = 0.2;
constexpr float kFirstGivenMinPopulationWeight = 0.5f;

// A part of this many letters can be a middle name left out: four or more,
// or an initial.
bool MiddleNameLength(size_t letters) { return letters >= 4 || letters == 1; }

double Leniency(TokenRole role) {
  switch (role) {
    case TokenRole::kPatronymic:
      return 0.15;
    case TokenRole::kGeneric:
      return 0.3;
    case TokenRole::kParticle:
    case TokenRole::kLegalForm:
      return 0.0;
    default:
      return 0.6;
  }
}

// What a query part the listed name lacks costs, as a share of its weight.
// A patronymic costs what a listed middle name the query leaves out costs:
// the lists often omit it (Michail Vjatjaslavavitj HRYB ~ HRYB, Mikhail).
double QueryPenalty(TokenRole role) {
  switch (role) {
    case TokenRole::kGeneric:
      return 0.3;
    case TokenRole::kPatronymic:
      return 0.25;
    case TokenRole::kParticle:
    case TokenRole::kLegalForm:
      return 0.0;
    default:
      return 1.0;
  }
}

bool Distinctive(const ScoringToken& t) {
  return t.role != TokenRole::kParticle && t.role != TokenRole::kGeneric && t.role != TokenRole::kLegalForm &&
         t.role != TokenRole::kPatronymic;
}

// A query word that counts as name evidence: distinctive, or a patronymic the
// user took the trouble to type.
bool QueryEvidence(const ScoringToken& t) { return Distinctive(t) || t.role == TokenRole::kPatronymic; }

}  // namespace

bool CompoundEquals(const TokenKeys& a, const TokenKeys& b, const TokenKeys& whole) {
  if (a.consonantal || b.consonantal || whole.consonantal) {
    // Skeletons: نصر الله (nsr + l) ~ Nasrallah (nsrl). Each part needs two
    // consonants (Allah's "l" excepted): "r" + "sm" is not ARSHAM.
    // (Allah's spelling is a bare "l"; علی, Ali, spells "li" and is no part.)
    // A short Latin word of one consonant is a part of an Arabic-script
    // word when the two Latin words joined spell it, long vowels and all
    // (Mohammad Ali ~ محمدعلی, Ali Reza ~ علیرضا).
    const bool latin_parts = !a.consonantal && !b.consonantal && whole.consonantal;
    auto part_ok = [&](const TokenKeys& t) {
      return t.skeleton.size() >= 2 || (t.skeleton == "l" && t.text == "l") ||
             (latin_parts && t.skeleton.size() == 1 && t.text.size() <= kMaxOneConsonantLatinLength);
    };
    if (!part_ok(a) || !part_ok(b)) return false;
    if (a.skeleton.size() + b.skeleton.size() != whole.skeleton.size() || whole.skeleton.size() < 3 ||
        whole.skeleton.compare(0, a.skeleton.size(), a.skeleton) != 0 ||
        whole.skeleton.compare(a.skeleton.size(), std::string::npos, b.skeleton) != 0) {
      return false;
    }
    // Two Arabic-script words against a Latin one: their long vowels must
    // fit it, as for one word (CompareTokens): براءة سوم (b-r-a s-u-m) is
    // not BARSHAM.
    if (a.consonantal && b.consonantal && !whole.consonantal) {
      return CompareTokens(MakeTokenKeys(a.text + b.text, true), whole).kind == TokenMatchKind::kRomanization;
    }
    if (latin_parts && (a.skeleton.size() == 1 || b.skeleton.size() == 1)) {
      return CompareTokens(whole, MakeTokenKeys(a.text + b.text, false)).kind ==
             TokenMatchKind::kRomanization;
    }
    return true;
  }
  // Initials are not halves of a word (K.A.S. is not "kas").
  if (a.text.size() < 2 || b.text.size() < 2) return false;
  if (a.text.size() + b.text.size() != whole.text.size() &&
      a.phonetic.size() + b.phonetic.size() != whole.phonetic.size()) {
    return false;
  }
  if (whole.text.compare(0, a.text.size(), a.text) == 0 &&
      whole.text.compare(a.text.size(), std::string::npos, b.text) == 0) {
    return true;
  }
  // Phonetic keys joined (ABDEL RAHMAN ~ ABDULRAHMAN): each part keeps three
  // sounds or more, or short words would join into any name ("kiani" + "li"
  // is not CANAL, "bra" + "sum" not BARSHAM).
  if (a.phonetic.size() < 3 || b.phonetic.size() < 3) return false;
  return whole.phonetic.compare(0, a.phonetic.size(), a.phonetic) == 0 &&
         whole.phonetic.compare(a.phonetic.size(), std::string::npos, b.phonetic) == 0;
}

namespace {

// Does token i of `t` (of n, either side) stand where a middle name the
// other side leaves out stands? Of four letters or more (one-syllable parts
// of Korean and Chinese names, Su-gil, Wei Ta Lee, are none), or an initial
// (Alexander H KUZIN ~ KUZIN, Alexander; a middle initial is the part most
// often left out): a given name after a given name, a second surname
// (Spanish and Portuguese double surnames: one is often used alone), or an
// unlabelled part between two distinctive parts. Only the tokens `matched` marks count as those other
// names (null: any could), for an unlabelled part's flanks only with
// `flanks_matched`.
bool MiddleNamePosition(const ScoringToken* t, size_t n, size_t i, const bool* matched, bool flanks_matched) {
  if (!MiddleNameLength(t[i].keys->text.size())) return false;
  auto counts = [&](size_t k) { return matched == nullptr || matched[k]; };
  switch (t[i].role) {
    case TokenRole::kGiven:
      for (size_t k = 0; k < i; ++k) {
        if (t[k].role == TokenRole::kGiven && counts(k)) return true;
      }
      return false;
    case TokenRole::kFamily:
      for (size_t k = 0; k < n; ++k) {
        if (k != i && t[k].role == TokenRole::kFamily && counts(k)) return true;
      }
      return false;
    case TokenRole::kPlain: {
      auto flank = [&](size_t k) { return Distinctive(t[k]) && (!flanks_matched || counts(k)); };
      bool before = false, after = false;
      for (size_t k = 0; k < i; ++k) before = before || flank(k);
      for (size_t k = i + 1; k < n; ++k) after = after || flank(k);
      return before && after;
    }
    default:
      return false;
  }
}

// Could query token i be a middle name the list leaves out, were the tokens
// `matched` says aligned? With `matched` null, whether any alignment could
// make it one (for the bound). Not a syllable of a Korean or Chinese name
// (장현진 is not Jang Jin). Common words too (Malek Muhammad ALI ~ Malek
// ALI): charged their full weight, a Muhammad left out cost more than a
// rare middle name. It costs speed: the index's bound now lets every listed
// Mohammed ... Mahmoud through for "Mohammed Ahmed Mahmoud" (warm p99.9
// about 510 -> 830 us, screen-file 2-4 % slower). Excluding words under
// 0.3 (Muhammad 0.22, Ahmed 0.28) kept 16 of the 39 spellings gained.
bool QueryMiddleName(const ScoringToken* q, size_t n, size_t i, const bool* matched) {
  // An Arabic-script word of three consonants or more may be one too
  // (بطرس جرجس الحلاق ~ Boutros AL HALLAQ); shorter ones are particles'
  // and Allah's spellings.
  const TokenKeys& k = *q[i].keys;
  if (k.consonantal ? k.skeleton.size() < 3 : SyllableShaped(k.text)) return false;
  return MiddleNamePosition(q, n, i, matched, true);
}

// Is query token i a word written again in the query (a token `matched`
// says aligned; null: any), of three letters or more and no syllable?
bool RepeatedWord(const ScoringToken* q, size_t n, size_t i, const bool* matched) {
  const TokenKeys& keys = *q[i].keys;
  if (keys.consonantal || keys.text.size() < 3 || SyllableShaped(keys.text)) return false;
  for (size_t k = 0; k < n; ++k) {
    if (k != i && (matched == nullptr || matched[k]) && !q[k].keys->consonantal &&
        q[k].keys->text == keys.text)
      return true;
  }
  return false;
}

// The share of its weight query token i adds to the denominator when it
// stays unmatched, the tokens `matched` says aligned (null: the least any
// alignment gives, for the bound).
double UnmatchedQueryShare(const ScoringToken* q, size_t n, size_t i, const bool* matched) {
  // A word written twice that matched once adds nothing (Kalev Katanga
  // KATANGA ~ MUTONDO KATANGA, Kalev: the UK repeats the surname). Not a
  // syllable of a Korean or Chinese name (성성훈, Seong Seong-hun, are two
  // parts), nor an Arabic-script word.
  if (RepeatedWord(q, n, i, matched)) return 0.0;
  const double share = QueryPenalty(q[i].role);
  return QueryMiddleName(q, n, i, matched) ? std::min(share, kMiddleNameLeniency) : share;
}

// Is listed token j a part of a hyphenated word (JOHN B. PRIDMORE-SMITH)?
bool JoinedWord(const ScoringToken* n, size_t nn, size_t j) {
  return n[j].hyphenated || (j + 1 < nn && n[j + 1].hyphenated);
}

// The listed part that may be a second surname: the last before any
// particles, of four letters or more, a family or unlabelled part, after
// another part. -1 when none. SecondSurnameLeftOut() reads it against the
// alignment, MaxMiddleBlockDiscount() for the bound.
int SecondSurnameSlot(const ScoringToken* n, size_t nn) {
  size_t last = nn;
  while (last > 0 && n[last - 1].role == TokenRole::kParticle) --last;
  if (last < 2 || n[last - 1].keys->text.size() < 4) return -1;
  const TokenRole role = n[last - 1].role;
  return role == TokenRole::kFamily || role == TokenRole::kPlain ? static_cast<int>(last - 1) : -1;
}

// The listed name's last part, when the query left it out and it follows
// (particles apart) the part the query gave as its surname: a second
// surname or a tribal name the query does not use (RODRIGUEZ, Delcy ~
// Delcy Eloina RODRIGUEZ GOMEZ; RAMADAN, Taha Yassin ~ Taha Yassin Ramadan
// Al-Jizrawi). Only after a part the query marks as its surname: "Mohammed
// Ali" is not "Mohammed Ali HASSAN" short of a surname. -1 when none.
int SecondSurnameLeftOut(const ScoringToken* q, const ScoringToken* n, size_t nn, const bool* n_used,
                         const TokenPair* pairs, size_t pair_count) {
  const int slot = SecondSurnameSlot(n, nn);
  if (slot < 0 || n_used[slot]) return -1;
  size_t before = static_cast<size_t>(slot);
  while (before > 0 && !n_used[before - 1] && n[before - 1].role == TokenRole::kParticle) --before;
  if (before == 0 || !n_used[before - 1]) return -1;
  for (size_t k = 0; k < pair_count; ++k) {
    const TokenPair& p = pairs[k];
    if ((p.listed == static_cast<int>(before - 1) || p.listed2 == static_cast<int>(before - 1)) &&
        q[p.query].role == TokenRole::kFamily) {
      return slot;
    }
  }
  return -1;
}

// The listed name's first given name, when the query left it out and gave
// the rest: it starts with the listed second name and every query word
// matched (Anouar AL-KATTAN ~ Wasim Anouar al-KATTAN; not Ilunga KAMPETE
// ~ Gaston Hughes Ilunga KAMPETE, a longer name). Only for query words rare
// among people: Ali HASSAN is often the father of a listed Mohammed Ali
// HASSAN, not him (every such name: alerts 0.335 -> 1.065 per 1,000
// customers, measured). -1 when none.
int FirstGivenNameLeftOut(const ScoringToken* q, size_t qn, const ScoringToken* n, size_t nn,
                          const bool* q_used, const bool* n_used, const TokenPair* pairs, size_t pair_count) {
  size_t f = 0;
  while (f < nn && n[f].role == TokenRole::kParticle) ++f;
  if (f >= nn || n_used[f] || (n[f].role != TokenRole::kGiven && n[f].role != TokenRole::kPlain) ||
      n[f].keys->text.size() < 4) {
    return -1;
  }
  size_t next = f + 1;
  while (next < nn && n[next].role == TokenRole::kParticle) ++next;
  if (next >= nn || !n_used[next]) return -1;
  // A name of three words, the query the other two: in a longer Arabic
  // name the rest is the father's (Khaled Khalil SHOMAN is the father of
  // Nabil Khaled Halil CHOUMAN, Usama bin Muhammad BIN LADEN of Hamza Usama
  // Muhammad BIN LADEN).
  size_t listed_words = 0;
  for (size_t j = 0; j < nn; ++j) {
    // Written words: the parts of PIR-ABASSI are one, al-KATTAN one.
    if (Distinctive(n[j]) && !(n[j].hyphenated && j > 0 && Distinctive(n[j - 1]))) ++listed_words;
    if (j != f && Distinctive(n[j]) && !n_used[j]) return -1;
  }
  if (listed_words != 3) return -1;
  for (size_t i = 0; i < qn; ++i) {
    if (Distinctive(q[i]) && (!q_used[i] || q[i].population_weight < kFirstGivenMinPopulationWeight))
      return -1;
  }
  // Two whole words or more, each the same word or another romanisation of
  // it: no initial (Akulina SOKOLOV is not Vladislav A. SOKOLOV), no
  // compound, no typo, no consonant skeleton (He Siyuan is not حسن).
  size_t words = 0;
  for (size_t k = 0; k < pair_count; ++k) {
    const TokenPair& p = pairs[k];
    if (!Distinctive(q[p.query])) continue;
    const bool whole =
        (p.match.kind == TokenMatchKind::kExact || p.match.kind == TokenMatchKind::kRomanization) &&
        !q[p.query].keys->consonantal && !n[p.listed].keys->consonantal;
    if (!whole) return -1;
    ++words;
  }
  return words >= 2 ? static_cast<int>(f) : -1;
}

}  // namespace

double MaxMiddleBlockDiscount(const ScoringToken* listed, size_t n) {
  n = std::min(n, kMaxTokens);
  // The given names that may be middle names (MiddleNamePosition() with
  // any tokens matched), and the second surname SecondSurnameLeftOut() may
  // return, which needs the part before it matched.
  std::array<bool, kMaxTokens> middle{};
  for (size_t j = 0; j < n; ++j) {
    const TokenRole role = listed[j].role;
    middle[j] = role == TokenRole::kGiven && !JoinedWord(listed, n, j) &&
                MiddleNamePosition(listed, n, j, nullptr, false);
  }
  // Each part's share is both its least share (MinUnmatchedListedShare())
  // and what it costs as the block's heaviest.
  auto waived = [&](size_t skip, size_t add) {
    double sum = 0, heaviest = 0;
    for (size_t j = 0; j < n; ++j) {
      if ((!middle[j] || j == skip) && j != add) continue;
      const double cost = listed[j].weight * (j == add ? kMiddleNameLeniency : kGivenMiddleNameLeniency);
      sum += cost;
      heaviest = std::max(heaviest, cost);
    }
    return sum - heaviest;
  };
  double most = waived(n, n);
  if (const int slot = SecondSurnameSlot(listed, n); slot >= 0) {
    const size_t surname = static_cast<size_t>(slot);
    size_t before = surname;
    while (before > 0 && listed[before - 1].role == TokenRole::kParticle) --before;
    // The part before it must be matched; a particle between leaves any
    // middle name free.
    const bool particle_between = before < surname;
    if (before > 0) most = std::max(most, waived(particle_between ? n : before - 1, surname));
  }
  return most;
}

double MinUnmatchedQueryShare(const ScoringToken* query, size_t n, size_t i) {
  return UnmatchedQueryShare(query, n, i, nullptr);
}

double MinUnmatchedListedShare(TokenRole role, size_t letters) {
  const bool can_be_middle =
      MiddleNameLength(letters) &&
      (role == TokenRole::kGiven || role == TokenRole::kFamily || role == TokenRole::kPlain);
  const double middle = role == TokenRole::kGiven ? kGivenMiddleNameLeniency : kMiddleNameLeniency;
  return can_be_middle ? std::min(middle, Leniency(role)) : Leniency(role);
}

bool AnchorsName(TokenMatchKind kind, TokenRole query_role, size_t query_letters, bool query_consonantal) {
  bool strong = kind == TokenMatchKind::kExact || kind == TokenMatchKind::kRomanization ||
                kind == TokenMatchKind::kCompound;
  ScoringToken t;
  t.role = query_role;
  // A letter equal to a letter (A = A in Y.A.S.) is an initial, not an anchor.
  bool initial = query_letters < 2 && !query_consonantal;
  return strong && QueryEvidence(t) && !initial;
}

double ScoreName(const ScoringToken* q, size_t qn, const ScoringToken* n, size_t nn, NameScoreDetail* detail,
                 const TokenMatch* similarities) {
  const size_t stride = nn;
  qn = std::min(qn, kMaxTokens);
  nn = std::min(nn, kMaxTokens);
  if (detail != nullptr) *detail = NameScoreDetail();
  if (qn == 0 || nn == 0) return 0;

  // Per thread, reused: 256 default-constructed pairs a call cost more than
  // the scoring itself.
  thread_local std::vector<TokenPair> pairs(kMaxPairs);
  thread_local std::vector<TokenPair> pairs_used_storage(kMaxTokens);
  size_t count = 0;
  auto add = [&](TokenPair p) {
    if (count < kMaxPairs) pairs[count++] = p;
  };
  for (size_t i = 0; i < qn; ++i) {
    for (size_t j = 0; j < nn; ++j) {
      TokenMatch m =
          similarities != nullptr ? similarities[i * stride + j] : CompareTokens(*q[i].keys, *n[j].keys);
      if (m.score < kMinPairScore) continue;
      double w = 0.5 * (q[i].weight + n[j].weight);
      if (m.kind == TokenMatchKind::kInitial) w *= 0.5;  // an initial is weaker evidence
      add({static_cast<int>(i), -1, static_cast<int>(j), -1, m, w});
    }
  }
  // Compounds: two query tokens against one listed token, and vice versa.
  for (size_t i = 0; i + 1 < qn; ++i) {
    for (size_t j = 0; j < nn; ++j) {
      if (CompoundEquals(*q[i].keys, *q[i + 1].keys, *n[j].keys)) {
        double w = 0.5 * (0.5 * (q[i].weight + q[i + 1].weight) + n[j].weight);
        add({static_cast<int>(i),
             static_cast<int>(i + 1),
             static_cast<int>(j),
             -1,
             {1.0, TokenMatchKind::kCompound},
             w});
      }
    }
  }
  for (size_t j = 0; j + 1 < nn; ++j) {
    for (size_t i = 0; i < qn; ++i) {
      if (CompoundEquals(*n[j].keys, *n[j + 1].keys, *q[i].keys)) {
        double w = 0.5 * (q[i].weight + 0.5 * (n[j].weight + n[j + 1].weight));
        add({static_cast<int>(i),
             -1,
             static_cast<int>(j),
             static_cast<int>(j + 1),
             {1.0, TokenMatchKind::kCompound},
             w});
      }
    }
  }
  // Greedy assignment: the same word in another spelling before a typo
  // (QADDAFI, Muhammad ~ Mohammed Muammar QADHAFI: Muhammad is Mohammed,
  // not a slip of the rarer Muammar), then strongest evidence first (ties:
  // earlier tokens).
  std::sort(pairs.begin(), pairs.begin() + count, [](const TokenPair& a, const TokenPair& b) {
    const bool fa = a.match.kind == TokenMatchKind::kFuzzy, fb = b.match.kind == TokenMatchKind::kFuzzy;
    if (fa != fb) return fb;
    double ea = a.match.score * (a.weight + 1e-3), eb = b.match.score * (b.weight + 1e-3);
    if (ea != eb) return ea > eb;
    if (a.query != b.query) return a.query < b.query;
    return a.listed < b.listed;
  });
  std::array<bool, kMaxTokens> q_used{}, n_used{};
  size_t pairs_used_count = 0;
  double num = 0, den = 0;
  for (size_t k = 0; k < count; ++k) {
    const TokenPair& p = pairs[k];
    if (q_used[p.query] || n_used[p.listed]) continue;
    if (p.query2 >= 0 && q_used[p.query2]) continue;
    if (p.listed2 >= 0 && n_used[p.listed2]) continue;
    q_used[p.query] = true;
    n_used[p.listed] = true;
    if (p.query2 >= 0) q_used[p.query2] = true;
    if (p.listed2 >= 0) n_used[p.listed2] = true;
    num += p.match.score * p.weight;
    den += p.weight;
    if (pairs_used_count < kMaxTokens) pairs_used_storage[pairs_used_count++] = p;
    if (detail != nullptr) detail->pairs.push_back(p);
  }
  size_t distinctive_q = 0, distinctive_q_matched = 0;
  // Generic words left over on both sides contradict each other (BANKING vs
  // TRADING): then they count as much as other name parts.
  bool generic_conflict = false;
  {
    bool gq = false, gn = false;
    for (size_t i = 0; i < qn; ++i) gq = gq || (!q_used[i] && q[i].role == TokenRole::kGeneric);
    for (size_t j = 0; j < nn; ++j) gn = gn || (!n_used[j] && n[j].role == TokenRole::kGeneric);
    generic_conflict = gq && gn;
  }
  auto generic_factor = [&](TokenRole role, double normal) {
    return role == TokenRole::kGeneric && generic_conflict ? 0.6 : normal;
  };
  // Distinctive query words, counting a written word once however many
  // tokens it holds (PIR-ABASSI, JAMAL-AL-DIN, Abdelhakim -> abd + hakim):
  // a token marked `hyphenated` continues the previous token's word.
  {
    // A word written twice counts once when the list has it once (العطار -
    // العطار against UTAIR is one word; هلال هلال against Hilal HILAL two).
    bool word_evidence = false, word_matched = false, word_repeated = false;
    auto close_word = [&] {
      if (word_evidence && !word_repeated) {
        ++distinctive_q;
        if (word_matched) ++distinctive_q_matched;
      }
      word_evidence = word_matched = word_repeated = false;
    };
    for (size_t i = 0; i < qn; ++i) {
      if (!q[i].hyphenated) {
        close_word();
        const bool single = (i + 1 >= qn || !q[i + 1].hyphenated) && !q_used[i];
        for (size_t k = 0; k < i && single; ++k) {
          const bool k_single = (k + 1 >= qn || !q[k + 1].hyphenated) && !q[k].hyphenated;
          word_repeated = word_repeated || (k_single && q[k].keys->text == q[i].keys->text &&
                                            q[k].keys->consonantal == q[i].keys->consonantal);
        }
      }
      if (QueryEvidence(q[i])) {
        word_evidence = true;
        word_matched = word_matched || q_used[i];
      }
    }
    close_word();
  }
  // A query word between matched ones may be a middle name the list leaves
  // out (Vladimir Gheorghe PLAHOTNIUC ~ Vladimir PLAHOTNIUC): as lenient as
  // a listed middle name the query leaves out.
  for (size_t i = 0; i < qn; ++i) {
    if (q_used[i]) continue;
    den += q[i].weight * generic_factor(q[i].role, UnmatchedQueryShare(q, qn, i, q_used.data()));
    if (detail != nullptr) detail->unmatched_query.push_back(static_cast<int>(i));
  }
  // Middle names are often left out: a listed given name when another given
  // name matched, a second surname, or an unlabelled part between two
  // distinctive parts costs a quarter of its weight (given names and the
  // second surname: see the block below).
  bool distinctive_left = false;
  const int second_surname =
      SecondSurnameLeftOut(q, n, nn, n_used.data(), pairs_used_storage.data(), pairs_used_count);
  double block_cost = 0;
  const int first_given = FirstGivenNameLeftOut(q, qn, n, nn, q_used.data(), n_used.data(),
                                                pairs_used_storage.data(), pairs_used_count);
  for (size_t j = 0; j < nn; ++j) {
    if (n_used[j]) continue;
    const bool middle =
        MiddleNamePosition(n, nn, j, n_used.data(), false) || static_cast<int>(j) == first_given;
    // Given names the list labels so, and the second surname: not a first
    // surname left out (Maria GARCIA is not Maria Elena GAXIOLA GARCIA),
    // nor a part of a hyphenated word (John SMITH is not JOHN B.
    // PRIDMORE-SMITH), nor an unlabelled part (each costs its own quarter:
    // treating those as a block too gained 6 spellings, 2 alerts and cost
    // 7 % of screen-file's speed through the index's looser bound).
    if (static_cast<int>(j) == second_surname) {
      block_cost = std::max(block_cost, n[j].weight * kMiddleNameLeniency);
    } else if (middle && n[j].role == TokenRole::kGiven && !JoinedWord(n, nn, j)) {
      block_cost = std::max(block_cost, n[j].weight * kGivenMiddleNameLeniency);
    } else {
      den += n[j].weight * generic_factor(n[j].role, middle ? kMiddleNameLeniency : Leniency(n[j].role));
    }
    if (Distinctive(n[j])) distinctive_left = true;
    if (detail != nullptr) detail->unmatched_listed.push_back(static_cast<int>(j));
  }
  // Several middle names left out are one omission (QADHAFI, Aisha ~ Aisha
  // Muammar Muhammed Abu Minyar QADHAFI; RODRIGUEZ, Delcy ~ Delcy Eloina
  // RODRIGUEZ GOMEZ): the costliest counts (a given name a fifth of its
  // weight, a second surname a quarter), the others nothing.
  den += block_cost;
  if (num <= 0 || den <= 0) return 0;
  double score = num / den;
  // A single distinctive part (a surname or given name alone) against a
  // longer name is never enough on its own.
  if (distinctive_q <= 1 && distinctive_q_matched == 1 && distinctive_left && score > 0.7) {
    score = 0.7;
    if (detail != nullptr) detail->single_token_cap = true;
  }
  // A match needs one anchor: a distinctive part that agrees exactly, in
  // another romanisation or as a compound. Initials and typos alone
  // (Y.A.S. against three initials, two misspelt words) are not enough,
  // and stay below what a birth date and country could lift to the default
  // threshold (0.80 - 0.08).
  {
    bool anchored = false;
    for (size_t k = 0; k < pairs_used_count; ++k) {
      const TokenPair& p = pairs_used_storage[k];
      const TokenKeys& keys = *q[p.query].keys;
      if (AnchorsName(p.match.kind, q[p.query].role, keys.text.size(), keys.consonantal)) anchored = true;
    }
    if (!anchored && score > kUnanchoredCap) {
      score = kUnanchoredCap;
      if (detail != nullptr) detail->single_token_cap = true;
    }
  }
  // One distinctive word matched only approximately (a typo) is not enough:
  // Haley/Hanley, Denis/Denise, Soboll/Sobol are other names.
  if (distinctive_q <= 1 && distinctive_q_matched == 1 && score > kUnanchoredCap) {
    bool fuzzy_only = true;
    for (size_t k = 0; k < pairs_used_count; ++k) {
      const TokenPair& p = pairs_used_storage[k];
      if (Distinctive(q[p.query]) && p.match.kind != TokenMatchKind::kFuzzy) fuzzy_only = false;
    }
    // A consonant skeleton alone cannot confirm a one-word name either
    // (جاوحدو -> jhd against Jihad).
    bool skeleton_only = true;
    for (size_t k = 0; k < pairs_used_count; ++k) {
      const TokenPair& p = pairs_used_storage[k];
      if (!Distinctive(q[p.query])) continue;
      bool consonantal = q[p.query].keys->consonantal || n[p.listed].keys->consonantal;
      if (!(consonantal && p.match.kind == TokenMatchKind::kRomanization)) skeleton_only = false;
    }
    if (fuzzy_only || skeleton_only) {
      score = kUnanchoredCap;
      if (detail != nullptr) detail->single_token_cap = true;
    }
  }
  // A one-word name on both sides (MOHAMED against an alias MOHAMED) is only
  // as strong as the word is rare: a common given name alone never alerts.
  if (distinctive_q <= 1 && distinctive_q_matched == 1 && !distinctive_left) {
    // The weight of the pair that matched: the rarer side does not make a
    // common name rare (MAHAMED against MUHAMMAD).
    // Unless the word is the whole listed name (nothing but particles and
    // legal forms left over on either side: a collision with the listed
    // name, Schneider GmbH ~ SCHNEIDER GMBH, alerts however many people
    // carry the word), it must be rare among people too, not only in the
    // lists: Hudson Inc is not the listed HUDSON ENGINEERING LTD.
    bool whole_name = true;
    for (size_t i = 0; i < qn; ++i) whole_name = whole_name && (q_used[i] || q[i].weight == 0);
    for (size_t j = 0; j < nn; ++j) whole_name = whole_name && (n_used[j] || n[j].weight == 0);
    double w = 1.0;
    bool exact = false, population_lowered = false;
    for (size_t k = 0; k < pairs_used_count; ++k) {
      const TokenPair& p = pairs_used_storage[k];
      if (QueryEvidence(q[p.query])) {
        w = std::min(q[p.query].weight, n[p.listed].weight);
        const double people = std::min(q[p.query].population_weight, n[p.listed].population_weight);
        population_lowered = !whole_name && people < w;
        if (population_lowered) w = people;
        exact = p.match.kind == TokenMatchKind::kExact || p.match.kind == TokenMatchKind::kCompound;
      }
    }
    // Nor is a one-word name in another spelling: HASAN is not Husan,
    // MORENO not Marine; only the same word (after transliteration: Путин =
    // Putin; or written in two parts: حزب الله = HIZBALLAH) may alert alone.
    double cap = exact ? 0.5 + w : std::min(0.5 + w, 0.75);
    if (score > cap) {
      score = cap;
      if (detail != nullptr) {
        detail->single_token_cap = true;
        detail->population_cap = population_lowered;
      }
    }
  }
  if (detail != nullptr) detail->score = score;
  return score;
}

}  // namespace cordon
