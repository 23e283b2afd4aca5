#include "cordon/status.h"

namespace cordon {

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out;
  if (!location_.file.empty()) {
    out += location_.file;
    if (location_.line > 0) out += ":" + std::to_string(location_.line);
    out += ": ";
  } else if (location_.line > 0) {
    out += "record " + std::to_string(location_.line) + ": ";
  }
  if (!location_.field.empty()) out += "field '" + location_.field + "': ";
  out += message_;
  return out;
}

}  // namespace cordon
