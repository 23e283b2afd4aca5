// Adding values to an Entity while a loader builds it, without repeats.
#ifndef CORDON_LISTS_COMMON_ENTITY_VALUES_H_
#define CORDON_LISTS_COMMON_ENTITY_VALUES_H_

#include <string>
#include <vector>

#include "cordon/entity.h"

namespace cordon {

// Appends `value` unless it is empty or already in *list (exact text).
void AppendUnique(std::vector<std::string>* list, std::string value);

// Adds `name` to entity->names unless a name with the same full text is
// there already; then a strong `name` makes the kept one strong. The first
// name an entity gets becomes its strong primary name. Callers add the
// list's primary name first.
void AddDistinctName(Name name, Entity* entity);

}  // namespace cordon

#endif  // CORDON_LISTS_COMMON_ENTITY_VALUES_H_
