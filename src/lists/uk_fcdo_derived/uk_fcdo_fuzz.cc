// Fuzz target: the FCDO derived-table parser must never crash, hang or read
// out of bounds. The input is used as subjects.csv next to a fixed names
// table, then as each of the other tables next to fixed valid ones.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lists/uk_fcdo_derived/uk_fcdo_derived_loader.h"

namespace {

constexpr std::string_view kSubjects =
    "unique_id,subject_type,un_reference_number,ofsi_group_id,date_designated,last_updated\n"
    "RUS0001,individual,KPi.1,123,01/02/2020,03/04/2021\n"
    "RUS0002,ship,,,,\n";
constexpr std::string_view kNames =
    "name_id,unique_id,name_type,alias_strength,full_name,name_6,name_1,name_2,name_3,name_4,name_5\n"
    "1,RUS0001,primary,,Ivan PETROV,PETROV,Ivan,,,,\n"
    "2,RUS0002,primary,,SEA STAR,SEA STAR,,,,,\n";

void Run(const cordon::UkFcdoTables& tables) {
  cordon::LoadedSource out;
  if (!cordon::ParseUkFcdoDerived(tables, "uk", &out).ok()) return;
  for (const cordon::Entity& e : out.entities) {
    if (e.names.empty() || e.source_id.empty()) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  cordon::UkFcdoTables tables;
  tables.subjects = {"subjects.csv", text};
  tables.names = {"subject_names.csv", kNames};
  Run(tables);
  tables.subjects = {"subjects.csv", kSubjects};
  tables.names = {"subject_names.csv", text};
  Run(tables);
  tables.names = {"subject_names.csv", kNames};
  tables.dobs = {"subject_dobs.csv", text};
  Run(tables);
  tables.dobs = {};
  tables.identifiers = {"subject_identifiers.csv", text};
  Run(tables);
  return 0;
}
