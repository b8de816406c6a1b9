/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FAULT_TRACE_H
#define _LINUX_FAULT_TRACE_H

#include <linux/types.h>
#include <linux/mm.h>

/*
 * The fault trace: what each page fault was and what the kernel did
 * about it. Every fault is recorded in a small ring (the tests read it);
 * with "faulttrace" on the command line each is also printed as a line:
 *
 *   faulttrace: pid 1 ip 401126 addr 7ffff7ff8000 write user not-present
 *     vma 7ffff7ff8000-7ffff7ffa000 rw-p: new anonymous page
 *
 * No Linux counterpart of this shape: Linux offers tracepoints
 * (exceptions:page_fault_user) and counters; Faultline names the case.
 */
struct fault_record {
	pid_t pid;
	unsigned long ip;
	unsigned long address;
	unsigned long error_code;	/* the CPU's #PF error code */
	bool has_vma;
	unsigned long vm_start, vm_end, vm_flags;
	bool stack_expanded;
	enum fault_case fault_case;
	const char *why;		/* for a signal: the reason */
	vm_fault_t ret;
};

#define FAULT_LOG_SIZE	64

void fault_trace_begin(unsigned long ip, unsigned long address, unsigned long error_code);
void fault_trace_vma(const struct vm_area_struct *vma);
void fault_trace_stack_expanded(void);
void fault_trace_record_case(enum fault_case fault_case, vm_fault_t ret);
void fault_trace_signal(enum fault_case fault_case, const char *why);
void fault_trace_end(void);

/* The n-th most recent fault (0: the last one); NULL if not recorded. */
const struct fault_record *fault_log_recent(unsigned int n);
unsigned long fault_log_total(void);
const char *fault_case_name(enum fault_case fault_case);
extern bool faulttrace_enabled;

#endif
