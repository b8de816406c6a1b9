// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for path lookup and the tmpfs root (fs/namei.c, fs/dcache.c,
 * mm/shmem.c), on the files the initramfs put under /test.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/ktest.h>
#include <linux/namei.h>
#include <linux/sched.h>

/* The inode a path resolves to (with LOOKUP_FOLLOW), or an error. */
static long lookup_ino(const char *name, unsigned int flags)
{
	struct path path;
	long ino;
	int err = kern_path(name, flags, &path);

	if (err)
		return err;
	ino = (long)d_inode(path.dentry)->i_ino;
	path_put(&path);
	return ino;
}

KTEST(namei, lookup, "absolute and relative paths, '.', '..' and repeated slashes reach the same file")
{
	long ino = lookup_ino("/test/hello.txt", LOOKUP_FOLLOW);

	KT_ASSERT_TRUE(t, ino > 0);
	KT_EXPECT_EQ(t, ino, lookup_ino("test/hello.txt", 0));
	KT_EXPECT_EQ(t, ino, lookup_ino("/test/./dir/../hello.txt", 0));
	KT_EXPECT_EQ(t, ino, lookup_ino("//test///hello.txt", 0));
	KT_EXPECT_EQ(t, ino, lookup_ino("/../../test/hello.txt", 0));	/* ".." at / is / */
	KT_EXPECT_EQ(t, lookup_ino("/", 0), lookup_ino("/test/..", 0));
}

KTEST(namei, symlinks, "symlinks are followed in the middle of a path, and at its end only when asked")
{
	long hello = lookup_ino("/test/hello.txt", 0);
	long link = lookup_ino("/test/link-to-hello", 0);

	KT_EXPECT_TRUE(t, link > 0 && link != hello);		/* the link itself */
	KT_EXPECT_EQ(t, hello, lookup_ino("/test/link-to-hello", LOOKUP_FOLLOW));
	KT_EXPECT_EQ(t, hello, lookup_ino("/test/abs-link", LOOKUP_FOLLOW));
	KT_EXPECT_EQ(t, lookup_ino("/test/dir/nested.txt", 0),
		     lookup_ino("/test/dirlink/nested.txt", 0));	/* a link in the middle */
	KT_EXPECT_EQ(t, lookup_ino("/test/dir", 0), lookup_ino("/test/dirlink/", 0));
}

KTEST(namei, errors, "lookup errors are Linux's: ENOENT, ENOTDIR, ELOOP, ENAMETOOLONG")
{
	static char longname[300];

	KT_EXPECT_EQ(t, -ENOENT, lookup_ino("/test/missing", 0));
	KT_EXPECT_EQ(t, -ENOENT, lookup_ino("/missing/hello.txt", 0));
	KT_EXPECT_EQ(t, -ENOENT, lookup_ino("", 0));
	KT_EXPECT_EQ(t, -ENOTDIR, lookup_ino("/test/hello.txt/x", 0));
	KT_EXPECT_EQ(t, -ENOTDIR, lookup_ino("/test/hello.txt/", 0));
	KT_EXPECT_EQ(t, -ENOTDIR, lookup_ino("/test/hello.txt", LOOKUP_DIRECTORY));
	KT_EXPECT_EQ(t, -ELOOP, lookup_ino("/test/loop-a", LOOKUP_FOLLOW));
	KT_EXPECT_EQ(t, -ELOOP, lookup_ino("/test/loop-a/x", 0));
	KT_EXPECT_TRUE(t, lookup_ino("/test/loop-a", 0) > 0);	/* the link itself is fine */
	memset(longname, 'a', sizeof(longname) - 1);
	KT_EXPECT_EQ(t, -ENAMETOOLONG, lookup_ino(longname, 0));
}

