// SPDX-License-Identifier: GPL-2.0
/*
 * Path lookup: from a string to a dentry. Linux: fs/namei.c
 *
 *   "/a/b/c"   from the root;  "b/c" from the working directory, or from
 *              the directory dirfd names (the *at system calls)
 *   "."        stays;  ".."  goes to the parent (the root is its own parent)
 *   a symlink  is followed in the middle of a path always, and as the
 *              last component only with LOOKUP_FOLLOW; its target is
 *              walked from the link's directory (or the root, if absolute)
 *
 * Errors, as Linux's: -ENOENT (a component missing, or an empty path),
 * -ENOTDIR (a non-directory in the middle, or before a trailing '/'),
 * -ELOOP (more than MAXSYMLINKS links in one lookup), -ENAMETOOLONG,
 * -EBADF (a bad dirfd), -EACCES (a directory on the way that the task
 * may not search: may_lookup).
 *
 * Linux walks with RCU and a hashed dcache; here it is one directory list
 * per step and no locks (one CPU, no kernel preemption). The operations
 * that change names (vfs_mkdir, vfs_rename, ...) follow the lookups; the
 * system calls built on them are in fs/namei_syscalls.c.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/namei.h>
#include <linux/fs_struct.h>
#include <linux/fdtable.h>
#include <linux/cred.h>
#include <asm/uaccess.h>

struct nameidata {
	struct path path;		/* where the walk is: holds a reference */
	struct path root;
	int total_link_count;
};

static void set_path(struct nameidata *nd, struct dentry *dentry)
{
	dget(dentry);
	dput(nd->path.dentry);
	nd->path.dentry = dentry;
}

static bool is_dir(const struct dentry *dentry)
{
	return S_ISDIR(d_inode(dentry)->i_mode);
}

static int path_walk(struct nameidata *nd, const char *name, bool follow_last);

/*
 * Follow the symlink link from nd->path (its directory): a stored target
 * (tmpfs), one computed now (/proc/self), or a magic link that jumps
 * straight to the object it names (/proc/<pid>/exe). Linux: pick_link()
 */
static int follow_link(struct nameidata *nd, struct dentry *link)
{
	struct inode *inode = d_inode(link);
	struct path jump = { NULL };
	char *buf;
	int err;

	if (++nd->total_link_count > MAXSYMLINKS)
		return -ELOOP;
	if (!inode->i_op || !inode->i_op->get_link)
		return path_walk(nd, inode->i_link, true);
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	err = inode->i_op->get_link(link, buf, PATH_MAX, &jump);
	if (!err && jump.dentry) {
		set_path(nd, jump.dentry);
		path_put(&jump);
	} else if (!err) {
		err = path_walk(nd, buf, true);
	}
	kfree(buf);
	return err;
}

/*
 * The positive child of dir called name, with a reference; NULL if there
 * is none. From the dcache, or from the file system's ->lookup for the
 * names it makes on demand (procfs). A cached dentry its file system no
 * longer vouches for (a /proc/<pid> whose task is gone) is dropped and
 * looked up again. Linux: lookup_fast() and lookup_slow()
 */
struct dentry *lookup_one_qstr(struct dentry *dir, const struct qstr *name)
{
	struct inode *inode = d_inode(dir);
	struct dentry *child = d_lookup(dir, name);
	int err;

	if (child && child->d_op && child->d_op->d_revalidate &&
	    !child->d_op->d_revalidate(child, 0)) {
		d_delete(child);
		dput(child);
		child = NULL;
	}
	if (child || !inode->i_op || !inode->i_op->lookup)
		return child;
	child = d_alloc(dir, name);
	if (!child)
		return ERR_PTR(-ENOMEM);
	err = inode->i_op->lookup(inode, child);
	if (err || !d_inode(child)) {
		dput(child);	/* never cached: it goes now */
		return err ? ERR_PTR(err) : NULL;
	}
	return child;
}

/*
 * From a mountpoint into the root of what is mounted there (dentry's
 * reference passes to the result). Linux: follow_mount()
 */
static struct dentry *follow_mount(struct dentry *dentry)
{
	struct dentry *root;

