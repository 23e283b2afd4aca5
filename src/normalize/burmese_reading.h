// Reading Burmese names in one spelling.
//
// Burmese names have no surname: a person is a string of syllables (Aung
// Lin Dwe, Thet Thet Khine), often after an honorific (U, Daw, Maung, Ko,
// the Karen Saw, the Mon Nai). Each syllable has several romanisations, and
// the lists use them all for one person: DWAY and DWE, KHAING and KHINE,
// HTUN and TUN, MOE and MO, BANYAR and BANYA, ONG and AUNG. The helpers
// below recognise such a name and write each syllable in one spelling, so
// that two lists' spellings meet exactly.
#ifndef CORDON_NORMALIZE_BURMESE_READING_H_
#define CORDON_NORMALIZE_BURMESE_READING_H_

#include <string>
#include <string_view>
#include <vector>

namespace cordon {

// True when lower-case ASCII name tokens read as a Burmese name: two or
// more tokens, each a Burmese name syllable or honorific, at least one of
// them a syllable no other naming tradition writes (aung, myint, htun,
// hlaing, khin, thein, kyaw, nyunt...): Lin Yin or Tin Man alone are not
// Burmese enough.
bool ReadsAsBurmese(const std::vector<std::string>& tokens);

// True for a Burmese name syllable or honorific (a token ReadsAsBurmese()
// accepts): a quick test before gathering a name's tokens.
bool IsBurmeseWord(std::string_view token);

// True for the honorifics written before a Burmese name: u, daw, maung,
// ko, saw, sai, nai, mahn, naw, nang, mi, sao, khun.
bool IsBurmeseHonorific(std::string_view token);

// One lower-case ASCII syllable in one spelling: ong -> aung; initial ht
// and hs -> t, s (HTUN ~ TUN, HSAING ~ SAING); aing -> ine (KHAING ~
// KHINE); final ay -> e (DWAY ~ DWE), ae -> e (PYAE ~ PYE); final ar -> a
// (BANYAR ~ BANYA), oe -> o (MOE ~ MO), ee -> i (YEE ~ YI), tt -> t (LATT
// ~ LAT). Other tokens come back unchanged.
std::string BurmeseSpelling(std::string_view token);

}  // namespace cordon

#endif  // CORDON_NORMALIZE_BURMESE_READING_H_
