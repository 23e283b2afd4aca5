// Word classes in names: legal forms, honorifics, particles, patronymics,
// generic organisation words. Inputs are normalised lower-case ASCII tokens.
#ifndef CORDON_NORMALIZE_NAME_VOCABULARY_H_
#define CORDON_NORMALIZE_NAME_VOCABULARY_H_

#include <string>
#include <string_view>
#include <vector>

namespace cordon {

enum class TokenRole : uint8_t {
  kPlain = 0,   // an ordinary name part, role unknown
  kGiven,       // given or middle name (from list structure or word order)
  kFamily,      // surname
  kPatronymic,  // Vladimirovich, Ivanovna, ogly: often left out by users
  kParticle,    // al, bin, ibn, van, de: weightless glue
  kLegalForm,   // LLC, OOO, GmbH, Co., Ltd: compared separately
  kGeneric,     // TRADING, GROUP, BANK, INTERNATIONAL: weigh little
};
std::string_view TokenRoleName(TokenRole role);

// Honorifics and titles dropped from names (mr, dr, sheikh, haji, general).
bool IsHonorific(std::string_view token);
// The generational suffixes among them (jr, sr, ii, iii): never part of a
// surname.
bool IsGenerationalSuffix(std::string_view token);
// The Muslim religious titles among them (haji, sheikh, mullah, mawlawi,
// qari, mufti), which businesses named after their owner carry.
bool IsReligiousTitle(std::string_view token);
// Name particles (al, el, bin, ibn, bint, van, von, de, da, di, del, la, le).
bool IsParticle(std::string_view token);
// Sayyid, the hereditary title of the Prophet's descendants, as Persian,
// Afghan and Pakistani names carry it (seyed, seyyed, sayyid, syed, sayd):
// one list writes it, another leaves it out (Seyed Hadi MANSOURI ~ هادی
// منصوری). Not "sayed" or "said", which are given names and surnames too.
bool IsSayyidTitle(std::string_view token);
// The word a person's name abbreviates ("mg" -> "maung", Burmese), or ""
// when `token` abbreviates none.
std::string_view ExpandNameAbbreviation(std::string_view token);
// Patronymic forms (-ovich, -evna, ogly, kyzy, uly).
bool IsPatronymic(std::string_view token);
// Generic organisation words.
bool IsGenericOrgWord(std::string_view token);

// Legal forms. Finds a legal form made of tokens[pos..pos+len) and returns
// its canonical id ("llc", "jsc", "ltd", "gmbh", "sa") and length, or an
// empty id. Knows multi-token forms ("sa de cv", "co ltd", "sp z o o",
// "limited liability company", "obshchestvo s ogranichennoy
// otvetstvennostyu") and transliterated ones (ooo, oao, pao, hoesa,
// youxian gongsi).
struct LegalFormHit {
  std::string canonical;  // empty if none
  size_t length = 0;      // tokens consumed
};
LegalFormHit MatchLegalForm(const std::vector<std::string>& tokens, size_t pos);

// The family of a canonical legal form, for "a bank vs an LLC" checks:
// "limited", "joint_stock", "partnership", "sole", "bank" or "other".
std::string_view LegalFormFamily(std::string_view canonical);

}  // namespace cordon

#endif  // CORDON_NORMALIZE_NAME_VOCABULARY_H_
