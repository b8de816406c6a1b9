// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for tmpfs files and the page cache (mm/shmem.c, mm/filemap.c,
 * mm/truncate.c, mm/shmem_fallocate.c), through the same read, write,
 * truncate and fallocate paths the system calls use.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/ktest.h>
#include <linux/namei.h>
#include <linux/pagemap.h>
#include <linux/shmem_fs.h>
#include <linux/falloc.h>
#include <linux/sched.h>
#include <linux/fault-inject.h>
#include <linux/slab.h>

static struct file *open_tmp(const char *name)
{
	return filp_open(name, O_RDWR | O_CREAT | O_TRUNC, 0644);
}

KTEST(shmem, initramfs, "the initramfs put its files in the page cache, swap-backed, with the contents cpio had")
{
	struct file *file = filp_open("/test/pages.bin", O_RDONLY, 0);
	struct address_space *mapping;
	struct page *page;
	char buf[32];
	loff_t pos = 0;

	KT_ASSERT_TRUE(t, !IS_ERR(file));
	mapping = file->f_mapping;
	KT_EXPECT_EQ(t, 40 * PAGE_SIZE, i_size_read(file_inode(file)));
	KT_EXPECT_EQ(t, 40, mapping->nrpages);
	page = find_get_page(mapping, 7);
	KT_ASSERT_TRUE(t, page);
	KT_EXPECT_PTR_EQ(t, mapping, page->mapping);
	KT_EXPECT_EQ(t, 7, page->index);
	KT_EXPECT_TRUE(t, PageUptodate(page) && PageSwapBacked(page) && PageDirty(page));
	KT_EXPECT_EQ(t, 'A' + 7, ((char *)page_address(page))[100]);
	KT_EXPECT_EQ(t, 2, page_ref_count(page));	/* the cache's and ours */
	put_page(page);
	fput(file);

	file = filp_open("/test/link-to-hello", O_RDONLY, 0);
	KT_ASSERT_TRUE(t, !IS_ERR(file));
	KT_EXPECT_EQ(t, 18, kernel_read(file, buf, sizeof(buf), &pos));
	KT_EXPECT_TRUE(t, !memcmp(buf, "hello, page cache\n", 18));
	KT_EXPECT_EQ(t, 0, kernel_read(file, buf, sizeof(buf), &pos));	/* EOF */
	fput(file);
}

KTEST(shmem, write_read, "writes across pages extend the file and read back; holes read as zeros without pages")
{
	unsigned long cached = global_node_page_state(NR_FILE_PAGES);
	unsigned long shmem = global_node_page_state(NR_SHMEM);
	struct file *file = open_tmp("/tmp/wr");
	static char buf[3 * 4096];
	loff_t pos = PAGE_SIZE - 10;

	KT_ASSERT_TRUE(t, !IS_ERR(file));
	memset(buf, 'x', 20);
	KT_EXPECT_EQ(t, 20, kernel_write(file, buf, 20, &pos));	/* straddles pages 0 and 1 */
	KT_EXPECT_EQ(t, PAGE_SIZE + 10, i_size_read(file_inode(file)));
	KT_EXPECT_EQ(t, 2, file->f_mapping->nrpages);
	KT_EXPECT_EQ(t, cached + 2, global_node_page_state(NR_FILE_PAGES));
	KT_EXPECT_EQ(t, shmem + 2, global_node_page_state(NR_SHMEM));

	pos = 5 * PAGE_SIZE;
	KT_EXPECT_EQ(t, 1, kernel_write(file, "y", 1, &pos));	/* pages 2-4 stay holes */
	KT_EXPECT_EQ(t, 3, file->f_mapping->nrpages);
	pos = PAGE_SIZE - 12;
	memset(buf, 1, sizeof(buf));
	KT_EXPECT_EQ(t, 3 * PAGE_SIZE, kernel_read(file, buf, 3 * PAGE_SIZE, &pos));
	KT_EXPECT_EQ(t, 0, buf[0]);
	KT_EXPECT_EQ(t, 'x', buf[2]);
	KT_EXPECT_EQ(t, 'x', buf[21]);
	KT_EXPECT_EQ(t, 0, buf[22]);
	KT_EXPECT_EQ(t, 0, buf[3 * PAGE_SIZE - 1]);		/* inside a hole */
	KT_EXPECT_EQ(t, 3, file->f_mapping->nrpages);		/* reading made none */
	fput(file);
	init_unlink("/tmp/wr");
	KT_EXPECT_EQ(t, cached, global_node_page_state(NR_FILE_PAGES));
}

