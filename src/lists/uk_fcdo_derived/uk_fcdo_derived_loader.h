// Loader for the third-party normalisation of the FCDO UK Sanctions List in
// data/lists/uk/fcdo_derived/ (format "uk_fcdo_derived"). These are NOT the
// FCDO's own files: see docs/formats/uk_fcdo_derived.md and the
// `uk/fcdo_derived/` section of data/lists/README.md.
#ifndef CORDON_LISTS_UK_FCDO_DERIVED_UK_FCDO_DERIVED_LOADER_H_
#define CORDON_LISTS_UK_FCDO_DERIVED_UK_FCDO_DERIVED_LOADER_H_

#include <string>
#include <string_view>

#include "cordon/status.h"
#include "lists/common/csv_table.h"
#include "lists/loaded_source.h"

namespace cordon {

// One derived table held in memory. A table with an empty `path` is absent.
using UkFcdoTable = CsvTableFile;

// The four derived tables. `subjects` and `names` are required: without
// names no subject could be loaded (every entity needs one).
struct UkFcdoTables {
  UkFcdoTable subjects;     // subjects.csv
  UkFcdoTable names;        // subject_names.csv
  UkFcdoTable dobs;         // subject_dobs.csv
  UkFcdoTable identifiers;  // subject_identifiers.csv
};

inline constexpr std::string_view kFcdoSubjectsFile = "subjects.csv";
inline constexpr std::string_view kFcdoNamesFile = "subject_names.csv";
inline constexpr std::string_view kFcdoDobsFile = "subject_dobs.csv";
inline constexpr std::string_view kFcdoIdentifiersFile = "subject_identifiers.csv";

// Parses tables already in memory into *out (appending entities, skips and
// the present tables' paths; setting format and as_of). One entity per
// subjects.csv row (source_id = unique_id, e.g. "RUS0001"), in file order,
// with references "uk:<unique_id>", "un:<un_reference_number>" and
// "ofsi:<ofsi_group_id>" where present.
// Errors (DataError naming file, line, field): a required table absent or
// empty, a header lacking a required column, a CSV syntax error. Bad rows
// (empty or duplicate unique_id, unknown unique_id in a child table, no
// name, wrong field count, invalid UTF-8), bad values (an impossible date)
// and subjects without any name go to out->skipped.
Status ParseUkFcdoDerived(const UkFcdoTables& tables, const std::string& source_id,
                          LoadedSource* out);

// Reads the tables from `dir` (the fcdo_derived folder) and calls
// ParseUkFcdoDerived. NotFound when subjects.csv or subject_names.csv is
// missing; the other two are read when present.
// Implements the loader contract of lists/loaded_source.h.
Status LoadUkFcdoDerived(const std::string& dir, const std::string& source_id, LoadedSource* out);

}  // namespace cordon

#endif  // CORDON_LISTS_UK_FCDO_DERIVED_UK_FCDO_DERIVED_LOADER_H_
