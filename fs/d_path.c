// SPDX-License-Identifier: GPL-2.0
/*
 * Paths from dentries: d_path for /proc and the kernel log, getcwd(2).
 * Linux: fs/d_path.c
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

/*
 * "/dir/name" of a path, built backwards from the end of buf; with
 * " (deleted)" after a name that was unlinked, as /proc/<pid>/maps shows
 * it; or the name its file system makes for a dentry with no path (a
 * pipe). Returns a pointer into buf, or ERR_PTR(-ENAMETOOLONG).
 */
char *d_path(const struct path *path, char *buf, int buflen)
{
	const struct dentry *d = path->dentry;
	char *p = buf + buflen;

	if (d->d_op && d->d_op->d_dname)
		return d->d_op->d_dname(path->dentry, buf, buflen);

#define PREPEND(s, n) do {					\
	if (p - buf < (long)(n))				\
		return ERR_PTR(-ENAMETOOLONG);			\
	p -= (n);						\
	memcpy(p, (s), (n));					\
} while (0)

	PREPEND("", 1);
	if (d_unhashed(d))
		PREPEND(" (deleted)", 10);
	while (1) {
		if (d->d_parent == d) {
			/* A root: of a mounted file system (go on from its
			   mountpoint), of the whole tree, or of a nameless file. */
			const struct mount *mnt = mount_of_root(d);

			if (mnt && mnt->mnt_mountpoint != d) {
				d = mnt->mnt_mountpoint;
				continue;
			}
			if (!mnt && d->d_name.name[0] != '/') {
				PREPEND(d->d_name.name, d->d_name.len);
				PREPEND("/", 1);
			}
			break;
		}
		PREPEND(d->d_name.name, d->d_name.len);
		PREPEND("/", 1);
		d = d->d_parent;
	}
	if (!*p || *p == ' ')
		PREPEND("/", 1);
#undef PREPEND
	return p;
}

/*
 * The working directory's path. An unlinked working directory reads as
 * "(unreachable)/...", which Linux's getcwd reports as ENOENT.
 * Linux: sys_getcwd()
 */
SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	struct path pwd;
	char *cwd;
	long len;

	if (!page)
		return -ENOMEM;
	get_fs_pwd(current->fs, &pwd);
	len = -ENOENT;
	if (d_unhashed(pwd.dentry))
		goto out;
	cwd = d_path(&pwd, page, PATH_MAX);
	len = PTR_ERR(cwd);
	if (IS_ERR(cwd))
		goto out;
	len = (long)strlen(cwd) + 1;
	if ((unsigned long)len > size)
		len = -ERANGE;
	else if (copy_to_user(buf, cwd, (unsigned long)len))
		len = -EFAULT;
out:
	path_put(&pwd);
	kfree(page);
	return len;
}
