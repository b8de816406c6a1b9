/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FAULTLINE_LABS_LABLIB_H
#define FAULTLINE_LABS_LABLIB_H

/*
 * What the lab tests measure with: tests/user's TAP, fault counters and
 * /proc readers (a VMA's smaps fields, a page's frame).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tap.h"
#include "testlib.h"
#include "proclib.h"

#define P 4096

#endif
