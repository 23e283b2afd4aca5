// Ukrainian and Belarusian names in their Russian form.
//
// A person from Ukraine or Belarus is listed under both forms of the same
// name: Oleh Volodymyrovych ONOPKO and Oleg Vladimirovich ONOPKO; Aliaksandr
// Ryhoravich LUKASHENKA and Alexandr Grigorievich LUKASHENKO. These are not
// spellings of one another (Volodymyr and Vladimir share three letters), so
// no edit or phonetic key ties them; a table of the given names does, and
// the patronymics are built on the same names.
#ifndef CORDON_NORMALIZE_SLAVIC_COGNATES_H_
#define CORDON_NORMALIZE_SLAVIC_COGNATES_H_

#include <string>
#include <string_view>

namespace cordon {

// What RussianForm() found a token to be.
enum class CognateKind { kNone, kGivenName, kPatronymic, kSurname };

// The Russian form, in English-style romanisation, of one lower-case ASCII
// name token written in its Ukrainian or Belarusian form:
//   given names     volodymyr, uladzimir -> vladimir; olena, alena -> yelena
//   patronymics     volodymyrovych, uladzimiravich -> vladimirovich;
//                   mykolaivna, mikalaeuna -> nikolayevna
// Sets *kind and returns "" when the token is none of those. Surname
// endings are only read by RussianSurnameForm().
std::string RussianForm(std::string_view token, CognateKind* kind);

// A Belarusian or Ukrainian surname in its Russian form: h -> g (not in kh,
// zh, sh, ch, th: HIRHEL -> girgel), -enka -> -enko, -ouski/-auski ->
// -ovskiy/-avskiy, -au/-ou -> -ov (NAUMAU -> naumov). "" when none
// applies. Only meaningful for names RussianForm() found a given name or
// patronymic in.
std::string RussianSurnameForm(std::string_view token);

}  // namespace cordon

#endif  // CORDON_NORMALIZE_SLAVIC_COGNATES_H_
