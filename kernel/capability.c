// SPDX-License-Identifier: GPL-2.0
/*
 * Asking for a capability, and capget/capset. Linux: kernel/capability.c
 *
 * The rules for what a task may do to its sets live with the other
 * capability rules in security/commoncap.c.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/cred.h>
#include <linux/security.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

/*
 * Does the current task have cap in its effective set? The question
 * every privileged path asks. Linux: capable() -> ns_capable() ->
 * security_capable() (which also sets PF_SUPERPRIV for accounting)
 */
bool capable(int cap)
{
	return cap_capable(current_cred(), cap) == 0;
}

/* Does task t have cap, as others see it? Linux: has_capability() */
bool has_capability(struct task_struct *t, int cap)
{
	return cap_capable(__task_cred(t), cap) == 0;
}

/*
 * Did whoever opened file have cap at the time? For a check made at
 * read time about the opener, not the reader (pagemap's frame numbers).
 * Linux: file_ns_capable()
 */
bool file_ns_capable(const struct file *file, int cap)
{
	return cap_capable(file->f_cred, cap) == 0;
}

/*
 * capable(cap) for an action on inode: Linux also requires the inode's
 * owner and group to be mapped in the caller's user namespace, which
 * with one namespace they always are. Linux: capable_wrt_inode_uidgid()
 */
bool capable_wrt_inode_uidgid(const struct inode *inode, int cap)
{
	return capable(cap);
}

/*
 * How many 32-bit data blocks the header's version means (1 for version
 * 1, 2 for versions 2 and 3); an unknown version is EINVAL with the
 * kernel's preferred version written back, which is how libcap asks.
 * Linux: cap_validate_magic()
 */
static int cap_validate_magic(struct __user_cap_header_struct __user *header,
			      unsigned int *tocopy)
{
	u32 version;

	if (get_user(version, &header->version))
		return -EFAULT;
	switch (version) {
	case _LINUX_CAPABILITY_VERSION_1:
		pr_info_once("warning: `%s' uses 32-bit capabilities (legacy support in use)\n",
			     current->comm);
		*tocopy = _LINUX_CAPABILITY_U32S_1;
		return 0;
	case _LINUX_CAPABILITY_VERSION_2:
		pr_info_once("warning: `%s' uses deprecated v2 capabilities in a way that may be insecure\n",
			     current->comm);
		fallthrough;
	case _LINUX_CAPABILITY_VERSION_3:
		*tocopy = _LINUX_CAPABILITY_U32S_3;
		return 0;
	default:
		if (put_user((u32)_KERNEL_CAPABILITY_VERSION, &header->version))
			return -EFAULT;
		return -EINVAL;
	}
}

/*
 * A process's effective, permitted and inheritable sets (pid 0: our
 * own). A NULL data pointer with a bad version is the version probe:
 * 0. Version 1 sees only capabilities 0-31. Linux: sys_capget()
 */
SYSCALL_DEFINE2(capget, struct __user_cap_header_struct __user *, header,
		struct __user_cap_data_struct __user *, dataptr)
{
	struct __user_cap_data_struct kdata[_KERNEL_CAPABILITY_U32S];
	struct task_struct *target = current;
	const struct cred *cred;
	unsigned int tocopy;
	int ret = cap_validate_magic(header, &tocopy);
	pid_t pid;

	if (!dataptr || ret)
		return (!dataptr && ret == -EINVAL) ? 0 : ret;
	if (get_user(pid, &header->pid))
		return -EFAULT;
	if (pid < 0)
		return -EINVAL;
	if (pid && pid != task_pid_nr(current)) {
		target = find_task_by_vpid(pid);
		if (!target)
			return -ESRCH;
	}
	cred = __task_cred(target);
	for (unsigned int i = 0; i < tocopy; i++) {
		kdata[i].effective = (u32)(cred->cap_effective.val >> (32 * i));
		kdata[i].permitted = (u32)(cred->cap_permitted.val >> (32 * i));
		kdata[i].inheritable = (u32)(cred->cap_inheritable.val >> (32 * i));
	}
	if (copy_to_user(dataptr, kdata, tocopy * sizeof(kdata[0])))
		return -EFAULT;
	return 0;
}

/* A set from its two 32-bit words, bits past CAP_LAST_CAP dropped. */
static kernel_cap_t cap_from_words(u32 low, u32 high)
{
	return (kernel_cap_t){ ((u64)high << 32 | low) & CAP_VALID_MASK };
}

/*
 * Set our own sets (pid 0 or our pid; any other is EPERM), within the
 * rules of cap_capset(). Bits past CAP_LAST_CAP are ignored; version 1
 * clears capabilities 32 and up. Linux: sys_capset()
 */
SYSCALL_DEFINE2(capset, struct __user_cap_header_struct __user *, header,
		const struct __user_cap_data_struct __user *, data)
{
	struct __user_cap_data_struct kdata[_KERNEL_CAPABILITY_U32S];
	kernel_cap_t effective, permitted, inheritable;
	unsigned int tocopy;
	struct cred *new;
	int ret = cap_validate_magic(header, &tocopy);
	pid_t pid;

	if (ret)
		return ret;
	if (get_user(pid, &header->pid))
		return -EFAULT;
	if (pid != 0 && pid != task_pid_nr(current))
		return -EPERM;
	if (copy_from_user(kdata, data, tocopy * sizeof(kdata[0])))
		return -EFAULT;
	if (tocopy == _LINUX_CAPABILITY_U32S_1)
		memset(&kdata[1], 0, sizeof(kdata[1]));
	effective = cap_from_words(kdata[0].effective, kdata[1].effective);
	permitted = cap_from_words(kdata[0].permitted, kdata[1].permitted);
	inheritable = cap_from_words(kdata[0].inheritable, kdata[1].inheritable);
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	ret = cap_capset(new, current_cred(), &effective, &inheritable, &permitted);
	if (ret < 0) {
		abort_creds(new);
		return ret;
	}
	return commit_creds(new);
}
