/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MEMFD_H
#define _LINUX_MEMFD_H

#include <linux/fs.h>

/* memfd_create(2) flags. Linux: include/uapi/linux/memfd.h */
#define MFD_CLOEXEC		0x0001U
#define MFD_ALLOW_SEALING	0x0002U
#define MFD_HUGETLB		0x0004U
#define MFD_HUGE_SHIFT		26	/* log2 of the huge page size, as MAP_HUGE_SHIFT */
#define MFD_HUGE_MASK		0x3f

/* mm/memfd.c. Linux: include/linux/memfd.h */
unsigned int *memfd_file_seals_ptr(struct file *file);
long memfd_fcntl(struct file *file, unsigned int cmd, unsigned long arg);

/* A file's seals; 0 for a file that cannot have any. */
static inline unsigned int memfd_file_seals(struct file *file)
{
	unsigned int *sealsp = memfd_file_seals_ptr(file);

	return sealsp ? *sealsp : 0;
}

#endif
