// SPDX-License-Identifier: GPL-2.0
/*
 * swapon(2), swapoff(2) and /proc/swaps: turning a disk into a swap
 * area and back. Linux: mm/swapfile.c (its system-call half; the slots
 * are in mm/swapfile.c here too)
 *
 * An area is a block device whose first page is mkswap's header
 * (include/linux/swap.h draws it). Faultline differs: Linux also swaps
 * to a regular file on a file system that maps its blocks (ext4, xfs:
 * swap extents); Faultline's only file system is tmpfs, which Linux
 * refuses too (no ->read_folio), so anything but a block device is
 * EINVAL, as there.
 *
 * Locking: Linux's swapon_mutex and swap_lock; one CPU and no kernel
 * preemption make each of these atomic except where they sleep for the
 * header's read, which happens before the area is visible anywhere.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/fcntl.h>
#include <linux/namei.h>
#include <linux/dcache.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/cred.h>
#include <linux/capability.h>
#include <linux/seq_file.h>
#include <linux/vmalloc.h>
#include <linux/blkdev.h>
#include <linux/swap.h>
#include <linux/swap_slots.h>
#include <linux/syscalls.h>

/* Read page 0 of the disk into page. */
static int read_header_page(struct block_device *bdev, struct page *page)
{
	struct bio *bio = bio_alloc(bdev, 1, REQ_OP_READ, GFP_KERNEL);
	int err;

	if (!bio)
		return -ENOMEM;
	bio->bi_iter.bi_sector = 0;
	bio_add_page(bio, page, PAGE_SIZE, 0);
	err = submit_bio_wait(bio);
	bio_put(bio);
	return err;
}

/*
 * Claim the disk for p: a block device, opened exclusively (a second
 * swapon of it, or an O_EXCL open, is EBUSY); anything else is EINVAL.
 * Linux: claim_swapfile(), and swapon's check of ->read_folio
 */
static int claim_swapfile(struct swap_info_struct *p, struct inode *inode)
{
	struct block_device *bdev;

	if (!S_ISBLK(inode->i_mode))
		return -EINVAL;
	bdev = blkdev_get_by_dev(inode->i_rdev, FMODE_READ | FMODE_WRITE | FMODE_EXCL, p);
	if (IS_ERR(bdev))
		return (int)PTR_ERR(bdev);
	p->bdev = bdev;
	p->flags |= SWP_BLKDEV;
	return 0;
}

/*
 * Read and check the header, and build the swap map: the area's slot
 * count, or 0 with *err set. Linux: the middle of swapon
 * (read_mapping_page, read_swap_header, vzalloc, setup_swap_map_and_extents)
 */
static unsigned long swapon_read_map(struct swap_info_struct *p, unsigned char **swap_map,
				     int *err)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long maxpages = 0;

	*err = -ENOMEM;
	if (!page)
		return 0;
	*err = read_header_page(p->bdev, page);
	if (*err)
		goto out;
	maxpages = read_swap_header(p, page_address(page), bdev_nr_bytes(p->bdev));
	*err = -EINVAL;
	if (!maxpages)
		goto out;
	*swap_map = vzalloc(maxpages);
	*err = -ENOMEM;
	if (!*swap_map)
		goto out_zero;
	*err = setup_swap_map(p, page_address(page), *swap_map, maxpages);
	if (*err) {
		vfree(*swap_map);
		*swap_map = NULL;
		goto out_zero;
	}
	goto out;
out_zero:
	maxpages = 0;
out:
	__free_page(page);
	return maxpages;
}

/*
 * Turn swap_file (opened O_RDWR by name) into swap area. On success the
 * area keeps the file; on failure the caller still owns it.
 * Linux: the body of SYSCALL_DEFINE2(swapon)
 */
int do_swapon(struct file *swap_file, const char *name, int swap_flags)
{
	struct swap_info_struct *p = alloc_swap_info();
	unsigned char *swap_map = NULL;
	int err, prio = -1;

	if (IS_ERR(p))
		return (int)PTR_ERR(p);
	err = claim_swapfile(p, file_inode(swap_file));
	if (err)
		goto bad_swap;
	if (!swapon_read_map(p, &swap_map, &err))
		goto bad_swap_put;
	if (swap_flags & SWAP_FLAG_PREFER)
		prio = (swap_flags & SWAP_FLAG_PRIO_MASK) >> SWAP_FLAG_PRIO_SHIFT;
	p->swap_file = swap_file;
	enable_swap_info(p, prio, swap_map);
	enable_swap_slots_cache();
	/* Linux's line; DISCARD is taken and ignored (virtio-blk here has no discard) */
	pr_info("Adding %uk swap on %s.  Priority:%d extents:%d across:%lluk %s%s%s%s%s\n",
		p->pages << (PAGE_SHIFT - 10), name, p->prio, 1,
		(unsigned long long)p->pages << (PAGE_SHIFT - 10), "", "", "", "", "");
	return 0;
bad_swap_put:
	blkdev_put(p->bdev, FMODE_READ | FMODE_WRITE | FMODE_EXCL);
bad_swap:
	free_swap_info(p);
	return err;
}

