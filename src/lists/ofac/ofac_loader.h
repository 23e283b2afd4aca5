// Loader for OFAC's "legacy" CSV file sets: the SDN list (sdn.csv, alt.csv,
// add.csv, sdn_comments.csv) and the Consolidated non-SDN list
// (cons_prim.csv, cons_alt.csv, cons_add.csv, cons_comments.csv). Format and
// field mapping: docs/formats/ofac_legacy_csv.md.
#ifndef CORDON_LISTS_OFAC_OFAC_LOADER_H_
#define CORDON_LISTS_OFAC_OFAC_LOADER_H_

#include <string>
#include <string_view>

#include "cordon/status.h"
#include "lists/loaded_source.h"

namespace cordon {

inline constexpr std::string_view kOfacLegacyFormat = "ofac_legacy_csv";

// One input file held in memory. An empty `path` means the file is absent.
struct OfacCsvFile {
  std::string path;       // as given; used in every error and LoadIssue
  std::string_view data;  // raw bytes (Windows-1252/Latin-1, or UTF-8)
};

// The four files of one legacy set. `primary` (sdn.csv / cons_prim.csv) is
// required; the others are optional.
struct OfacLegacyInput {
  OfacCsvFile primary;    // 12 fields: ent_num, SDN_Name, SDN_Type, Program,
                          // Title, Call_Sign, Vess_type, Tonnage, GRT,
                          // Vess_flag, Vess_owner, Remarks
  OfacCsvFile aliases;    // 5 fields: ent_num, alt_num, alt_type, alt_name, alt_remarks
  OfacCsvFile addresses;  // 6 fields: ent_num, add_num, Address,
                          // City/State/Province/Postal Code, Country, Add_remarks
  OfacCsvFile comments;   // 2 fields: ent_num, Remarks_Extended
};

// Parses an in-memory legacy set into out->entities (in primary-file order),
// appending to out->skipped and setting out->format. Does not touch
// out->files or out->as_of (the legacy CSV carries no date).
// Errors (DataError, naming file, line and field): primary absent or empty;
// a file whose CSV structure is broken (unterminated quote, field > 1 MiB);
// a file with records none of which could be used (garbage, or alt/add rows
// that all point at unknown ent_nums). Single bad records (wrong column
// count, bad ent_num, empty name, duplicate ent_num, unknown ent_num in
// alt/add/comments) are skipped into out->skipped; unusable values inside a
// loaded record (bad DOB, unknown SDN_Type, remarks cut at 1,000 characters
// without continuation) are reported there too, the record being kept.
// Never crashes on any input; memory is linear in the input size.
Status ParseOfacLegacy(const OfacLegacyInput& input, const std::string& source_id, LoadedSource* out);

// Reads the legacy set in folder `dir` (loader contract: loaded_source.h).
// The set is chosen by its primary file: `sdn.csv` -> sdn.csv, alt.csv,
// add.csv, sdn_comments.csv; `cons_prim.csv` -> cons_prim.csv, cons_alt.csv,
// cons_add.csv, cons_comments.csv. Other files (CONS_ENHANCED.ZIP) are
// ignored. out->files lists the files actually read.
// Errors: NotFound when neither primary file exists; InvalidArgument when
// both do (one set per folder); ReadFile errors; ParseOfacLegacy errors.
Status LoadOfacLegacy(const std::string& dir, const std::string& source_id, LoadedSource* out);

}  // namespace cordon

#endif  // CORDON_LISTS_OFAC_OFAC_LOADER_H_
