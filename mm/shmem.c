// SPDX-License-Identifier: GPL-2.0
/*
 * tmpfs: files that live only in the page cache. It is Faultline's root
 * file system (as Linux's initramfs root is tmpfs) and the backing of
 * shared anonymous memory (MAP_SHARED|MAP_ANONYMOUS). Linux: mm/shmem.c
 *
 * A file's data is its cached pages; a page never written is a hole
 * that reads as zeros. The pages are swap-backed (PG_swapbacked): they
 * count as Shmem in /proc/meminfo and, when mapped, in a process's
 * RssShmem. Like Linux's tmpfs, the file system holds at most half of
 * RAM (the default size= option); a write past that fails with ENOSPC.
 *
 * Seals (mm/memfd.c) are checked where they apply: write, truncate,
 * writable shared mmap, fallocate (mm/shmem_fallocate.c).
 *
 * Under reclaim, with swap on, the pages go to swap and come back when
 * used (mm/shmem_swap.c). Left out from Linux: huge pages, extended
 * attributes.
 */
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/pagemap.h>
#include <linux/shmem_fs.h>
#include <linux/swapops.h>
#include <linux/userfaultfd_k.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/statfs.h>
#include <linux/random.h>
#include <linux/capability.h>

static const struct inode_operations shmem_inode_operations;
static const struct inode_operations shmem_symlink_inode_operations;
static const struct inode_operations shmem_special_inode_operations;
static const struct file_operations shmem_file_operations;
static const struct vm_operations_struct shmem_vm_ops;
static const struct super_operations shmem_ops;

/* shm_mnt's super block: files with no name (shared anonymous memory). */
static struct super_block *shm_sb;

/* One inode slot, or -ENOSPC. Linux: shmem_reserve_inode() */
int shmem_reserve_inode(struct super_block *sb)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);

	if (!sbinfo->max_inodes)
		return 0;
	if (!sbinfo->free_inodes)
		return -ENOSPC;
	sbinfo->free_inodes--;
	return 0;
}

/* Linux: shmem_free_inode() */
void shmem_free_inode(struct super_block *sb)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);

	if (sbinfo->max_inodes)
		sbinfo->free_inodes++;
}

/*
 * A new inode in directory dir (NULL for a root or a nameless file),
 * owned by its creator (inode_init_owner). Files of a mounted tmpfs are
 * VM_NORESERVE: each page is committed (Committed_AS) when it is
 * allocated, not the size up front. Linux: shmem_get_inode() as
 * shmem_mknod() calls it
 */
struct inode *shmem_get_inode(struct super_block *sb, const struct inode *dir, umode_t mode,
			      dev_t dev)
{
	struct inode *inode;

	if (shmem_reserve_inode(sb))
		return NULL;
	inode = new_inode(sb);
	if (!inode) {
		shmem_free_inode(sb);
		return NULL;
	}
	inode->i_shmem_flags = VM_NORESERVE;
	inode->i_shmem_seals = F_SEAL_SEAL;	/* only memfd_create() may unseal */
	INIT_LIST_HEAD(&inode->i_shmem_swaplist);
	inode->i_ino = get_next_ino();
	inode_init_owner(inode, dir, mode);
	mode = inode->i_mode;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time();
	switch (mode & S_IFMT) {
	case S_IFDIR:
		inode->i_nlink = 2;	/* "." and the entry in the parent */
		inode->i_op = &shmem_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		break;
	case S_IFLNK:
		inode->i_op = &shmem_symlink_inode_operations;
		break;
	case S_IFREG:
		inode->i_op = &shmem_inode_operations;
		inode->i_fop = &shmem_file_operations;
		break;
	default:
		inode->i_op = &shmem_special_inode_operations;
		init_special_inode(inode, mode, dev);
		break;
	}
	return inode;
}

/* --- pages --- */

/*
 * Room for one more page: in the file system's size limit, and, for a
 * VM_NORESERVE file, in the commit limit (a file set up with its size
 * committed at once has paid already). Linux: shmem_inode_acct_block()
 */
static bool shmem_charge(struct inode *inode)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(inode->i_sb);

	if (sbinfo->max_blocks && sbinfo->used_blocks >= sbinfo->max_blocks)
		return false;
	if ((inode->i_shmem_flags & VM_NORESERVE) && __vm_enough_memory(current->mm, 1))
		return false;
	sbinfo->used_blocks++;
	return true;
}

