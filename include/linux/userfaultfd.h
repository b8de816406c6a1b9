/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_USERFAULTFD_H
#define _LINUX_USERFAULTFD_H

/*
 * The user ABI of userfaultfd(2): what a program reads from a uffd (one
 * struct uffd_msg of 32 bytes per event) and the ioctls it sends back.
 * Values and layouts are Linux 6.1's. Linux: include/uapi/linux/userfaultfd.h
 *
 * A monitor asks for the API (UFFDIO_API, with the features it wants),
 * registers ranges of the faulting address space (UFFDIO_REGISTER, for
 * missing pages, write-protected pages or minor faults), then reads
 * messages and resolves each fault: UFFDIO_COPY or UFFDIO_ZEROPAGE fill
 * a missing page, UFFDIO_CONTINUE maps a page the file already has,
 * UFFDIO_WRITEPROTECT lifts a write protection, UFFDIO_WAKE only wakes.
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/ioctl.h>

#define UFFD_API		((u64)0xAA)

/* The 6.1 features, as bits of uffdio_api.features. */
#define UFFD_FEATURE_PAGEFAULT_FLAG_WP		(1 << 0)	/* write-protect mode */
#define UFFD_FEATURE_EVENT_FORK			(1 << 1)	/* a fork makes a uffd for the child */
#define UFFD_FEATURE_EVENT_REMAP		(1 << 2)	/* mremap of a registered range */
#define UFFD_FEATURE_EVENT_REMOVE		(1 << 3)	/* MADV_DONTNEED / MADV_REMOVE */
#define UFFD_FEATURE_MISSING_HUGETLBFS		(1 << 4)
#define UFFD_FEATURE_MISSING_SHMEM		(1 << 5)	/* shmem may be registered */
#define UFFD_FEATURE_EVENT_UNMAP		(1 << 6)	/* munmap of a registered range */
#define UFFD_FEATURE_SIGBUS			(1 << 7)	/* faults get SIGBUS, no message */
#define UFFD_FEATURE_THREAD_ID			(1 << 8)	/* messages say who faulted */
#define UFFD_FEATURE_MINOR_HUGETLBFS		(1 << 9)
#define UFFD_FEATURE_MINOR_SHMEM		(1 << 10)	/* minor faults on shmem */
#define UFFD_FEATURE_EXACT_ADDRESS		(1 << 11)	/* the address unrounded */
#define UFFD_FEATURE_WP_HUGETLBFS_SHMEM		(1 << 12)

#define UFFD_API_FEATURES (UFFD_FEATURE_PAGEFAULT_FLAG_WP | UFFD_FEATURE_EVENT_FORK |	\
			   UFFD_FEATURE_EVENT_REMAP | UFFD_FEATURE_EVENT_REMOVE |	\
			   UFFD_FEATURE_MISSING_HUGETLBFS | UFFD_FEATURE_MISSING_SHMEM |	\
			   UFFD_FEATURE_EVENT_UNMAP | UFFD_FEATURE_SIGBUS |		\
			   UFFD_FEATURE_THREAD_ID | UFFD_FEATURE_MINOR_HUGETLBFS |	\
			   UFFD_FEATURE_MINOR_SHMEM | UFFD_FEATURE_EXACT_ADDRESS |	\
			   UFFD_FEATURE_WP_HUGETLBFS_SHMEM)

#define UFFDIO_REGISTER_MODE_MISSING	((u64)1 << 0)
#define UFFDIO_REGISTER_MODE_WP		((u64)1 << 1)
#define UFFDIO_REGISTER_MODE_MINOR	((u64)1 << 2)
#define UFFD_API_REGISTER_MODES	(UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP | \
				 UFFDIO_REGISTER_MODE_MINOR)

/* The ioctl numbers (the nr field), and which ones UFFDIO_API/REGISTER report. */
#define _UFFDIO_REGISTER	0x00
#define _UFFDIO_UNREGISTER	0x01
#define _UFFDIO_WAKE		0x02
#define _UFFDIO_COPY		0x03
#define _UFFDIO_ZEROPAGE	0x04
#define _UFFDIO_WRITEPROTECT	0x06
#define _UFFDIO_CONTINUE	0x07
#define _UFFDIO_API		0x3F

#define UFFD_API_IOCTLS		((u64)1 << _UFFDIO_REGISTER | (u64)1 << _UFFDIO_UNREGISTER | \
				 (u64)1 << _UFFDIO_API)
#define UFFD_API_RANGE_IOCTLS	((u64)1 << _UFFDIO_WAKE | (u64)1 << _UFFDIO_COPY |	\
				 (u64)1 << _UFFDIO_ZEROPAGE | (u64)1 << _UFFDIO_WRITEPROTECT | \
				 (u64)1 << _UFFDIO_CONTINUE)

