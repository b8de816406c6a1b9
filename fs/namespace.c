// SPDX-License-Identifier: GPL-2.0
/*
 * The root file system and the mount table. Linux: fs/namespace.c
 * (init_mount_tree, do_new_mount, lookup_mnt), init/do_mounts.c
 *
 * The root is one tmpfs, mounted at "/" before anything else runs, as
 * Linux mounts its rootfs. mount(2) puts another file system (procfs, a
 * new tmpfs) on a directory: the directory's dentry is marked
 * DCACHE_MOUNTED and the walk (fs/namei.c) steps from it into the
 * mounted root, and from that root back out for "..". Each mount gets a
 * new super block, so a super block is mounted at most once and its root
 * names its mount (mount_of_root).
 *
 * Left out, as DESIGN.md says: umount, bind and move mounts, remounts,
 * stacking a second mount on a mountpoint (-EBUSY here), namespaces.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/panic.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/namei.h>
#include <linux/cred.h>
#include <linux/shmem_fs.h>
#include <linux/anon_inodes.h>
#include <linux/proc_fs.h>
#include <linux/sysfs.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

struct super_block *root_sb;
LIST_HEAD(mount_list);

/* An anonymous device number, 0:2, as Linux's tmpfs rootfs gets one. */
#define ROOTFS_DEV	2

static struct mount root_mount = { .mnt_devname = "rootfs" };

/*
 * The next unnamed device number (0:N) for a new super block. Linux:
 * get_anon_bdev(), which also hands them out in order.
 */
static dev_t get_anon_dev(void)
{
	static unsigned int next_minor = ROOTFS_DEV + 1;

	return MKDEV(0, next_minor++);
}

void vfs_caches_init(void)
{
	shmem_init();
	anon_inode_init();
	root_sb = shmem_fill_super(ROOTFS_DEV, 0);
	if (!root_sb)
		panic("vfs_caches_init: cannot create the root file system");
	root_mount.mnt_root = root_sb->s_root;
	root_mount.mnt_mountpoint = root_sb->s_root;
	list_add_tail(&root_mount.mnt_list, &mount_list);
	init_fs.root.dentry = dget(root_sb->s_root);
	init_fs.pwd.dentry = dget(root_sb->s_root);
	init_task.fs = &init_fs;
}

/* The root of what is mounted on mountpoint (no reference), or NULL. */
struct dentry *lookup_mnt(const struct dentry *mountpoint)
{
	struct mount *mnt;

	if (!d_mountpoint(mountpoint))
		return NULL;
	list_for_each_entry(mnt, &mount_list, mnt_list)
		if (mnt->mnt_mountpoint == mountpoint && mnt != &root_mount)
			return mnt->mnt_root;
	return NULL;
}

/* The mount whose root is root, or NULL (root is not a mounted root). */
struct mount *mount_of_root(const struct dentry *root)
{
	struct mount *mnt;

	list_for_each_entry(mnt, &mount_list, mnt_list)
		if (mnt->mnt_root == root)
			return mnt;
	return NULL;
}

/*
 * Mount sb (whose reference passes to the mount) on the directory where.
 * Linux: do_new_mount() -> do_add_mount()
 */
int do_mount_sb(struct super_block *sb, const char *devname, const struct path *where,
		unsigned long flags)
{
	struct dentry *mp = where->dentry;
	struct mount *mnt;

	if (!S_ISDIR(d_inode(mp)->i_mode))
		return -ENOTDIR;
	if (d_mountpoint(mp) || d_unhashed(mp))
		return d_unhashed(mp) ? -ENOENT : -EBUSY;
	mnt = kzalloc(sizeof(*mnt), GFP_KERNEL);
	if (!mnt)
		return -ENOMEM;
	mnt->mnt_devname = kstrdup(devname, GFP_KERNEL);
	if (!mnt->mnt_devname) {
		kfree(mnt);
		return -ENOMEM;
	}
	mnt->mnt_mountpoint = dget(mp);
	mnt->mnt_root = sb->s_root;
	mnt->mnt_flags = flags;
	mp->d_flags |= DCACHE_MOUNTED;
	list_add_tail(&mnt->mnt_list, &mount_list);
	return 0;
}

