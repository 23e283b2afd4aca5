// The `uk` source: OFSI's ConList.xlsx (native, primary) merged with the
// derived FCDO UK Sanctions List tables in fcdo_derived/ when present.
#ifndef CORDON_LISTS_UK_FCDO_DERIVED_UK_LOADER_H_
#define CORDON_LISTS_UK_FCDO_DERIVED_UK_LOADER_H_

#include <cstddef>
#include <string>

#include "cordon/status.h"
#include "lists/loaded_source.h"

namespace cordon {

// What MergeFcdoIntoOfsi did with the FCDO subjects.
struct UkMergeStats {
  size_t matched = 0;  // enriched an OFSI group
  size_t added = 0;    // became entities of their own
};

// Merges FCDO entities (from LoadUkFcdoDerived) into OFSI entities (from
// LoadUkOfsi) in *ofsi. An FCDO subject whose "ofsi:<group id>" reference
// names a loaded OFSI group (or, failing that, whose "uk:" reference an OFSI
// group also carries) enriches that entity without duplicating: missing
// references, names that differ other than in case and spacing (as
// aliases), documents with a new type+number, birth dates not already
// covered by an equal or more precise one, and the listing date, schema
// and title when the OFSI entity has none; its raw text is appended. Any
// other FCDO subject is appended as an entity of its own. Only `entities`
// of *ofsi change; the caller combines files, skips, format and as_of.
UkMergeStats MergeFcdoIntoOfsi(LoadedSource fcdo, LoadedSource* ofsi);

// Loads the `uk` source folder `dir`:
//   - dir/ConList.xlsx only          -> LoadUkOfsi, format "uk_ofsi_xlsx";
//   - dir/fcdo_derived/subjects.csv only -> LoadUkFcdoDerived, format
//                                           "uk_fcdo_derived";
//   - both -> OFSI merged with FCDO (MergeFcdoIntoOfsi), format
//     "uk_ofsi_xlsx+uk_fcdo_derived", files and skips of both, as_of the
//     newer of the two.
// When both exist and only the FCDO tables fail to load, the OFSI list is
// still returned (format "uk_ofsi_xlsx") and the FCDO error is recorded in
// out->skipped with its location, since the native list alone is usable.
// Errors: NotFound when neither file exists; those of LoadUkOfsi (also when
// the FCDO tables would load: a broken native list must be noticed), or of
// LoadUkFcdoDerived when it is the only list.
// Implements the loader contract of lists/loaded_source.h.
Status LoadUk(const std::string& dir, const std::string& source_id, LoadedSource* out);

}  // namespace cordon

#endif  // CORDON_LISTS_UK_FCDO_DERIVED_UK_LOADER_H_
