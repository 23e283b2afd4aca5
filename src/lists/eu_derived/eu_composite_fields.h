// Splitting the composite columns of the third-party EU FSF extraction
// (data/lists/eu/README section `eu/`): the extraction glued several native
// FSF columns into one text, and these functions take them apart again.
#ifndef CORDON_LISTS_EU_DERIVED_EU_COMPOSITE_FIELDS_H_
#define CORDON_LISTS_EU_DERIVED_EU_COMPOSITE_FIELDS_H_

#include <string>
#include <string_view>

namespace cordon {

// The parts of the derived `Entity_Remark` column, which is
//   "(UN ID: KPi.040)\n(Date of UN designation: 2022-02-25)\n(native remark)"
// with a literal backslash-n between parts and each part present only when
// the native column was non-empty.
struct EuEntityRemark {
  std::string un_id;             // "KPi.040", or empty
  std::string designation_date;  // the text as written ("2022-02-25",
                                 // "6.1.2012"), or empty. Despite the label
                                 // it is the EU designation date for non-UN
                                 // entries.
  std::string native_remark;     // the remaining text without the outer
                                 // parentheses, or empty
};

// Splits a derived `Entity_Remark`. Never fails: text that does not follow
// the pattern ends up in `native_remark`.
EuEntityRemark ParseEuEntityRemark(std::string_view remark);

// The bare document number of a derived `Identification_Number`, which is
//   "488555 (passport-National passport) (remark)":
// the text before " (<type_code>-" when that marker is present (numbers such
// as "12/YAKANA(N)006981" contain parentheses themselves), else before the
// first " (", trimmed. Returns "" when nothing precedes the marker.
std::string EuIdentificationNumber(std::string_view composite, std::string_view type_code);

}  // namespace cordon

#endif  // CORDON_LISTS_EU_DERIVED_EU_COMPOSITE_FIELDS_H_
