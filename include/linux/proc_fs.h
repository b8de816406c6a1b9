/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/types.h>

struct super_block;
struct seq_file;

/* A new procfs super block, for mount(2) of "proc". Linux: proc_fill_super() */
struct super_block *proc_fill_super(dev_t dev);

/* The architecture's lines at the end of /proc/meminfo (arch/x86_64/mm/init.c). */
void arch_report_meminfo(struct seq_file *m);

#define PROC_SUPER_MAGIC	0x9fa0

#endif