/* Linux: shmem_inode_unacct_blocks() */
void shmem_uncharge(struct inode *inode, unsigned long pages)
{
	SHMEM_SB(inode->i_sb)->used_blocks -= pages;
	if (inode->i_shmem_flags & VM_NORESERVE)
		vm_unacct_memory((long)pages);
}

/*
 * Give back the charge of pages the file no longer has, in its page
 * cache or in swap: those truncated, and clean ones reclaim dropped
 * (a hole again). Linux: shmem_recalc_inode()
 */
void shmem_recalc_inode(struct inode *inode)
{
	long freed = (long)(inode->i_shmem_alloced - inode->i_shmem_swapped -
			    inode->i_mapping->nrpages);

	if (freed > 0) {
		inode->i_shmem_alloced -= freed;
		shmem_uncharge(inode, freed);
	}
}

/*
 * The page at index, with a reference, locked. SGP_READ only finds (a
 * hole gives NULL), SGP_NOALLOC too (a hole is -ENOENT); SGP_CACHE (faults), SGP_WRITE and SGP_FALLOC
 * allocate a zeroed page for a hole, SGP_CACHE refusing an index beyond
 * the end of the file with -EINVAL (which a fault turns into SIGBUS).
 * A page fallocate() made stays !Uptodate until first used, so that a
 * failed fallocate can tell its own pages (shmem_unfalloc_range()): a
 * reader still sees a hole there, any other use makes it up to date
 * (it is zeroed already). A page in swap is read back first (a major
 * fault when fault_type is given: the caller is a fault).
 * Linux: shmem_get_folio_gfp()
 */
static int shmem_get_page_gfp(struct inode *inode, pgoff_t index, struct page **pagep,
			      enum sgp_type sgp, vm_fault_t *fault_type)
{
	struct address_space *mapping = inode->i_mapping;
	struct page *page;
	int err;

	if (sgp == SGP_CACHE &&
	    index >= DIV_ROUND_UP(i_size_read(inode), PAGE_SIZE))
		return -EINVAL;
repeat:
	page = radix_tree_lookup(&mapping->i_pages, index);
	if (page && xa_is_value(page)) {
		err = shmem_swapin_page(inode, index, radix_to_swp_entry(page), &page, sgp,
					fault_type);
		if (err == -EEXIST)
			goto repeat;
		if (err)
			return err;
	} else {
		page = find_lock_page(mapping, index);
	}
	if (page && sgp == SGP_WRITE)
		mark_page_accessed(page);	/* write(2) uses the page, as a read does */
	if (page && !PageUptodate(page)) {
		if (sgp != SGP_READ) {
			SetPageUptodate(page);
		} else {
			unlock_page(page);
			put_page(page);
			page = NULL;
		}
	}
	if (!page && sgp == SGP_NOALLOC)
		return -ENOENT;
	if (page || sgp == SGP_READ) {
		*pagep = page;
		return 0;
	}
	shmem_recalc_inode(inode);
	if (!shmem_charge(inode))
		return -ENOSPC;
	page = alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_ZERO);
	if (!page) {
		shmem_uncharge(inode, 1);
		return -ENOMEM;
	}
	__SetPageLocked(page);
	__SetPageSwapBacked(page);
	if (sgp != SGP_FALLOC)
		SetPageUptodate(page);
	if (sgp == SGP_WRITE)
		__SetPageReferenced(page);	/* this write is its first use */
	err = add_to_page_cache(page, mapping, index, GFP_KERNEL);
	if (err) {
		unlock_page(page);
		put_page(page);
		shmem_uncharge(inode, 1);
		return err;
	}
	inode->i_shmem_alloced++;
	lru_cache_add(page);
	*pagep = page;
	return 0;
}

int shmem_get_page(struct inode *inode, pgoff_t index, struct page **pagep, enum sgp_type sgp)
{
	return shmem_get_page_gfp(inode, index, pagep, sgp, NULL);
}

/* --- read and write --- */

/* Holes read as zeros without allocating. Linux: shmem_file_read_iter() */
static ssize_t shmem_file_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t done = 0;

	while (iov_iter_count(to) && iocb->ki_pos < i_size_read(inode)) {
		pgoff_t index = iocb->ki_pos >> PAGE_SHIFT;
		size_t offset = iocb->ki_pos & (PAGE_SIZE - 1);
		size_t n = min((size_t)(PAGE_SIZE - offset), iov_iter_count(to));
		struct page *page = NULL;
		size_t copied;
		int err;

		n = (size_t)min((loff_t)n, i_size_read(inode) - iocb->ki_pos);
		err = shmem_get_page(inode, index, &page, SGP_READ);
		if (err)	/* a page in swap that could not be read back */
			return done ? done : err;
		if (page) {
			unlock_page(page);
			if (!offset)	/* a read from the page's start is a use of it */
				mark_page_accessed(page);
			copied = copy_page_to_iter(page, offset, n, to);
			put_page(page);
		} else {
			copied = iov_iter_zero(n, to);
		}
		iocb->ki_pos += copied;
		done += copied;
		if (copied < n)
			return done ? done : -EFAULT;
	}
	return done;
}