KTEST(shmem, truncate, "truncate drops the pages past the new size and zeroes the tail of the last one")
{
	struct file *file = open_tmp("/tmp/tr");
	static char buf[4 * 4096];
	loff_t pos = 0;

	KT_ASSERT_TRUE(t, !IS_ERR(file));
	memset(buf, 'z', sizeof(buf));
	KT_EXPECT_EQ(t, sizeof(buf), kernel_write(file, buf, sizeof(buf), &pos));
	KT_EXPECT_EQ(t, 4, file->f_mapping->nrpages);
	KT_EXPECT_EQ(t, 0, do_truncate(file->f_path.dentry, PAGE_SIZE + 100));
	KT_EXPECT_EQ(t, 2, file->f_mapping->nrpages);
	KT_EXPECT_EQ(t, PAGE_SIZE + 100, i_size_read(file_inode(file)));
	/* Growing again shows zeros where the old data was. */
	KT_EXPECT_EQ(t, 0, do_truncate(file->f_path.dentry, 3 * PAGE_SIZE));
	pos = PAGE_SIZE + 96;
	memset(buf, 1, 8);
	KT_EXPECT_EQ(t, 8, kernel_read(file, buf, 8, &pos));
	KT_EXPECT_TRUE(t, buf[0] == 'z' && buf[3] == 'z' && buf[4] == 0 && buf[7] == 0);
	KT_EXPECT_EQ(t, -EINVAL, do_truncate(file->f_path.dentry, -1));
	{
		struct path dir = { file->f_path.dentry->d_parent };

		KT_EXPECT_EQ(t, -EISDIR, vfs_truncate(&dir, 0));
	}
	fput(file);
	init_unlink("/tmp/tr");
}

KTEST(shmem, unlink_open, "an unlinked file lives while open and its pages go with the last reference")
{
	unsigned long before = nr_free_pages();
	struct file *file = open_tmp("/tmp/ul");
	static char buf[2 * 4096];
	loff_t pos = 0;

	KT_ASSERT_TRUE(t, !IS_ERR(file));
	KT_EXPECT_EQ(t, sizeof(buf), kernel_write(file, buf, sizeof(buf), &pos));
	KT_EXPECT_EQ(t, 0, init_unlink("/tmp/ul"));
	KT_EXPECT_EQ(t, 0, file_inode(file)->i_nlink);
	pos = 0;
	KT_EXPECT_EQ(t, sizeof(buf), kernel_read(file, buf, sizeof(buf), &pos));
	KT_EXPECT_TRUE(t, nr_free_pages() < before);
	fput(file);
	kmem_cache_shrink_all();
	KT_EXPECT_EQ(t, before, nr_free_pages());
}

