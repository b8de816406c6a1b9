// SPDX-License-Identifier: GPL-2.0
/*
 * Opening and closing files, and the calls that change a file's
 * attributes: access, chdir, chmod, chown, truncate. Linux: fs/open.c,
 * fs/namei.c (do_filp_open)
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/namei.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/falloc.h>
#include <linux/cred.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define R_OK	4
#define W_OK	2
#define X_OK	1

/*
 * Set the size; a truncate by a task without CAP_FSETID clears set-ID
 * bits as a write does. The caller has checked write permission (or
 * holds the file open for writing). Linux: do_truncate()
 */
int do_truncate(struct dentry *dentry, loff_t length)
{
	struct iattr attr = { .ia_valid = ATTR_SIZE | ATTR_MTIME | ATTR_CTIME, .ia_size = length };
	int kill;

	if (length < 0)
		return -EINVAL;
	kill = setattr_should_drop_suidgid(d_inode(dentry));
	if (kill)
		attr.ia_valid |= kill | ATTR_FORCE;
	attr.ia_mtime = current_time();
	return notify_change(dentry, &attr);
}

/* truncate(2): a regular file the caller may write. Linux: vfs_truncate() */
int vfs_truncate(const struct path *path, loff_t length)
{
	struct inode *inode = d_inode(path->dentry);
	int err;

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	err = inode_permission(inode, MAY_WRITE);
	if (err)
		return err;
	return do_truncate(path->dentry, length);
}

/*
 * O_CREAT: make the file unless it exists (then O_EXCL fails). 1: it
 * exists. Its mode loses S_ISGID as mode_strip_sgid says, then the
 * umask's bits. Linux: lookup_open(), vfs_prepare_mode()
 */
static int open_create(int dfd, const char *filename, int flags, umode_t mode,
		       struct path *path)
{
	struct path parent;
	struct dentry *dentry = filename_create(dfd, filename, &parent, 0);
	int err;

	if (IS_ERR(dentry)) {
		err = (int)PTR_ERR(dentry);
		if (err == -ENOENT && filename[0] && filename[strlen(filename) - 1] == '/')
			return -EISDIR;	/* O_CREAT of "name/" */
		if (err != -EEXIST || (flags & O_EXCL))
			return err;
		return 1;
	}
	mode = mode_strip_sgid(d_inode(parent.dentry), mode);
	err = vfs_create(d_inode(parent.dentry), dentry, mode & ~current->fs->umask & S_IALLUGO);
	if (!err)
		path->dentry = dget(dentry);
	done_path_create(&parent, dentry);
	return err;
}

/*
 * What open(2)'s flags ask of the file, as MAY_* bits: reading and/or
 * writing by O_ACCMODE (3, which Linux takes for both), writing for
 * O_TRUNC; exec's open asks to execute only. Linux: build_open_flags()
 */
static int open_acc_mode(int flags)
{
	int acc_mode;

	if (flags & __FMODE_EXEC)
		return MAY_EXEC;
	acc_mode = "\004\002\006\006"[flags & O_ACCMODE];
	if (flags & O_TRUNC)
		acc_mode |= MAY_WRITE;
	if (flags & O_APPEND)
		acc_mode |= MAY_APPEND;
	return acc_mode;
}

/*
 * What open(2)'s flags may not do to this inode, and the permission to
 * do the rest (none needed for a file the open itself created). O_TRUNC
 * truncates even a file opened O_RDONLY, as Linux does. Linux: may_open()
 */
static int may_open(struct dentry *dentry, int flags, bool created)
{
	struct inode *inode = d_inode(dentry);
	int acc_mode = created ? 0 : open_acc_mode(flags);
	int err;

	if (flags & O_PATH)
		return 0;
	if (S_ISLNK(inode->i_mode))
		return -ELOOP;		/* O_NOFOLLOW on a symlink */
	if (S_ISDIR(inode->i_mode) && ((acc_mode & MAY_WRITE) || (flags & O_CREAT)))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode) && (acc_mode & MAY_EXEC))
		return -EACCES;
	err = inode_permission(inode, MAY_OPEN | acc_mode);
	if (err)
		return err;
	if ((flags & O_NOATIME) && !inode_owner_or_capable(inode))
		return -EPERM;
	if (S_ISSOCK(inode->i_mode))
		return -ENXIO;
	if ((acc_mode & MAY_WRITE) && inode->i_writecount < 0)
		return -ETXTBSY;	/* a program being run */
	if ((flags & O_TRUNC) && !created && S_ISREG(inode->i_mode))
		return do_truncate(dentry, 0);
	return 0;
}

