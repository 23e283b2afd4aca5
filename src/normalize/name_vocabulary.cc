#include "normalize/name_vocabulary.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace cordon {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

const std::unordered_set<std::string_view>& Honorifics() {
  static const auto* set = new std::unordered_set<std::string_view>{
      "mr", "mrs", "ms", "miss", "mister", "madam", "dr", "prof", "professor", "sir", "dame", "lord",
      "sheikh", "shaikh", "shaykh", "sheik", "haji", "hajji", "hadji", "alhaji", "mullah", "mulla", "maulana",
      "maulvi", "mawlawi", "moulavi", "ayatollah", "hojatoleslam", "general", "gen", "colonel", "col",
      "major", "maj", "captain", "capt", "lt", "lieutenant", "admiral", "brigadier", "commander", "herr",
      "frau", "monsieur", "mme", "mlle", "senor", "senora", "don", "dona", "gospodin", "gospozha", "eng",
      "engineer", "his", "excellency", "hon", "honourable", "honorable", "rev", "reverend", "father", "imam",
      "jr", "sr", "ii", "iii",
      // Religious and academic titles the lists write before names (Mufti
      // Noor WALI, Qari Muhammad Ayub, Ustadz Abubakar ABDILLAH, Doctor
      // Shafi AL-AJMI), and Burmese and Karen honorifics (Daw Thet Thet
      // KHINE, Padoh Mahn Nyein MAUNG).
      "doctor", "mufti", "qari", "ustadz", "ustaz", "daw", "padoh",
      // The same titles as EU and UK lists write them in other languages.
      "generaal", "generale", "generalmajor", "generalleutnant", "generalmajoor", "generalporucik",
      "kenraali", "kenraalimajuri", "oberst", "polkovnik", "pulkvedis", "plukovnik", "pulkininkas", "kolonel",
      "coronel", "colonnello", "koronel", "kapitan", "kaptan", "capitaine", "leytenant", "viceadmiral",
      "vizeadmiral", "wiceadmiral", "kontradmiral", "kontraadmiral", "cheikh", "scheich", "sjeik", "sejk",
      "shaikh", "hadschi", "hadzi", "molla", "moulla", "mollah", "mulla", "maulawi", "molvi", "moulvi",
      "mawlana",
      // Greek ranks as ICU romanises them (Υποστράτηγος, Στρατηγός, Συνταγματάρχης).
      "ypostratigos", "stratigos", "antistratigos", "syntagmatarchis", "antisyntagmatarchis", "taxiarchos"};
  return *set;
}

const std::unordered_set<std::string_view>& Particles() {
  static const auto* set = new std::unordered_set<std::string_view>{
      "al", "el", "ul", "bin", "ben", "ibn", "bint", "binti", "van", "von", "der", "den", "ter", "de", "da",
      "di", "del", "della", "du", "le", "la", "les", "dos", "das", "do", "y", "e", "zu", "bn", "mac", "st",
      // Persian writes the Arabic article ol (Khatam-ol-Anbiya); Arabic
      // dhu, "of" (Dhu al-Himma, also written Zu, as German zu).
      "ol", "dhu"};
  return *set;
}

const std::unordered_set<std::string_view>& GenericOrgWords() {
  static const auto* set = new std::unordered_set<std::string_view>{
      "trading", "trade", "general", "international", "intl", "group", "grp", "holding", "holdings", "bank",
      "banking", "industrial", "industries", "industry", "enterprise", "enterprises", "service", "services",
      "srvces", "import", "export", "investment", "investments", "development", "technology", "technologies",
      "tech", "global", "national", "united", "commercial", "comm", "shipping", "logistics", "petroleum",
      "oil", "gas", "energy", "construction", "engineering", "manufacturing", "foundation", "association",
      "organization", "organisation", "institute", "center", "centre", "ministry", "and", "of", "the", "for",
      "new", "company", "firm", "agency", "office", "establishment", "factory", "plant", "center", "society",
      "union", "trust", "fund", "capital", "finance", "financial", "resources", "systems", "solutions",
      "products", "marine", "maritime", "transport", "airlines", "airline", "aviation", "korea", "korean",
      "iran", "iranian", "russia", "russian", "china", "chinese", "syria", "syrian", "middle", "east", "far",
      "co-operative", "cooperative", "partners", "management", "consulting", "ventures", "world", "worldwide",
      // Abbreviations and kinds of business the lists write (RAH E SAHEL
      // ORG., NIRU BATTERY MFG.CO, 7TH OF TIR INDUSTRIAL COMPLEX, KHATAM
      // AL-ANBIYA CONSTRUCTION HEADQUARTERS). Not hawala or exchange: in
      // HAJI BASIR HAWALA the kind of business is half the name (measured).
      "org", "mfg", "complex", "headquarters", "hq", "factories"};
  return *set;
}