KTEST(shmem, page_cache, "add_to_page_cache and delete_from_page_cache keep mapping, index, references and counters")
{
	struct file *file = open_tmp("/tmp/pc");
	struct address_space *mapping;
	struct page *page = alloc_page(GFP_KERNEL), *other = alloc_page(GFP_KERNEL);
	unsigned long cached = global_node_page_state(NR_FILE_PAGES);

	KT_ASSERT_TRUE(t, !IS_ERR(file) && page && other);
	mapping = file->f_mapping;
	__SetPageLocked(page);
	KT_EXPECT_EQ(t, 0, add_to_page_cache(page, mapping, 9, GFP_KERNEL));
	unlock_page(page);
	__SetPageLocked(other);
	KT_EXPECT_EQ(t, -EEXIST, add_to_page_cache(other, mapping, 9, GFP_KERNEL));
	KT_EXPECT_TRUE(t, other->mapping == NULL && page_ref_count(other) == 1);
	unlock_page(other);
	__free_page(other);
	KT_EXPECT_EQ(t, 2, page_ref_count(page));
	KT_EXPECT_PTR_EQ(t, page, find_get_page(mapping, 9));
	KT_EXPECT_EQ(t, 3, page_ref_count(page));
	put_page(page);
	KT_EXPECT_TRUE(t, find_get_page(mapping, 8) == NULL);
	KT_EXPECT_EQ(t, cached + 1, global_node_page_state(NR_FILE_PAGES));
	delete_from_page_cache(page);
	KT_EXPECT_TRUE(t, page->mapping == NULL && mapping->nrpages == 0);
	KT_EXPECT_EQ(t, 1, page_ref_count(page));
	KT_EXPECT_EQ(t, cached, global_node_page_state(NR_FILE_PAGES));
	__free_page(page);
	fput(file);
	init_unlink("/tmp/pc");
}

/* Pages of file in the page cache, and how many of them are up to date. */
static unsigned long uptodate_pages(struct file *file, pgoff_t end)
{
	unsigned long n = 0;

	for (pgoff_t i = 0; i < end; i++) {
		struct page *page = find_get_page(file->f_mapping, i);

		if (page) {
			n += PageUptodate(page);
			put_page(page);
		}
	}
	return n;
}

KTEST(shmem, fallocate_enospc_undo, "an fallocate out of room half-way gives back the pages it made, keeps the others")
{
	struct file *file = open_tmp("/tmp/fa");
	struct shmem_sb_info *sbinfo;
	unsigned long max_blocks, used;
	loff_t pos = PAGE_SIZE;

	KT_ASSERT_TRUE(t, !IS_ERR(file));
	KT_EXPECT_EQ(t, 1, kernel_write(file, "w", 1, &pos));		/* page 1: written */
	KT_EXPECT_EQ(t, 0, vfs_fallocate(file, FALLOC_FL_KEEP_SIZE, 3 * PAGE_SIZE, 1));
	KT_EXPECT_EQ(t, 2, file->f_mapping->nrpages);
	KT_EXPECT_EQ(t, 1, uptodate_pages(file, 8));	/* page 3 waits for its first use */
	sbinfo = SHMEM_SB(file_inode(file)->i_sb);
	max_blocks = sbinfo->max_blocks;
	used = sbinfo->used_blocks;
	sbinfo->max_blocks = used + 2;	/* room for pages 0 and 2, not 4 */
	KT_EXPECT_EQ(t, -ENOSPC, vfs_fallocate(file, 0, 0, 6 * PAGE_SIZE));
	sbinfo->max_blocks = max_blocks;
	KT_EXPECT_EQ(t, used, sbinfo->used_blocks);
	KT_EXPECT_EQ(t, 2, file->f_mapping->nrpages);		/* 0 and 2 went again */
	KT_EXPECT_EQ(t, 2, uptodate_pages(file, 8));	/* 3 is this one's now: kept */
	KT_EXPECT_EQ(t, PAGE_SIZE + 1, i_size_read(file_inode(file)));
	KT_EXPECT_EQ(t, -ENOSPC, vfs_fallocate(file, 0, 0, (loff_t)(max_blocks + 1) * PAGE_SIZE));
	fput(file);
	init_unlink("/tmp/fa");
}

