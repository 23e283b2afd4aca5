// Reading Arabic and Persian names written in the French convention the way
// English-language lists write them.
//
// France, Belgium and the Maghreb write the Arabic u as "ou", w as "ou"
// before a vowel, sh as "ch" and j as "dj": Youssef, Mansour, Ouahid,
// Al-Azzaoui, Houwaïch, Djamel. OFAC, the UN and the UK write Yusuf, Mansur,
// Wahid, AL-AZZAWI, HUWAYSH, Jamal; the EU often keeps the French spelling.
// These helpers give a second reading in the English convention; the first
// reading is always kept.
#ifndef CORDON_NORMALIZE_FRENCH_TRANSCRIPTION_H_
#define CORDON_NORMALIZE_FRENCH_TRANSCRIPTION_H_

#include <string>
#include <string_view>
#include <vector>

namespace cordon {

// True when lower-case ASCII name tokens show the French convention: a
// token holding "ou" or "dj" (Youssef, Djamel), or "ch" beside an Arabic
// particle (Dhu al-Himma CHALICHE, Hamid Raja Chala Al-Tikriti: English
// lists write Arabic sh). "ch" alone is no sign: it is English and German
// too.
bool ReadsAsFrenchTranscription(const std::vector<std::string>& tokens);

// A lower-case ASCII token in the English convention: "ou" before a vowel,
// at the start of the word or after a vowel, is w (Ouahid -> wahid, Raoui ->
// rawi, Taouab -> tawab); any other "ou" is u (Mansour -> mansur, Mouammar
// -> muammar, Houwaich -> huwaich); "dj" is j; "ch" is sh (Chala -> shala,
// Aicha -> aisha). Other letters are kept.
std::string RespellFrenchToken(std::string_view token);

}  // namespace cordon

#endif  // CORDON_NORMALIZE_FRENCH_TRANSCRIPTION_H_
