// SPDX-License-Identifier: GPL-2.0
/*
 * Changing names: mkdir, mknod, symlink, link, unlink, rmdir, rename,
 * the VFS operations and the system calls on them (the *at forms, and
 * the older ones that musl still uses). Linux: fs/namei.c (vfs_mkdir,
 * do_mkdirat, do_unlinkat, do_renameat2, ...)
 *
 * The VFS checks what holds for every file system (permission to change
 * the directory, the sticky bit, the kinds of files, emptiness, loops);
 * the file system (tmpfs, mm/shmem.c) does the rest.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/namei.h>
#include <linux/fs_struct.h>
#include <linux/cred.h>
#include <linux/syscalls.h>

/*
 * May the caller make a name in dir? Write and search permission on it;
 * nothing is made in a removed directory. Linux: may_create()
 */
static int may_create(struct inode *dir)
{
	if (IS_DEADDIR(dir))
		return -ENOENT;
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/*
 * In a sticky directory (S_ISVTX: /tmp) a name may be removed or
 * renamed only by the owner of the file or of the directory, or with
 * CAP_FOWNER. True when the caller may not. Linux: check_sticky()
 */
static bool check_sticky(const struct inode *dir, const struct inode *inode)
{
	uid_t fsuid = current_fsuid();

	if (!(dir->i_mode & S_ISVTX))
		return false;
	if (inode->i_uid == fsuid || dir->i_uid == fsuid)
		return false;
	return !capable_wrt_inode_uidgid(inode, CAP_FOWNER);
}

/*
 * May the caller remove (or rename away) victim from dir, a directory
 * if isdir? Write and search permission on dir, the sticky rule, and
 * the kind of file. Linux: may_delete()
 */
static int may_delete(struct inode *dir, struct dentry *victim, bool isdir)
{
	struct inode *inode = d_inode(victim);
	int err = inode_permission(dir, MAY_WRITE | MAY_EXEC);

	if (err)
		return err;
	if (check_sticky(dir, inode))
		return -EPERM;
	if (isdir && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (!isdir && S_ISDIR(inode->i_mode))
		return -EISDIR;
	return 0;
}

int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = may_create(dir);

	if (err)
		return err;
	if (!dir->i_op || !dir->i_op->create)
		return -EACCES;
	return dir->i_op->create(dir, dentry, mode);
}

int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = may_create(dir);

	if (err)
		return err;
	if (!dir->i_op || !dir->i_op->mkdir)
		return -EPERM;
	return dir->i_op->mkdir(dir, dentry, mode);
}

/* A device node takes CAP_MKNOD; a FIFO or socket does not. Linux: vfs_mknod() */
int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	int err = may_create(dir);

	if (err)
		return err;
	if ((S_ISCHR(mode) || S_ISBLK(mode)) && !capable(CAP_MKNOD))
		return -EPERM;
	if (!dir->i_op || !dir->i_op->mknod)
		return -EPERM;
	return dir->i_op->mknod(dir, dentry, mode, dev);
}

int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *target)
{
	int err = may_create(dir);

	if (err)
		return err;
	if (!dir->i_op || !dir->i_op->symlink)
		return -EPERM;
	return dir->i_op->symlink(dir, dentry, target);
}

int vfs_unlink(struct inode *dir, struct dentry *dentry)
{
	int err = may_delete(dir, dentry, false);

	if (err)
		return err;
	if (d_mountpoint(dentry))
		return -EBUSY;
	if (!dir->i_op || !dir->i_op->unlink)
		return -EPERM;
	return dir->i_op->unlink(dir, dentry);
}

int vfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	int err = may_delete(dir, dentry, true);

	if (err)
		return err;
	if (dentry == dentry->d_sb->s_root || d_mountpoint(dentry))
		return -EBUSY;
	if (!dir->i_op || !dir->i_op->rmdir)
		return -EPERM;
	return dir->i_op->rmdir(dir, dentry);
}

/* Is dentry a or below it? (Moving a directory into itself.) */
static bool is_subdir(const struct dentry *dentry, const struct dentry *a)
{
	for (;;) {
		if (dentry == a)
			return true;
		if (dentry->d_parent == dentry)
			return false;
		dentry = dentry->d_parent;
	}
}

/*
 * May the caller rename old_dentry to new_dentry? Remove the one, make
 * or replace the other; and move a directory to another parent only if
 * it may write the directory itself (its ".." changes). Linux: vfs_rename()
 */
static int may_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
		      struct dentry *new_dentry, unsigned int flags)
{
	struct inode *source = d_inode(old_dentry), *target = d_inode(new_dentry);
	bool is_dir = S_ISDIR(source->i_mode);
	bool new_is_dir = target && S_ISDIR(target->i_mode);
	int err = may_delete(old_dir, old_dentry, is_dir);