/* Call the file's open method (a device's picks its driver). Linux: do_dentry_open() */
int vfs_open(struct file *file)
{
	if (file->f_op && file->f_op->open)
		return file->f_op->open(file_inode(file), file);
	return 0;
}

/*
 * Open filename (relative to dfd) with open(2)'s flags; returns the file
 * or ERR_PTR. Linux: do_filp_open()
 */
struct file *do_filp_open(int dfd, const char *filename, int flags, umode_t mode)
{
	unsigned int lookup = (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	struct path path;
	struct file *file;
	bool created;
	int err = 1;

	if (flags & O_DIRECTORY)
		lookup |= LOOKUP_DIRECTORY;
	if (flags & O_CREAT)
		err = open_create(dfd, filename, flags, mode, &path);
	if (err < 0)
		return ERR_PTR(err);
	created = !err;
	if (!created) {
		err = filename_lookup(dfd, filename, lookup, &path);
		if (err)
			return ERR_PTR(err);
	}
	err = may_open(path.dentry, flags, created);
	if (err) {
		path_put(&path);
		return ERR_PTR(err);
	}
	if (flags & O_PATH) {
		file = alloc_file(&path, O_RDONLY, NULL);
		path_put(&path);
		if (!IS_ERR(file)) {
			file->f_mode = FMODE_PATH;
			file->f_flags = flags & (O_DIRECTORY | O_NOFOLLOW | O_PATH);
		}
		return file;
	}
	/* What F_GETFL shows: not the flags that only acted at open or on the fd. */
	file = alloc_file(&path, flags & ~(O_CREAT | O_NOCTTY | O_TRUNC | O_CLOEXEC |
					   __FMODE_EXEC),
			  d_inode(path.dentry)->i_fop);
	path_put(&path);
	if (IS_ERR(file))
		return file;
	if (flags & __FMODE_EXEC)
		file->f_mode |= FMODE_EXEC;
	err = vfs_open(file);
	if (err) {
		file->f_op = NULL;	/* the open failed: no release */
		fput(file);
		return ERR_PTR(err);
	}
	file->f_flags &= ~O_EXCL;	/* seen by the open (a block device's claim), then gone */
	return file;
}

struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	return do_filp_open(AT_FDCWD, filename, flags, mode);
}

int filp_close(struct file *file)
{
	fput(file);
	return 0;
}

/* Linux: do_sys_open() */
static long do_sys_open(int dfd, const char __user *filename, int flags, umode_t mode)
{
	struct file *f;
	char *name;
	int fd;

	flags &= ~__FMODE_EXEC;		/* exec's own: not an open(2) flag */
	if (flags & O_PATH)
		flags &= O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC;
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	fd = get_unused_fd_flags((unsigned int)flags);
	if (fd >= 0) {
		f = do_filp_open(dfd, name, flags, mode);
		if (IS_ERR(f)) {
			put_unused_fd((unsigned int)fd);
			fd = (int)PTR_ERR(f);
		} else {
			fd_install((unsigned int)fd, f);
		}
	}
	putname(name);
	return fd;
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, filename, flags | O_LARGEFILE, mode);
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(dfd, filename, flags | O_LARGEFILE, mode);
}

SYSCALL_DEFINE2(creat, const char __user *, pathname, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC | O_LARGEFILE, mode);
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	int retval = close_fd(fd);

	/* A close interrupted by a signal still closed: never restart it. */
	if (retval == -ERESTARTSYS || retval == -ERESTARTNOINTR ||
	    retval == -ERESTARTNOHAND || retval == -ERESTART_RESTARTBLOCK)
		retval = -EINTR;
	return retval;
}

/*
 * access(2) asks as the real uid and gid: credentials with the fs ids
 * set to the real ones, and with the capabilities root's real uid would
 * have (all permitted ones for uid 0, none for others). Linux:
 * access_override_creds()
 */
