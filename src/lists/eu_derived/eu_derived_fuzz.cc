// Fuzz target: the EU derived-table parser must never crash, hang or read
// out of bounds. The input is used as the name-alias table, then as each
// optional table next to a fixed valid name-alias table.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "lists/eu_derived/eu_derived_loader.h"

namespace {

constexpr std::string_view kNames =
    "Entity_LogicalId,Entity_EU_ReferenceNumber,Entity_Remark,Entity_SubjectType,"
    "Entity_SubjectType_ClassificationCode,NameAlias_LastName,NameAlias_FirstName,"
    "NameAlias_MiddleName,NameAlias_WholeName,NameAlias_Title,NameAlias_Function,"
    "NameAlias_LogicalId,NameAlias_Remark\n"
    "1,EU.1.1,(UN ID: QDi.1)\\n(Date of UN designation: 2020-01-01),P,person,B,A,,A B,,,1.0,\n"
    "2.0,EU.2.2,,E,enterprise,,,,ACME,,,2.0,\n";

void Check(const cordon::LoadedSource& out) {
  for (const cordon::Entity& e : out.entities) {
    if (e.names.empty() || e.source_id.empty()) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  {
    cordon::EuDerivedTables tables;
    tables.names = {"names.csv", text};
    cordon::LoadedSource out;
    if (cordon::ParseEuDerived(tables, "eu", &out).ok()) Check(out);
  }
  for (int slot = 0; slot < 4; ++slot) {
    cordon::EuDerivedTables tables;
    tables.names = {"names.csv", kNames};
    cordon::EuDerivedTable* optional[] = {&tables.identifications, &tables.birth_dates,
                                          &tables.citizenships, &tables.addresses};
    *optional[slot] = {"optional.csv", text};
    cordon::LoadedSource out;
    if (cordon::ParseEuDerived(tables, "eu", &out).ok()) Check(out);
  }
  return 0;
}
