#include "normalize/katakana_reader.h"

#include <algorithm>

namespace cordon {
namespace {

// What a letter of the katakana block U+30A1..U+30FA stands for.
enum class Kind : uint8_t {
  kSyllable,    // consonant (maybe none) + vowel
  kSmallVowel,  // ァィゥェォ: replaces the vowel of the syllable before
  kSmallGlide,  // ャュョ: y + vowel after an i-syllable
  kGeminate,    // ッ
  kMoraicN,     // ン
  kSkip,        // ヮ and anything unused in names
};

struct Letter {
  const char* consonant;
  char vowel;
  Kind kind;
};

constexpr Letter S(const char* c, char v) { return {c, v, Kind::kSyllable}; }

// Indexed by code point - 0x30A1.
constexpr Letter kLetters[] = {
    {"", 'a', Kind::kSmallVowel},
    S("", 'a'),
    {"", 'i', Kind::kSmallVowel},
    S("", 'i'),  // ァアィイ
    {"", 'u', Kind::kSmallVowel},
    S("", 'u'),
    {"", 'e', Kind::kSmallVowel},
    S("", 'e'),  // ゥウェエ
    {"", 'o', Kind::kSmallVowel},
    S("", 'o'),  // ォオ
    S("k", 'a'),
    S("g", 'a'),
    S("k", 'i'),
    S("g", 'i'),
    S("k", 'u'),  // カガキギク
    S("g", 'u'),
    S("k", 'e'),
    S("g", 'e'),
    S("k", 'o'),
    S("g", 'o'),  // グケゲコゴ
    S("s", 'a'),
    S("z", 'a'),
    S("sh", 'i'),
    S("j", 'i'),
    S("s", 'u'),  // サザシジス
    S("z", 'u'),
    S("s", 'e'),
    S("z", 'e'),
    S("s", 'o'),
    S("z", 'o'),  // ズセゼソゾ
    S("t", 'a'),
    S("d", 'a'),
    S("ch", 'i'),
    S("j", 'i'),  // タダチヂ
    {"", 0, Kind::kGeminate},
    S("ts", 'u'),
    S("z", 'u'),  // ッツヅ
    S("t", 'e'),
    S("d", 'e'),
    S("t", 'o'),
    S("d", 'o'),  // テデトド
    S("n", 'a'),
    S("n", 'i'),
    S("n", 'u'),
    S("n", 'e'),
    S("n", 'o'),  // ナニヌネノ
    S("h", 'a'),
    S("b", 'a'),
    S("p", 'a'),
    S("h", 'i'),
    S("b", 'i'),
    S("p", 'i'),  // ハバパヒビピ
    S("f", 'u'),
    S("b", 'u'),
    S("p", 'u'),
    S("h", 'e'),
    S("b", 'e'),
    S("p", 'e'),  // フブプヘベペ
    S("h", 'o'),
    S("b", 'o'),
    S("p", 'o'),  // ホボポ
    S("m", 'a'),
    S("m", 'i'),
    S("m", 'u'),
    S("m", 'e'),
    S("m", 'o'),  // マミムメモ
    {"", 'a', Kind::kSmallGlide},
    S("y", 'a'),
    {"", 'u', Kind::kSmallGlide},
    S("y", 'u'),  // ャヤュユ
    {"", 'o', Kind::kSmallGlide},
    S("y", 'o'),  // ョヨ
    S("r", 'a'),
    S("r", 'i'),
    S("r", 'u'),
    S("r", 'e'),
    S("r", 'o'),  // ラリルレロ
    {"", 0, Kind::kSkip},
    S("w", 'a'),
    S("w", 'i'),
    S("w", 'e'),
    S("", 'o'),  // ヮワヰヱヲ
    {"", 0, Kind::kMoraicN},
    S("v", 'u'),
    S("k", 'a'),
    S("k", 'e'),  // ンヴヵヶ
    S("v", 'a'),
    S("v", 'i'),
    S("v", 'e'),
    S("v", 'o'),  // ヷヸヹヺ
};
static_assert(sizeof(kLetters) / sizeof(kLetters[0]) == 0x30FA - 0x30A1 + 1);

// One syllable of the word (or ン).
struct Unit {
  std::string consonant;
  char vowel = 0;           // 0 for ン
  bool n = false;           // ン
  bool long_vowel = false;  // followed by ー
  bool geminate = false;    // preceded by ッ
  bool from_ji = false;     // ジ/ヂ with its own vowel i
  bool from_chi = false;    // チ with its own vowel i
  bool from_fu = false;     // フ with its own vowel u
  bool vowel_only() const { return !n && consonant.empty(); }
  bool liquid() const { return consonant == "r"; }
};

std::vector<Unit> Parse(std::u32string_view word) {
  std::vector<Unit> units;
  bool geminate = false;
  for (char32_t c : word) {
    if (c == 0x30FC) {  // ー
      if (!units.empty()) units.back().long_vowel = true;
      continue;
    }
    if (c < 0x30A1 || c > 0x30FA) continue;  // iteration marks, anything else
    const Letter& l = kLetters[c - 0x30A1];
    Unit* prev = units.empty() || units.back().n ? nullptr : &units.back();
    switch (l.kind) {
      case Kind::kSkip:
        continue;
      case Kind::kGeminate:
        geminate = true;
        continue;
      case Kind::kMoraicN: {
        Unit u;
        u.n = true;
        units.push_back(u);
        geminate = false;
        continue;
      }
      case Kind::kSmallVowel:
        if (prev != nullptr && !prev->long_vowel) {
          if (prev->vowel_only() && prev->vowel == 'u') {
            prev->consonant = "w";  // ウィ wi, ウェ we, ウォ wo
          } else if (prev->vowel_only() && prev->vowel == 'i' && l.vowel == 'e') {
            prev->consonant = "y";  // イェ ye
          } else if (prev->vowel_only()) {
            break;  // アァ: a vowel of its own
          }
          // ジェ stays a ジ for the Russian reading (メドベージェフ medvedev).
          prev->from_ji = prev->from_ji && l.vowel == 'e';
          prev->vowel = l.vowel;  // ティ ti, ファ fa, シェ she, ヴァ va
          prev->from_chi = prev->from_fu = false;
          continue;
        }
        break;
      case Kind::kSmallGlide:
        if (prev != nullptr && !prev->vowel_only() && !prev->long_vowel) {
          const std::string& k = prev->consonant;
          if (k != "sh" && k != "ch" && k != "j") prev->consonant += 'y';  // キャ kya, リョ ryo
          prev->vowel = l.vowel;                                           // シャ sha, ジョ jo
          prev->from_ji = prev->from_chi = prev->from_fu = false;
          continue;
        }
        break;
      case Kind::kSyllable:
        break;
    }
    Unit u;
    u.consonant = l.kind == Kind::kSmallGlide ? "y" : l.consonant;
    u.vowel = l.vowel;
    u.geminate = geminate;
    u.from_ji = c == 0x30B8 || c == 0x30C2;
    u.from_chi = c == 0x30C1;
    u.from_fu = c == 0x30D5;
    geminate = false;
    units.push_back(std::move(u));
  }
  return units;
}

// Consonants after which Japanese adds a u that the source did not have.
bool TakesEpentheticU(const std::string& c) {
  return c == "k" || c == "g" || c == "s" || c == "z" || c == "ts" || c == "f" || c == "b" || c == "p" ||
         c == "m" || c == "r" || c == "v" || c == "sh";
}

// Whether a Latin word can start with consonant `first` then `second`
// (スミス smith, クレムリン kremlin, ドレスデン dresden), so the vowel
// between them in a first syllable may be one Japanese added.
bool StartsCluster(const std::string& first, const Unit& second) {
  if (second.n || second.vowel_only()) return false;
  const char s = second.consonant[0];
  if (first == "s") return s == 'm' || s == 't' || s == 'p' || s == 'k' || s == 'n' || s == 'w' || s == 'v';
  if (first == "k" || first == "g" || first == "p" || first == "b" || first == "f" || first == "v" ||
      first == "t" || first == "d") {
    return second.liquid();
  }
  return false;
}

// One reading: `russian` picks v/di/ti for バ行/ジ/チ; `liquids` says, for
// the liquid at each ordinal, whether it is l (else r).
std::string Render(const std::vector<Unit>& units, bool russian, const std::vector<bool>& liquids) {
  std::string out;
  size_t liquid = 0;
  char last_vowel = 0;  // vowel written last, 0 after a consonant
  for (size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    const Unit* next = i + 1 < units.size() ? &units[i + 1] : nullptr;
    const bool final = next == nullptr;
    const bool next_consonant = next != nullptr && !next->vowel_only() && !next->n;
    if (u.n) {
      if (next != nullptr && !next->n && !next->vowel_only() &&
          (next->consonant[0] == 'b' || next->consonant[0] == 'p' || next->consonant[0] == 'm')) {
        out += 'm';  // トランプ trump
      } else if (next != nullptr && next->vowel_only()) {
        out += "ng";  // ジョンウン jong-un: a syllable ends before the vowel
      } else {
        out += 'n';
      }
      last_vowel = 0;
      continue;
    }
    std::string consonant = u.consonant;
    if (u.liquid()) consonant = liquid < liquids.size() && liquids[liquid] ? "l" : "r", ++liquid;
    const bool final_chi = !u.long_vowel && u.from_chi && final && i > 0;  // ビッチ vich
    if (russian && consonant == "b") consonant = "v";
    if (russian && u.from_ji) consonant = "d";
    if (russian && u.from_chi && !final_chi) consonant = "t";
    bool keep_vowel = true;
    if (i == 0 && u.vowel_only() && u.vowel == 'u' && next != nullptr && next->liquid()) {
      consonant = "v";  // ウラジーミル vladimir
      keep_vowel = false;
    } else if (!u.long_vowel && u.vowel == 'u' && TakesEpentheticU(u.consonant)) {
      if (i == 0) {
        keep_vowel = !(next_consonant && StartsCluster(consonant, *next));
      } else {
        keep_vowel = !(final || next_consonant);
      }
      if (!keep_vowel && u.from_fu) {
        // フ: a final one after o or e is the Russian -ov/-ev (ラブロフ
        // lavrov); one before a consonant is mostly an h (アフマド ahmad).
        // (Russian reading: v, エフゲニー yevgeni).
        if (final && (last_vowel == 'o' || last_vowel == 'e')) consonant = "v";
        if (!final) consonant = russian ? "v" : "h";
      }
    } else if (!u.long_vowel && u.vowel == 'o' && (u.consonant == "t" || u.consonant == "d")) {
      // Before n, m or y the o is mostly real (マクドナルド mcdonald).
      const bool before_consonant = next_consonant && next->consonant[0] != 'n' &&
                                    next->consonant[0] != 'm' && next->consonant[0] != 'y';
      keep_vowel = !((i > 0 && (final || before_consonant)) || (i == 0 && next != nullptr && next->liquid()));
    } else if (final_chi) {
      keep_vowel = false;
    } else if (u.vowel_only() && i > 0 && (u.vowel == last_vowel || (u.vowel == 'u' && last_vowel == 'o'))) {
      keep_vowel = false;  // a Japanese long vowel (オウ, イイ)
      continue;
    }
    if (u.geminate && !consonant.empty()) out += consonant == "ch" ? 't' : consonant[0];
    out += consonant;
    if (keep_vowel) out += u.vowel;
    last_vowel = keep_vowel ? u.vowel : 0;
  }
  return out;
}

}  // namespace

bool IsKatakanaLetter(char32_t c) { return (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FE); }

std::vector<std::string> ReadKatakana(std::u32string_view word) {
  std::vector<std::string> out;
  const std::vector<Unit> units = Parse(word);
  if (std::none_of(units.begin(), units.end(), [](const Unit& u) { return !u.n; })) return out;
  size_t liquids = 0;
  bool styles = false;  // バ行, ジ, チ or inner フ: read as written and the Russian way
  for (size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    liquids += u.liquid();
    styles = styles || u.consonant == "b" || u.from_ji || u.from_chi || (u.from_fu && i + 1 < units.size());
  }
  // A final -フ after o/e, -ッチ/-ヴィチ, or a first ウ read v looks
  // Russian: that style first.
  bool russian_first =
      units.size() >= 2 && units[0].vowel_only() && units[0].vowel == 'u' && units[1].liquid();
  if (units.size() >= 2) {
    const Unit& last = units.back();
    const Unit& before = units[units.size() - 2];
    russian_first = russian_first ||
                    (last.from_fu && !last.long_vowel && (before.vowel == 'o' || before.vowel == 'e')) ||
                    (last.from_chi && (last.geminate || before.consonant == "v" || before.consonant == "b"));
  }
  std::vector<std::vector<bool>> patterns;
  patterns.emplace_back(liquids, false);                   // all r
  if (liquids >= 1) patterns.emplace_back(liquids, true);  // all l
  if (liquids >= 2) {
    std::vector<bool> first_l(liquids, false), first_r(liquids, true);
    first_l[0] = true;
    first_r[0] = false;
    patterns.push_back(first_l);
    patterns.push_back(first_r);
  }
  std::vector<bool> order = {russian_first};
  if (styles) order.push_back(!russian_first);
  for (bool russian : order) {
    for (const auto& pattern : patterns) {
      if (out.size() >= kMaxKatakanaReadings) return out;
      std::string r = Render(units, russian, pattern);
      if (!r.empty() && std::find(out.begin(), out.end(), r) == out.end()) out.push_back(std::move(r));
    }
  }
  // ハ行 is also the kh of Persian, Arabic and Russian names (ハーメネイー
  // khamenei, ミハイル mikhail): while there is room, the readings again
  // with the first h as kh (the phonetic keys already merge kh and h; this
  // lets a listed kh spelling match exactly).
  for (size_t i = 0, n = out.size(); i < n && out.size() < kMaxKatakanaReadings; ++i) {
    const size_t h = out[i].find('h');
    if (h == std::string::npos ||
        (h > 0 && std::string_view("sckgtz").find(out[i][h - 1]) != std::string_view::npos))
      continue;  // no h, or the h of sh, ch, kh...
    std::string kh = out[i];
    kh.insert(h, 1, 'k');
    if (std::find(out.begin(), out.end(), kh) == out.end()) out.push_back(std::move(kh));
  }
  return out;
}

}  // namespace cordon
