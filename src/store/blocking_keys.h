// Blocking keys: under which keys a customer name is filed so that a listed
// name can find the customers that might match it without scanning them all.
//
// Each distinctive token of every normalised reading of a name (particles,
// legal forms and generic organisation words left out) yields a small set
// of keys: "p:" + PhoneticKey (folds romanisations: Wladimir = Vladimir),
// "s:" + consonant skeleton (Latin Muhammad = Arabic-script محمد), and
// "k:" + KoreanSyllableKey where the token reads as a Korean syllable
// (Jeong = Jong = Chong). A listed name and a customer name that the engine
// would score at or above the default threshold share keys for at least
// min(2, tokens on either side) tokens unless two of their parts are both
// mistyped; the monitor confirms every candidate with the engine's scorer.
#ifndef CORDON_STORE_BLOCKING_KEYS_H_
#define CORDON_STORE_BLOCKING_KEYS_H_

#include <string>
#include <string_view>
#include <vector>

namespace cordon {

struct BlockingToken {
  std::vector<std::string> keys;  // distinct, sorted
};

struct BlockingName {
  // False when the name has no letters or digits to read (the engine
  // refuses to screen it).
  bool readable = false;
  // Distinctive tokens, merged across readings by position-free identity
  // (two readings of the same word give one token with the union of keys
  // only when they share a key; otherwise two tokens).
  std::vector<BlockingToken> tokens;
};

// REQUIRES: `name` is valid UTF-8. `is_person` / `is_organization` steer
// normalisation (comma inversion, legal forms) as in the engine.
// `typos` (the listed side of a lookup): a Latin token of 4+ letters also
// gets the phonetic keys of every spelling one edit away (deletion,
// insertion, substitution, transposition), as the engine's one-typo
// candidate generation reaches them; customers are filed under their own
// keys only, so the index stays small.
BlockingName MakeBlockingName(std::string_view name, bool is_person, bool is_organization, bool typos = false);

// All distinct keys of a name, sorted (what the customer index stores).
std::vector<std::string> AllKeys(const BlockingName& name);

}  // namespace cordon

#endif  // CORDON_STORE_BLOCKING_KEYS_H_
