/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_OOM_H
#define _LINUX_OOM_H

#include <linux/types.h>

/* mm/oom_kill.c. Linux: include/linux/oom.h */
struct mm_struct;

bool __oom_reap_task_mm(struct mm_struct *mm);

#endif