/* Free a super block nothing uses: its root, its own data. Linux: kill_anon_super() */
void kill_super(struct super_block *sb)
{
	dput(sb->s_root);
	if (sb->s_op && sb->s_op->put_super)
		sb->s_op->put_super(sb);
	kfree(sb);
}

/* A new super block of the named type. Linux: get_fs_type() + vfs_get_tree() */
static struct super_block *new_super(const char *type)
{
	struct super_block *sb;

	if (!strcmp(type, "proc"))
		sb = proc_fill_super(get_anon_dev());
	else if (!strcmp(type, "tmpfs"))
		sb = shmem_fill_super(get_anon_dev(), 0);
	else if (!strcmp(type, "sysfs"))
		sb = sysfs_fill_super(get_anon_dev());
	else
		return ERR_PTR(-ENODEV);
	return sb ? sb : ERR_PTR(-ENOMEM);
}

/*
 * Mount a new file system of type on the directory dir, for the kernel's
 * own use (the user-test runner mounts /proc as a Linux system's init
 * would have). Linux: fs/init.c init_mount()
 */
int init_mount(const char *dev_name, const char *dir_name, const char *type)
{
	struct super_block *sb;
	struct path path;
	int err = filename_lookup(AT_FDCWD, dir_name, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	sb = new_super(type);
	err = PTR_ERR_OR_ZERO(sb);
	if (!err) {
		err = do_mount_sb(sb, dev_name, &path, 0);
		if (err)
			kill_super(sb);
	}
	path_put(&path);
	return err;
}

/*
 * The flags that only say how to mount, not what: ignored as Linux
 * ignores them. MS_RDONLY, MS_NOSUID, MS_NODEV and MS_NOEXEC would need
 * every write, exec and device open to check its mount: not yet, so
 * they are -EINVAL rather than accepted and not kept.
 */
#define MS_SILENT	32768
#define MS_RELATIME	(1 << 21)
#define MS_MGC_MSK	0xffff0000UL	/* the old magic in the top half */
#define MS_MGC_VAL	0xC0ED0000UL
#define MS_PLAIN	(MS_SILENT | MS_RELATIME)

/* Mounting takes CAP_SYS_ADMIN. Linux: may_mount() */
static bool may_mount(void)
{
	return capable(CAP_SYS_ADMIN);
}

/*
 * mount(2) of a new file system: "proc", "tmpfs" or "sysfs". Anything else Linux
 * does (MS_BIND, MS_MOVE, MS_REMOUNT, propagation flags) is -EINVAL here,
 * an unknown type -ENODEV; without CAP_SYS_ADMIN, -EPERM once the mount
 * point is found. Linux: do_mount() -> path_mount()
 */
SYSCALL_DEFINE5(mount, char __user *, dev_name, char __user *, dir_name,
		char __user *, type, unsigned long, flags, void __user *, data)
{
	char *kdev = NULL, *kdir = NULL, *ktype = NULL;
	struct super_block *sb;
	struct path path;
	long err;

	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	kdir = getname(dir_name);
	if (IS_ERR(kdir))
		return PTR_ERR(kdir);
	err = -EFAULT;
	if (!type)
		goto out;
	ktype = getname(type);
	if (IS_ERR(ktype)) {
		err = PTR_ERR(ktype);
		ktype = NULL;
		goto out;
	}
	kdev = dev_name ? getname(dev_name) : NULL;
	if (IS_ERR(kdev)) {
		err = PTR_ERR(kdev);
		kdev = NULL;
		goto out;
	}
	err = filename_lookup(AT_FDCWD, kdir, LOOKUP_FOLLOW, &path);
	if (err)
		goto out;
	if (!may_mount()) {
		err = -EPERM;
	} else if (flags & ~MS_PLAIN) {
		err = -EINVAL;
	} else {
		sb = new_super(ktype);
		err = PTR_ERR_OR_ZERO(sb);
		if (!err) {
			err = do_mount_sb(sb, kdev ? kdev : "none", &path, flags);
			if (err)
				kill_super(sb);
		}
	}
	path_put(&path);
out:
	if (kdev)
		putname(kdev);
	if (ktype)
		putname(ktype);
	putname(kdir);
	return err;
}
