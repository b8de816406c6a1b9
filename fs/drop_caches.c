// SPDX-License-Identifier: GPL-2.0
/*
 * vm.drop_caches: writing 1 drops clean, unmapped page-cache pages, 2
 * shrinks the slab caches (dentries and inodes among them), 3 both; 4
 * silences the log line a write makes. Linux: fs/drop_caches.c
 *
 * Every file in Faultline lives in tmpfs, whose pages are the files' only
 * copy: Linux drops none of them either, so 1 frees nothing here. 2
 * gives the slab caches' empty slabs back; tmpfs dentries and inodes are
 * the file tree itself and stay.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/vmstat.h>
#include <linux/sysctl.h>

static int stfu;

int drop_caches_sysctl_handler(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			       loff_t *ppos)
{
	int sysctl_drop_caches;
	int ret = proc_dointvec_minmax(table, write, buffer, lenp, ppos);

	if (ret || !write)
		return ret;
	sysctl_drop_caches = *(int *)table->data;
	if (sysctl_drop_caches & 1)
		count_vm_event(DROP_PAGECACHE);
	if (sysctl_drop_caches & 2) {
		kmem_cache_shrink_all();
		count_vm_event(DROP_SLAB);
	}
	if (!stfu)
		pr_info("%s (%d): drop_caches: %d\n", current->comm, task_pid_nr(current),
			sysctl_drop_caches);
	stfu |= sysctl_drop_caches & 4;
	return 0;
}