/*
 * The page a write of len bytes at pos goes to, if the seals allow it:
 * none with F_SEAL_WRITE or F_SEAL_FUTURE_WRITE, none past the end with
 * F_SEAL_GROW. Linux: shmem_write_begin()
 */
static int shmem_write_begin(struct inode *inode, loff_t pos, size_t len, struct page **pagep)
{
	unsigned int seals = inode->i_shmem_seals;

	if (is_write_sealed(seals))
		return -EPERM;
	if ((seals & F_SEAL_GROW) && pos + (loff_t)len > i_size_read(inode))
		return -EPERM;
	return shmem_get_page(inode, pos >> PAGE_SHIFT, pagep, SGP_WRITE);
}

/* Linux: generic_perform_write() with shmem_write_begin/end */
static ssize_t shmem_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t done = 0;
	int err;

	if (iocb->ki_flags & IOCB_APPEND)
		iocb->ki_pos = i_size_read(inode);
	if (!iov_iter_count(from))
		return 0;
	err = file_remove_privs(iocb->ki_filp);
	if (err)
		return err;
	while (iov_iter_count(from)) {
		size_t offset = iocb->ki_pos & (PAGE_SIZE - 1);
		size_t n = min((size_t)(PAGE_SIZE - offset), iov_iter_count(from));
		struct page *page;
		size_t copied;
		int err = shmem_write_begin(inode, iocb->ki_pos, n, &page);

		if (err)
			return done ? done : err;
		copied = copy_page_from_iter(page, offset, n, from);
		set_page_dirty(page);
		unlock_page(page);
		put_page(page);
		iocb->ki_pos += copied;
		done += copied;
		if (iocb->ki_pos > i_size_read(inode))
			i_size_write(inode, iocb->ki_pos);
		inode->i_mtime = inode->i_ctime = current_time();
		if (copied < n)
			return done ? done : -EFAULT;
	}
	return done;
}

/* --- mmap and faults --- */

/* A write-sealed file is never mapped shared and writable. Linux: shmem_mmap() */
static int shmem_mmap(struct file *file, struct vm_area_struct *vma)
{
	int ret = seal_check_write(file_inode(file)->i_shmem_seals, vma);

	if (ret)
		return ret;
	vma->vm_ops = &shmem_vm_ops;
	return 0;
}

/*
 * A fault in a range registered with userfaultfd: a hole is the
 * monitor's to fill (MISSING), a page the file has but this VMA does not
 * map is its to map (MINOR). Returns whether the fault went to it, with
 * its answer in *ret. Linux: the userfaultfd cases of shmem_get_folio_gfp()
 */
static bool shmem_userfault(struct vm_fault *vmf, struct inode *inode, vm_fault_t *ret)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page;

	if (vmf->pgoff >= DIV_ROUND_UP(i_size_read(inode), PAGE_SIZE))
		return false;	/* past the end: SIGBUS, as without a monitor */
	/* A page in swap is the file's too. */
	page = radix_tree_lookup(&inode->i_mapping->i_pages, vmf->pgoff);
	if (page) {
		if (!userfaultfd_minor(vma))
			return false;
		*ret = handle_userfault(vmf, VM_UFFD_MINOR);
		return true;
	}
	if (!userfaultfd_missing(vma))
		return false;
	*ret = handle_userfault(vmf, VM_UFFD_MISSING);
	return true;
}

/* Linux: shmem_fault() */
static vm_fault_t shmem_fault(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);
	vm_fault_t ret = 0;
	int err;

	if (userfaultfd_armed(vmf->vma) && shmem_userfault(vmf, inode, &ret))
		return ret;
	err = shmem_get_page_gfp(inode, vmf->pgoff, &vmf->page, SGP_CACHE, &ret);

	if (err == -ENOMEM)
		return VM_FAULT_OOM;
	if (err)
		return VM_FAULT_SIGBUS;
	return ret | VM_FAULT_LOCKED;
}

