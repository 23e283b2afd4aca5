// Fuzz target: the XLSX reader and the OFSI ConList parser must never
// crash, hang or read out of bounds on arbitrary bytes.
//  - Input starting with "PK" is opened as an XLSX (zip) from memory.
//  - Any other input is taken as worksheet XML and packed into a valid
//    XLSX with a small shared-string table first: mutations inside a real
//    zip mostly die at the CRC check, so this is what reaches the XML and
//    row handling.
// A low member cap keeps each run fast.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "lists/uk_ofsi/uk_ofsi_loader.h"
#include "lists/uk_ofsi/xlsx_fixture.h"

namespace {

void Parse(std::string_view bytes) {
  cordon::XlsxReadOptions options;
  options.max_member_bytes = 8 << 20;
  cordon::LoadedSource out;
  if (!cordon::ParseUkOfsiXlsx(bytes, "fuzz.xlsx", "uk", &out, options).ok()) return;
  for (const cordon::Entity& e : out.entities) {
    if (e.names.empty() || e.source_id.empty()) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.substr(0, 2) == "PK") {
    Parse(bytes);
    return 0;
  }
  cordon::ZipMembers members = cordon::MakeWorkbook(std::string(bytes));
  members.push_back(
      {"xl/sharedStrings.xml",
       "<sst><si><t>Last Updated</t></si><si><t>14/04/2025</t></si><si><t>Name 6</t></si>"
       "<si><t>Group ID</t></si><si><t>Group Type</t></si><si><t>Alias Type</t></si>"
       "<si><t>Individual</t></si><si><t>Primary name</t></si><si><t>DOB</t></si>"
       "<si><t>Other Information</t></si><si><t>(UN Ref):KPi.033 (Gender):Male</t></si></sst>"});
  Parse(cordon::MakeZip(members));
  return 0;
}
