// The generic words of organisation names in the EU languages, in English.
//
// The EU list gives many organisations in all 24 EU languages, and payment
// messages carry them in local ones: "Banco Koryo" is KORYO BANK, "Państwo
// Islamskie Chorasan" is ISLAMIC STATE ... KHORASAN. The distinctive words
// (Koryo, Chorasan) are spellings the matcher already ties; the generic ones
// (Banco, Państwo, Islamskie) are other words altogether, and without them a
// name loses half its parts. This table maps them, with their regular
// inflected forms, to one English word, so a name can be read once more in
// English (NormalizeName adds that reading to screened names not known to
// be persons', NameHints::translate_org_words).
//
// Languages: the 24 EU languages (Bulgarian and Greek as cordon romanises
// them) and Russian/Ukrainian in BGN romanisation. Words: bank, state,
// islamic, trading, commercial, company, corporation, enterprise, group,
// industries/industrial, province, army, front, party, movement, brigade,
// branch, section, chapter, division, department, the compass points,
// asia, international, national, republic, united, shipping, oil,
// petroleum, gas, investment, holding, foundation, association,
// organization, institute, ministry, defence, revolutionary, guard, corps,
// liberation, people's, popular, union, federation, factory, plant.
// Place names (Irak, Levante, Jorasán) are left to spelling matching.
#ifndef CORDON_NORMALIZE_ORG_WORD_TRANSLATIONS_H_
#define CORDON_NORMALIZE_ORG_WORD_TRANSLATIONS_H_

#include <string_view>

namespace cordon {

// The English word(s) for one normalised token (lower-case ASCII,
// diacritics dropped, as NormalizeName produces them) that is a generic
// word of organisation names in another language: "banco" -> "bank",
// "panstwa" -> "state", "islamskie" -> "islamic", "kaubanduskorporatsioon"
// -> "trading corporation" (an Estonian compound: two words, space
// separated). Empty when the token is no such word, or is English already.
// Thread-safe (the table is built once, on first use).
std::string_view TranslateOrgWord(std::string_view token);

// Prepositions, articles and conjunctions of those languages that are not
// name particles in general (IsParticle: de, del, la, van, y are) but are
// the glue of an organisation name written in them: en, et, und, och, w, v,
// na, tal, si, agus. Only for organisation names: "En", "Na" and "Si" are
// parts of people's names.
bool IsOrgConnector(std::string_view token);

}  // namespace cordon

#endif  // CORDON_NORMALIZE_ORG_WORD_TRANSLATIONS_H_
