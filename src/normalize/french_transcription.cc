#include "normalize/french_transcription.h"

#include "normalize/phonetic_key.h"

namespace cordon {

bool ReadsAsFrenchTranscription(const std::vector<std::string>& tokens) {
  bool ch = false, arabic = false;
  for (const std::string& t : tokens) {
    if (t.find("ou") != std::string::npos || t.find("dj") != std::string::npos) return true;
    ch = ch || t.find("ch") != std::string::npos;
    arabic = arabic || t == "al" || t == "el" || t == "abu" || t == "bin" || t == "ben" || t == "ibn" ||
             t == "ould" || t == "abd" || t == "abdel" || t == "abdul";
  }
  return ch && arabic;
}

std::string RespellFrenchToken(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    const char next = i + 1 < t.size() ? t[i + 1] : '\0';
    if (c == 'o' && next == 'u') {
      const bool before_vowel = i + 2 < t.size() && IsLatinVowel(t[i + 2]);
      const bool after_vowel_or_start = out.empty() || IsLatinVowel(out.back());
      out.push_back(before_vowel && after_vowel_or_start ? 'w' : 'u');
      ++i;
    } else if (c == 'd' && next == 'j') {
      out.push_back('j');
      ++i;
    } else if (c == 'c' && next == 'h') {
      out += "sh";
      ++i;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace cordon
