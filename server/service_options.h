// Copyright (c) cordon authors.
//
// What the HTTP service is configured with (flags of `cordon serve`).
#ifndef CORDON_SERVER_SERVICE_OPTIONS_H_
#define CORDON_SERVER_SERVICE_OPTIONS_H_

#include <string>
#include <vector>

#include "ftm_query.h"

namespace cordon::server {

struct ServiceOptions {
  // Bearer token for /admin/*; empty = admin endpoints are off (404).
  std::string admin_token;
  int default_limit = 5;  // /match and /search results per query (yente: 5)
  int max_limit = 500;
  FtmQueryLimits query_limits;
  // Source ids the "sanctions" dataset covers (those loaded). Export-control
  // lists (us_csl, us_bis_dpl) and custom lists are outside it.
  std::vector<std::string> sanctions_sources = {"ofac_sdn", "ofac_consolidated", "un", "eu", "uk"};
  double search_threshold = 0.70;  // /search default: looser than /match
};

}  // namespace cordon::server

#endif  // CORDON_SERVER_SERVICE_OPTIONS_H_
