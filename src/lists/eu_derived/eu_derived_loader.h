// Loader for the third-party EU FSF extraction in data/lists/eu/ (format
// "eu_fsf_derived"). These are NOT the Commission's FSF files: they are
// per-topic column subsets of FSF CSV 1.1 written by pandas (see
// docs/formats/eu_derived.md and the `eu/` section of data/lists/README.md).
#ifndef CORDON_LISTS_EU_DERIVED_EU_DERIVED_LOADER_H_
#define CORDON_LISTS_EU_DERIVED_EU_DERIVED_LOADER_H_

#include <string>
#include <string_view>

#include "cordon/status.h"
#include "lists/common/csv_table.h"
#include "lists/loaded_source.h"

namespace cordon {

// One derived table held in memory. A table with an empty `path` is absent.
using EuDerivedTable = CsvTableFile;

// The five derived tables. Only `names` is required.
struct EuDerivedTables {
  EuDerivedTable names;            // output_namealias_english_2.csv
  EuDerivedTable identifications;  // output_IDN_english.csv
  EuDerivedTable birth_dates;      // output_BirthDt_english.csv
  EuDerivedTable citizenships;     // output_Citizen_english.csv
  EuDerivedTable addresses;        // output_Address_english.csv
};

// File names inside the source folder.
inline constexpr std::string_view kEuNamesFile = "output_namealias_english_2.csv";
inline constexpr std::string_view kEuIdentificationsFile = "output_IDN_english.csv";
inline constexpr std::string_view kEuBirthDatesFile = "output_BirthDt_english.csv";
inline constexpr std::string_view kEuCitizenshipsFile = "output_Citizen_english.csv";
inline constexpr std::string_view kEuAddressesFile = "output_Address_english.csv";

// Parses tables already in memory into *out (appending entities, skips and
// the present tables' paths; setting format and as_of). One entity per
// Entity_LogicalId of the names table, in order of first appearance;
// rows of the other tables attach to it by the same id.
// Errors (DataError naming file, line and field): `names` absent or empty, a
// table's header lacking a required column, a CSV syntax error (unterminated
// quote). Rows with a bad id, wrong field count or invalid UTF-8, and rows
// of optional tables whose entity has no name row, go to out->skipped.
// Unusable values inside a good row (an impossible birth date) are dropped
// and also reported in out->skipped with their field.
Status ParseEuDerived(const EuDerivedTables& tables, const std::string& source_id,
                      LoadedSource* out);

// Reads the tables from `dir` and calls ParseEuDerived. The names table is
// required (NotFound when missing); the others are read when present.
// Implements the loader contract of lists/loaded_source.h.
Status LoadEuDerived(const std::string& dir, const std::string& source_id, LoadedSource* out);

}  // namespace cordon

#endif  // CORDON_LISTS_EU_DERIVED_EU_DERIVED_LOADER_H_
