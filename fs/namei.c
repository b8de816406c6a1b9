// SPDX-License-Identifier: GPL-2.0
/*
 * Path lookup: from a string to a dentry. Linux: fs/namei.c
 *
 *   "/a/b/c"   from the root;  "b/c" from the working directory
 *   "."        stays;  ".."  goes to the parent (the root is its own parent)
 *   a symlink  is followed in the middle of a path always, and as the
 *              last component only with LOOKUP_FOLLOW; its target is
 *              walked from the link's directory (or the root, if absolute)
 *
 * Errors, as Linux's: -ENOENT (a component missing, or an empty path),
 * -ENOTDIR (a non-directory in the middle, or before a trailing '/'),
 * -ELOOP (more than MAXSYMLINKS links in one lookup), -ENAMETOOLONG.
 *
 * Linux walks with RCU and a hashed dcache; here it is one directory list
 * per step and no locks (one CPU, no kernel preemption).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/namei.h>

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

static int follow_link(struct nameidata *nd, const struct dentry *link)
{
	if (++nd->total_link_count > MAXSYMLINKS)
		return -ELOOP;
	return path_walk(nd, d_inode(link)->i_link, true);
}

/* Move nd->path through one component (nd->path is a directory). */
static int step(struct nameidata *nd, const struct qstr *comp, bool follow)
{
	struct dentry *child;
	int err = 0;

	if (comp->len == 1 && comp->name[0] == '.')
		return 0;
	if (comp->len == 2 && comp->name[0] == '.' && comp->name[1] == '.') {
		if (nd->path.dentry != nd->root.dentry)
			set_path(nd, nd->path.dentry->d_parent);
		return 0;
	}
	child = d_lookup(nd->path.dentry, comp);
	if (!child)
		return -ENOENT;
	if (follow && S_ISLNK(d_inode(child)->i_mode))
		err = follow_link(nd, child);
	else
		set_path(nd, child);
	dput(child);
	return err;
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
		int err;

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

static int nd_start(struct nameidata *nd, const char *name)
{
	if (!name[0])
		return -ENOENT;
	if (strnlen(name, PATH_MAX) >= PATH_MAX)
		return -ENAMETOOLONG;
	nd->root = current->fs->root;
	nd->path.dentry = dget(name[0] == '/' ? nd->root.dentry : current->fs->pwd.dentry);
	nd->total_link_count = 0;
	return 0;
}

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	struct nameidata nd;
	int err = nd_start(&nd, name);

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

/* The parent directory of name and its last component. */
static int lookup_parent(const char *name, struct path *parent, struct qstr *last)
{
	struct nameidata nd;
	bool trailing_slash;
	int err = nd_start(&nd, name);

	if (err)
		return err;
	err = walk_parents(&nd, name, last, &trailing_slash);
	if (!err && !last->len)
		err = -EEXIST;		/* "/" itself */
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

struct dentry *kern_path_create(const char *name, struct path *parent)
{
	struct dentry *dentry;
	struct qstr last;
	int err = lookup_parent(name, parent, &last);

	if (err)
		return ERR_PTR(err);
	if (is_dot_or_dotdot(&last)) {
		path_put(parent);
		return ERR_PTR(-EEXIST);
	}
	dentry = d_lookup(parent->dentry, &last);
	if (dentry) {
		dput(dentry);
		path_put(parent);
		return ERR_PTR(-EEXIST);
	}
	dentry = d_alloc(parent->dentry, &last);
	if (!dentry) {
		path_put(parent);
		return ERR_PTR(-ENOMEM);
	}
	return dentry;
}

void done_path_create(struct path *parent, struct dentry *dentry)
{
	dput(dentry);
	path_put(parent);
}

struct dentry *kern_path_locked(const char *name, struct path *parent)
{
	struct dentry *dentry;
	struct qstr last;
	int err = lookup_parent(name, parent, &last);

	if (err)
		return ERR_PTR(err);
	if (is_dot_or_dotdot(&last)) {
		path_put(parent);
		return ERR_PTR(-EINVAL);
	}
	dentry = d_lookup(parent->dentry, &last);
	if (!dentry) {
		path_put(parent);
		return ERR_PTR(-ENOENT);
	}
	return dentry;
}

int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	if (!dir->i_op || !dir->i_op->create)
		return -EACCES;
	return dir->i_op->create(dir, dentry, mode);
}

int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	if (!dir->i_op || !dir->i_op->mkdir)
		return -EPERM;
	return dir->i_op->mkdir(dir, dentry, mode);
}

int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *target)
{
	if (!dir->i_op || !dir->i_op->symlink)
		return -EPERM;
	return dir->i_op->symlink(dir, dentry, target);
}

int vfs_unlink(struct inode *dir, struct dentry *dentry)
{
	if (S_ISDIR(d_inode(dentry)->i_mode))
		return -EISDIR;
	return dir->i_op->unlink(dir, dentry);
}

int vfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!S_ISDIR(d_inode(dentry)->i_mode))
		return -ENOTDIR;
	if (dentry == dentry->d_sb->s_root)
		return -EBUSY;
	return dir->i_op->rmdir(dir, dentry);
}

/* Path-string wrappers, as Linux's fs/init.c offers early boot code. */
int init_mkdir(const char *name, umode_t mode)
{
	struct path parent;
	struct dentry *dentry = kern_path_create(name, &parent);
	int err;

	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	err = vfs_mkdir(d_inode(parent.dentry), dentry, mode);
	done_path_create(&parent, dentry);
	return err;
}

int init_symlink(const char *target, const char *name)
{
	struct path parent;
	struct dentry *dentry = kern_path_create(name, &parent);
	int err;

	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	err = vfs_symlink(d_inode(parent.dentry), dentry, target);
	done_path_create(&parent, dentry);
	return err;
}

int init_unlink(const char *name)
{
	struct path parent;
	struct dentry *dentry = kern_path_locked(name, &parent);
	int err;

	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	err = vfs_unlink(d_inode(parent.dentry), dentry);
	dput(dentry);
	path_put(&parent);
	return err;
}

int init_rmdir(const char *name)
{
	struct path parent;
	struct dentry *dentry = kern_path_locked(name, &parent);
	int err;

	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	err = vfs_rmdir(d_inode(parent.dentry), dentry);
	dput(dentry);
	path_put(&parent);
	return err;
}
