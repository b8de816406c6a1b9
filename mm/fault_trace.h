/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MM_FAULT_TRACE_H
#define _MM_FAULT_TRACE_H

#include <linux/fault_trace.h>

#endif
