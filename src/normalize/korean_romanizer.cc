#include "normalize/korean_romanizer.h"

#include <algorithm>
#include <array>
#include <map>

namespace cordon {
namespace {

constexpr char32_t kBase = 0xAC00;
constexpr int kMedials = 21;
constexpr int kFinals = 28;

// Initial consonants (19), in Unicode order. [0] list style, [1] RR.
const std::array<std::array<const char*, 2>, 19> kInitial = {{
    {"k", "g"},  {"kk", "kk"}, {"n", "n"},   {"t", "d"},   {"tt", "tt"}, {"r", "r"},  {"m", "m"},
    {"p", "b"},  {"pp", "pp"}, {"s", "s"},   {"ss", "ss"}, {"", ""},     {"j", "j"},  {"jj", "jj"},
    {"ch", "ch"}, {"kh", "k"}, {"th", "t"},  {"ph", "p"},  {"h", "h"},
}};
// Medial vowels (21). List style writes ŏ/ŭ as o/u.
const std::array<std::array<const char*, 2>, 21> kMedial = {{
    {"a", "a"},   {"ae", "ae"}, {"ya", "ya"}, {"yae", "yae"}, {"o", "eo"},  {"e", "e"},   {"yo", "yeo"},
    {"ye", "ye"}, {"o", "o"},   {"wa", "wa"}, {"wae", "wae"}, {"oe", "oe"}, {"yo", "yo"}, {"u", "u"},
    {"wo", "wo"}, {"we", "we"}, {"wi", "wi"}, {"yu", "yu"},   {"u", "eu"},  {"ui", "ui"}, {"i", "i"},
}};
// Final consonants (28, [0] = none).
const std::array<std::array<const char*, 2>, 28> kFinal = {{
    {"", ""},    {"k", "k"},  {"k", "k"}, {"k", "k"}, {"n", "n"},  {"n", "n"},  {"n", "n"},
    {"t", "t"},  {"l", "l"},  {"k", "k"}, {"m", "m"}, {"l", "l"},  {"l", "l"},  {"l", "l"},
    {"p", "p"},  {"l", "l"},  {"m", "m"}, {"p", "p"}, {"p", "p"},  {"t", "t"},  {"t", "t"},
    {"ng", "ng"}, {"t", "t"}, {"t", "t"}, {"k", "k"}, {"t", "t"},  {"p", "p"},  {"t", "t"},
}};

// Surnames whose customary spelling differs from both systems.
const std::map<char32_t, std::vector<const char*>>& SurnameSpellings() {
  static const auto* m = new std::map<char32_t, std::vector<const char*>>{
      {U'김', {"kim"}},          {U'이', {"ri", "lee", "yi", "rhee"}},
      {U'리', {"ri", "lee"}},    {U'박', {"pak", "park"}},
      {U'최', {"choe", "choi"}}, {U'정', {"jong", "jung", "chung", "chong"}},
      {U'강', {"kang"}},         {U'조', {"jo", "cho"}},
      {U'윤', {"yun", "yoon"}},  {U'장', {"jang", "chang"}},
      {U'임', {"im", "lim"}},    {U'림', {"rim", "lim"}},
      {U'한', {"han"}},          {U'오', {"o", "oh"}},
      {U'서', {"so", "seo", "suh"}}, {U'신', {"sin", "shin"}},
      {U'권', {"kwon"}},         {U'황', {"hwang"}},
      {U'안', {"an", "ahn"}},    {U'송', {"song"}},
      {U'류', {"ryu", "yoo", "yu"}}, {U'유', {"yu", "yoo"}},
      {U'홍', {"hong"}},         {U'전', {"jon", "jeon", "chun"}},
      {U'고', {"ko", "go"}},     {U'문', {"mun", "moon"}},
      {U'양', {"yang"}},         {U'손', {"son"}},
      {U'배', {"pae", "bae"}},   {U'백', {"paek", "baek"}},
      {U'허', {"ho", "heo", "hur"}}, {U'남', {"nam"}},
      {U'심', {"sim", "shim"}},  {U'노', {"no", "roh"}},
      {U'로', {"ro", "roh"}},    {U'하', {"ha"}},
      {U'주', {"ju", "joo"}},    {U'구', {"ku", "koo"}},
      {U'현', {"hyon", "hyun"}}, {U'방', {"pang", "bang"}},
      {U'차', {"cha"}},          {U'명', {"myong", "myung"}},
  };
  return *m;
}

std::string Syllable(char32_t c, int style) {
  int index = static_cast<int>(c - kBase);
  int initial = index / (kMedials * kFinals);
  int medial = (index % (kMedials * kFinals)) / kFinals;
  int final = index % kFinals;
  std::string out = kInitial[initial][style];
  out += kMedial[medial][style];
  out += kFinal[final][style];
  return out;
}

void AddUnique(std::vector<std::vector<std::string>>* variants, std::vector<std::string> v) {
  if (std::find(variants->begin(), variants->end(), v) == variants->end()) {
    variants->push_back(std::move(v));
  }
}

}  // namespace

bool IsHangulSyllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }

std::vector<std::vector<std::string>> RomanizeHangul(std::u32string_view syllables) {
  std::vector<std::vector<std::string>> variants;
  if (syllables.empty()) return variants;
  for (int style = 0; style < 2; ++style) {
    std::vector<std::string> tokens;
    for (char32_t c : syllables) {
      if (IsHangulSyllable(c)) tokens.push_back(Syllable(c, style));
    }
    if (!tokens.empty()) AddUnique(&variants, std::move(tokens));
  }
  // Conventional surname spellings for the first syllable of a 2-4 syllable
  // name (Korean names are written surname first).
  if (syllables.size() >= 2 && syllables.size() <= 4 && !variants.empty()) {
    auto it = SurnameSpellings().find(syllables[0]);
    if (it != SurnameSpellings().end()) {
      for (const char* spelling : it->second) {
        std::vector<std::string> v = variants[0];
        v[0] = spelling;
        AddUnique(&variants, std::move(v));
      }
    }
  }
  return variants;
}

std::vector<std::vector<std::string>> KoreanFromCyrillic(const std::vector<std::u32string>& tokens) {
  // Kontsevich: Ким Чен Ын, Ли Сын Ман, Пак Пон Чжу, Чхве Рён Хэ, Ри Сон Гвон.
  static const std::map<std::u32string, const char*> kSurnames = {
      {U"ким", "kim"}, {U"ли", "ri"},   {U"ри", "ri"},    {U"пак", "pak"},  {U"чхве", "choe"},
      {U"чон", "jong"}, {U"кан", "kang"}, {U"чо", "jo"},  {U"юн", "yun"},   {U"чан", "jang"},
      {U"хан", "han"},  {U"о", "o"},     {U"со", "so"},   {U"син", "sin"},  {U"квон", "kwon"},
      {U"хван", "hwang"}, {U"ан", "an"}, {U"сон", "song"}, {U"хон", "hong"}, {U"ко", "ko"},
      {U"мун", "mun"}, {U"ян", "yang"}, {U"пэ", "pae"},   {U"нам", "nam"},
      {U"рим", "rim"}, {U"лим", "rim"}, {U"ю", "yu"},     {U"ру", "ryu"},   {U"хо", "ho"},
  };
  if (tokens.size() < 2 || tokens.size() > 4) return {};
  auto sur = kSurnames.find(tokens[0]);
  if (sur == kSurnames.end()) return {};
  // Each given-name token must be one Korean syllable in Cyrillic: short.
  for (size_t i = 1; i < tokens.size(); ++i) {
    if (tokens[i].size() > 4) return {};
  }
  // Letter-level mapping to the list style (Kontsevich -> simplified MR).
  static const std::vector<std::pair<std::u32string, const char*>> kMap = {
      {U"чх", "ch"}, {U"чж", "j"}, {U"тх", "th"}, {U"кх", "kh"}, {U"пх", "ph"}, {U"нъ", "ng"},
      {U"ын", "un"}, {U"ё", "yo"}, {U"ю", "yu"},  {U"я", "ya"},  {U"е", "o"},   {U"э", "ae"},
      {U"ы", "u"},   {U"ч", "j"},  {U"к", "k"},   {U"г", "g"},   {U"н", "n"},   {U"т", "t"},
      {U"д", "d"},   {U"р", "r"},  {U"л", "l"},   {U"м", "m"},   {U"п", "p"},   {U"б", "b"},
      {U"с", "s"},   {U"х", "h"},  {U"а", "a"},   {U"о", "o"},   {U"у", "u"},   {U"и", "i"},
      {U"й", "i"},   {U"в", "w"},  {U"ж", "j"},   {U"ц", "ts"},  {U"ш", "sh"},  {U"щ", "sh"},
      {U"з", "z"},   {U"ф", "p"},  {U"ь", ""},    {U"ъ", ""},
  };
  std::vector<std::string> out;
  out.push_back(sur->second);
  for (size_t i = 1; i < tokens.size(); ++i) {
    const std::u32string& t = tokens[i];
    std::string r;
    size_t p = 0;
    while (p < t.size()) {
      bool hit = false;
      for (const auto& [from, to] : kMap) {
        if (t.compare(p, from.size(), from) == 0) {
          r += to;
          p += from.size();
          hit = true;
          break;
        }
      }
      if (!hit) return {};
    }
    out.push_back(r);
  }
  // Kontsevich writes both final ㄴ and ㅇ as -н (Чен = 정 Jong, Ын = 은 Un):
  // each given-name token ending in n also gets an -ng reading.
  std::vector<std::vector<std::string>> variants = {out};
  for (size_t i = 1; i < out.size(); ++i) {
    if (out[i].size() < 2 || out[i].back() != 'n') continue;
    size_t count = variants.size();
    for (size_t v = 0; v < count; ++v) {
      std::vector<std::string> alt = variants[v];
      alt[i] += "g";
      variants.push_back(std::move(alt));
    }
  }
  return variants;
}

}  // namespace cordon