static const struct cred *access_override_creds(void)
{
	struct cred *override_cred = prepare_creds();
	const struct cred *old_cred;

	if (!override_cred)
		return NULL;
	override_cred->fsuid = override_cred->uid;
	override_cred->fsgid = override_cred->gid;
	if (!issecure(SECURE_NO_SETUID_FIXUP)) {
		if (override_cred->uid != GLOBAL_ROOT_UID)
			cap_clear(&override_cred->cap_effective);
		else
			override_cred->cap_effective = override_cred->cap_permitted;
	}
	old_cred = override_creds(override_cred);
	put_cred(override_cred);	/* override_creds took its own */
	return old_cred;
}

/*
 * May the caller read, write or execute (R_OK, W_OK, X_OK; F_OK: 0,
 * does it exist) the file? As the real ids, the path walk too, unless
 * AT_EACCESS asks as the effective ones. Linux: do_faccessat()
 */
static long do_faccessat(int dfd, const char __user *filename, int mode, int flags)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	const struct cred *old_cred = NULL;
	struct path path;
	long res;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags &= ~LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	if (!(flags & AT_EACCESS)) {
		old_cred = access_override_creds();
		if (!old_cred)
			return -ENOMEM;
	}
	res = user_path_at(dfd, filename, lookup_flags, &path);
	if (!res) {
		res = inode_permission(d_inode(path.dentry), mode | MAY_ACCESS);
		path_put(&path);
	}
	if (old_cred)
		revert_creds(old_cred);
	return res;
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return do_faccessat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename, int, mode, int, flags)
{
	return do_faccessat(dfd, filename, mode, flags);
}

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return do_faccessat(AT_FDCWD, filename, mode, 0);
}

/* A directory we may search becomes the working directory. Linux: sys_chdir() */
SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	struct path path;
	long error = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (error)
		return error;
	error = path_permission(&path, MAY_EXEC | MAY_CHDIR);
	if (!error)
		set_fs_pwd(current->fs, &path);
	path_put(&path);
	return error;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *file = fget_raw(fd);
	long error = -EBADF;

	if (!file)
		return error;
	error = -ENOTDIR;
	if (S_ISDIR(file_inode(file)->i_mode)) {
		error = file_permission(file, MAY_EXEC | MAY_CHDIR);
		if (!error)
			set_fs_pwd(current->fs, &file->f_path);
	}
	fput(file);
	return error;
}

/* The owner (or CAP_FOWNER) may; notify_change checks. Linux: chmod_common() */
static long chmod_common(const struct path *path, umode_t mode)
{
	struct inode *inode = d_inode(path->dentry);
	struct iattr newattrs = {
		.ia_valid = ATTR_MODE | ATTR_CTIME,
		.ia_mode = (mode & S_IALLUGO) | (inode->i_mode & ~S_IALLUGO),
	};

	return notify_change(path->dentry, &newattrs);
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
	struct file *file = fget(fd);
	long err;

	if (!file)
		return -EBADF;
	err = chmod_common(&file->f_path, mode);
	fput(file);
	return err;
}

static long do_fchmodat(int dfd, const char __user *filename, umode_t mode)
{
	struct path path;
	long error = user_path_at(dfd, filename, LOOKUP_FOLLOW, &path);

	if (error)
		return error;
	error = chmod_common(&path, mode);
	path_put(&path);
	return error;
}

SYSCALL_DEFINE3(fchmodat, int, dfd, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(dfd, filename, mode);
}

SYSCALL_DEFINE2(chmod, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(AT_FDCWD, filename, mode);
}

/*
 * uid or gid -1 leaves it as it is; notify_change checks who may
 * (CAP_CHOWN, or the owner to a group of its own). A non-directory
 * changing hands loses set-user-ID (even by root), and set-group-ID
 * when it is group-executable or the caller could not set it.
 * Linux: chown_common()
 */
static long chown_common(const struct path *path, uid_t user, gid_t group)
{
	struct iattr newattrs = { .ia_valid = ATTR_CTIME };
	struct inode *inode = d_inode(path->dentry);

	if (user != (uid_t)-1) {
		newattrs.ia_valid |= ATTR_UID;
		newattrs.ia_uid = user;
	}
	if (group != (gid_t)-1) {
		newattrs.ia_valid |= ATTR_GID;
		newattrs.ia_gid = group;
	}
	if (!S_ISDIR(inode->i_mode))
		newattrs.ia_valid |= ATTR_KILL_SUID | setattr_should_drop_sgid(inode);
	return notify_change(path->dentry, &newattrs);
}

