// Copyright (c) cordon authors.
//
// The one route table: method + path pattern ("/match/{dataset}") -> handler.
// A {capture} matches one non-empty path segment, percent-decoded.
#ifndef CORDON_SERVER_ROUTER_H_
#define CORDON_SERVER_ROUTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "cordon/status.h"
#include "handlers/request_context.h"

namespace cordon::server {

using RouteHandler = Status (*)(RequestContext& context, HttpResponse* response);

struct Route {
  std::string method;
  std::string pattern;
  RouteHandler handler = nullptr;
};

struct RouteMatch {
  int status = 404;  // 200 found, 404 no such path, 405 path known but not this method, 400 bad escape
  size_t index = 0;  // into routes() when status == 200
  std::vector<std::string> params;
  std::string allow;    // for 405: "GET, POST"
  std::string message;  // for 400
};

class Router {
 public:
  void Add(std::string method, std::string pattern, RouteHandler handler);
  RouteMatch Find(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;  // per route
};

}  // namespace cordon::server

#endif  // CORDON_SERVER_ROUTER_H_
