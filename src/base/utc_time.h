// The current time as text, for records that say when something happened
// (audit entries, snapshots, reloads).
#ifndef CORDON_BASE_UTC_TIME_H_
#define CORDON_BASE_UTC_TIME_H_

#include <string>

namespace cordon {

// The current UTC time, ISO 8601 to the second: "2026-12-03T09:13:00Z".
std::string UtcNowIso8601();

}  // namespace cordon

#endif  // CORDON_BASE_UTC_TIME_H_
