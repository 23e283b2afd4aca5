// Copyright (c) cordon authors. Umbrella header for the public API.
#ifndef CORDON_CORDON_H_
#define CORDON_CORDON_H_

#include "cordon/engine.h"
#include "cordon/entity.h"
#include "cordon/match.h"
#include "cordon/payment.h"
#include "cordon/status.h"
#include "cordon/text.h"

#endif  // CORDON_CORDON_H_
