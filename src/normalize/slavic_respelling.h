// Reading Slavic names written in another European language's convention
// the way English-language lists write them.
//
// The EU publishes each Russian, Ukrainian or Belarusian name in the
// transliteration of every EU language: Swedish Vjatjeslav Viktorovitj, Czech
// Dmitrij Andrejevič, Polish Siergiej Aksjonow, German Wjatscheslaw; OFAC, the
// UN and the UK write Vyacheslav Viktorovich, Dmitriy Andreyevich. The
// conventions differ in a few regular ways: j for the English y, tj/sj/zj
// (Swedish, Dutch) or č/š/ž (Czech, Baltic, Slovene, Croatian) for ch/sh/zh.
// These helpers give a second reading in the English convention; the first
// reading is always kept, since the same letters mean other things in other
// names (Kostja has t + ja, Vučić is written Vucic without its marks).
#ifndef CORDON_NORMALIZE_SLAVIC_RESPELLING_H_
#define CORDON_NORMALIZE_SLAVIC_RESPELLING_H_

#include <string>
#include <string_view>
#include <vector>

namespace cordon {

// `name` (UTF-8) with the háček and similar letters of Latin-script Slavic,
// Baltic, Romanian and Turkish spellings written out as English digraphs:
// č ć -> ch, š ś ş ș -> sh, ž ż ź -> zh, ț ţ -> ts, đ -> dj (upper-case
// letters give upper-case digraphs), ď ť ň -> dy, ty, ny. Returns an empty string when `name`
// holds none of them. REQUIRES: `name` is valid UTF-8.
std::string ExpandSlavicDiacritics(std::string_view name);

// `name` (UTF-8) with the Czech and Slovak feminine endings of surnames
// taken back to the form other lists write: -ová dropped (Dudarová ->
// Dudar, Bandarenková -> Bandarenk, one letter short of Bandarenko; on a
// Russian -ov/-ev/-in/-yn stem the Russian feminine -a: Tichonovová ->
// Tichonova, Putinová -> Putina),
// -ská -> -skaya (PAVLOVSKÁ -> PAVLOVSKAYA). Only the accented endings are
// read, so Petrova stays. Returns an empty string when there is none.
std::string DropCzechFeminineEndings(std::string_view name);

// True when lower-case ASCII name tokens read as a Slavic name written in a
// non-English convention: a Swedish/Dutch digraph (tj, sj, zj), a
// non-English patronymic (-vitj, -witsch, -owna), or a given name ending in
// -ej/-ij/-aj (Sergej, Jurij, Nikolaj) or starting with j + vowel (Jurij,
// Jelena) beside a Slavic surname or patronymic (-ov, -enko, -skij, -vich),
// or a common Russian given name in another convention beside another part
// with a j, c or w or a Slavic ending (Dmitrij Micholap, Michail Mizincev,
// Semjon Maskaucan; not Marija Horvat).
bool ReadsAsRespelledSlavic(const std::vector<std::string>& tokens);

// One lower-case ASCII token in the English convention: dzj -> dzh,
// tsj/tj -> ch, sj -> sh, zj -> zh, szcz -> shch, then every other j
// not after d (dj) -> y, and c not in ch/ck/cz nor after s/c/t -> ts
// (Czech, Polish, Belarusian Latin: Kacubo -> katsubo). Vjatjeslav -> vyacheslav, Viktorovitj ->
// viktorovich, Jurij -> yuriy, Sergej -> sergey, Zjeleznjak -> zheleznyak.
// Polish -iej loses its softening i (Siergiej -> sergey). With
// `soft_inner`, tj/sj/zj before a vowel inside the word read t/s/z + y
// instead, the other meaning of the same letters (Artjom -> artyom,
// Aksjonov -> aksyonov); a final -tj stays ch. With `ch_is_kh`, ch (not in
// sch, tsch) reads kh, as every convention but English writes х (Chor ->
// khor, Zacharova -> zakharova); not for a name whose ch came from č.
// Meant for tokens of names ReadsAsRespelledSlavic() accepts.
std::string RespellSlavicToken(std::string_view token, bool soft_inner = false, bool ch_is_kh = false);

// True when `token` holds tj, sj or zj before a vowel inside the word: the
// letters RespellSlavicToken() reads two ways.
bool HasAmbiguousDigraph(std::string_view token);

}  // namespace cordon

#endif  // CORDON_NORMALIZE_SLAVIC_RESPELLING_H_
