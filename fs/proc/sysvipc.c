// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/sysvipc: the System V IPC objects, one file per kind. Faultline
 * has shared memory only, so the directory holds "shm" (Linux 6.1 also
 * lists "msg" and "sem"). Linux: ipc/util.c ipc_init_proc_interface()
 */
#include <linux/kernel.h>
#include <linux/shm.h>
#include "internal.h"

static const struct proc_entry sysvipc_entries[] = {
	{ "shm", S_IFREG | 0444, &sysvipc_shm_proc_fops },
};

static int proc_sysvipc_lookup(struct inode *dir, struct dentry *dentry)
{
	const struct proc_entry *e = proc_find_entry(sysvipc_entries,
						     (int)ARRAY_SIZE(sysvipc_entries), dentry);

	return e ? proc_fill_entry(dentry, NULL, e) : -ENOENT;
}

static int proc_sysvipc_readdir(struct file *file, struct dir_context *ctx)
{
	if (proc_emit_dots(file, ctx))
		proc_emit_entries(ctx, sysvipc_entries, (int)ARRAY_SIZE(sysvipc_entries), 2);
	return 0;
}

const struct inode_operations proc_sysvipc_inode_operations = {
	.lookup = proc_sysvipc_lookup,
	.setattr = proc_setattr,
};

const struct file_operations proc_sysvipc_operations = {
	.iterate_shared = proc_sysvipc_readdir,
	.llseek = generic_file_llseek,
};
