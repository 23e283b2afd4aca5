// Copyright (c) cordon authors.
//
// Query-string parameters and dataset names shared by the screening handlers.
#ifndef CORDON_SERVER_HANDLERS_PARAMS_H_
#define CORDON_SERVER_HANDLERS_PARAMS_H_

#include <string>
#include <vector>

#include "cordon/engine.h"
#include "cordon/match.h"
#include "http/url.h"
#include "service_options.h"

namespace cordon::server {

// Numeric parameter `key` in [lo, hi], or `fallback` when absent.
// Errors: InvalidArgument naming the parameter.
Result<double> DoubleParam(const QueryParams& params, const char* key, double fallback, double lo, double hi);
Result<int> IntParam(const QueryParams& params, const char* key, int fallback, int lo, int hi);

// "cordon" (also yente's names: best, logic-v1, logic-v2, name-based,
// name-qualified, regression-v1, regression-v2, which all run cordon's
// scorer) or "ofac". Errors: InvalidArgument listing the names.
Result<Algorithm> AlgorithmParam(const QueryParams& params);

// The source ids a dataset name covers, for ScreenOptions::sources, after the
// include_dataset / exclude_dataset parameters. "default" = every loaded
// source, "sanctions" = the loaded options.sanctions_sources, or one loaded
// source id. An empty result means every loaded source (as in
// ScreenOptions::sources). Errors: NotFound for an unknown dataset (the message lists the
// known ones); InvalidArgument when the filters leave nothing.
Result<std::vector<std::string>> ResolveDataset(const std::string& dataset, const QueryParams& params,
                                                const Engine& engine, const ServiceOptions& options);

// Dataset names served: "default", "sanctions" (when any is loaded), then each
// loaded source id.
std::vector<std::string> DatasetNames(const Engine& engine, const ServiceOptions& options);

}  // namespace cordon::server

#endif  // CORDON_SERVER_HANDLERS_PARAMS_H_
