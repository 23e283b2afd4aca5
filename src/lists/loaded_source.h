// The internal contract every list loader fulfils.
#ifndef CORDON_LISTS_LOADED_SOURCE_H_
#define CORDON_LISTS_LOADED_SOURCE_H_

#include <string>
#include <vector>

#include "cordon/engine.h"
#include "cordon/entity.h"
#include "cordon/status.h"

namespace cordon {

// What a loader produces from one source folder.
//
// Loader contract (every Load*() function in src/lists/<format>/):
//   Status LoadXxx(const std::string& dir, const std::string& source_id,
//                  LoadedSource* out);
// - `dir` is the source folder; `source_id` goes into every Entity::source.
// - Returns a non-OK Status (naming file, line/record, field) when the
//   source cannot be used at all: a required file missing, unreadable,
//   truncated or structurally malformed (bad header, broken zip/XML).
//   Then *out may be partly filled and the caller discards it.
// - A single bad record is skipped and recorded in out->skipped with file,
//   line/record, field and reason; loading goes on.
// - out->files lists every file read (paths as given: dir + "/" + name).
// - out->as_of is the list's own date (ISO yyyy-mm-dd) read from the data
//   where the format has one, else empty (the caller falls back to an
//   `as_of` file in the folder, then to file modification time).
// - Every entity has a non-empty source_id and at least one name; names[0]
//   is the primary name. `raw` holds the original record text.
struct LoadedSource {
  std::string format;  // "ofac_legacy_csv", "un_xml", ...
  std::vector<Entity> entities;
  std::vector<std::string> files;
  std::string as_of;
  std::vector<LoadIssue> skipped;
};

}  // namespace cordon

#endif  // CORDON_LISTS_LOADED_SOURCE_H_