	if (err)
		return err;
	if (!target)
		err = may_create(new_dir);
	else
		err = may_delete(new_dir, new_dentry, (flags & RENAME_EXCHANGE) ? new_is_dir : is_dir);
	if (err || new_dir == old_dir)
		return err;
	if (is_dir)
		err = inode_permission(source, MAY_WRITE);
	if (!err && (flags & RENAME_EXCHANGE) && new_is_dir)
		err = inode_permission(target, MAY_WRITE);
	return err;
}

/*
 * Rename old_dentry to new_dentry, which may exist (it is then replaced,
 * if the kinds agree) or be negative. Linux: vfs_rename()
 */
int vfs_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
	       struct dentry *new_dentry, unsigned int flags)
{
	struct inode *source = d_inode(old_dentry), *target = d_inode(new_dentry);
	bool is_dir = S_ISDIR(source->i_mode);
	int err;

	if (source == target)
		return 0;
	if (old_dir->i_sb != new_dir->i_sb)
		return -EXDEV;
	if (d_mountpoint(old_dentry) || d_mountpoint(new_dentry))
		return -EBUSY;
	if (target && (flags & RENAME_NOREPLACE))
		return -EEXIST;
	err = may_rename(old_dir, old_dentry, new_dir, new_dentry, flags);
	if (err)
		return err;
	if (target && !(flags & RENAME_EXCHANGE) && is_dir && !simple_empty(new_dentry))
		return -ENOTEMPTY;
	if ((flags & RENAME_EXCHANGE) && !target)
		return -ENOENT;
	if (is_dir && is_subdir(new_dentry->d_parent, old_dentry))
		return -EINVAL;
	if (target && S_ISDIR(target->i_mode) && is_subdir(old_dentry->d_parent, new_dentry))
		return -ENOTEMPTY;
	if (!old_dir->i_op->rename)
		return -EPERM;
	return old_dir->i_op->rename(old_dir, old_dentry, new_dir, new_dentry, flags);
}

static long do_mknodat(int dfd, const char __user *filename, umode_t mode, unsigned int dev)
{
	struct path parent;
	struct dentry *dentry;
	char *name;
	long err;

	switch (mode & S_IFMT) {
	case 0:
	case S_IFREG:
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		break;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	dentry = filename_create(dfd, name, &parent, 0);
	putname(name);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	mode = mode_strip_sgid(d_inode(parent.dentry), mode) & ~current->fs->umask;
	if (!(mode & S_IFMT) || S_ISREG(mode))
		err = vfs_create(d_inode(parent.dentry), dentry, (mode & S_IALLUGO));
	else
		err = vfs_mknod(d_inode(parent.dentry), dentry, mode, dev);
	done_path_create(&parent, dentry);
	return err;
}

SYSCALL_DEFINE4(mknodat, int, dfd, const char __user *, filename, umode_t, mode,
		unsigned int, dev)
{
	return do_mknodat(dfd, filename, mode, dev);
}

SYSCALL_DEFINE3(mknod, const char __user *, filename, umode_t, mode, unsigned int, dev)
{
	return do_mknodat(AT_FDCWD, filename, mode, dev);
}

static long do_mkdirat(int dfd, const char __user *pathname, umode_t mode)
{
	struct path parent;
	struct dentry *dentry;
	char *name = getname(pathname);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	dentry = filename_create(dfd, name, &parent, LOOKUP_DIRECTORY);
	putname(name);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	err = vfs_mkdir(d_inode(parent.dentry), dentry, mode & ~current->fs->umask & (S_IRWXUGO | S_ISVTX));
	done_path_create(&parent, dentry);
	return err;
}

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(dfd, pathname, mode);
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(AT_FDCWD, pathname, mode);
}

static long do_symlinkat(const char __user *oldname, int newdfd, const char __user *newname)
{
	struct path parent;
	struct dentry *dentry;
	char *target, *name;
	long err;

	target = getname(oldname);
	if (IS_ERR(target))
		return PTR_ERR(target);
	err = -ENOENT;
	if (!target[0])
		goto out_target;
	name = getname(newname);
	err = PTR_ERR(name);
	if (IS_ERR(name))
		goto out_target;
	dentry = filename_create(newdfd, name, &parent, 0);
	putname(name);
	err = PTR_ERR(dentry);
	if (IS_ERR(dentry))
		goto out_target;
	err = vfs_symlink(d_inode(parent.dentry), dentry, target);
	done_path_create(&parent, dentry);
out_target:
	putname(target);
	return err;
}

SYSCALL_DEFINE3(symlinkat, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_symlinkat(oldname, newdfd, newname);
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname, const char __user *, newname)
{
	return do_symlinkat(oldname, AT_FDCWD, newname);
}

