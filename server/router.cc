#include "router.h"

namespace cordon::server {
namespace {

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> out;
  size_t pos = 1;  // paths start with '/'
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    out.push_back(path.substr(pos, slash - pos));
    pos = slash + 1;
  }
  return out;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, RouteHandler handler) {
  std::vector<std::string> segs;
  for (std::string_view s : Split(pattern)) segs.emplace_back(s);
  segments_.push_back(std::move(segs));
  routes_.push_back({std::move(method), std::move(pattern), handler});
}

RouteMatch Router::Find(std::string_view method, std::string_view path) const {
  RouteMatch result;
  if (path.empty() || path.front() != '/') return result;
  std::vector<std::string_view> parts = Split(path);
  for (size_t i = 0; i < routes_.size(); ++i) {
    const std::vector<std::string>& segs = segments_[i];
    if (segs.size() != parts.size()) continue;
    std::vector<std::string> params;
    bool ok = true;
    for (size_t k = 0; k < segs.size() && ok; ++k) {
      const std::string& s = segs[k];
      if (s.size() > 2 && s.front() == '{' && s.back() == '}') {
        if (parts[k].empty()) {
          ok = false;
          break;
        }
        Result<std::string> decoded = PercentDecode(parts[k], false);
        if (!decoded.ok()) {
          result.status = 400;
          result.message = "path segment " + std::to_string(k + 1) + ": " + decoded.status().message();
          return result;
        }
        params.push_back(std::move(decoded.value()));
      } else {
        ok = s == parts[k];
      }
    }
    if (!ok) continue;
    if (routes_[i].method == method) {
      result.status = 200;
      result.index = i;
      result.params = std::move(params);
      result.allow.clear();
      return result;
    }
    result.status = 405;
    if (!result.allow.empty()) result.allow += ", ";
    result.allow += routes_[i].method;
  }
  return result;
}

}  // namespace cordon::server