	while ((root = lookup_mnt(dentry))) {
		dget(root);
		dput(dentry);
		dentry = root;
	}
	return dentry;
}

/*
 * "..": the parent, except at the walk's root, which is its own parent;
 * from the root of a mounted file system, out to its mountpoint first.
 * Linux: follow_dotdot()
 */
static void follow_dotdot(struct nameidata *nd)
{
	struct dentry *d = nd->path.dentry;

	while (d != nd->root.dentry && d->d_parent == d) {
		struct mount *mnt = mount_of_root(d);

		if (!mnt || mnt->mnt_mountpoint == d)
			break;
		d = mnt->mnt_mountpoint;
	}
	if (d != nd->root.dentry)
		d = d->d_parent;
	set_path(nd, d);
}

/* Move nd->path through one component (nd->path is a directory). */
static int step(struct nameidata *nd, const struct qstr *comp, bool follow)
{
	struct dentry *child;
	int err = 0;

	if (comp->len == 1 && comp->name[0] == '.')
		return 0;
	if (comp->len == 2 && comp->name[0] == '.' && comp->name[1] == '.') {
		follow_dotdot(nd);
		return 0;
	}
	child = lookup_one_qstr(nd->path.dentry, comp);
	if (IS_ERR_OR_NULL(child))
		return child ? (int)PTR_ERR(child) : -ENOENT;
	child = follow_mount(child);
	if (follow && S_ISLNK(d_inode(child)->i_mode))
		err = follow_link(nd, child);
	else
		set_path(nd, child);
	dput(child);
	return err;
}

/*
 * Search permission on the directory the walk is in, before each
 * component, the last one too. Linux: may_lookup()
 */
static int may_lookup(struct nameidata *nd)
{
	return inode_permission(d_inode(nd->path.dentry), MAY_EXEC);
}

/*
 * Walk every component but the last; return the last in *last (empty for
 * "/" or a path of only slashes) and whether slashes followed it.
 */
static int walk_parents(struct nameidata *nd, const char *name, struct qstr *last,
			bool *trailing_slash)
{
	if (*name == '/') {
		set_path(nd, nd->root.dentry);
		while (*name == '/')
			name++;
	}
	*trailing_slash = false;
	last->name = name;
	last->len = 0;
	while (*name) {
		const char *end = name;
		struct qstr comp;
		int err = may_lookup(nd);

		if (err)
			return err;
		while (*end && *end != '/')
			end++;
		if (end - name > NAME_MAX)
			return -ENAMETOOLONG;
		comp.name = name;
		comp.len = (unsigned int)(end - name);
		while (*end == '/')
			end++;
		if (!*end) {
			*last = comp;
			*trailing_slash = end > comp.name + comp.len;
			return 0;
		}
		err = step(nd, &comp, true);
		if (err)
			return err;
		if (!is_dir(nd->path.dentry))
			return -ENOTDIR;
		name = end;
	}
	return 0;
}

static int path_walk(struct nameidata *nd, const char *name, bool follow_last)
{
	bool trailing_slash;
	struct qstr last;
	int err = walk_parents(nd, name, &last, &trailing_slash);

	if (err || !last.len)
		return err;
	err = step(nd, &last, follow_last || trailing_slash);
	if (!err && trailing_slash && !is_dir(nd->path.dentry))
		err = -ENOTDIR;
	return err;
}

/*
 * Where a walk starts: the root for an absolute name, else the working
 * directory (dfd == AT_FDCWD) or the directory dfd is open on. An empty
 * name is the start itself, if LOOKUP_EMPTY allows it. Linux: path_init()
 */
static int nd_start(struct nameidata *nd, int dfd, const char *name, unsigned int flags)
{
	struct file *file;

	if (!name[0] && !(flags & LOOKUP_EMPTY))
		return -ENOENT;
	if (strnlen(name, PATH_MAX) >= PATH_MAX)
		return -ENAMETOOLONG;
	nd->root = current->fs->root;
	nd->total_link_count = 0;
	if (name[0] == '/' || dfd == AT_FDCWD) {
		nd->path.dentry = dget(name[0] == '/' ? nd->root.dentry : current->fs->pwd.dentry);
		return 0;
	}
	file = fget_raw((unsigned int)dfd);
	if (!file)
		return -EBADF;
	if (name[0] && !is_dir(file->f_path.dentry)) {
		fput(file);
		return -ENOTDIR;
	}
	nd->path.dentry = dget(file->f_path.dentry);
	fput(file);
	return 0;
}