/* A second name for a file (not a directory). Linux: do_linkat() */
static long do_linkat(int olddfd, const char __user *oldname, int newdfd,
		      const char __user *newname, int flags)
{
	struct path old_path, parent;
	struct dentry *dentry;
	struct inode *dir;
	char *name;
	long err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(olddfd, oldname, (flags & AT_SYMLINK_FOLLOW ? LOOKUP_FOLLOW : 0) |
			   (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &old_path);
	if (err)
		return err;
	name = getname(newname);
	err = PTR_ERR(name);
	if (IS_ERR(name))
		goto out;
	dentry = filename_create(newdfd, name, &parent, 0);
	putname(name);
	err = PTR_ERR(dentry);
	if (IS_ERR(dentry))
		goto out;
	dir = d_inode(parent.dentry);
	err = may_create(dir);
	if (err)
		goto out_create;
	if (S_ISDIR(d_inode(old_path.dentry)->i_mode))
		err = -EPERM;
	else if (old_path.dentry->d_sb != parent.dentry->d_sb)
		err = -EXDEV;
	else if (!dir->i_op->link)
		err = -EPERM;
	else
		err = dir->i_op->link(old_path.dentry, dir, dentry);
out_create:
	done_path_create(&parent, dentry);
out:
	path_put(&old_path);
	return err;
}

SYSCALL_DEFINE5(linkat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, int, flags)
{
	return do_linkat(olddfd, oldname, newdfd, newname, flags);
}

SYSCALL_DEFINE2(link, const char __user *, oldname, const char __user *, newname)
{
	return do_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

/* rmdir and unlink: find the victim; the kinds of last component error out. */
static long do_remove(int dfd, const char __user *pathname, bool rmdir)
{
	struct path parent;
	struct dentry *dentry;
	bool trailing_slash;
	struct qstr last;
	int type;
	char *name = getname(pathname);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = filename_parentat(dfd, name, &parent, &last, &type, &trailing_slash);
	if (err)
		goto out_name;
	if (type != LAST_NORM) {
		err = !rmdir ? -EISDIR : type == LAST_DOT ? -EINVAL :
		      type == LAST_DOTDOT ? -ENOTEMPTY : -EBUSY;
		goto out;
	}
	dentry = lookup_one_qstr(parent.dentry, &last);	/* last points into name */
	err = dentry ? PTR_ERR_OR_ZERO(dentry) : -ENOENT;
	if (err)
		goto out;
	if (rmdir)
		err = vfs_rmdir(d_inode(parent.dentry), dentry);
	else if (trailing_slash)
		err = S_ISDIR(d_inode(dentry)->i_mode) ? -EISDIR : -ENOTDIR;
	else
		err = vfs_unlink(d_inode(parent.dentry), dentry);
	dput(dentry);
out:
	path_put(&parent);
out_name:
	putname(name);
	return err;
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	return do_remove(dfd, pathname, flag & AT_REMOVEDIR);
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return do_remove(AT_FDCWD, pathname, false);
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return do_remove(AT_FDCWD, pathname, true);
}

/* One side of a rename: its parent and its dentry (negative if absent). */
struct rename_side {
	struct path parent;
	struct dentry *dentry;
	bool trailing_slash;
};

static long rename_lookup(int dfd, const char __user *pathname, struct rename_side *side,
			  bool must_exist)
{
	struct qstr last;
	int type;
	char *name = getname(pathname);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = filename_parentat(dfd, name, &side->parent, &last, &type, &side->trailing_slash);
	if (err)
		goto out_name;
	err = -EBUSY;
	if (type != LAST_NORM)
		goto fail;
	side->dentry = lookup_one_qstr(side->parent.dentry, &last);	/* last points into name */
	err = PTR_ERR_OR_ZERO(side->dentry);
	if (err)
		goto fail;
	if (side->dentry)
		goto out_name;
	err = -ENOENT;
	if (must_exist)
		goto fail;
	side->dentry = d_alloc(side->parent.dentry, &last);
	err = 0;
	if (side->dentry)
		goto out_name;
	err = -ENOMEM;
fail:
	path_put(&side->parent);
out_name:
	putname(name);
	return err;
}

static void rename_release(struct rename_side *side)
{
	dput(side->dentry);
	path_put(&side->parent);
}

/* Linux: do_renameat2() */
static long do_renameat2(int olddfd, const char __user *oldname, int newdfd,
			 const char __user *newname, unsigned int flags)
{
	struct rename_side from, to;
	long err;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE))
		return -EINVAL;
	if ((flags & RENAME_NOREPLACE) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	err = rename_lookup(olddfd, oldname, &from, true);
	if (err)
		return err;
	err = rename_lookup(newdfd, newname, &to, flags & RENAME_EXCHANGE);
	if (err)
		goto out_from;
	err = -ENOTDIR;
	if ((from.trailing_slash || to.trailing_slash) &&
	    !S_ISDIR(d_inode(from.dentry)->i_mode))
		goto out;
	err = vfs_rename(d_inode(from.parent.dentry), from.dentry, d_inode(to.parent.dentry),
			 to.dentry, flags);
out:
	rename_release(&to);
out_from:
	rename_release(&from);
	return err;
}

SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, unsigned int, flags)
{
	return do_renameat2(olddfd, oldname, newdfd, newname, flags);
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_renameat2(olddfd, oldname, newdfd, newname, 0);
}

SYSCALL_DEFINE2(rename, const char __user *, oldname, const char __user *, newname)
{
	return do_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}
