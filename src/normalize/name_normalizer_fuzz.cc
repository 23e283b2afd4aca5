// Fuzz target: any valid UTF-8 name normalises without crashing, and the
// list-field splitter (ListedNameForms) gives forms that normalise too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "normalize/listed_name_forms.h"
#include "normalize/name_normalizer.h"
#include "normalize/slavic_respelling.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // (An empty name gives one empty form: ListedNameForms' contract starts
  // at a non-empty field.)
  if (size == 0 || size > 4096 || !cordon::IsValidUtf8(text)) return 0;
  cordon::NormalizeName(text);
  cordon::NormalizeName(text, {.is_person = true});
  cordon::NormalizeName(text, {.is_organization = true});
  for (const cordon::ListedNameForm& form : cordon::ListedNameForms(text)) {
    if (form.text.empty() || !cordon::IsValidUtf8(form.text)) __builtin_trap();  // forms stay valid UTF-8
    cordon::NormalizeName(form.text, {.is_person = true});
  }
  for (const std::string& s : {cordon::ExpandSlavicDiacritics(text), cordon::DropCzechFeminineEndings(text)}) {
    if (!cordon::IsValidUtf8(s)) __builtin_trap();
  }
  return 0;
}
