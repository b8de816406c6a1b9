// SPDX-License-Identifier: GPL-2.0
/*
 * Opening files and changing their size. Linux: fs/open.c, fs/namei.c
 * (do_filp_open)
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/namei.h>

int do_truncate(struct dentry *dentry, loff_t length)
{
	struct inode *inode = d_inode(dentry);
	struct iattr attr = { .ia_valid = ATTR_SIZE, .ia_size = length };

	if (length < 0)
		return -EINVAL;
	if (!inode->i_op || !inode->i_op->setattr)
		return -EPERM;
	return inode->i_op->setattr(dentry, &attr);
}

int vfs_truncate(const struct path *path, loff_t length)
{
	struct inode *inode = d_inode(path->dentry);

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	return do_truncate(path->dentry, length);
}

/* O_CREAT: make the file unless it exists (then O_EXCL fails). */
static int open_create(const char *filename, int flags, umode_t mode, struct path *path)
{
	struct path parent;
	struct dentry *dentry = kern_path_create(filename, &parent);
	int err;

	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		if (err != -EEXIST || (flags & O_EXCL))
			return err;
		return 1;	/* exists: open it */
	}
	err = vfs_create(d_inode(parent.dentry), dentry, mode);
	if (!err)
		path->dentry = dget(dentry);
	done_path_create(&parent, dentry);
	return err;
}

/*
 * Open filename with open(2)'s flags; returns the file or ERR_PTR.
 * Linux: filp_open() -> do_filp_open()
 */
struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	unsigned int lookup = (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	struct path path;
	struct inode *inode;
	struct file *file;
	int err = 1;

	if (flags & O_DIRECTORY)
		lookup |= LOOKUP_DIRECTORY;
	if (flags & O_CREAT)
		err = open_create(filename, flags, mode, &path);
	if (err < 0)
		return ERR_PTR(err);
	if (err > 0) {
		err = kern_path(filename, lookup, &path);
		if (err)
			return ERR_PTR(err);
	}
	inode = d_inode(path.dentry);
	err = 0;
	if (S_ISLNK(inode->i_mode))
		err = -ELOOP;			/* O_NOFOLLOW on a symlink */
	else if (S_ISDIR(inode->i_mode) && ((flags & O_ACCMODE) != O_RDONLY || (flags & O_CREAT)))
		err = -EISDIR;
	else if ((flags & O_TRUNC) && (flags & O_ACCMODE) != O_RDONLY && S_ISREG(inode->i_mode))
		err = do_truncate(path.dentry, 0);
	if (err) {
		path_put(&path);
		return ERR_PTR(err);
	}
	file = alloc_file(&path, flags, inode->i_fop);
	path_put(&path);
	return file;
}

int filp_close(struct file *file)
{
	fput(file);
	return 0;
}
