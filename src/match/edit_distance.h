// Bounded edit distance for short tokens.
#ifndef CORDON_MATCH_EDIT_DISTANCE_H_
#define CORDON_MATCH_EDIT_DISTANCE_H_

#include <string_view>

namespace cordon {

// Optimal-string-alignment distance (Levenshtein plus adjacent
// transpositions) between a and b, or max_distance + 1 as soon as the
// distance is known to exceed max_distance. Tokens longer than 64 bytes are
// compared for equality only. No allocation.
int BoundedEditDistance(std::string_view a, std::string_view b, int max_distance);

// Reference implementation (unbounded, allocating) used by tests.
int EditDistanceReference(std::string_view a, std::string_view b);

}  // namespace cordon

#endif  // CORDON_MATCH_EDIT_DISTANCE_H_
