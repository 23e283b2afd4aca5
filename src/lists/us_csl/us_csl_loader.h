// Loader for the US Consolidated Screening List CSV from trade.gov (format
// "us_csl"). See docs/formats/us_csl.md for the field mapping and quirks.
#ifndef CORDON_LISTS_US_CSL_US_CSL_LOADER_H_
#define CORDON_LISTS_US_CSL_US_CSL_LOADER_H_

#include <string>
#include <string_view>

#include "cordon/status.h"
#include "lists/loaded_source.h"

namespace cordon {

// Loads `dir`/consolidated.csv, or else `dir`/consolidated.csv.gz (gunzipped
// on the fly), per the loader contract (lists/loaded_source.h), format
// "us_csl". source_id is the `_id` column. The CSL repeats a party once per
// source list it is on (the same OFAC ent_num under SDN, SSI and CAPTA):
// rows sharing an `_id` become one entity whose programs name every source
// list. as_of is the newest start_date no later than 2030.
// Errors: NotFound (neither file), IoError (unreadable or corrupt gzip),
// DataError (empty file, a required column missing from the header, broken
// quoting), naming file, line and column.
Status LoadUsCsl(const std::string& dir, const std::string& source_id, LoadedSource* out);

// Parses CSL CSV text held in memory; `file` names it in errors, skip
// records and out->files. Rows with a wrong field count, no `_id`, no name
// or invalid UTF-8 are skipped into out->skipped naming the column.
Status ParseUsCsl(std::string_view text, const std::string& file, const std::string& source_id, LoadedSource* out);

}  // namespace cordon

#endif  // CORDON_LISTS_US_CSL_US_CSL_LOADER_H_