static const struct vm_operations_struct shmem_vm_ops = {
	.fault = shmem_fault,
	.map_pages = filemap_map_pages,
};

/* A tmpfs file's page cache (its slots may hold swap entries). Linux: shmem_mapping() */
bool shmem_mapping(const struct address_space *mapping)
{
	return mapping->host && mapping->host->i_sb->s_op == &shmem_ops;
}

/* Linux: vma_is_shmem() */
bool vma_is_shmem(const struct vm_area_struct *vma)
{
	return vma->vm_ops == &shmem_vm_ops;
}

/*
 * UFFDIO_COPY or UFFDIO_ZEROPAGE into a shared shmem range: page (filled
 * by the caller, whose reference becomes the PTE's) goes into the file
 * at the hole, then is mapped. ENOMEM past the file system's limit,
 * EFAULT past the end of the file, EEXIST if the file has a page there
 * already (the caller then drops its page). Linux: shmem_mfill_atomic_pte()
 */
int shmem_mfill_atomic_pte(struct vm_area_struct *dst_vma, pmd_t *dst_pmd,
			   unsigned long dst_addr, struct page *page, bool wp_copy)
{
	struct inode *inode = file_inode(dst_vma->vm_file);
	pgoff_t pgoff = linear_page_index(dst_vma, dst_addr);
	int ret;

	if (!shmem_charge(inode))
		return -ENOMEM;
	__SetPageLocked(page);
	__SetPageSwapBacked(page);
	SetPageUptodate(page);
	ret = -EFAULT;
	if (pgoff >= DIV_ROUND_UP(i_size_read(inode), PAGE_SIZE))
		goto out_unlock;
	ret = add_to_page_cache(page, inode->i_mapping, pgoff, GFP_KERNEL);
	if (ret)
		goto out_unlock;
	/* Linux adds it in mfill_atomic_install_pte(), before the rmap, as here. */
	lru_cache_add(page);
	ret = mfill_atomic_install_pte(dst_vma, dst_pmd, dst_addr, page, wp_copy);
	if (ret)
		goto out_delete_from_cache;
	set_page_dirty(page);
	unlock_page(page);
	inode->i_shmem_alloced++;
	return 0;

out_delete_from_cache:
	delete_from_page_cache(page);
out_unlock:
	unlock_page(page);
	ClearPageSwapBacked(page);
	shmem_uncharge(inode, 1);
	return ret;
}

/* --- size changes and the end of a file --- */

/*
 * Free the pages and swap entries of bytes lstart through lend (-1: to
 * the end), zeroing the inside part of a page only partly inside.
 * Linux: shmem_truncate_range() -> shmem_undo_range()
 */
void shmem_truncate_range(struct inode *inode, loff_t lstart, loff_t lend)
{
	pgoff_t start = (lstart + PAGE_SIZE - 1) >> PAGE_SHIFT;
	pgoff_t end = lend == -1 ? ~0UL : (pgoff_t)((lend + 1) >> PAGE_SHIFT);

	shmem_swapin_partial(inode, lstart, lend);
	truncate_inode_pages_range(inode->i_mapping, lstart, lend);
	shmem_free_swap_range(inode, start, end);
	shmem_recalc_inode(inode);
}

/* A size change, unless a seal forbids it (-EPERM). Linux: shmem_setattr() */
int shmem_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);

	if (attr->ia_valid & ATTR_SIZE) {
		loff_t oldsize = i_size_read(inode);
		unsigned int seals = inode->i_shmem_seals;

		if (attr->ia_size < 0)
			return -EINVAL;
		if ((attr->ia_size < oldsize && (seals & F_SEAL_SHRINK)) ||
		    (attr->ia_size > oldsize && (seals & F_SEAL_GROW)))
			return -EPERM;
		i_size_write(inode, attr->ia_size);
		if (attr->ia_size < oldsize) {
			loff_t holebegin = (attr->ia_size + PAGE_SIZE - 1) & PAGE_MASK;

			unmap_mapping_range(inode->i_mapping, holebegin, 0, true);
			shmem_truncate_range(inode, attr->ia_size, -1);
			unmap_mapping_range(inode->i_mapping, holebegin, 0, true);
		}
	}
	return 0;
}

static int shmem_release(struct inode *inode, struct file *file)
{
	return 0;
}

/*
 * The last reference to an unlinked file: its pages go, and a file whose
 * size was committed up front gives it back. Linux: shmem_evict_inode()
 */
