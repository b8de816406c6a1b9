/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H

#include <linux/types.h>

/*
 * POSIX capabilities: root's power cut into 41 pieces, each a bit in a
 * task's credentials (include/linux/cred.h). capable(CAP_X) is the one
 * question the kernel asks before it lets a task past a check that the
 * uids alone would fail. Linux: include/linux/capability.h,
 * include/uapi/linux/capability.h
 *
 * A task has five sets (a cred's cap_* fields):
 *
 *   effective    what capable() looks at now
 *   permitted    what effective may be raised to (capset)
 *   inheritable  what may survive an exec into the new permitted set
 *   bounding     the most an exec can ever give (PR_CAPBSET_DROP)
 *   ambient      kept across the exec of an ordinary program
 *
 * Faultline differs: a set is one u64, as Linux keeps it since 6.3;
 * 6.1 keeps two u32 words (cap[2]), which only the capget/capset ABI
 * still shows.
 */
#define CAP_CHOWN		0	/* chown files of others, to any group */
#define CAP_DAC_OVERRIDE	1	/* past read/write/execute permission bits */
#define CAP_DAC_READ_SEARCH	2	/* past read bits, and search on directories */
#define CAP_FOWNER		3	/* act as a file's owner (chmod, sticky dirs) */
#define CAP_FSETID		4	/* keep set-id bits that a change would clear */
#define CAP_KILL		5	/* signal any process */
#define CAP_SETGID		6	/* any gid, any supplementary groups */
#define CAP_SETUID		7	/* any uid */
#define CAP_SETPCAP		8	/* drop from the bounding set, raise inheritable */
#define CAP_LINUX_IMMUTABLE	9
#define CAP_NET_BIND_SERVICE	10
#define CAP_NET_BROADCAST	11
#define CAP_NET_ADMIN		12
#define CAP_NET_RAW		13
#define CAP_IPC_LOCK		14	/* mlock past RLIMIT_MEMLOCK */
#define CAP_IPC_OWNER		15
#define CAP_SYS_MODULE		16
#define CAP_SYS_RAWIO		17
#define CAP_SYS_CHROOT		18
#define CAP_SYS_PTRACE		19	/* inspect any process (/proc/<pid>/mem) */
#define CAP_SYS_PACCT		20
#define CAP_SYS_ADMIN		21	/* page frame numbers in pagemap, and much more */
#define CAP_SYS_BOOT		22
#define CAP_SYS_NICE		23
#define CAP_SYS_RESOURCE	24	/* raise hard resource limits */
#define CAP_SYS_TIME		25
#define CAP_SYS_TTY_CONFIG	26
#define CAP_MKNOD		27	/* make device nodes */
#define CAP_LEASE		28
#define CAP_AUDIT_WRITE		29
#define CAP_AUDIT_CONTROL	30
#define CAP_SETFCAP		31
#define CAP_MAC_OVERRIDE	32
#define CAP_MAC_ADMIN		33
#define CAP_SYSLOG		34
#define CAP_WAKE_ALARM		35
#define CAP_BLOCK_SUSPEND	36
#define CAP_AUDIT_READ		37
#define CAP_PERFMON		38
#define CAP_BPF			39
#define CAP_CHECKPOINT_RESTORE	40
#define CAP_LAST_CAP		CAP_CHECKPOINT_RESTORE

#define cap_valid(x)		((unsigned long)(x) <= CAP_LAST_CAP)

typedef struct {
	u64 val;
} kernel_cap_t;

#define CAP_VALID_MASK		((1ULL << (CAP_LAST_CAP + 1)) - 1)
#define CAP_EMPTY_SET		((kernel_cap_t){ 0 })
#define CAP_FULL_SET		((kernel_cap_t){ CAP_VALID_MASK })
#define CAP_TO_MASK(x)		(1ULL << (x))