int filename_lookup(int dfd, const char *name, unsigned int flags, struct path *path)
{
	struct nameidata nd;
	int err = nd_start(&nd, dfd, name, flags);

	if (err)
		return err;
	err = path_walk(&nd, name, flags & LOOKUP_FOLLOW);
	if (!err && (flags & LOOKUP_DIRECTORY) && !is_dir(nd.path.dentry))
		err = -ENOTDIR;
	if (err) {
		dput(nd.path.dentry);
		return err;
	}
	*path = nd.path;
	return 0;
}

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	return filename_lookup(AT_FDCWD, name, flags, path);
}

/*
 * A path name from user space, in a kmalloc'd buffer: -EFAULT for a bad
 * pointer, -ENAMETOOLONG if it does not end within PATH_MAX. Linux: getname()
 */
char *getname(const char __user *filename)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0 || len == PATH_MAX) {
		kfree(name);
		return ERR_PTR(len < 0 ? len : -ENAMETOOLONG);
	}
	return name;
}

void putname(char *name)
{
	kfree(name);
}

int user_path_at(int dfd, const char __user *name, unsigned int flags, struct path *path)
{
	char *kname = getname(name);
	int err;

	if (IS_ERR(kname))
		return (int)PTR_ERR(kname);
	err = filename_lookup(dfd, kname, flags, path);
	putname(kname);
	return err;
}

/* The parent directory of name and its last component. */
static int lookup_parent(int dfd, const char *name, struct path *parent, struct qstr *last,
			 bool *trailing_slash)
{
	struct nameidata nd;
	int err = nd_start(&nd, dfd, name, 0);

	if (err)
		return err;
	err = walk_parents(&nd, name, last, trailing_slash);
	if (err) {
		dput(nd.path.dentry);
		return err;
	}
	*parent = nd.path;
	return 0;
}

static bool is_dot_or_dotdot(const struct qstr *name)
{
	return name->name[0] == '.' &&
	       (name->len == 1 || (name->len == 2 && name->name[1] == '.'));
}

/*
 * For creating name: its parent directory in *parent (a reference) and a
 * new negative dentry for the last component; -EEXIST if it exists. A
 * trailing slash is allowed only when creating a directory
 * (LOOKUP_DIRECTORY). Linux: filename_create()
 */
struct dentry *filename_create(int dfd, const char *name, struct path *parent,
			       unsigned int lookup_flags)
{
	struct dentry *dentry;
	bool trailing_slash;
	struct qstr last;
	int err = lookup_parent(dfd, name, parent, &last, &trailing_slash);

	if (err)
		return ERR_PTR(err);
	err = -EEXIST;
	if (!last.len || is_dot_or_dotdot(&last))
		goto fail;
	dentry = lookup_one_qstr(parent->dentry, &last);
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		goto fail;
	}
	if (dentry) {
		dput(dentry);
		goto fail;
	}
	err = -ENOENT;
	if (trailing_slash && !(lookup_flags & LOOKUP_DIRECTORY))
		goto fail;
	dentry = d_alloc(parent->dentry, &last);
	if (dentry)
		return dentry;
	err = -ENOMEM;
fail:
	path_put(parent);
	return ERR_PTR(err);
}

struct dentry *kern_path_create(const char *name, struct path *parent)
{
	return filename_create(AT_FDCWD, name, parent, LOOKUP_DIRECTORY);
}

void done_path_create(struct path *parent, struct dentry *dentry)
{
	dput(dentry);
	path_put(parent);
}

/*
 * The parent of name and its last component, with the component's kind:
 * LAST_NORM, LAST_DOT ("."), LAST_DOTDOT (".."), LAST_ROOT ("/"). The
 * callers decide what each means for them (rmdir "." is -EINVAL, unlink
 * "." is -EISDIR, ...). Linux: filename_parentat()
 */