struct LegalForm {
  std::array<std::string_view, 5> tokens;
  std::string_view canonical;
};

// Longest forms first so "co ltd" wins over "co".
const std::vector<LegalForm>& LegalForms() {
  static const auto* forms = [] {
    auto* v = new std::vector<LegalForm>{
        {{"obshchestvo", "s", "ogranichennoy", "otvetstvennostyu"}, "llc"},
        {{"limited", "liability", "company"}, "llc"},
        {{"limited", "liability", "partnership"}, "llp"},
        {{"public", "joint", "stock", "company"}, "pjsc"},
        {{"open", "joint", "stock", "company"}, "ojsc"},
        {{"closed", "joint", "stock", "company"}, "cjsc"},
        {{"joint", "stock", "company"}, "jsc"},
        {{"aktsionernoye", "obshchestvo"}, "jsc"},
        {{"publichnoye", "aktsionernoye", "obshchestvo"}, "pjsc"},
        {{"otkrytoye", "aktsionernoye", "obshchestvo"}, "ojsc"},
        {{"zakrytoye", "aktsionernoye", "obshchestvo"}, "cjsc"},
        {{"sp", "z", "o", "o"}, "llc"},
        {{"sa", "de", "cv"}, "sa"},
        {{"s", "a", "de", "c", "v"}, "sa"},
        {{"s", "de", "rl"}, "llc"},
        {{"co", "ltd"}, "ltd"},
        {{"company", "limited"}, "ltd"},
        {{"private", "limited"}, "ltd"},
        {{"pvt", "ltd"}, "ltd"},
        {{"pte", "ltd"}, "ltd"},
        {{"pty", "ltd"}, "ltd"},
        {{"sdn", "bhd"}, "ltd"},
        {{"s", "a"}, "sa"},
        {{"s", "l"}, "llc"},
        {{"s", "r", "l"}, "llc"},
        {{"s", "p", "a"}, "sa"},
        {{"b", "v"}, "bv"},
        {{"n", "v"}, "nv"},
        {{"you", "xian", "gong", "si"}, "ltd"},
        {{"you", "xian", "ze", "ren", "gong"}, "ltd"},
        {{"gu", "fen", "you", "xian"}, "jsc"},
        {{"kabushiki", "kaisha"}, "jsc"},
        {{"jusik", "hoesa"}, "jsc"},
        {{"tovarystvo", "z", "obmezhenoyu", "vidpovidalnistyu"}, "llc"},
    };
    static const std::pair<std::string_view, std::string_view> kSingle[] = {
        {"llc", "llc"},     {"ltd", "ltd"},     {"limited", "ltd"},  {"inc", "inc"},
        {"incorporated", "inc"}, {"corp", "corp"}, {"corporation", "corp"}, {"co", "co"},
        {"gmbh", "gmbh"},   {"mbh", "gmbh"},    {"ag", "ag"},        {"kg", "kg"},
        {"ohg", "kg"},      {"sa", "sa"},       {"sas", "sa"},       {"sarl", "llc"},
        {"srl", "llc"},     {"spa", "sa"},      {"sl", "llc"},       {"bv", "bv"},
        {"nv", "nv"},       {"plc", "plc"},     {"llp", "llp"},      {"lp", "lp"},
        {"jsc", "jsc"},     {"pjsc", "pjsc"},   {"ojsc", "ojsc"},    {"cjsc", "cjsc"},
        {"ao", "jsc"},      {"oao", "ojsc"},    {"zao", "cjsc"},     {"pao", "pjsc"},
        {"ooo", "llc"},     {"tov", "llc"},     {"too", "llc"},      {"fze", "fze"},
        {"fzco", "fze"},    {"fzc", "fze"},     {"fzllc", "llc"},    {"pte", "ltd"},
        {"pvt", "ltd"},     {"pty", "ltd"},     {"bhd", "ltd"},      {"kft", "llc"},
        {"zrt", "jsc"},     {"nyrt", "pjsc"},   {"oy", "llc"},       {"oyj", "pjsc"},
        {"ab", "jsc"},      {"aps", "llc"},     {"as", "jsc"},       {"asa", "jsc"},
        {"doo", "llc"},     {"dd", "jsc"},      {"ad", "jsc"},       {"ead", "jsc"},
        {"eood", "llc"},    {"ltda", "llc"},    {"cia", "co"},       {"eirl", "sole"},
        {"saic", "sa"},     {"sac", "sa"},      {"kk", "jsc"},       {"gk", "llc"},
        {"hoesa", "co"},    {"jusikhoesa", "jsc"}, {"chusikhoesa", "jsc"}, {"gongsi", "co"},
        {"kompaniya", "co"}, {"kompaniia", "co"}, {"obshchestvo", "co"}, {"sherkat", "co"},
        {"sharikat", "co"},  {"shirkat", "co"},  {"company", "co"},   {"tic", "co"},
        {"sti", "llc"},      {"as", "jsc"},      {"se", "jsc"},       {"jv", "jv"},
        {"pp", "sole"},     {"ip", "sole"},     {"chp", "sole"},     {"fop", "sole"},
        {"gup", "state"},   {"fgup", "state"},  {"mup", "state"},    {"nao", "jsc"},
    };
    for (const auto& [token, canonical] : kSingle) {
      LegalForm f;
      f.tokens = {token};
      f.canonical = canonical;
      v->push_back(f);
    }
    std::stable_sort(v->begin(), v->end(), [](const LegalForm& a, const LegalForm& b) {
      auto len = [](const LegalForm& f) {
        return std::count_if(f.tokens.begin(), f.tokens.end(), [](std::string_view t) { return !t.empty(); });
      };
      return len(a) > len(b);
    });
    return v;
  }();
  return *forms;
}

}  // namespace

