// Fuzz target: the OFAC legacy set parser (sdn/alt/add/comments from bytes).
// The input is split into the four files at lines "=====" (missing parts
// are absent files). It must never crash or hang, and an OK result must
// satisfy the loader contract.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "lists/ofac/ofac_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view kSeparator = "\n=====\n";
  std::string_view parts[4];
  size_t count = 0;
  while (count < 3) {
    size_t p = text.find(kSeparator);
    if (p == std::string_view::npos) break;
    parts[count++] = text.substr(0, p);
    text.remove_prefix(p + kSeparator.size());
  }
  parts[count++] = text;

  cordon::OfacLegacyInput input;
  cordon::OfacCsvFile* files[4] = {&input.primary, &input.aliases, &input.addresses, &input.comments};
  const char* names[4] = {"sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"};
  for (size_t i = 0; i < count; ++i) *files[i] = {names[i], parts[i]};

  cordon::LoadedSource out;
  cordon::Status status = cordon::ParseOfacLegacy(input, "ofac_sdn", &out);
  if (status.ok()) {
    if (out.entities.empty()) __builtin_trap();
    for (const cordon::Entity& e : out.entities) {
      if (e.source_id.empty() || e.names.empty() || e.names[0].full.empty() || e.raw.empty()) __builtin_trap();
      if (e.names[0].type != cordon::NameType::kPrimary) __builtin_trap();
    }
  } else if (status.location().file.empty()) {
    __builtin_trap();  // every error names its file
  }
  for (const cordon::LoadIssue& i : out.skipped) {
    if (i.file.empty() || i.line <= 0 || i.field.empty()) __builtin_trap();
  }
  return 0;
}
