/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FALLOC_H
#define _LINUX_FALLOC_H

/* fallocate(2) modes. Linux: include/uapi/linux/falloc.h, include/linux/falloc.h */
#define FALLOC_FL_KEEP_SIZE	0x01	/* allocate, but i_size stays */
#define FALLOC_FL_PUNCH_HOLE	0x02	/* free the range (needs KEEP_SIZE) */
#define FALLOC_FL_NO_HIDE_STALE	0x04	/* reserved */
#define FALLOC_FL_COLLAPSE_RANGE 0x08	/* cut the range out, the rest moves down */
#define FALLOC_FL_ZERO_RANGE	0x10	/* zero the range, allocated */
#define FALLOC_FL_INSERT_RANGE	0x20	/* insert a hole, the rest moves up */
#define FALLOC_FL_UNSHARE_RANGE	0x40	/* unshare shared extents */

/* What any file system may be asked; each ->fallocate refuses what it lacks. */
#define FALLOC_FL_SUPPORTED_MASK (FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE |	\
				  FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_ZERO_RANGE | \
				  FALLOC_FL_INSERT_RANGE | FALLOC_FL_UNSHARE_RANGE)

#endif
