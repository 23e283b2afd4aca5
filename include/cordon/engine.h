// Copyright (c) cordon authors.
//
// The screening engine: loads list sources, builds the in-memory index, and
// answers queries. Open() once; Screen() from any number of threads.
#ifndef CORDON_ENGINE_H_
#define CORDON_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "cordon/entity.h"
#include "cordon/match.h"
#include "cordon/status.h"

namespace cordon {

// A record a loader skipped, and why. Loading goes on after it.
struct LoadIssue {
  std::string file;
  int64_t line = 0;  // 1-based line or record number; 0 = whole file
  std::string field;
  std::string message;
};

// What was loaded from one source folder.
struct SourceInfo {
  std::string id;              // folder name: "ofac_sdn", "un", ...
  std::string format;          // loader used: "ofac_legacy_csv", "un_xml", ...
  std::string as_of;           // the list's own date, ISO, where known
  std::string version;         // hash of the files read (hex)
  std::vector<std::string> files;  // files read, relative to the lists dir
  size_t entities = 0;
  size_t names = 0;
  std::vector<LoadIssue> skipped;  // records skipped, with reasons
  Status status;               // non-OK: the source failed and is not loaded
};

struct LoadOptions {
  std::string lists_dir = "data/lists";  // one sub-folder per source
  // Load only these source ids; empty = every recognised sub-folder.
  std::vector<std::string> sources;
  // When true, any failed source (or skipped record) fails Open(). When
  // false, a broken source is reported in Sources() and the others load.
  bool strict = false;
  // General-population name frequencies that lower the weight of words many
  // people carry (HUDSON, KING, MARIA), beside their frequency in the lists:
  // "" = the table built into cordon (US Census 1990 surnames and given
  // names); "none" = the lists' frequencies alone; otherwise the path of a
  // table file (format: data/population/README.md), for instance one
  // counted from the bank's own customer base. A missing or malformed file
  // fails Open() (NotFound / DataError naming the file, line and field).
  std::string population;
};

struct SnapshotOptions {
  // When not empty, the snapshot is checked against the list folders in
  // this directory before it is used: a source folder added or removed, or
  // any file in a source folder added, removed or changed (by content)
  // since the snapshot was saved, fails OpenSnapshot() with a DataError
  // starting "stale snapshot". Costs one read of the list files (about
  // 20 MB for the bundled lists). Empty: the snapshot is trusted as is.
  std::string lists_dir;
};

class Engine {
 public:
  // Loads every source under options.lists_dir and builds the index.
  // Errors: NotFound if lists_dir is missing; InvalidArgument for an unknown
  // requested source; DataError if no source loads, or in strict mode if any
  // source fails or skips a record (the first problem is returned).
  static Result<std::unique_ptr<Engine>> Open(const LoadOptions& options);

  // Builds an engine over entities the caller already holds: a customer base
  // to be screened with listed names (monitoring), a list version read back
  // from a store, or a test fixture. `sources` describes them (id, as_of,
  // version); entity counts are filled in here.
  // Errors: InvalidArgument if an entity has no name, or its `source` is
  // empty or not the id of one of `sources`.
  static Result<std::unique_ptr<Engine>> FromEntities(std::vector<Entity> entities,
                                                      std::vector<SourceInfo> sources);

  // Opens an engine saved with SaveSnapshot(): the sources (ids, as-of
  // dates, versions, files, skipped records), the entities and the index,
  // read back without loading or normalising any list again (well under a
  // second for the bundled lists). Screening it gives the same results,
  // byte for byte, as screening the engine that was saved.
  // Errors (all name the file): NotFound if `path` does not exist; IoError
  // if it cannot be read; DataError if it is not a cordon snapshot, is
  // truncated, fails its checksum (corrupted), has another format version,
  // was written by a cordon build whose index layout or name indexing
  // differs from this one (rebuild it with this build), or, with
  // options.lists_dir, is stale (see SnapshotOptions); NotFound if
  // options.lists_dir does not exist. Thread-safe; reads on two threads.
  static Result<std::unique_ptr<Engine>> OpenSnapshot(const std::string& path,
                                                      const SnapshotOptions& options = {});

  Engine() = default;
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  virtual ~Engine() = default;

  // Ranked matches with score >= options.threshold, best first, at most
  // options.limit. Thread-safe.
  // Errors: InvalidArgument for an empty/oversize/invalid-UTF-8 name, a bad
  // birth date, threshold outside [0,1], limit < 1, unknown source.
  virtual Result<std::vector<Match>> Screen(const Query& query,
                                            const ScreenOptions& options) const = 0;

  // Every source folder seen, loaded or failed, in name order.
  virtual const std::vector<SourceInfo>& Sources() const = 0;

  // The SourceInfo of a loaded source id, or nullptr.
  virtual const SourceInfo* FindSource(const std::string& source) const = 0;

  // All loaded entities (stable addresses for the engine's lifetime).
  virtual const std::vector<Entity>& Entities() const = 0;

  // The general-population table the weights were built with
  // ("us_census_1990@<hash>", see LoadOptions::population), or "" for none.
  // Engines from FromEntities() use the built-in table.
  virtual const std::string& PopulationVersion() const = 0;

  // Saves the engine to one file for OpenSnapshot(): build once per list
  // version, open fast everywhere else. For an engine from Open(), the
  // snapshot also records every file of every source folder (path, size,
  // checksum) so a later OpenSnapshot() can tell whether the lists have
  // changed since. The file is written next to `path` and renamed over it,
  // so readers never see half a snapshot. Thread-safe (const).
  // Errors: IoError naming the file if it cannot be written; DataError if
  // the list files this engine was loaded from changed since it was built
  // (save would record the wrong version; open the lists again).
  virtual Status SaveSnapshot(const std::string& path) const = 0;
};

}  // namespace cordon

#endif  // CORDON_ENGINE_H_