std::string_view TokenRoleName(TokenRole role) {
  switch (role) {
    case TokenRole::kGiven: return "given";
    case TokenRole::kFamily: return "family";
    case TokenRole::kPatronymic: return "patronymic";
    case TokenRole::kParticle: return "particle";
    case TokenRole::kLegalForm: return "legal_form";
    case TokenRole::kGeneric: return "generic";
    case TokenRole::kPlain: break;
  }
  return "name";
}

bool IsHonorific(std::string_view token) { return Honorifics().count(token) > 0; }
bool IsParticle(std::string_view token) { return Particles().count(token) > 0; }
bool IsGenerationalSuffix(std::string_view token) {
  return token == "jr" || token == "sr" || token == "ii" || token == "iii";
}
bool IsReligiousTitle(std::string_view token) {
  static const auto* set = new std::unordered_set<std::string_view>{
      "haji",  "hajji",   "hadji",  "alhaji",  "sheikh",  "shaikh",  "shaykh", "sheik", "cheikh", "mullah",
      "mulla", "maulana", "maulvi", "mawlawi", "moulavi", "maulawi", "molvi",  "qari",  "mufti"};
  return set->count(token) > 0;
}
std::string_view ExpandNameAbbreviation(std::string_view token) {
  // Burmese lists abbreviate Maung (SWE, Khin Mg ~ Khin Maung Swe).
  if (token == "mg") return "maung";
  return {};
}
bool IsSayyidTitle(std::string_view t) {
  return t == "seyed" || t == "seyyed" || t == "seyyid" || t == "sayyid" || t == "sayyed" || t == "syed" ||
         t == "sayd" || t == "seyd";
}
bool IsGenericOrgWord(std::string_view token) { return GenericOrgWords().count(token) > 0; }

bool IsPatronymic(std::string_view t) {
  if (t.size() < 6) return t == "ogly" || t == "ogli" || t == "oglu" || t == "kyzy" || t == "qizi" || t == "uly";
  // Russian/Ukrainian/Belarusian patronymics in English, German (-witsch),
  // French (-vitch) and Scandinavian (-vitj) transliteration; Ukrainian
  // -ivna (Petrivna) and Belarusian -auna/-ouna (Piatrouna, Aliaksandrauna).
  for (std::string_view s : {"vich", "vych", "vitj", "vitch", "witsch", "vitsch", "ovna", "evna", "ichna",
                             "avna", "owna", "ewna", "ivna", "auna", "ouna"}) {
    if (EndsWith(t, s)) return true;
  }
  return false;
}

LegalFormHit MatchLegalForm(const std::vector<std::string>& tokens, size_t pos) {
  for (const LegalForm& f : LegalForms()) {
    size_t n = 0;
    bool ok = true;
    for (std::string_view t : f.tokens) {
      if (t.empty()) break;
      if (pos + n >= tokens.size() || tokens[pos + n] != t) {
        ok = false;
        break;
      }
      ++n;
    }
    if (ok && n > 0) return {std::string(f.canonical), n};
  }
  return {};
}

std::string_view LegalFormFamily(std::string_view c) {
  if (c == "llc" || c == "ltd" || c == "gmbh" || c == "bv" || c == "llp" || c == "fze") return "limited";
  if (c == "jsc" || c == "pjsc" || c == "ojsc" || c == "cjsc" || c == "ag" || c == "sa" || c == "nv" ||
      c == "plc" || c == "inc" || c == "corp") {
    return "joint_stock";
  }
  if (c == "kg" || c == "lp" || c == "jv") return "partnership";
  if (c == "sole") return "sole";
  if (c == "state") return "state";
  return "other";
}

}  // namespace cordon
