#include "normalize/slavic_cognates.h"

#include <array>
#include <initializer_list>
#include <vector>

#include "normalize/phonetic_key.h"

namespace cordon {
namespace {

struct Cognate {
  std::string_view russian;             // the Russian given name
  std::string_view patronymic;          // its patronymic stem: + "ich" (male), + "na" (female)
  std::vector<std::string_view> forms;  // Ukrainian and Belarusian forms and spellings
};

// Given names of Ukraine, Belarus and Russia, with the spellings the EU,
// UK, UN and OFAC lists use for the Ukrainian and Belarusian forms (and the
// English-convention reading of Swedish/German ones: serhij -> serhiy).
const std::vector<Cognate>& Cognates() {
  static const auto* table = new std::vector<Cognate>{
      {"vladimir", "vladimirov", {"volodymyr", "volodimir", "uladzimir", "uladzimer", "vladzimir"}},
      {"aleksandr", "aleksandrov", {"oleksandr", "oleksander", "aliaksandr", "alyaksandr"}},
      {"sergey",
       "sergeyev",
       {"serhiy", "serhii", "sergiy", "sergii", "siarhei", "siarhey", "serhei", "syarhey"}},
      {"nikolay", "nikolayev", {"mykola", "mikola", "mikalai", "mikalay", "mikolai"}},
      {"mikhail", "mikhaylov", {"mykhailo", "mykhaylo", "mikhas"}},
      {"dmitriy",
       "dmitriyev",
       {"dmytro", "dmytriy", "dzmitry", "dzmitryi", "dzmitriy", "dzmitryy", "zmitser"}},
      {"andrey", "andreyev", {"andriy", "andrii", "andrij"}},
      {"igor", "igorev", {"ihor", "ihar", "igar"}},
      {"oleg", "olegov", {"oleh", "aleh", "alieg", "aleg"}},
      {"aleksey",
       "alekseyev",
       {"oleksiy", "oleksii", "oleksij", "aliaksei", "aliaksey", "alyaksey", "alyaksei"}},
      {"gennadiy",
       "gennadyev",
       {"hennadiy", "hennadii", "henadiy", "henadz", "hienadz", "genadz", "hienadzi"}},
      {"grigoriy", "grigoryev", {"hryhoriy", "hryhorii", "hryhorij", "ryhor", "hryhor"}},
      {"yevgeniy", "yevgenyev", {"yevhen", "yevheniy", "yevhenii", "ievgen", "yauhen", "yauheni", "yauhien"}},
      {"vasiliy", "vasilyev", {"vasyl", "vasyliy"}},
      {"pyotr", "petrov", {"petro", "piotr", "piatro", "pyatro"}},
      {"pavel", "pavlov", {"pavlo", "paval", "paulo"}},
      {"fyodor", "fyodorov", {"fedir", "fiodar", "fedar", "fyodar"}},
      {"ilya", "ilyich", {"illia", "illya"}},
      {"konstantin", "konstantinov", {"kostiantyn", "kostyantyn", "kanstantsin", "kanstantin"}},
      {"anatoliy", "anatolyev", {"anatolii", "anatol"}},
      {"viktor", "viktorov", {"viktar", "wiktar"}},
      {"leonid", "leonidov", {"leanid"}},
      {"valentin", "valentinov", {"valentyn", "valiantsin", "valyantsin"}},
      {"valeriy", "valeryev", {"valerii", "valeryi"}},
      {"stepan", "stepanov", {"stsiapan", "stsyapan"}},
      {"vitaliy", "vitalyev", {"vitalii", "vital"}},
      {"vyacheslav", "vyacheslavov", {"viacheslav", "viachaslau", "vyachaslau", "viachaslav"}},
      {"yaroslav", "yaroslavov", {"yaraslau", "iaroslav"}},
      {"stanislav", "stanislavov", {"stanislau"}},
      {"vladislav", "vladislavov", {"vladyslav", "uladzislau", "vladzislau"}},
      {"bogdan", "bogdanov", {"bohdan", "bahdan"}},
      {"boris", "borisov", {"borys", "barys"}},
      {"maksim", "maksimov", {"maksym"}},
      {"denis", "denisov", {"denys", "dzianis"}},
      {"yegor", "yegorov", {"yehor", "yahor", "iahor"}},
      {"kirill", "kirillov", {"kyrylo", "kiryl"}},
      {"nikita", "nikitich", {"mykyta", "mikita"}},
      {"artyom", "artyomov", {"artsiom", "artsem"}},
      {"semyon", "semyonov", {"semen", "siamion"}},
      {"yuriy", "yuryev", {"yurii", "iurii"}},
      {"ivan", "ivanov", {"iwan"}},
      {"roman", "romanov", {"raman"}},
      {"anton", "antonov", {"antin"}},
      {"vadim", "vadimov", {"vadym", "vadzim"}},
      {"timofey", "timofeyev", {"tymofiy", "tsimafei", "tsimafey"}},
      {"arkadiy", "arkadyev", {"arkadii", "arkadz"}},
      {"yelena", "", {"olena", "alena"}},
      {"yekaterina", "", {"kateryna", "katsiaryna", "katsyaryna"}},
      {"natalya", "", {"nataliya", "natallia", "natalla"}},
      {"olga", "", {"olha", "volha"}},
      {"tatyana", "", {"tetiana", "tetyana", "tatsiana", "tatsyana"}},
      {"irina", "", {"iryna", "iryina"}},
      {"lyudmila", "", {"liudmyla", "lyudmyla", "liudmila"}},
      {"svetlana", "", {"svitlana", "sviatlana", "svyatlana"}},
      {"anna", "", {"hanna", "ganna"}},
      {"galina", "", {"halyna", "galyna"}},
      {"valentina", "", {"valentyna", "valiantsina", "valyantsina"}},
      {"nadezhda", "", {"nadiya", "nadiia", "nadzeya", "nadzeia"}},
      {"larisa", "", {"larysa"}},
      {"yuliya", "", {"yuliia"}},
      {"mariya", "", {"mariia", "maryia"}},
      {"aleksandra", "", {"oleksandra", "aliaksandra", "alyaksandra"}},
      {"viktoriya", "", {"viktoriia", "viktoryia"}},
  };
  return *table;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A name without its final vowels and y/j: the stem a patronymic is built
// on (serhiy -> serh, mykola -> mykol, siarhei -> siarh).
std::string_view Stem(std::string_view s) {
  while (s.size() > 3) {
    char c = s.back();
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'j') {
      s.remove_suffix(1);
    } else {
      break;
    }
  }
  return s;
}

// Patronymic endings, longest first; true for the female ones.
constexpr std::array<std::pair<std::string_view, bool>, 20> kPatronymicEndings = {{
    {"iyovych", false}, {"iiovych", false}, {"ijovych", false}, {"yovych", false}, {"ovych", false},
    {"evych", false},   {"ovich", false},   {"evich", false},   {"avich", false},  {"ievich", false},
    {"yivna", true},    {"iivna", true},    {"ivna", true},     {"ovna", true},    {"evna", true},
    {"auna", true},     {"euna", true},     {"avna", true},     {"ych", false},    {"ich", false},
}};

}  // namespace

std::string RussianForm(std::string_view token, CognateKind* kind) {
  *kind = CognateKind::kNone;
  if (token.size() < 3) return "";
  for (const Cognate& c : Cognates()) {
    for (std::string_view f : c.forms) {
      if (token == f) {
        if (token == c.russian) return "";
        *kind = CognateKind::kGivenName;
        return std::string(c.russian);
      }
    }
  }
  if (token.size() < 7) return "";
  for (const auto& [ending, female] : kPatronymicEndings) {
    if (!EndsWith(token, ending) || token.size() < ending.size() + 3) continue;
    std::string_view stem = Stem(token.substr(0, token.size() - ending.size()));
    for (const Cognate& c : Cognates()) {
      if (c.patronymic.empty()) continue;
      bool hit = Stem(c.russian) == stem;
      for (std::string_view f : c.forms) hit = hit || Stem(f) == stem;
      if (!hit) continue;
      std::string out(c.patronymic);
      if (c.patronymic == "ilyich" || c.patronymic == "nikitich") {
        if (female) out.replace(out.size() - 2, 2, "nichna");
      } else {
        out += female ? "na" : "ich";
      }
      if (out == token) return "";
      *kind = CognateKind::kPatronymic;
      return out;
    }
    break;  // the longest ending that fits decides
  }
  return "";
}

std::string RussianSurnameForm(std::string_view token) {
  if (token.size() < 5) return "";
  // Belarusian and Ukrainian h is Russian g (HIRHEL ~ GIRGEL, DOVHOPOLOV ~
  // DOLGOPOLOV); not the h of kh, zh, sh, ch.
  std::string g;
  for (size_t i = 0; i < token.size(); ++i) {
    const char prev = i > 0 ? token[i - 1] : '\0';
    const bool digraph = prev == 'k' || prev == 'z' || prev == 's' || prev == 'c' || prev == 't';
    g.push_back(token[i] == 'h' && !digraph ? 'g' : token[i]);
  }
  const std::string_view t = g;
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kEndings = {{
      {"ouskaya", "ovskaya"},
      {"ouskaja", "ovskaya"},
      {"auskaya", "avskaya"},
      {"ouski", "ovskiy"},
      {"auski", "avskiy"},
      {"enka", "enko"},
      {"au", "ov"},
      {"ou", "ov"},
  }};
  for (const auto& [from, to] : kEndings) {
    if (EndsWith(t, from)) {
      std::string out(t.substr(0, t.size() - from.size()));
      // -au/-ou after a consonant only (NAUMAU, USHAKOU; not a vowel run).
      if (from.size() == 2) {
        if (IsLatinVowel(out.back())) break;
      }
      return out + std::string(to);
    }
  }
  return g != token ? g : "";
}

}  // namespace cordon