static long do_fchownat(int dfd, const char __user *filename, uid_t user, gid_t group,
			int flag)
{
	unsigned int lookup_flags = (flag & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	struct path path;
	long error;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flag & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	error = user_path_at(dfd, filename, lookup_flags, &path);
	if (error)
		return error;
	error = chown_common(&path, user, group);
	path_put(&path);
	return error;
}

SYSCALL_DEFINE5(fchownat, int, dfd, const char __user *, filename, uid_t, user,
		gid_t, group, int, flag)
{
	return do_fchownat(dfd, filename, user, group, flag);
}

SYSCALL_DEFINE3(chown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, 0);
}

SYSCALL_DEFINE3(lchown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE3(fchown, unsigned int, fd, uid_t, user, gid_t, group)
{
	struct file *file = fget(fd);
	long error;

	if (!file)
		return -EBADF;
	error = chown_common(&file->f_path, user, group);
	fput(file);
	return error;
}

SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
	struct path p;
	long error;

	if (length < 0)
		return -EINVAL;
	error = user_path_at(AT_FDCWD, path, LOOKUP_FOLLOW, &p);
	if (error)
		return error;
	error = vfs_truncate(&p, length);
	path_put(&p);
	return error;
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, unsigned long, length)
{
	struct file *file;
	long error;

	if ((long)length < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	error = -EINVAL;
	if ((file->f_mode & FMODE_WRITE) && S_ISREG(file_inode(file)->i_mode))
		error = do_truncate(file->f_path.dentry, (loff_t)length);
	fput(file);
	return error;
}

/* The mode bits vfs_fallocate() refuses in any file system. */
static int fallocate_mode_check(int mode)
{
	if (mode & ~FALLOC_FL_SUPPORTED_MASK)
		return -EOPNOTSUPP;
	if ((mode & (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE)) ==
	    (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE))
		return -EOPNOTSUPP;
	if ((mode & FALLOC_FL_PUNCH_HOLE) && !(mode & FALLOC_FL_KEEP_SIZE))
		return -EOPNOTSUPP;	/* a hole never changes the size */
	if ((mode & FALLOC_FL_COLLAPSE_RANGE) && (mode & ~FALLOC_FL_COLLAPSE_RANGE))
		return -EINVAL;
	if ((mode & FALLOC_FL_INSERT_RANGE) && (mode & ~FALLOC_FL_INSERT_RANGE))
		return -EINVAL;
	if ((mode & FALLOC_FL_UNSHARE_RANGE) &&
	    (mode & ~(FALLOC_FL_UNSHARE_RANGE | FALLOC_FL_KEEP_SIZE)))
		return -EINVAL;
	return 0;
}

/*
 * fallocate(2) and MADV_REMOVE: the checks every file system shares, in
 * Linux's order, then the file system's ->fallocate (-EOPNOTSUPP without
 * one). The size limit is MAX_LFS_FILESIZE, tmpfs's s_maxbytes (the
 * only file system here with ->fallocate). Left out from Linux:
 * append-only and immutable inodes and swap files (Faultline has none),
 * security hooks, fsnotify. Linux: fs/open.c vfs_fallocate()
 */
int vfs_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file_inode(file);
	int error;

	if (offset < 0 || len <= 0)
		return -EINVAL;
	error = fallocate_mode_check(mode);
	if (error)
		return error;
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (S_ISFIFO(inode->i_mode))
		return -ESPIPE;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode) && !S_ISBLK(inode->i_mode))
		return -ENODEV;
	if ((u64)offset + (u64)len > (u64)MAX_LFS_FILESIZE)
		return -EFBIG;
	if (!file->f_op->fallocate)
		return -EOPNOTSUPP;
	return (int)file->f_op->fallocate(file, mode, offset, len);
}

SYSCALL_DEFINE4(fallocate, int, fd, int, mode, loff_t, offset, loff_t, len)
{
	struct file *file = fget((unsigned int)fd);
	int error;

	if (!file)
		return -EBADF;
	error = vfs_fallocate(file, mode, offset, len);
	fput(file);
	return error;
}

SYSCALL_DEFINE1(umask, int, mask)
{
	int old = current->fs->umask;

	current->fs->umask = mask & S_IRWXUGO;
	return old;
}
