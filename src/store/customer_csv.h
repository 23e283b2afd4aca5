// Parsing and validating a customer file for the monitoring store.
// Same columns as `cordon screen-file` input: a header row with `id` and
// `name` (required) and optionally `type`, `dob` (or `birth_date`) and
// `country`, in any order; RFC 4180 quoting; UTF-8.
#ifndef CORDON_STORE_CUSTOMER_CSV_H_
#define CORDON_STORE_CUSTOMER_CSV_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cordon/status.h"

namespace cordon {

struct CustomerRow {
  int64_t line = 0;     // 1-based line where the record begins
  std::string id;       // non-empty, at most 256 bytes, unique in the file
  std::string name;     // non-empty valid UTF-8, at most 1024 bytes
  std::string type;     // "", "person", "organization", "vessel" or "aircraft"
  std::string dob;      // "", "yyyy", "yyyy-mm" or "yyyy-mm-dd"
  std::string country;  // as written; empty or resolvable (ISO code or English name)
};

struct CustomerFile {
  std::vector<CustomerRow> rows;  // valid rows, in file order
  // One per invalid row: DataError naming file, line and field. The store
  // refuses a file with any (an import is all or nothing).
  std::vector<Status> errors;
};

// Parses `data` (the file's bytes; `path` is used in messages).
// Errors (returned): DataError for an empty file, a header without `id` or
// `name`, or broken CSV structure (unterminated quote, oversize field).
// Row-level problems go to out->errors; parsing goes on after them.
// Never crashes on any input; memory is linear in the input size.
Status ParseCustomerCsv(std::string_view data, const std::string& path, CustomerFile* out);

// The canonical form of a customer row (what its hash is computed over):
// `name`, `type`, `dob`, `country` lines in the entity_codec.h format.
std::string EncodeCustomer(const CustomerRow& row);

// Field names ("name", "type", "dob", "country") whose values differ
// between two EncodeCustomer() outputs.
std::vector<std::string> CustomerChangedFields(std::string_view before, std::string_view after);

}  // namespace cordon

#endif  // CORDON_STORE_CUSTOMER_CSV_H_