void shmem_evict_inode(struct inode *inode)
{
	shmem_free_inode(inode->i_sb);
	if (!S_ISREG(inode->i_mode))
		return;
	shmem_truncate_range(inode, 0, -1);
	shmem_swaplist_del(inode);
	if (!(inode->i_shmem_flags & VM_NORESERVE))
		vm_unacct_memory((long)(PAGE_ALIGN(inode->i_size) >> PAGE_SHIFT));
}

static void shmem_put_super(struct super_block *sb)
{
	kfree(SHMEM_SB(sb));
}

/* Linux: shmem_statfs() */
static int shmem_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(dentry->d_sb);

	buf->f_type = TMPFS_MAGIC;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	if (sbinfo->max_blocks) {
		buf->f_blocks = sbinfo->max_blocks;
		buf->f_bavail = buf->f_bfree = sbinfo->max_blocks - sbinfo->used_blocks;
	}
	if (sbinfo->max_inodes) {
		buf->f_files = sbinfo->max_inodes;
		buf->f_ffree = sbinfo->free_inodes;
	}
	while (!sbinfo->fsid[0] && !sbinfo->fsid[1])
		get_random_bytes(sbinfo->fsid, sizeof(sbinfo->fsid));
	buf->f_fsid[0] = sbinfo->fsid[0];
	buf->f_fsid[1] = sbinfo->fsid[1];
	return 0;
}

static const struct super_operations shmem_ops = {
	.evict_inode = shmem_evict_inode,
	.put_super = shmem_put_super,
	.statfs = shmem_statfs,
};

static const struct inode_operations shmem_special_inode_operations = {
	.setattr = shmem_setattr,
};

static const struct inode_operations shmem_inode_operations = {
	.setattr = shmem_setattr,
};

static const struct inode_operations shmem_symlink_inode_operations = {
	.setattr = shmem_setattr,
};

static const struct file_operations shmem_file_operations = {
	.llseek = generic_file_llseek,
	.read_iter = shmem_file_read_iter,
	.write_iter = shmem_file_write_iter,
	.mmap = shmem_mmap,
	.release = shmem_release,
	.fallocate = shmem_fallocate,
};

/* A regular file of a tmpfs (one that can have seals). Linux: shmem_file() */
bool shmem_file(struct file *file)
{
	return file->f_op == &shmem_file_operations;
}

/* --- file systems and nameless files --- */

/*
 * A new tmpfs. A mounted one (the rootfs, mount(2)) gets Linux's default
 * limits; the internal one (SB_KERNMOUNT) none. Linux: shmem_fill_super()
 */
struct super_block *shmem_fill_super(dev_t dev, unsigned long sb_flags)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);
	struct shmem_sb_info *sbinfo = kzalloc(sizeof(*sbinfo), GFP_KERNEL);
	struct inode *root;

	if (!sb || !sbinfo)
		goto fail;
	if (!(sb_flags & SB_KERNMOUNT)) {
		sbinfo->max_blocks = totalram_pages / 2;	/* shmem_default_max_blocks() */
		sbinfo->max_inodes = totalram_pages / 2;	/* shmem_default_max_inodes() */
		sbinfo->free_inodes = sbinfo->max_inodes;
	}
	sb->s_flags = sb_flags;
	sb->s_fs_info = sbinfo;
	sb->s_op = &shmem_ops;
	sb->s_dev = dev;
	sb->s_magic = TMPFS_MAGIC;
	sb->s_type = "tmpfs";
	root = shmem_get_inode(sb, NULL, S_IFDIR | 01777, 0);	/* Linux's default mode= */
	if (!root)
		goto fail;
	sb->s_root = d_make_root(root);
	if (sb->s_root)
		return sb;
	iput(root);
fail:
	kfree(sbinfo);
	kfree(sb);
	return NULL;
}

/*
 * The internal tmpfs of nameless files (Linux's shm_mnt), made at boot so
 * that the first MAP_SHARED|MAP_ANONYMOUS does not look like a leak.
 * Its device is 0:1, as Linux's shm_mnt is the first anonymous device:
 * maps shows 00:01 for "/dev/zero (deleted)". Linux: shmem_init()
 */
void shmem_init(void)
{
	shm_sb = shmem_fill_super(MKDEV(0, 1), SB_KERNMOUNT);
	if (!shm_sb)
		panic("shmem_init: no memory for the internal tmpfs");
}