int filename_parentat(int dfd, const char *name, struct path *parent, struct qstr *last,
		      int *type, bool *trailing_slash)
{
	int err = lookup_parent(dfd, name, parent, last, trailing_slash);

	if (err)
		return err;
	if (!last->len)
		*type = LAST_ROOT;
	else if (!is_dot_or_dotdot(last))
		*type = LAST_NORM;
	else
		*type = last->len == 1 ? LAST_DOT : LAST_DOTDOT;
	return 0;
}

/* The existing last component of name and its parent (for kernel code). */
struct dentry *kern_path_locked(const char *name, struct path *parent)
{
	struct dentry *dentry;
	bool trailing_slash;
	struct qstr last;
	int type, err = filename_parentat(AT_FDCWD, name, parent, &last, &type, &trailing_slash);

	if (err)
		return ERR_PTR(err);
	dentry = type == LAST_NORM ? lookup_one_qstr(parent->dentry, &last) : NULL;
	if (IS_ERR_OR_NULL(dentry)) {
		path_put(parent);
		return ERR_PTR(type == LAST_NORM ? -ENOENT : -EINVAL);
	}
	return dentry;
}

/*
 * The mode bits a task meets on inode: the owner's if its fsuid owns it,
 * else the group's if it is in the inode's group (in_group_p: fsgid or
 * a supplementary group), else the others'. Only MAY_READ, MAY_WRITE
 * and MAY_EXEC count. 0 or -EACCES. Linux: acl_permission_check()
 * (POSIX ACLs left out: Faultline has no xattrs to keep them in)
 *
 *   i_mode:  ... | r w x | r w x | r w x |
 *                  owner   group   other    (>> 6, >> 3, >> 0)
 */
static int acl_permission_check(const struct inode *inode, int mask)
{
	unsigned int mode = inode->i_mode;

	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (current_fsuid() == inode->i_uid)
		mode >>= 6;
	else if ((mask & (mode ^ (mode >> 3))) && in_group_p(inode->i_gid))
		mode >>= 3;
	return (mask & ~mode) ? -EACCES : 0;
}

/*
 * The mode bits, then the capabilities that override them: on a
 * directory, CAP_DAC_READ_SEARCH for reading and searching and
 * CAP_DAC_OVERRIDE for anything; on a file, CAP_DAC_READ_SEARCH for
 * reading and CAP_DAC_OVERRIDE for reading and writing, and for
 * executing only when some execute bit is set (root cannot run a file
 * no one may run). Linux: generic_permission()
 */
int generic_permission(struct inode *inode, int mask)
{
	int ret = acl_permission_check(inode, mask);

	if (ret != -EACCES)
		return ret;
	if (S_ISDIR(inode->i_mode)) {
		if (!(mask & MAY_WRITE) && capable_wrt_inode_uidgid(inode, CAP_DAC_READ_SEARCH))
			return 0;
		if (capable_wrt_inode_uidgid(inode, CAP_DAC_OVERRIDE))
			return 0;
		return -EACCES;
	}
	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (mask == MAY_READ && capable_wrt_inode_uidgid(inode, CAP_DAC_READ_SEARCH))
		return 0;
	if ((!(mask & MAY_EXEC) || (inode->i_mode & S_IXUGO)) &&
	    capable_wrt_inode_uidgid(inode, CAP_DAC_OVERRIDE))
		return 0;
	return -EACCES;
}

/*
 * May the current task do mask (MAY_*) to inode? 0 or -EACCES. The file
 * system may decide (->permission); else the mode bits and capabilities.
 * Linux: inode_permission() (less read-only and immutable files: there
 * are none here)
 */
int inode_permission(struct inode *inode, int mask)
{
	if (inode->i_op && inode->i_op->permission)
		return inode->i_op->permission(inode, mask);
	return generic_permission(inode, mask);
}

int path_permission(const struct path *path, int mask)
{
	return inode_permission(d_inode(path->dentry), mask);
}

int file_permission(struct file *file, int mask)
{
	return inode_permission(file_inode(file), mask);
}
