// Loader for the UN Security Council Consolidated List XML (format "un_xml").
// See docs/formats/un_xml.md for the field mapping and the quirks handled.
#ifndef CORDON_LISTS_UN_UN_LOADER_H_
#define CORDON_LISTS_UN_UN_LOADER_H_

#include <string>
#include <string_view>

#include "cordon/status.h"
#include "lists/loaded_source.h"

namespace cordon {

// Loads the UN list from `dir`: UN_consolidated.xml when present, else the
// single *.xml file in the folder. Fills *out per the loader contract
// (lists/loaded_source.h) with format "un_xml": one Person per INDIVIDUAL,
// one Organization per ENTITY, source_id = REFERENCE_NUMBER, as_of = the
// date part of the root's dateGenerated attribute.
// Errors: NotFound (no such folder, or no *.xml in it), IoError
// (unreadable), DataError (several *.xml and none named UN_consolidated.xml;
// malformed XML, a DOCTYPE/entity declaration, nesting deeper than 64, a
// root element other than CONSOLIDATED_LIST: each naming file, line and
// element).
Status LoadUnXml(const std::string& dir, const std::string& source_id, LoadedSource* out);

// Parses one UN consolidated XML document held in memory. `file` names it in
// errors and skip records and is appended to out->files. Records without a
// REFERENCE_NUMBER or without any name are skipped into out->skipped.
// Same errors as LoadUnXml() for the content.
Status ParseUnXml(std::string_view xml, const std::string& file, const std::string& source_id, LoadedSource* out);

}  // namespace cordon

#endif  // CORDON_LISTS_UN_UN_LOADER_H_
