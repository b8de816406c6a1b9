/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SYSCTL_H
#define _LINUX_SYSCTL_H

/*
 * The kernel's tunables, shown as files under /proc/sys. Linux:
 * include/linux/sysctl.h
 *
 * A ctl_table is an array of entries ended by one with no procname.
 * An entry is a file (data, maxlen, a proc_handler that formats and
 * parses it) or a directory (child: the table of its entries). Each
 * table is kept sorted by name, the order /proc/sys lists it in.
 */
#include <linux/types.h>

struct ctl_table;

/*
 * Read (write == 0) the value into buffer, or parse and store what
 * buffer holds; *lenp is the buffer's size in and the bytes used out,
 * *ppos the file position. Returns 0 or -errno.
 */
typedef int proc_handler(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			 loff_t *ppos);

struct ctl_table {
	const char *procname;		/* the file's name; NULL ends the table */
	void *data;
	int maxlen;			/* bytes of data */
	umode_t mode;			/* 0644, 0444, 0200 ... (dirs 0555) */
	struct ctl_table *child;	/* a directory's entries */
	proc_handler *proc_handler;
	void *extra1;			/* the handler's: the minimum */
	void *extra2;			/* the maximum */
};

/* Bounds for extra1/extra2. Linux: sysctl_vals[] */
extern const int sysctl_vals[];
#define SYSCTL_ZERO		((void *)&sysctl_vals[0])
#define SYSCTL_ONE		((void *)&sysctl_vals[1])
#define SYSCTL_TWO		((void *)&sysctl_vals[2])
#define SYSCTL_FOUR		((void *)&sysctl_vals[3])
#define SYSCTL_TWO_HUNDRED	((void *)&sysctl_vals[4])
#define SYSCTL_INT_MAX		((void *)&sysctl_vals[5])

/* kernel/sysctl.c */
int proc_dostring(struct ctl_table *table, int write, void *buffer, size_t *lenp, loff_t *ppos);
int proc_dointvec(struct ctl_table *table, int write, void *buffer, size_t *lenp, loff_t *ppos);
int proc_dointvec_minmax(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			 loff_t *ppos);
int proc_doulongvec_minmax(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			   loff_t *ppos);

/* kernel/sysctl_table.c: /proc/sys's top directory */
extern struct ctl_table sysctl_root_table[];
void sysctl_init_defaults(void);

/* the handlers that live beside what they tune */
int overcommit_policy_handler(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			      loff_t *ppos);
int overcommit_ratio_handler(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			     loff_t *ppos);
int overcommit_kbytes_handler(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			      loff_t *ppos);
int drop_caches_sysctl_handler(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			       loff_t *ppos);
int proc_do_uts_string(struct ctl_table *table, int write, void *buffer, size_t *lenp,
		       loff_t *ppos);
int sysctl_max_threads(struct ctl_table *table, int write, void *buffer, size_t *lenp,
		       loff_t *ppos);

#endif
