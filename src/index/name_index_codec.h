// Writing a NameIndex into a snapshot and reading it back.
//
// Everything the index computed from the listed names is written (the
// vocabulary with its keys and weights, postings, listed names and tokens,
// every lookup table as its raw arrays, identifiers), so reading is copying:
// no name is normalised again. The members written are listed once, in
// ArchiveFields<NameIndex> (name_index_codec.cc); a static_assert there
// fails the build when NameIndex gains a member nobody listed.
#ifndef CORDON_INDEX_NAME_INDEX_CODEC_H_
#define CORDON_INDEX_NAME_INDEX_CODEC_H_

#include <memory>
#include <string>
#include <vector>

#include "base/binary_archive.h"
#include "cordon/entity.h"
#include "cordon/status.h"
#include "index/name_index.h"

namespace cordon {

class NameIndexCodec {
 public:
  // Appends `index` to `out`.
  static void Write(const NameIndex& index, ArchiveWriter* out);

  // Reads an index written by Write(). Returns nullptr with in->error() set
  // when the bytes are malformed. The index is not usable before
  // ValidateShape(), ValidateEntities() and Attach().
  static std::unique_ptr<NameIndex> Read(ArchiveReader* in);

  // Checks the index's own cross-references (token, vocabulary and name
  // ids, postings, hash table shapes) so that no lookup can go out of
  // bounds, and that weights are finite numbers in [0,1].
  // Errors: DataError saying what is inconsistent.
  static Status ValidateShape(const NameIndex& index);
  // Checks the references into `entities` (listed names, identifiers).
  // REQUIRES: ValidateShape() passed. Errors: DataError.
  static Status ValidateEntities(const NameIndex& index, const std::vector<Entity>& entities);

  // Points the index at the entities it was built from (the engine's own
  // vector) and rebuilds the tables derived from what was read.
  // REQUIRES: Validate() passed for these entities.
  static void Attach(NameIndex* index, const std::vector<Entity>* entities);

  // What Write() writes, as ArchiveLayout text: member types in order.
  static std::string Layout();

 private:
  static Status ValidateTable(const TokenHashTable& table, const char* name, size_t bound);
  static void CheckMembersListed();  // static_asserts only
};

}  // namespace cordon

#endif  // CORDON_INDEX_NAME_INDEX_CODEC_H_