/*
 * A file with no name and size bytes, as Linux's shmem_kernel_file_setup():
 * its dentry is in no directory, so /proc shows it as "/name (deleted)".
 * Unless vm_flags has VM_NORESERVE, its whole size is committed now
 * (-ENOMEM past the commit limit), as Linux's shmem_acct_size() does.
 */
struct file *shmem_file_setup(const char *name, loff_t size, unsigned long vm_flags)
{
	struct qstr qname = { name, (unsigned int)strlen(name) };
	long pages = (long)(PAGE_ALIGN(size) >> PAGE_SHIFT);
	struct path path;
	struct inode *inode;
	struct file *file;

	if (!shm_sb)
		return ERR_PTR(-ENOMEM);
	if (size < 0 || size > MAX_LFS_FILESIZE)
		return ERR_PTR(-EINVAL);
	if (!(vm_flags & VM_NORESERVE) && __vm_enough_memory(current->mm, pages))
		return ERR_PTR(-ENOMEM);
	inode = shmem_get_inode(shm_sb, NULL, S_IFREG | S_IRWXUGO, 0);
	if (!inode) {
		if (!(vm_flags & VM_NORESERVE))
			vm_unacct_memory(pages);
		return ERR_PTR(-ENOSPC);
	}
	inode->i_shmem_flags = vm_flags & VM_NORESERVE;
	inode->i_nlink = 0;
	inode->i_size = size;
	path.dentry = d_alloc_pseudo(shm_sb, &qname);
	if (!path.dentry) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	d_instantiate(path.dentry, inode);
	file = alloc_file(&path, O_RDWR, &shmem_file_operations);
	path_put(&path);
	return file;
}

/*
 * SHM_LOCK and SHM_UNLOCK of a System V segment's file: mark it
 * VM_LOCKED, its pages not to be evicted. A caller without CAP_IPC_LOCK
 * may lock no more than RLIMIT_MEMLOCK (-ENOMEM). Linux: shmem_lock(),
 * user_shm_lock(). The file's pages become unevictable
 * (mapping_set_unevictable): those added from now on go straight to the
 * unevictable list; those it has stay where they are until reclaim finds
 * them (Linux moves them there), and SHM_UNLOCK brings the others back
 * (shmem_unlock_mapping). Faultline differs: the limit holds for this
 * segment alone, not the sum of the user's locked segments (Linux's
 * ucounts).
 */
int shmem_lock(struct file *file, int lock)
{
	struct inode *inode = file_inode(file);
	unsigned long lock_limit = rlimit(RLIMIT_MEMLOCK);

	if (lock && !(inode->i_shmem_flags & VM_LOCKED)) {
		if (lock_limit != RLIM_INFINITY)
			lock_limit >>= PAGE_SHIFT;
		if ((PAGE_ALIGN(i_size_read(inode)) >> PAGE_SHIFT) > lock_limit &&
		    !capable(CAP_IPC_LOCK))
			return -ENOMEM;
		inode->i_shmem_flags |= VM_LOCKED;
		mapping_set_unevictable(file->f_mapping);
	}
	if (!lock && (inode->i_shmem_flags & VM_LOCKED)) {
		inode->i_shmem_flags &= ~VM_LOCKED;
		mapping_clear_unevictable(file->f_mapping);
	}
	return 0;
}

/*
 * After SHM_UNLOCK: every page of the file on the unevictable list
 * (and not mlocked) goes back to its evictable list, in batches.
 * Linux: shmem_unlock_mapping()
 */
void shmem_unlock_mapping(struct address_space *mapping)
{
	struct page *pages[16];
	pgoff_t index = 0;
	unsigned int n;

	while (!mapping_unevictable(mapping) &&
	       (n = find_get_pages(mapping, index, ARRAY_SIZE(pages), pages))) {
		index = pages[n - 1]->index + 1;
		check_move_unevictable_pages(pages, n);
		for (unsigned int i = 0; i < n; i++)
			put_page(pages[i]);
	}
}

/*
 * MAP_SHARED|MAP_ANONYMOUS: the memory is a nameless tmpfs file, so that
 * every process sharing it (after fork) sees the same pages. Linux shows
 * it in maps as "/dev/zero (deleted)". Linux: shmem_zero_setup()
 */
int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct file *file = shmem_file_setup("dev/zero", vma->vm_end - vma->vm_start,
					     vma->vm_flags);

	if (IS_ERR(file))
		return PTR_ERR(file);
	if (vma->vm_file)
		fput(vma->vm_file);
	vma->vm_file = file;
	vma->vm_ops = &shmem_vm_ops;
	return 0;
}