/* What a read() returns: one event. */
struct uffd_msg {
	u8 event;			/* UFFD_EVENT_* */
	u8 reserved1;
	u16 reserved2;
	u32 reserved3;
	union {
		struct {
			u64 flags;	/* UFFD_PAGEFAULT_FLAG_* */
			u64 address;
			union {
				u32 ptid;	/* with UFFD_FEATURE_THREAD_ID */
			} feat;
		} pagefault;
		struct {
			u32 ufd;	/* the child's new uffd, in the reader's table */
		} fork;
		struct {
			u64 from;
			u64 to;
			u64 len;
		} remap;
		struct {
			u64 start;
			u64 end;
		} remove;		/* REMOVE and UNMAP */
		struct {
			u64 reserved1;	/* FORK: the child's ctx until read */
			u64 reserved2;
			u64 reserved3;
		} reserved;
	} arg;
} __packed;

#define UFFD_EVENT_PAGEFAULT	0x12
#define UFFD_EVENT_FORK		0x13
#define UFFD_EVENT_REMAP	0x14
#define UFFD_EVENT_REMOVE	0x15
#define UFFD_EVENT_UNMAP	0x16

#define UFFD_PAGEFAULT_FLAG_WRITE	(1 << 0)	/* the access was a write */
#define UFFD_PAGEFAULT_FLAG_WP		(1 << 1)	/* a write-protect fault */
#define UFFD_PAGEFAULT_FLAG_MINOR	(1 << 2)	/* a minor fault */

struct uffdio_api {
	u64 api;		/* in: UFFD_API */
	u64 features;		/* in: wanted; out: all this kernel has */
	u64 ioctls;		/* out: UFFD_API_IOCTLS */
};

struct uffdio_range {
	u64 start;
	u64 len;
};

struct uffdio_register {
	struct uffdio_range range;
	u64 mode;		/* UFFDIO_REGISTER_MODE_* */
	u64 ioctls;		/* out: the range ioctls that work there */
};

#define UFFDIO_COPY_MODE_DONTWAKE	((u64)1 << 0)
#define UFFDIO_COPY_MODE_WP		((u64)1 << 1)	/* map the copy write-protected */

struct uffdio_copy {
	u64 dst;
	u64 src;
	u64 len;
	u64 mode;
	s64 copy;		/* out: bytes copied, or -errno */
};

#define UFFDIO_ZEROPAGE_MODE_DONTWAKE	((u64)1 << 0)

struct uffdio_zeropage {
	struct uffdio_range range;
	u64 mode;
	s64 zeropage;		/* out: bytes mapped, or -errno */
};

#define UFFDIO_WRITEPROTECT_MODE_WP		((u64)1 << 0)
#define UFFDIO_WRITEPROTECT_MODE_DONTWAKE	((u64)1 << 1)

struct uffdio_writeprotect {
	struct uffdio_range range;
	u64 mode;
};

#define UFFDIO_CONTINUE_MODE_DONTWAKE	((u64)1 << 0)

struct uffdio_continue {
	struct uffdio_range range;
	u64 mode;
	s64 mapped;		/* out: bytes mapped, or -errno */
};

#define UFFDIO			0xAA
#define UFFDIO_API		_IOWR(UFFDIO, _UFFDIO_API, struct uffdio_api)
#define UFFDIO_REGISTER		_IOWR(UFFDIO, _UFFDIO_REGISTER, struct uffdio_register)
#define UFFDIO_UNREGISTER	_IOR(UFFDIO, _UFFDIO_UNREGISTER, struct uffdio_range)
#define UFFDIO_WAKE		_IOR(UFFDIO, _UFFDIO_WAKE, struct uffdio_range)
#define UFFDIO_COPY		_IOWR(UFFDIO, _UFFDIO_COPY, struct uffdio_copy)
#define UFFDIO_ZEROPAGE		_IOWR(UFFDIO, _UFFDIO_ZEROPAGE, struct uffdio_zeropage)
#define UFFDIO_WRITEPROTECT	_IOWR(UFFDIO, _UFFDIO_WRITEPROTECT, struct uffdio_writeprotect)
#define UFFDIO_CONTINUE		_IOWR(UFFDIO, _UFFDIO_CONTINUE, struct uffdio_continue)

/* /dev/userfaultfd's one ioctl: a new uffd, its argument the syscall's flags. */
#define USERFAULTFD_IOC		0xAA
#define USERFAULTFD_IOC_NEW	_IO(USERFAULTFD_IOC, 0x00)

/* userfaultfd(2)'s flags besides O_CLOEXEC and O_NONBLOCK. */
#define UFFD_USER_MODE_ONLY	1	/* faults from kernel mode are not handled */

#endif
