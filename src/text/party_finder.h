// Finding listed parties in running text without screening every span:
// a prefilter of every listed name token (built once per engine) marks the
// words that could belong to a listed name; only runs of such words (2-5
// words, capitalised where the script has case, across line breaks, titles
// left out, inflections stripped) whose tokens occur together in one listed
// name are screened with Engine::Screen. See docs/text.md.
#ifndef CORDON_TEXT_PARTY_FINDER_H_
#define CORDON_TEXT_PARTY_FINDER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "cordon/engine.h"
#include "cordon/text.h"
#include "text/word_scanner.h"

namespace cordon {

// What the text told us so far: surnames tied to a full-name mention. Kept
// across the pieces of one document.
struct SurnameMemory {
  struct Ref {
    size_t mention_start = 0;
    std::vector<Match> matches;
  };
  // Phonetic key of the surname ("putin"), or for Arabic script "ar:" and
  // the folded words of the surname as written ("ar:نصر الله").
  std::unordered_map<std::string, Ref> by_key;
};

class PartyFinder {
 public:
  explicit PartyFinder(const Engine& engine);

  // The part of a piece of text whose mentions are reported: the piece is
  // read with some context on both sides (the overlap between pieces of a
  // file), and only mentions starting in [begin, end) (byte offsets into
  // the piece) are reported and remembered, so each is reported once.
  struct Range {
    size_t begin = 0;
    size_t end = SIZE_MAX;
  };

  // Appends the party mentions of `text` starting in `own` to *out in text
  // order. `folded` holds FoldWord of each word. `base` is added to every
  // offset (pieces of a larger file). Errors: those of Engine::Screen for
  // bad options.
  Status Find(std::string_view text, size_t base, const std::vector<TextWord>& words,
              const std::vector<std::string>& folded, const TextOptions& options, Range own,
              SurnameMemory* memory, std::vector<TextMention>* out) const;

  // Number of distinct listed token keys (for tests and diagnostics).
  size_t vocabulary_size() const { return vocab_.size(); }

  // Listed names containing the token (0 if none), for diagnostics.
  uint32_t NamesWithToken(std::string_view roman) const;

  // The prefilter key of a lower-case ASCII token (a phonetic key).
  static std::string Key(std::string_view roman);

  // A name token in more listed names than this is common (KIM, MOHAMMED,
  // ALI): a two-word span made only of common tokens is not screened.
  static constexpr uint32_t kCommonNames = 150;
  // A one-word organisation/vessel name ("Rosoboronexport") is reported
  // alone only when its word is in at most this many listed names (the same
  // party on several lists) and matches exactly.
  static constexpr uint32_t kMaxSingleTokenNames = 20;

 private:
  struct TokenInfo {
    uint32_t names = 0;        // listed names containing the token
    bool distinctive = false;  // seen as a non-particle, non-generic part
    uint32_t id = 0;           // index into postings_
  };
  // Per text word: whether it can be part of a listed name, and how.
  struct WordInfo {
    bool listed = false;            // every part is a listed token
    bool distinctive = false;       // ... and one part is distinctive
    bool rare = false;              // ... and one part is in few listed names
    bool particle = false;          // al, bin, van, de...
    bool stop = false;              // honorific/title or function word: breaks a run
    std::string surface;            // the form passed to the engine (inflection stripped)
    std::vector<std::string> keys;  // prefilter keys of the listed form (one per part)
    std::vector<uint32_t> ids;      // token ids; a listed name must hold one of them
  };

