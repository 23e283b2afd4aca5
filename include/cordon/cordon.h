// Copyright (c) cordon authors. Umbrella header for the public API.
#ifndef CORDON_CORDON_H_
#define CORDON_CORDON_H_

#include "cordon/engine.h"
#include "cordon/entity.h"
#include "cordon/match.h"
#include "cordon/status.h"

#endif  // CORDON_CORDON_H_
