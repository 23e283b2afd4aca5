// The names a list's name string holds, as a screener should match them.
//
// Lists pack more than one name, and remarks, into one name field:
//   UN:   "Abas Rashidi; Abbas Rashedi; Abas Rashedi"
//   UK:   "DOOSTAN INTERNATIONAL COMPANY (DICO)", "NIRU BATTERY MFG.CO (SABA BATTERY)"
//   UN:   "Ibrahim Hassan Tali Asiri (إبراهيم حسن طالع عسيري)"
//   EU:   "Abu-Ahmad Al-Amriki (the American)", "Ezatullah Haqqani (previously listed as)"
// Matched whole, the remark or the acronym is a part the customer's name
// lacks, and the name scores low against its own spelling.
#ifndef CORDON_NORMALIZE_LISTED_NAME_FORMS_H_
#define CORDON_NORMALIZE_LISTED_NAME_FORMS_H_

#include <string>
#include <string_view>
#include <vector>

namespace cordon {

struct ListedNameForm {
  std::string text;
  // An acronym taken out of brackets (DICO, HTS, ASF SSJO): an alias the
  // list gives only in passing, matched as a weak alias.
  bool acronym = false;
};

// The forms of one listed name string (UTF-8), in order, distinct:
//  - it is split at semicolons;
//  - each part loses its parenthesised and bracketed groups, and what is
//    left is a form (the whole group's content when nothing is left);
//  - a group's content is a form too (split at semicolons and commas)
//    when it reads as a name: an acronym in capitals (DICO, ISIL-SEA), a
//    name in capitals (SABA BATTERY), or a name in a non-Latin script;
//    remarks and translations in ordinary case ("the American",
//    "previously listed as", "original script", "duivel") are dropped.
// A string with no semicolon or bracket gives itself as the only form.
// Never empty for a non-empty `full` with any letter or digit.
std::vector<ListedNameForm> ListedNameForms(std::string_view full);

}  // namespace cordon

#endif  // CORDON_NORMALIZE_LISTED_NAME_FORMS_H_
