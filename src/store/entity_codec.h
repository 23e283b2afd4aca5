// The canonical serialisation of a listed entity: what the store keeps per
// entity and list version, what its content hash is computed over, and what
// "which fields changed" compares.
//
// Format: UTF-8 text, one line per value, `key<TAB>part<TAB>part...`, keys in
// a fixed order (schema, name, birth_date, birth_place, nationality,
// country, document, address, program, listing_date, gender, title,
// reference, raw); multi-valued fields keep the list's order. Tabs,
// newlines, carriage returns and backslashes inside parts are escaped as
// \t \n \r \\. `source` and `source_id` are not part of it (they are the
// key the record is stored under), so the hash depends on content only.
#ifndef CORDON_STORE_ENTITY_CODEC_H_
#define CORDON_STORE_ENTITY_CODEC_H_

#include <string>
#include <string_view>
#include <vector>

#include "cordon/entity.h"
#include "cordon/status.h"

namespace cordon {

// Deterministic: equal entities (ignoring source/source_id) give equal bytes.
std::string EncodeEntity(const Entity& entity);

// Inverse of EncodeEntity: Decode(Encode(e)) == e except source/source_id,
// which the caller sets. Errors: DataError naming the line and key for an
// unknown key, a wrong number of parts, a bad number or enum value, or an
// invalid escape. Never crashes on any input.
Status DecodeEntity(std::string_view text, Entity* out);

// Keys whose values differ between two canonical records, in format order
// ("name", "birth_date", "program", "raw"...). Empty when equal.
std::vector<std::string> ChangedFields(std::string_view before, std::string_view after);

// Content hash of a canonical record: lower-case hex SHA-256.
std::string RecordHash(std::string_view canonical);

}  // namespace cordon

#endif  // CORDON_STORE_ENTITY_CODEC_H_