KTEST(namei, create_unlink, "mkdir, create, symlink, unlink and rmdir change the tree; rmdir of a non-empty directory fails")
{
	struct file *file;

	KT_ASSERT_EQ(t, 0, init_mkdir("/tmp/kt", 0755));
	KT_EXPECT_EQ(t, -EEXIST, init_mkdir("/tmp/kt", 0755));
	file = filp_open("/tmp/kt/f", O_WRONLY | O_CREAT | O_EXCL, 0644);
	KT_ASSERT_TRUE(t, !IS_ERR(file));
	fput(file);
	KT_EXPECT_EQ(t, -EEXIST, PTR_ERR(filp_open("/tmp/kt/f", O_WRONLY | O_CREAT | O_EXCL, 0644)));
	KT_EXPECT_EQ(t, 0, init_symlink("f", "/tmp/kt/l"));
	KT_EXPECT_EQ(t, lookup_ino("/tmp/kt/f", 0), lookup_ino("/tmp/kt/l", LOOKUP_FOLLOW));
	KT_EXPECT_EQ(t, -ENOTEMPTY, init_rmdir("/tmp/kt"));
	KT_EXPECT_EQ(t, -ENOTDIR, init_rmdir("/tmp/kt/f"));
	KT_EXPECT_EQ(t, -EISDIR, init_unlink("/tmp/kt"));
	KT_EXPECT_EQ(t, 0, init_unlink("/tmp/kt/l"));
	KT_EXPECT_EQ(t, 0, init_unlink("/tmp/kt/f"));
	KT_EXPECT_EQ(t, -ENOENT, lookup_ino("/tmp/kt/f", 0));
	KT_EXPECT_EQ(t, 0, init_rmdir("/tmp/kt"));
	KT_EXPECT_EQ(t, -ENOENT, init_rmdir("/tmp/kt"));
}

KTEST(namei, open_flags, "open: O_DIRECTORY on a file is ENOTDIR, writing a directory is EISDIR, O_NOFOLLOW on a link is ELOOP")
{
	struct file *file;
	char buf[4];
	loff_t pos = 0;

	KT_EXPECT_EQ(t, -ENOTDIR, PTR_ERR(filp_open("/test/hello.txt", O_RDONLY | O_DIRECTORY, 0)));
	KT_EXPECT_EQ(t, -EISDIR, PTR_ERR(filp_open("/test", O_WRONLY, 0)));
	KT_EXPECT_EQ(t, -ELOOP, PTR_ERR(filp_open("/test/link-to-hello", O_RDONLY | O_NOFOLLOW, 0)));
	file = filp_open("/test", O_RDONLY, 0);
	KT_ASSERT_TRUE(t, !IS_ERR(file));
	KT_EXPECT_EQ(t, -EISDIR, kernel_read(file, buf, sizeof(buf), &pos));
	fput(file);
	file = filp_open("/test/hello.txt", O_RDONLY, 0);
	KT_ASSERT_TRUE(t, !IS_ERR(file));
	KT_EXPECT_EQ(t, -EBADF, kernel_write(file, "x", 1, &pos));
	fput(file);
}

KTEST(namei, d_path, "d_path names a file by its path, and an unlinked one as \"(deleted)\"")
{
	struct file *file = filp_open("/tmp/dp", O_RDWR | O_CREAT, 0600);
	char buf[64];
	char *p;

	KT_ASSERT_TRUE(t, !IS_ERR(file));
	p = d_path(&file->f_path, buf, sizeof(buf));
	KT_EXPECT_TRUE(t, !IS_ERR(p) && !strcmp(p, "/tmp/dp"));
	init_unlink("/tmp/dp");
	p = d_path(&file->f_path, buf, sizeof(buf));
	KT_EXPECT_TRUE(t, !IS_ERR(p) && !strcmp(p, "/tmp/dp (deleted)"));
	KT_EXPECT_EQ(t, -ENAMETOOLONG, PTR_ERR(d_path(&file->f_path, buf, 8)));
	fput(file);
}
