// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs: a small, fixed /sys that says what this kernel is, for programs
 * that look before they use a feature. Linux: fs/sysfs/, fs/kernfs/,
 * with the attributes of mm/huge_memory.c and drivers/base/cpu.c
 *
 *   /sys/kernel/mm/transparent_hugepage/enabled   "always madvise [never]"
 *   /sys/kernel/mm/transparent_hugepage/defrag    "... madvise [never]"
 *   /sys/kernel/mm/transparent_hugepage/hpage_pmd_size  "2097152"
 *   /sys/devices/system/cpu/online, possible, present   "0"
 *
 * Faultline has no huge pages, so THP reads as Linux's does when set to
 * never, and only "never" may be written back (Faultline differs: Linux
 * takes always and madvise too). What Faultline lacks is absent, as in
 * a Linux without it: no /sys/kernel/mm/ksm (no KSM), no
 * /sys/devices/system/node (no NUMA), so selftests skip those parts.
 *
 * Like /proc, the tree is a static table walked by ->lookup, whose
 * dentries go with their last user. An attribute reads as one record
 * (a seq_file of its show()) and, as a sysfs file does, stats as
 * 4096 bytes.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/statfs.h>
#include <linux/uio.h>
#include <linux/sysfs.h>

struct sysfs_entry {
	const char *name;		/* NULL ends a table */
	umode_t mode;			/* 0644, 0444; a directory 0755 */
	const struct sysfs_entry *children;	/* a directory's entries */
	int (*show)(struct seq_file *m);
	ssize_t (*store)(const char *buf, size_t count);
};

/* mm/huge_memory.c: Faultline's THP is always "never". */
static int thp_enabled_show(struct seq_file *m)
{
	seq_puts(m, "always madvise [never]\n");
	return 0;
}

static int thp_defrag_show(struct seq_file *m)
{
	seq_puts(m, "always defer defer+madvise madvise [never]\n");
	return 0;
}

/* "never", with or without a newline (Linux: sysfs_streq()); nothing else. */
static ssize_t thp_store(const char *buf, size_t count)
{
	if (count == 6 && !memcmp(buf, "never\n", 6))
		return (ssize_t)count;
	if (count == 5 && !memcmp(buf, "never", 5))
		return (ssize_t)count;
	return -EINVAL;
}

/* The size a huge page would have: one PMD entry's reach (tests size their buffers by it). */
static int thp_hpage_pmd_size_show(struct seq_file *m)
{
	seq_printf(m, "%lu\n", PMD_SIZE);
	return 0;
}

/* drivers/base/cpu.c: one CPU, number 0. */
static int cpu_mask_show(struct seq_file *m)
{
	seq_puts(m, "0\n");
	return 0;
}

static const struct sysfs_entry thp_dir[] = {
	{ "defrag", 0644, NULL, thp_defrag_show, thp_store },
	{ "enabled", 0644, NULL, thp_enabled_show, thp_store },
	{ "hpage_pmd_size", 0444, NULL, thp_hpage_pmd_size_show, NULL },
	{ }
};

static const struct sysfs_entry kernel_mm_dir[] = {
	{ "transparent_hugepage", 0755, thp_dir },
	{ }
};

static const struct sysfs_entry kernel_dir[] = {
	{ "mm", 0755, kernel_mm_dir },
	{ }
};

static const struct sysfs_entry cpu_dir[] = {
	{ "possible", 0444, NULL, cpu_mask_show },
	{ "present", 0444, NULL, cpu_mask_show },
	{ "online", 0444, NULL, cpu_mask_show },
	{ }
};

static const struct sysfs_entry system_dir[] = {
	{ "cpu", 0755, cpu_dir },
	{ }
};

static const struct sysfs_entry devices_dir[] = {
	{ "system", 0755, system_dir },
	{ }
};

static const struct sysfs_entry sysfs_root_dir[] = {
	{ "kernel", 0755, kernel_dir },
	{ "devices", 0755, devices_dir },
	{ }
};

static const struct sysfs_entry sysfs_root = { "", 0755, sysfs_root_dir };

static const struct inode_operations sysfs_dir_inode_operations;
static const struct file_operations sysfs_dir_operations;
static const struct file_operations sysfs_file_operations;

