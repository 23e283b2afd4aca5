#include "lists/common/entity_values.h"

#include <algorithm>
#include <utility>

namespace cordon {

void AppendUnique(std::vector<std::string>* list, std::string value) {
  if (value.empty()) return;
  if (std::find(list->begin(), list->end(), value) == list->end()) list->push_back(std::move(value));
}

void AddDistinctName(Name name, Entity* entity) {
  auto same = std::find_if(entity->names.begin(), entity->names.end(),
                           [&](const Name& n) { return n.full == name.full; });
  if (same != entity->names.end()) {
    if (name.quality == NameQuality::kStrong) same->quality = NameQuality::kStrong;
    return;
  }
  if (entity->names.empty()) {
    name.type = NameType::kPrimary;
    name.quality = NameQuality::kStrong;
  }
  entity->names.push_back(std::move(name));
}

}  // namespace cordon