/* Linux: SYSCALL_DEFINE2(swapon) */
SYSCALL_DEFINE2(swapon, const char __user *, specialfile, int, swap_flags)
{
	struct file *swap_file;
	char *name;
	int err;

	if (swap_flags & ~SWAP_FLAGS_VALID)
		return -EINVAL;
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	name = getname(specialfile);
	if (IS_ERR(name))
		return (int)PTR_ERR(name);
	swap_file = filp_open(name, O_RDWR | O_LARGEFILE, 0);
	err = IS_ERR(swap_file) ? (int)PTR_ERR(swap_file) : do_swapon(swap_file, name, swap_flags);
	if (err && !IS_ERR(swap_file))
		filp_close(swap_file);
	putname(name);
	return err;
}

/* The area whose disk victim is (any node of it). */
static struct swap_info_struct *find_swap_area(struct file *victim)
{
	struct inode *inode = file_inode(victim);

	for (unsigned int type = 0; type < MAX_SWAPFILES; type++) {
		struct swap_info_struct *p = swap_info[type];

		if (!p || !(p->flags & SWP_WRITEOK))
			continue;
		if (S_ISBLK(inode->i_mode) && inode->i_rdev == p->bdev->bd_dev)
			return p;
	}
	return NULL;
}

/*
 * Stop swapping to victim's area: -EINVAL if it is none, -ENOMEM if the
 * pages it holds could not be committed in RAM, try_to_unuse's error if
 * they could not all be brought back (the area then stays on).
 * Linux: the body of SYSCALL_DEFINE1(swapoff)
 */
int do_swapoff(struct file *victim)
{
	struct swap_info_struct *p = find_swap_area(victim);
	int err;

	if (!p)
		return -EINVAL;
	if (__vm_enough_memory(current->mm, p->pages))
		return -ENOMEM;
	vm_unacct_memory(p->pages);
	del_swap_info(p);
	disable_swap_slots_cache_lock();	/* no slot of p may wait in the slots cache */
	err = try_to_unuse((unsigned int)p->type);
	if (err) {
		reinsert_swap_info(p);
		reenable_swap_slots_cache_unlock();
		return err;
	}
	reenable_swap_slots_cache_unlock();
	vfree(p->swap_map);
	blkdev_put(p->bdev, FMODE_READ | FMODE_WRITE | FMODE_EXCL);
	filp_close(p->swap_file);
	free_swap_info(p);
	return 0;
}

/* Linux: SYSCALL_DEFINE1(swapoff) */
SYSCALL_DEFINE1(swapoff, const char __user *, specialfile)
{
	struct file *victim;
	char *name;
	int err;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	name = getname(specialfile);
	if (IS_ERR(name))
		return (int)PTR_ERR(name);
	victim = filp_open(name, O_RDWR | O_LARGEFILE, 0);
	putname(name);
	if (IS_ERR(victim))
		return (int)PTR_ERR(victim);
	err = do_swapoff(victim);
	filp_close(victim);
	return err;
}

/*
 * /proc/swaps, as 6.1 prints it: the header, then a line per area, the
 * name padded to 40 columns, sizes in KiB. Linux: swap_show()
 */
int swaps_proc_show(struct seq_file *m, struct task_struct *task)
{
	seq_puts(m, "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
	for (unsigned int type = 0; type < MAX_SWAPFILES; type++) {
		struct swap_info_struct *si = swap_info[type];
		unsigned long bytes, inuse;
		size_t before;
		int len;

		if (!si || !(si->flags & SWP_USED) || !si->swap_map)
			continue;
		bytes = (unsigned long)si->pages << (PAGE_SHIFT - 10);
		inuse = (unsigned long)si->inuse_pages << (PAGE_SHIFT - 10);
		before = m->count;
		seq_path(m, &si->swap_file->f_path, " \t\n\\");
		len = (int)(m->count - before);
		seq_printf(m, "%*s%s\t%lu\t%s%lu\t%s%d\n", len < 40 ? 40 - len : 1, " ",
			   S_ISBLK(file_inode(si->swap_file)->i_mode) ? "partition" : "file\t",
			   bytes, bytes < 10000000 ? "\t" : "", inuse, inuse < 10000000 ? "\t" : "",
			   si->prio);
	}
	return 0;
}

/* Free slots, for /proc/meminfo and sysinfo(2). Linux: get_nr_swap_pages() */
unsigned long get_nr_swap_pages(void)
{
	return nr_swap_pages > 0 ? (unsigned long)nr_swap_pages : 0;
}
