// Finding list sources in a folder and loading each with the right loader.
#ifndef CORDON_LISTS_SOURCE_REGISTRY_H_
#define CORDON_LISTS_SOURCE_REGISTRY_H_

#include <string>
#include <vector>

#include "cordon/status.h"
#include "lists/loaded_source.h"

namespace cordon {

// A sub-folder of the lists directory and the format recognised in it.
struct SourceFolder {
  std::string id;      // folder name = source id
  std::string path;    // lists_dir + "/" + id
  std::string format;  // "ofac_legacy_csv", "un_xml", "eu_fsf_derived", "uk",
                       // "us_csl", "us_bis_dpl", "custom_csv", or "" if none
};

// Lists the sub-folders of `lists_dir` in name order with their detected
// format. Skips hidden folders and `ofac_sdn_history` (dated snapshots for
// monitoring, not a source). Detection looks at file names only:
//   sdn.csv | cons_prim.csv         -> ofac_legacy_csv
//   *.xml                            -> un_xml
//   output_namealias*.csv            -> eu_fsf_derived
//   ConList.xlsx | fcdo_derived/     -> uk
//   consolidated.csv[.gz]            -> us_csl
//   dpl.txt                          -> us_bis_dpl
//   any other *.csv                  -> custom_csv
// Errors: NotFound if lists_dir does not exist or is not a folder.
Status FindSourceFolders(const std::string& lists_dir, std::vector<SourceFolder>* out);

// Loads one folder with its format's loader and fills out->as_of from the
// data, else from an `as_of.txt` file in the folder (first line, ISO date),
// else from the newest modification date of the files read.
// Errors: those of the loader; InvalidArgument for an unknown format.
Status LoadSourceFolder(const SourceFolder& folder, LoadedSource* out);

// FNV-1a 64 hash (hex) of the named files' bytes, in the given order: the
// version id of a loaded list. Unreadable files hash as empty.
std::string HashFiles(const std::vector<std::string>& files);

}  // namespace cordon

#endif  // CORDON_LISTS_SOURCE_REGISTRY_H_
