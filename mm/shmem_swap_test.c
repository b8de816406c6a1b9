// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for tmpfs pages in swap (mm/shmem_swap.c), on the disk
 * tests/ktest.sh attaches (swapped on by mm/swapfile_test.c's helper):
 * reclaim moves a page from its file's page cache into the swap cache,
 * leaving the swap entry in the file's slot; a lookup reads it back and
 * frees the slot; truncate frees a slot still in use; a read back that
 * cannot get memory leaves the entry where it was.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/ktest.h>
#include <linux/mman.h>
#include <linux/pagemap.h>
#include <linux/shmem_fs.h>
#include <linux/swap.h>
#include <linux/swap_slots.h>
#include <linux/swapops.h>
#include <linux/sched.h>
#include <linux/vmstat.h>

struct file *swap_disk_on(struct ktest_ctx *t);
void swap_disk_off(struct ktest_ctx *t, struct file *area);

/* Reclaim the page at index of the file, as MADV_PAGEOUT would (it is mapped nowhere). */
static void reclaim_index(struct inode *inode, pgoff_t index)
{
	struct page *page = radix_tree_lookup(&inode->i_mapping->i_pages, index);
	LIST_HEAD(page_list);

	if (!page)
		return;
	if (xa_is_value(page))	/* its page is in the swap cache: that one */
		page = lookup_swap_cache(radix_to_swp_entry(page));
	else
		get_page(page);
	if (!page)
		return;
	wait_on_page_writeback(page);
	lru_add_drain();
	if (!isolate_lru_page(page))
		list_add(&page->lru, &page_list);
	put_page(page);
	reclaim_pages(&page_list);
}

static void fill_page(struct inode *inode, pgoff_t index, int byte)
{
	struct page *page;

	if (shmem_get_page(inode, index, &page, SGP_WRITE))
		return;
	memset(page_address(page), byte, PAGE_SIZE);
	set_page_dirty(page);
	unlock_page(page);
	put_page(page);
}

static swp_entry_t entry_at(struct inode *inode, pgoff_t index)
{
	void *entry = radix_tree_lookup(&inode->i_mapping->i_pages, index);

	return xa_is_value(entry) ? radix_to_swp_entry(entry) : (swp_entry_t){ 0 };
}

static unsigned char swap_map_of(swp_entry_t swap)
{
	return swp_swap_info(swap)->swap_map[swp_offset(swap)];
}

/*
 * A freed slot waits in the slots cache (keeping SWAP_HAS_CACHE) until
 * 64 have gathered: give them back to the area now, as swapoff does.
 */
static void drain_slots_cache(void)
{
	disable_swap_slots_cache_lock();
	reenable_swap_slots_cache_unlock();
}

KTEST(shmem_swap, out_and_in, "reclaim leaves a tmpfs page's swap entry in its file's slot (SWAP_MAP_SHMEM); a read brings it back and frees the slot; truncate frees another")
{
	unsigned long shmem = global_node_page_state(NR_SHMEM);
	struct file *area = swap_disk_on(t), *file;
	struct inode *inode;
	struct page *page;
	swp_entry_t s0, s1;

	if (!area)
		return;
	file = shmem_file_setup("ktest", 2 * PAGE_SIZE, VM_NORESERVE);
	if (!KT_EXPECT_TRUE(t, !IS_ERR(file)))
		goto out;
	inode = file_inode(file);
	fill_page(inode, 0, 0x5a);
	fill_page(inode, 1, 0xa5);
	reclaim_index(inode, 0);
	reclaim_index(inode, 1);
	s0 = entry_at(inode, 0);
	s1 = entry_at(inode, 1);
	KT_EXPECT_TRUE(t, s0.val && s1.val && s0.val != s1.val);
	KT_EXPECT_EQ(t, 2, inode->i_shmem_swapped);
	KT_EXPECT_EQ(t, 0, inode->i_mapping->nrpages);
	KT_EXPECT_EQ(t, shmem, global_node_page_state(NR_SHMEM));
	KT_EXPECT_EQ(t, SWAP_MAP_SHMEM, __swap_count(s0));

	/* Written and reclaimed again: the swap cache lets it go, the file's entry stays. */
	reclaim_index(inode, 0);
	KT_EXPECT_EQ(t, SWAP_MAP_SHMEM, swap_map_of(s0));
	KT_EXPECT_EQ(t, 0, shmem_get_page(inode, 0, &page, SGP_READ));
	if (KT_EXPECT_TRUE(t, page)) {
		KT_EXPECT_TRUE(t, PageDirty(page) && !PageSwapCache(page) && page->index == 0);
		KT_EXPECT_EQ(t, 0x5a, ((unsigned char *)page_address(page))[PAGE_SIZE - 1]);
		unlock_page(page);
		put_page(page);
	}
	drain_slots_cache();
	KT_EXPECT_EQ(t, 0, swap_map_of(s0));	/* free */
	KT_EXPECT_EQ(t, 1, inode->i_shmem_swapped);
	KT_EXPECT_EQ(t, 1, inode->i_mapping->nrpages);

	reclaim_index(inode, 1);	/* out of the swap cache too, once written */
	shmem_truncate_range(inode, PAGE_SIZE, -1);
	drain_slots_cache();
	KT_EXPECT_EQ(t, 0, swap_map_of(s1));
	KT_EXPECT_EQ(t, 0, inode->i_shmem_swapped);
	KT_EXPECT_TRUE(t, !radix_tree_lookup(&inode->i_mapping->i_pages, 1));
	fput(file);
out:
	swap_disk_off(t, area);
}

KTEST(shmem_swap, swapin_enomem, "a read back from swap whose allocation fails is ENOMEM and leaves the entry and its slot; the next one works")
{
	struct file *area = swap_disk_on(t), *file;
	struct inode *inode;
	struct page *page = NULL;
	swp_entry_t s0;
	int err, saved_page_cluster;

	if (!area)
		return;
	file = shmem_file_setup("ktest", PAGE_SIZE, VM_NORESERVE);
	if (!KT_EXPECT_TRUE(t, !IS_ERR(file)))
		goto out;
	inode = file_inode(file);
	fill_page(inode, 0, 0x33);
	reclaim_index(inode, 0);
	reclaim_index(inode, 0);
	s0 = entry_at(inode, 0);
	KT_EXPECT_EQ(t, SWAP_MAP_SHMEM, s0.val ? swap_map_of(s0) : 0);
	saved_page_cluster = page_cluster;
	page_cluster = 0;	/* no readahead: the one allocation is the page's own */
	current->fail_nth = 1;
	err = shmem_get_page(inode, 0, &page, SGP_READ);
	current->fail_nth = 0;
	page_cluster = saved_page_cluster;
	KT_EXPECT_EQ(t, -ENOMEM, err);
	KT_EXPECT_EQ(t, s0.val, entry_at(inode, 0).val);
	KT_EXPECT_EQ(t, 1, inode->i_shmem_swapped);
	KT_EXPECT_EQ(t, 0, shmem_get_page(inode, 0, &page, SGP_READ));
	if (KT_EXPECT_TRUE(t, page)) {
		KT_EXPECT_EQ(t, 0x33, ((unsigned char *)page_address(page))[7]);
		unlock_page(page);
		put_page(page);
	}
	KT_EXPECT_EQ(t, 0, inode->i_shmem_swapped);
	fput(file);
out:
	swap_disk_off(t, area);
}
