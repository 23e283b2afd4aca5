#include "normalize/burmese_reading.h"

#include <unordered_set>

namespace cordon {
namespace {

// Syllables only Burmese names are made of, in the spellings the lists use
// (OFAC's, the EU's and the UK's Burma programmes).
const std::unordered_set<std::string_view>& DistinctSyllables() {
  static const auto* set = new std::unordered_set<std::string_view>{
      "aung",    "myint", "htun",    "hlaing", "khin",   "thein", "kyaw",  "naing",  "nyunt",   "thet",
      "htet",    "moe",   "soe",     "swe",    "zaw",    "phyo",  "nyein", "thaung", "kyaing",  "khaing",
      "khine",   "dway",  "dwe",     "htoo",   "htay",   "htut",  "htein", "htwe",   "htike",   "banyar",
      "banya",   "tayza", "pyae",    "thiri",  "pwint",  "kaung", "saing", "shein",  "yadanar", "theit",
      "thinzar", "ohn",   "ohnmar",  "bwar",   "thida",  "phyu",  "kaing", "hseng",  "khet",    "thaing",
      "nilar",   "arkar", "thitsar", "latt",   "hsaing", "nyar",  "sate",  "pyin",   "thura",   "thiha",
      "wunna",   "myat",  "hnin",    "zeya",   "hmue",   "ngwe",  "kyi",   "lwin",   "naung",   "sithu",
      "myo",     "oo",    "maung",   "tun",    "win",    "than",  "min",   "thant",  "hla",     "shwe",
      "mya",     "nwe",   "sein",    "kyu",    "paing",  "hein",  "yee",   "thu",    "chit",    "lone"};
  return *set;
}

// Syllables Burmese names share with other traditions' names (Chinese Lin
// and Yin, English Win): Burmese beside a distinct one.
const std::unordered_set<std::string_view>& SharedSyllables() {
  static const auto* set = new std::unordered_set<std::string_view>{
      "tin",  "lin", "san",  "yin", "nu",   "ye",   "aye",   "za",    "tay",  "pye", "yi",  "zin",
      "wai",  "nyi", "su",   "ei",  "cho",  "mo",   "so",    "te",    "mar",  "pa",  "ma",  "sit",
      "sitt", "nan", "kin",  "kan", "ong",  "ba",   "pe",    "nay",   "ne",   "lay", "le",  "gyi",
      "sone", "mon", "hsan", "phu", "akar", "kyar", "kyauk", "taung", "pauk", "da",  "thi", "long"};
  return *set;
}

const std::unordered_set<std::string_view>& Honorifics() {
  static const auto* set = new std::unordered_set<std::string_view>{
      "u", "daw", "maung", "ko", "saw", "sai", "nai", "mahn", "naw", "nang", "mi", "sao", "khun"};
  return *set;
}

}  // namespace

bool IsBurmeseHonorific(std::string_view t) { return Honorifics().count(t) > 0; }

bool IsBurmeseWord(std::string_view t) {
  // One lookup: asked of every Latin name's first word.
  static const auto* all = [] {
    auto* set = new std::unordered_set<std::string_view>(DistinctSyllables());
    set->insert(SharedSyllables().begin(), SharedSyllables().end());
    set->insert(Honorifics().begin(), Honorifics().end());
    return set;
  }();
  return all->count(t) > 0;
}

bool ReadsAsBurmese(const std::vector<std::string>& tokens) {
  if (tokens.size() < 2) return false;
  bool distinct = false;
  for (const std::string& t : tokens) {
    if (DistinctSyllables().count(t) > 0) {
      distinct = true;
    } else if (SharedSyllables().count(t) == 0 && !IsBurmeseHonorific(t)) {
      return false;
    }
  }
  return distinct;
}

std::string BurmeseSpelling(std::string_view token) {
  if (token == "ong") return "aung";
  std::string t(token);
  if (t.size() >= 3 && t[0] == 'h' && (t[1] == 't' || t[1] == 's')) t.erase(0, 1);
  if (const size_t p = t.find("aing"); p != std::string::npos) t.replace(p, 4, "ine");
  if (const size_t p = t.find("ae"); p != std::string::npos) t.replace(p, 2, "e");
  if (t.size() >= 3) {
    if (t.ends_with("ay")) {
      t.replace(t.size() - 2, 2, "e");
    } else if (t.ends_with("ar") || t.ends_with("oe")) {
      t.pop_back();  // banyar -> banya, moe -> mo
    } else if (t.ends_with("ee")) {
      t.replace(t.size() - 2, 2, "i");
    } else if (t.ends_with("tt")) {
      t.pop_back();
    }
  }
  return t;
}

}  // namespace cordon
