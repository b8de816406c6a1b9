// SPDX-License-Identifier: GPL-2.0
/*
 * kernel.hostname, domainname, osrelease and ostype: the uname(2) names
 * as /proc/sys files. Linux: kernel/utsname_sysctl.c
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/utsname.h>
#include <linux/sysctl.h>

/*
 * Through a copy, so that a write that stops part-way leaves the name
 * whole, and the copy back is one step (Linux drops uts_sem in between;
 * Faultline needs no lock). Linux: proc_do_uts_string()
 */
int proc_do_uts_string(struct ctl_table *table, int write, void *buffer, size_t *lenp,
		       loff_t *ppos)
{
	char tmp_data[__NEW_UTS_LEN + 1];
	struct ctl_table uts_table = *table;
	int r;

	memcpy(tmp_data, table->data, sizeof(tmp_data));
	uts_table.data = tmp_data;
	r = proc_dostring(&uts_table, write, buffer, lenp, ppos);
	if (write)
		memcpy(table->data, tmp_data, sizeof(tmp_data));
	return r;
}