KTEST(shmem, fallocate_fail_nth, "fallocate failing at each allocation in turn leaves the file as it was")
{
	struct file *file = open_tmp("/tmp/fn");
	unsigned long free_before;
	unsigned int n;
	int err = -ENOMEM;

	KT_ASSERT_TRUE(t, !IS_ERR(file));
	for (n = 1; n < 100 && err; n++) {
		kmem_cache_shrink_all();
		free_before = nr_free_pages();
		current->fail_nth = n;
		err = vfs_fallocate(file, 0, 0, 4 * PAGE_SIZE);
		current->fail_nth = 0;
		if (!err)
			break;
		kmem_cache_shrink_all();
		if (!KT_EXPECT_EQ(t, -ENOMEM, err) ||
		    !KT_EXPECT_EQ(t, free_before, nr_free_pages()) ||
		    !KT_EXPECT_EQ(t, 0, file->f_mapping->nrpages) ||
		    !KT_EXPECT_EQ(t, 0, i_size_read(file_inode(file))))
			break;
	}
	KT_EXPECT_EQ(t, 0, err);
	KT_EXPECT_TRUE(t, n > 1);	/* the page cache's tree nodes (user pages never fail) */
	KT_EXPECT_EQ(t, 4, file->f_mapping->nrpages);
	KT_EXPECT_EQ(t, 4 * PAGE_SIZE, i_size_read(file_inode(file)));
	fput(file);
	init_unlink("/tmp/fn");
}

KTEST(shmem, punch_hole, "a hole frees the whole pages inside, zeroes the parts at its ends, and gives the blocks back")
{
	struct file *file = open_tmp("/tmp/ph");
	struct shmem_sb_info *sbinfo;
	static char buf[4 * 4096];
	unsigned long used;
	loff_t pos = 0;

	KT_ASSERT_TRUE(t, !IS_ERR(file));
	sbinfo = SHMEM_SB(file_inode(file)->i_sb);
	memset(buf, 'h', sizeof(buf));
	KT_EXPECT_EQ(t, sizeof(buf), kernel_write(file, buf, sizeof(buf), &pos));
	used = sbinfo->used_blocks;
	KT_EXPECT_EQ(t, -EOPNOTSUPP, vfs_fallocate(file, FALLOC_FL_PUNCH_HOLE, 0, PAGE_SIZE));
	KT_EXPECT_EQ(t, 0, vfs_fallocate(file, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 10,
					 3 * PAGE_SIZE - 20));
	KT_EXPECT_EQ(t, 3, file->f_mapping->nrpages);	/* 1 went; 0 and 2 are partly in */
	KT_EXPECT_EQ(t, used - 1, sbinfo->used_blocks);
	pos = 0;
	memset(buf, 1, sizeof(buf));
	KT_EXPECT_EQ(t, sizeof(buf), kernel_read(file, buf, sizeof(buf), &pos));
	KT_EXPECT_TRUE(t, buf[9] == 'h' && buf[10] == 0 && buf[2 * PAGE_SIZE] == 0);
	KT_EXPECT_TRUE(t, buf[3 * PAGE_SIZE - 11] == 0 && buf[3 * PAGE_SIZE - 10] == 'h');
	/* Inside one page: only its middle. */
	KT_EXPECT_EQ(t, 0, vfs_fallocate(file, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
					 3 * PAGE_SIZE + 100, 10));
	pos = 3 * PAGE_SIZE + 99;
	KT_EXPECT_EQ(t, 12, kernel_read(file, buf, 12, &pos));
	KT_EXPECT_TRUE(t, buf[0] == 'h' && buf[1] == 0 && buf[10] == 0 && buf[11] == 'h');
	KT_EXPECT_EQ(t, 4 * PAGE_SIZE, i_size_read(file_inode(file)));
	fput(file);
	init_unlink("/tmp/ph");
}

KTEST(shmem, fallocate_last_page, "a page at the last index a file can have goes, with its radix-tree nodes, when the file does")
{
	unsigned long nodes = radix_tree_nodes_in_use(), pages = nr_free_pages();
	struct file *file = shmem_file_setup("last", 0, 0);

	KT_ASSERT_TRUE(t, !IS_ERR(file));
	KT_EXPECT_EQ(t, 0, vfs_fallocate(file, 0, LLONG_MAX - PAGE_SIZE + 1, PAGE_SIZE - 1));
	KT_EXPECT_EQ(t, 1, file->f_mapping->nrpages);
	KT_EXPECT_TRUE(t, radix_tree_nodes_in_use() > nodes);
	fput(file);
	KT_EXPECT_EQ(t, nodes, radix_tree_nodes_in_use());
	KT_EXPECT_TRUE(t, nr_free_pages() + 4 >= pages);
}