  void AddName(const Name& name, Schema schema);
  uint32_t TokenId(const std::string& key);
  void FillIds(WordInfo* info) const;
  bool NameHoldsAll(std::vector<uint32_t> ids) const;
  // Whether one listed name holds a token of every word of the window that
  // has token ids (the co-occurrence prefilter: no Engine::Screen call for
  // "Vladimir" next to "Kim").
  bool CoOccur(const std::vector<WordInfo>& info, size_t begin, size_t end) const;
  void Classify(std::string_view text, const TextWord& w, const std::string& folded, std::string_view lang,
                WordInfo* info) const;
  bool FormListed(std::string_view form, WordScript script, bool* distinctive, uint32_t* min_names,
                  std::vector<std::string>* keys) const;
  bool KoreanFullNames(std::string_view folded, std::vector<std::string>* surfaces) const;
  // Whether `name` (2-4 Hangul syllables, a Korean family name first) has
  // all its syllables in one listed name.
  bool KoreanNameHeld(std::u32string_view name) const;
  // Queries (romanised or as written) for a name that begins at run[at] of
  // a run of Han characters and kana, longest first, that pass the
  // prefilter: a listed name written in Han/kana, or the Korean reading
  // (金正恩 -> 김정은) or the pinyin (李方伟 -> "li fangwei") of a family
  // name plus a given name, 3-4 ideographs in all, whose tokens one listed
  // name holds together. See docs/text.md.
  struct HanQuery {
    size_t length = 0;    // in characters
    std::string query;    // what Engine::Screen is asked
    bool native = false;  // a listed name as written
    // For a reading: keys of the family name read (the first characters:
    // Han text writes the family name first), which must be the listed
    // name's family name ("shi zhang" is not ZHANG, Shi).
    std::vector<std::string> family_keys;
  };
  void HanQueries(std::u32string_view run, size_t at, std::vector<HanQuery>* out) const;
  bool PinyinHeld(const std::vector<std::string>& tokens) const;
  std::vector<std::string> SurnameKeys(const Match& match) const;
  // What a katakana word reads as, worked out once per distinct word (per
  // thread): ReadKatakana() and the keys a remembered surname is found by.
  struct KatakanaReading {
    std::vector<std::string> readings;
    std::vector<std::string> surname_keys;
  };
  static std::shared_ptr<const KatakanaReading> ReadingOf(const std::u32string& word);
  // A run of katakana letters inside a CJK word: a part of a foreign name
  // written in Japanese (ウラジーミル, プーチン).
  struct KatakanaPart {
    size_t start = 0, end = 0;  // bytes of the text
    size_t word = 0;            // the word holding it
    size_t letters = 0;
    bool joined_to_previous = false;  // only a name separator (・, ＝) since the previous part
    std::shared_ptr<const KatakanaReading> reading;  // never null
  };
  // Every part in `words`, in text order, into *out (emptied first).
  static void KatakanaParts(std::string_view text, const std::vector<TextWord>& words,
                            std::vector<KatakanaPart>* out);
  // What the prefilter knows of a katakana word: the token ids of its
  // readings' phonetic keys and consonant skeletons ("ar:" keys), or else
  // of a split into two listed tokens; and whether a reading is a common
  // name token (ari/ali, kim).
  struct KatakanaPrefilter {
    std::vector<uint32_t> ids;  // sorted
    bool common = false;
  };
  KatakanaPrefilter PrefilterOf(const KatakanaReading& reading) const;
  // Keys of a Han family name (金: "jin", "kim", "gim"...).
  static void HanSurnameKeys(std::u32string_view family, std::vector<std::string>* keys);
  // Consonant skeletons of the listed family name of `match` (NASRALLAH ->
  // "nsrl"), to find which words of an Arabic-script mention are the
  // surname.
  std::vector<std::string> FamilySkeletons(const Match& match) const;

  const Engine& engine_;
  std::unordered_map<std::string, TokenInfo> vocab_;  // phonetic key -> info
  std::unordered_map<std::string, uint32_t>
      skeletons_;                                   // consonant skeleton -> listed names (Arabic script text)
  std::vector<std::vector<uint32_t>> postings_;     // token id -> listed name numbers
  std::vector<std::vector<uint32_t>> name_tokens_;  // listed name number -> sorted token ids
  std::vector<uint32_t> pending_;                   // token ids of the name being added
  std::unordered_set<std::string> korean_syllables_;    // KoreanSyllableKey of listed tokens
  std::unordered_set<std::string> single_token_names_;  // keys of one-word org/vessel names
  // Listed names written wholly in Han characters or kana (金铁三, 長安海連
  // 技術有限公司), spaces removed, by first character, longest first.
  std::unordered_map<char32_t, std::vector<std::u32string>> han_names_;
  // Per Hangul syllable (U+AC00 + i): the token id of its list-style
  // romanisation ("ko:" key) when a listed name holds it, else 0 (Korean
  // names are romanised syllable by syllable). Per pinyin syllable
  // (PinyinIndexOf): whether it is a listed token.
  std::vector<uint32_t> hangul_ids_;
  std::vector<bool> pinyin_listed_;
  // HanSurnameKeys() key -> the first characters of the family names
  // read so (kim -> 金; li -> 李, 黎, ...): which characters can be a
  // remembered surname.
  std::unordered_map<std::string, std::u32string> han_family_starts_;
};

}  // namespace cordon

#endif  // CORDON_TEXT_PARTY_FINDER_H_