/*
 * The capabilities that follow the fsuid: dropped from the effective
 * set when the fsuid leaves 0, raised again (as far as permitted) when
 * it comes back. CAP_FS_MASK is what fsuid 0 meant for file access;
 * CAP_LINUX_IMMUTABLE goes with it for history's sake.
 * Linux: CAP_FS_MASK_B0, CAP_FS_MASK_B1, CAP_FS_SET
 */
#define CAP_FS_MASK	(CAP_TO_MASK(CAP_CHOWN) | CAP_TO_MASK(CAP_MKNOD) |		\
			 CAP_TO_MASK(CAP_DAC_OVERRIDE) | CAP_TO_MASK(CAP_DAC_READ_SEARCH) | \
			 CAP_TO_MASK(CAP_FOWNER) | CAP_TO_MASK(CAP_FSETID) |		\
			 CAP_TO_MASK(CAP_MAC_OVERRIDE))
#define CAP_FS_SET	(CAP_FS_MASK | CAP_TO_MASK(CAP_LINUX_IMMUTABLE))

#define cap_raise(c, flag)	((c).val |= CAP_TO_MASK(flag))
#define cap_lower(c, flag)	((c).val &= ~CAP_TO_MASK(flag))
#define cap_raised(c, flag)	(((c).val & CAP_TO_MASK(flag)) != 0)

static inline kernel_cap_t cap_combine(kernel_cap_t a, kernel_cap_t b)
{
	return (kernel_cap_t){ a.val | b.val };
}

static inline kernel_cap_t cap_intersect(kernel_cap_t a, kernel_cap_t b)
{
	return (kernel_cap_t){ a.val & b.val };
}

static inline kernel_cap_t cap_drop_fs_set(kernel_cap_t a)
{
	return (kernel_cap_t){ a.val & ~CAP_FS_SET };
}

/* a's fs capabilities, raised as far as permitted allows. */
static inline kernel_cap_t cap_raise_fs_set(kernel_cap_t a, kernel_cap_t permitted)
{
	return (kernel_cap_t){ a.val | (permitted.val & CAP_FS_SET) };
}

static inline bool cap_isclear(kernel_cap_t a)
{
	return a.val == 0;
}

/* Is every capability of a also in set? */
static inline bool cap_issubset(kernel_cap_t a, kernel_cap_t set)
{
	return !(a.val & ~set.val);
}

static inline void cap_clear(kernel_cap_t *c)
{
	c->val = 0;
}

/*
 * capget/capset's user ABI: a header with a version and a pid, then one
 * data block per 32 capabilities (one for version 1, two for 2 and 3).
 * Linux: include/uapi/linux/capability.h
 */
#define _LINUX_CAPABILITY_VERSION_1	0x19980330
#define _LINUX_CAPABILITY_U32S_1	1
#define _LINUX_CAPABILITY_VERSION_2	0x20071026	/* deprecated: use 3 */
#define _LINUX_CAPABILITY_VERSION_3	0x20080522
#define _LINUX_CAPABILITY_U32S_3	2
#define _KERNEL_CAPABILITY_VERSION	_LINUX_CAPABILITY_VERSION_3
#define _KERNEL_CAPABILITY_U32S		_LINUX_CAPABILITY_U32S_3

struct __user_cap_header_struct {
	u32 version;
	int pid;
};

struct __user_cap_data_struct {
	u32 effective;
	u32 permitted;
	u32 inheritable;
};

struct file;
struct inode;
struct task_struct;
struct cred;

/*
 * kernel/capability.c. Faultline has one user namespace, so Linux's
 * ns_capable(ns, cap) and ns_capable_setid(ns, cap) are capable(cap)
 * here, and the functions below drop Linux's namespace argument.
 */
bool capable(int cap);
bool has_capability(struct task_struct *t, int cap);
bool file_ns_capable(const struct file *file, int cap);
bool capable_wrt_inode_uidgid(const struct inode *inode, int cap);

#endif