static struct inode *sysfs_get_inode(struct super_block *sb, const struct sysfs_entry *e)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_private = (void *)e;
	inode->i_ino = get_next_ino();
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time();
	if (e->children) {
		inode->i_mode = S_IFDIR | e->mode;
		inode->i_nlink = 2;
		inode->i_op = &sysfs_dir_inode_operations;
		inode->i_fop = &sysfs_dir_operations;
	} else {
		inode->i_mode = S_IFREG | e->mode;
		inode->i_nlink = 1;
		inode->i_size = PAGE_SIZE;
		inode->i_fop = &sysfs_file_operations;
	}
	return inode;
}

/* Linux: kernfs_iop_lookup() */
static int sysfs_lookup(struct inode *dir, struct dentry *dentry)
{
	const struct sysfs_entry *e = ((const struct sysfs_entry *)dir->i_private)->children;
	struct inode *inode;

	for (; e->name; e++) {
		if (strlen(e->name) != dentry->d_name.len ||
		    memcmp(e->name, dentry->d_name.name, dentry->d_name.len))
			continue;
		inode = sysfs_get_inode(dir->i_sb, e);
		if (!inode)
			return -ENOMEM;
		d_instantiate(dentry, inode);
		return 0;
	}
	return -ENOENT;
}

/*
 * ".", "..", then the entries in the order Linux lists them (kernfs
 * sorts by a hash of the name). Linux: kernfs_fop_readdir()
 */
static int sysfs_readdir(struct file *file, struct dir_context *ctx)
{
	const struct sysfs_entry *e = ((const struct sysfs_entry *)file_inode(file)->i_private)->children;
	struct dentry *dentry = file->f_path.dentry;
	loff_t pos = 2;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 0, file_inode(file)->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 1, d_inode(dentry->d_parent)->i_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	for (; e->name; e++, pos++) {
		if (pos < ctx->pos)
			continue;
		if (!ctx->actor(ctx, e->name, (int)strlen(e->name), pos, 2 + pos,
				e->children ? DT_DIR : DT_REG))
			return 0;
		ctx->pos = pos + 1;
	}
	return 0;
}

static int sysfs_seq_show(struct seq_file *m, void *v)
{
	const struct sysfs_entry *e = m->private;

	return e->show(m);
}

/*
 * Even root may not open an attribute for what its mode or its
 * operations do not allow. Linux: kernfs_fop_open()
 */
static int sysfs_open(struct inode *inode, struct file *file)
{
	const struct sysfs_entry *e = inode->i_private;

	if ((file->f_mode & FMODE_WRITE) && (!(inode->i_mode & 0222) || !e->store))
		return -EACCES;
	if ((file->f_mode & FMODE_READ) && (!(inode->i_mode & 0444) || !e->show))
		return -EACCES;
	return single_open(file, sysfs_seq_show, inode->i_private);
}

/* Each write is one store() of what it carries. Linux: kernfs_fop_write_iter() */
static ssize_t sysfs_write(struct kiocb *iocb, struct iov_iter *from)
{
	const struct sysfs_entry *e = file_inode(iocb->ki_filp)->i_private;
	size_t count = min(iov_iter_count(from), (size_t)PAGE_SIZE - 1);
	ssize_t ret;
	char *buf;

	if (!e->store)
		return -EIO;
	buf = kzalloc(count + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_iter(buf, count, from) == count)
		ret = e->store(buf, count);
	if (ret > 0)
		iocb->ki_pos += ret;
	kfree(buf);
	return ret;
}

static const struct inode_operations sysfs_dir_inode_operations = {
	.lookup = sysfs_lookup,
};

static const struct file_operations sysfs_dir_operations = {
	.iterate_shared = sysfs_readdir,
	.llseek = generic_file_llseek,
};

static const struct file_operations sysfs_file_operations = {
	.open = sysfs_open,
	.read_iter = seq_read_iter,
	.write_iter = sysfs_write,
	.llseek = seq_lseek,
	.release = single_release,
};

static const struct super_operations sysfs_ops = {
	.statfs = simple_statfs,
};

/* A new sysfs super block, for mount(2) of "sysfs". Linux: sysfs_get_tree() */
struct super_block *sysfs_fill_super(dev_t dev)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);
	struct inode *root;

	if (!sb)
		return NULL;
	sb->s_op = &sysfs_ops;
	sb->s_dev = dev;
	sb->s_magic = SYSFS_MAGIC;
	sb->s_type = "sysfs";
	root = sysfs_get_inode(sb, &sysfs_root);
	if (!root)
		goto fail;
	sb->s_root = d_make_root(root);
	if (sb->s_root)
		return sb;
	iput(root);
fail:
	kfree(sb);
	return NULL;
}
