#include "store/blocking_keys.h"

#include <algorithm>

#include "normalize/arabic_skeleton.h"
#include "normalize/name_normalizer.h"
#include "normalize/phonetic_key.h"

namespace cordon {

namespace {

// Phonetic keys of the spellings one edit away from `text` (lower-case ASCII).
void AddTypoKeys(const std::string& text, std::vector<std::string>* keys) {
  std::vector<std::string> variants;
  for (size_t i = 0; i < text.size(); ++i) {
    variants.push_back(text.substr(0, i) + text.substr(i + 1));
    if (i + 1 < text.size()) {
      std::string t = text;
      std::swap(t[i], t[i + 1]);
      variants.push_back(std::move(t));
    }
  }
  for (size_t i = 0; i <= text.size(); ++i) {
    for (char c = 'a'; c <= 'z'; ++c) {
      variants.push_back(text.substr(0, i) + c + text.substr(i));
      if (i < text.size() && text[i] != c) {
        std::string t = text;
        t[i] = c;
        variants.push_back(std::move(t));
      }
    }
  }
  for (const std::string& v : variants) keys->push_back("p:" + PhoneticKey(v));
}

}  // namespace

BlockingName MakeBlockingName(std::string_view name, bool is_person, bool is_organization, bool typos) {
  NameHints hints;
  hints.is_person = is_person;
  hints.is_organization = is_organization;
  NormalizedName n = NormalizeName(name, hints);
  BlockingName out;
  out.readable = !n.variants.empty();
  for (const NameVariant& v : n.variants) {
    for (const NameToken& t : v.tokens) {
      if (t.text.empty() || t.role == TokenRole::kParticle || t.role == TokenRole::kLegalForm ||
          t.role == TokenRole::kGeneric) {
        continue;
      }
      BlockingToken bt;
      if (t.consonantal) {
        std::string skel = SkeletonOfArabicSpelling(t.text);
        if (!skel.empty()) bt.keys.push_back("s:" + skel);
      } else {
        bt.keys.push_back("p:" + PhoneticKey(t.text));
        std::string skel = ConsonantSkeleton(t.text);
        if (!skel.empty()) bt.keys.push_back("s:" + skel);
        std::string korean = KoreanSyllableKey(t.text);
        if (!korean.empty()) bt.keys.push_back("k:" + korean);
        bool latin = true;
        for (char c : t.text) latin = latin && c >= 'a' && c <= 'z';
        if (typos && latin && t.text.size() >= 4) AddTypoKeys(t.text, &bt.keys);
      }
      std::sort(bt.keys.begin(), bt.keys.end());
      bt.keys.erase(std::unique(bt.keys.begin(), bt.keys.end()), bt.keys.end());
      // The same word read twice (another variant) is one token.
      bool merged = false;
      for (BlockingToken& existing : out.tokens) {
        bool shares = false;
        for (const auto& k : bt.keys) {
          shares = shares || std::binary_search(existing.keys.begin(), existing.keys.end(), k);
        }
        if (shares) {
          std::vector<std::string> u;
          std::set_union(existing.keys.begin(), existing.keys.end(), bt.keys.begin(), bt.keys.end(),
                         std::back_inserter(u));
          existing.keys = std::move(u);
          merged = true;
          break;
        }
      }
      if (!merged) out.tokens.push_back(std::move(bt));
    }
  }
  return out;
}

std::vector<std::string> AllKeys(const BlockingName& name) {
  std::vector<std::string> out;
  for (const auto& t : name.tokens) out.insert(out.end(), t.keys.begin(), t.keys.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace cordon
