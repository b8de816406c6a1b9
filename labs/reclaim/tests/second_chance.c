// SPDX-License-Identifier: GPL-2.0
/*
 * The second chance under pressure: tests/user/reclaim_hot.c (make
 * test runs it too, on Faultline and Linux 6.1), graded here. Read it
 * there.
 */
#include "reclaim_hot.c"
