// SPDX-License-Identifier: GPL-2.0
/*
 * mm/rmap.c's anon_vma chains under random orders of fork, exit, write
 * faults, mmap, munmap, split, merge and mprotect, with allocation
 * failures injected (fail-nth) into fork, split and merge. A small model
 * of processes stands in for the rest of the kernel: each process has a
 * sorted list of VMAs over a few page slots and a "page table" of model
 * pages. After every step every invariant is checked:
 *
 *   - each avc is on its VMA's chain and in its anon_vma's interval
 *     tree, at its VMA's page range as it is now (a split or merge
 *     takes the VMA out of the trees while its range changes), and a
 *     VMA's chain runs from its own anon_vma to the root, with every
 *     ancestor of its anon_vma on it;
 *   - num_active_vmas and num_children are what 6.1 counts, and the
 *     refcount is one for the tree plus, on a root, one per descendant;
 *   - every mapped page's anon_vma is alive and on the chain of each
 *     VMA that maps it, and the real rmap_walk() finds exactly the
 *     mappings the model has, at the right addresses.
 *
 * AddressSanitizer catches any anon_vma or avc used after it is freed
 * (the newest-to-oldest chain order is what keeps a parent alive for its
 * child's num_children update, and the root for last), and
 * LeakSanitizer any left when every process has exited.
 */
#include <stdlib.h>
#include <string.h>
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/fault-inject.h>
#include <linux/prandom.h>
#include "tap.h"

#define NPROC	24	/* process slots */
#define NSLOT	16	/* pages of address space per process */
#define BASE	0x400000UL

struct mpage {
	struct page page;
	int maps;		/* the model's count of PTEs mapping it */
};

struct proc {
	bool live;
	struct vm_area_struct *mmap;	/* sorted, linked by vm_next/vm_prev */
	struct mpage *pte[NSLOT];
};

/* The node counters rmap.c updates (page_alloc.c's, not linked here). */
struct pglist_data contig_page_data;

static struct proc procs[NPROC];
static struct rnd_state rng = { 0x5eed0fa11ab1eULL };
static unsigned long steps, failures_injected;
static bool inject;		/* fail allocations now and then (the random run) */

static unsigned long rnd(unsigned long n)
{
	return prandom_below(&rng, n);
}

static unsigned long slot_addr(int slot)
{
	return BASE + (unsigned long)slot * PAGE_SIZE;
}

static int addr_slot(unsigned long addr)
{
	return (int)((addr - BASE) / PAGE_SIZE);
}

/* --- the model's VMAs --- */

static struct vm_area_struct *vma_new(unsigned long start, unsigned long end,
				      unsigned long flags)
{
	struct vm_area_struct *vma = calloc(1, sizeof(*vma));

	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags;
	vma->vm_pgoff = start >> PAGE_SHIFT;
	INIT_LIST_HEAD(&vma->anon_vma_chain);
	RB_CLEAR_NODE(&vma->shared.rb);
	return vma;
}

static struct vm_area_struct *vma_dup(const struct vm_area_struct *orig)
{
	struct vm_area_struct *vma = vma_new(orig->vm_start, orig->vm_end, orig->vm_flags);

	vma->vm_pgoff = orig->vm_pgoff;
	vma->anon_vma = orig->anon_vma;
	return vma;
}

static void vma_link_after(struct proc *p, struct vm_area_struct *prev,
			   struct vm_area_struct *vma)
{
	struct vm_area_struct *next = prev ? prev->vm_next : p->mmap;

	vma->vm_prev = prev;
	vma->vm_next = next;
	if (prev)
		prev->vm_next = vma;
	else
		p->mmap = vma;
	if (next)
		next->vm_prev = vma;
}

static void vma_unlink(struct proc *p, struct vm_area_struct *vma)
{
	if (vma->vm_prev)
		vma->vm_prev->vm_next = vma->vm_next;
	else
		p->mmap = vma->vm_next;
	if (vma->vm_next)
		vma->vm_next->vm_prev = vma->vm_prev;
}

static struct vm_area_struct *vma_at(struct proc *p, int slot)
{
	for (struct vm_area_struct *v = p->mmap; v; v = v->vm_next)
		if (slot_addr(slot) >= v->vm_start && slot_addr(slot) < v->vm_end)
			return v;
	return NULL;
}

static struct proc *random_proc(void)
{
	int live[NPROC], n = 0;

	for (int i = 0; i < NPROC; i++)
		if (procs[i].live)
			live[n++] = i;
	return n ? &procs[live[rnd(n)]] : NULL;
}

static struct proc *free_proc(void)
{
	for (int i = 0; i < NPROC; i++)
		if (!procs[i].live)
			return &procs[i];
	return NULL;
}

/* A new end for vma, out of its anon_vmas' trees meanwhile (mm/vma.c's vma_set_range). */
static void set_end(struct vm_area_struct *vma, unsigned long end)
{
	anon_vma_interval_tree_pre_update_vma(vma);
	vma->vm_end = end;
	anon_vma_interval_tree_post_update_vma(vma);
}

/* --- pages --- */

static void unmap_slot(struct proc *p, int slot)
{
	struct mpage *mp = p->pte[slot];

	if (!mp)
		return;
	p->pte[slot] = NULL;
	if (--mp->maps == 0)
		free(mp);
}

/* munmap's and exit's end for one VMA: pages, chains, the VMA itself. */
static void vma_remove(struct proc *p, struct vm_area_struct *vma)
{
	for (int s = addr_slot(vma->vm_start); s < addr_slot(vma->vm_end); s++)
		unmap_slot(p, s);
	vma_unlink(p, vma);
	unlink_anon_vmas(vma);
	free(vma);
}

/*
 * A write fault: a new page, or reuse of one only we map (moved to our
 * anon_vma, as do_wp_page's page_move_anon_rmap does), or a COW copy.
 */
static void model_write_fault(struct proc *p)
{
	int slot = (int)rnd(NSLOT);
	struct vm_area_struct *vma = vma_at(p, slot);
	struct mpage *old = p->pte[slot], *mp;

	if (!vma || anon_vma_prepare(vma))
		return;
	if (old && old->maps == 1) {
		old->page.mapping = (void *)((unsigned long)vma->anon_vma | PAGE_MAPPING_ANON);
		return;
	}
	mp = calloc(1, sizeof(*mp));
	mp->page.mapping = (void *)((unsigned long)vma->anon_vma | PAGE_MAPPING_ANON);
	mp->page.index = linear_page_index(vma, slot_addr(slot));
	mp->maps = 1;
	unmap_slot(p, slot);
	p->pte[slot] = mp;
}

static void model_exit(struct proc *p)
{
	while (p->mmap)
		vma_remove(p, p->mmap);
	p->live = false;
}

/* dup_mmap: each VMA copied with anon_vma_fork, its pages shared. */
static void model_fork(struct proc *parent)
{
	struct proc *child = free_proc();
	struct vm_area_struct *prev = NULL;

	if (!child)
		return;
	memset(child, 0, sizeof(*child));
	child->live = true;
	if (inject && rnd(4) == 0) {
		current->fail_nth = (int)rnd(8) + 1;
		failures_injected++;
	}
	for (struct vm_area_struct *v = parent->mmap; v; v = v->vm_next) {
		struct vm_area_struct *tmp = vma_dup(v);

		if (anon_vma_fork(tmp, v)) {
			free(tmp);
			model_exit(child);
			break;
		}
		vma_link_after(child, prev, tmp);
		prev = tmp;
		for (int s = addr_slot(v->vm_start); s < addr_slot(v->vm_end); s++) {
			child->pte[s] = parent->pte[s];
			if (child->pte[s])
				child->pte[s]->maps++;
		}
	}
	current->fail_nth = 0;
}

/* A new anonymous VMA in a hole: anon_vma_prepare may adopt a neighbour's. */
static void model_mmap(struct proc *p)
{
	int slot = (int)rnd(NSLOT), end = slot + 1;
	struct vm_area_struct *prev = NULL, *vma;

	if (vma_at(p, slot))
		return;
	while (end < NSLOT && !vma_at(p, end) && rnd(2))
		end++;
	for (struct vm_area_struct *v = p->mmap; v && v->vm_end <= slot_addr(slot); v = v->vm_next)
		prev = v;
	vma = vma_new(slot_addr(slot), slot_addr(end), VM_READ | (rnd(2) ? VM_WRITE : 0));
	vma_link_after(p, prev, vma);
	if (rnd(2))
		anon_vma_prepare(vma);
}

static void model_munmap(struct proc *p)
{
	struct vm_area_struct *vma = vma_at(p, (int)rnd(NSLOT));

	if (vma)
		vma_remove(p, vma);
}

/* __split_vma: the new upper part shares the anon_vmas through a clone. */
static struct vm_area_struct *split_at(struct proc *p, struct vm_area_struct *vma,
				       unsigned long addr)
{
	struct vm_area_struct *new = vma_dup(vma);

	new->vm_start = addr;
	new->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	if (inject && rnd(8) == 0) {
		current->fail_nth = (int)rnd(3) + 1;
		failures_injected++;
	}
	if (anon_vma_clone(new, vma)) {
		current->fail_nth = 0;
		free(new);
		return NULL;
	}
	current->fail_nth = 0;
	set_end(vma, addr);
	vma_link_after(p, vma, new);
	return new;
}

static void model_split(struct proc *p)
{
	int slot = (int)rnd(NSLOT);
	struct vm_area_struct *vma = vma_at(p, slot);

	if (vma && slot_addr(slot) > vma->vm_start)
		split_at(p, vma, slot_addr(slot));
}

/* vma_merge's rule for anon_vmas: equal, or one side without any yet. */
static bool mergeable(struct vm_area_struct *a, struct vm_area_struct *b)
{
	if (a->vm_end != b->vm_start || a->vm_flags != b->vm_flags ||
	    b->vm_pgoff != a->vm_pgoff + ((b->vm_start - a->vm_start) >> PAGE_SHIFT))
		return false;
	if (!a->anon_vma || !b->anon_vma)
		return list_empty(&a->anon_vma_chain) || list_empty(&b->anon_vma_chain) ||
		       list_is_singular(&a->anon_vma_chain);
	return a->anon_vma == b->anon_vma;
}

/* vma swallows its next: it imports next's anon_vma first if it has none. */
static void merge_next(struct proc *p, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = vma->vm_next;

	if (!next || !mergeable(vma, next))
		return;
	if (next->anon_vma && !vma->anon_vma) {
		vma->anon_vma = next->anon_vma;
		if (inject && rnd(8) == 0) {
			current->fail_nth = 1;
			failures_injected++;
		}
		if (anon_vma_clone(vma, next)) {
			current->fail_nth = 0;
			return;		/* anon_vma_clone left vma as it was */
		}
		current->fail_nth = 0;
	}
	set_end(vma, next->vm_end);
	vma_unlink(p, next);
	unlink_anon_vmas(next);
	free(next);
}

static void model_merge(struct proc *p)
{
	struct vm_area_struct *vma = vma_at(p, (int)rnd(NSLOT));

	if (vma)
		merge_next(p, vma);
}

/* mprotect of part of a VMA: split at both ends, flip VM_WRITE, merge back. */
static void model_mprotect(struct proc *p)
{
	int slot = (int)rnd(NSLOT);
	struct vm_area_struct *vma = vma_at(p, slot), *prev;
	unsigned long end = slot_addr(slot) + PAGE_SIZE * (1 + rnd(3));

	if (!vma)
		return;
	if (slot_addr(slot) > vma->vm_start && !(vma = split_at(p, vma, slot_addr(slot))))
		return;
	if (end < vma->vm_end && !split_at(p, vma, end))
		return;
	vma->vm_flags ^= VM_WRITE;
	prev = vma->vm_prev;
	merge_next(p, vma);
	if (prev)
		merge_next(p, prev);
}

/* --- the checks --- */

#define MAXAV	4096
static struct anon_vma *seen[MAXAV];
static int nseen;

static bool is_seen(struct anon_vma *av)
{
	for (int i = 0; i < nseen; i++)
		if (seen[i] == av)
			return true;
	return false;
}

static bool on_list(struct list_head *head, struct list_head *entry)
{
	struct list_head *pos;

	list_for_each(pos, head)
		if (pos == entry)
			return true;
	return false;
}

static bool in_tree(struct rb_root_cached *root, struct anon_vma_chain *avc)
{
	for (struct rb_node *n = rb_first(&root->rb_root); n; n = rb_next(n))
		if (n == &avc->rb)
			return true;
	return false;
}

static bool vma_linked_to(struct vm_area_struct *vma, struct anon_vma *av)
{
	struct anon_vma_chain *avc;

	list_for_each_entry(avc, &vma->anon_vma_chain, same_vma)
		if (avc->anon_vma == av)
			return true;
	return false;
}

static int list_count(struct list_head *head)
{
	struct list_head *pos;
	int n = 0;

	list_for_each(pos, head)
		n++;
	return n;
}

static bool vma_live(struct vm_area_struct *vma)
{
	for (int i = 0; i < NPROC; i++)
		for (struct vm_area_struct *v = procs[i].live ? procs[i].mmap : NULL; v; v = v->vm_next)
			if (v == vma)
				return true;
	return false;
}

/* Each VMA's chain: both lists, newest to the root, every ancestor there. */
static void check_vma_chain(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc, *last = NULL;

	list_for_each_entry(avc, &vma->anon_vma_chain, same_vma) {
		CHECK(avc->vma == vma);
		CHECK(in_tree(&avc->anon_vma->rb_root, avc));
		CHECK(anon_vma_interval_tree_verify(avc));
		if (!is_seen(avc->anon_vma) && nseen < MAXAV)
			seen[nseen++] = avc->anon_vma;
		last = avc;
	}
	if (!last) {
		CHECK(!vma->anon_vma);
		return;
	}
	CHECK(last->anon_vma->root == last->anon_vma);		/* the root last */
	list_for_each_entry(avc, &vma->anon_vma_chain, same_vma)
		CHECK(avc->anon_vma->root == last->anon_vma);
	if (vma->anon_vma) {
		for (struct anon_vma *a = vma->anon_vma; ; a = a->parent) {
			CHECK(vma_linked_to(vma, a));
			if (a == a->parent)
				break;
		}
	}
}

static unsigned long count_vmas_using(struct anon_vma *av)
{
	unsigned long n = 0;

	for (int i = 0; i < NPROC; i++)
		for (struct vm_area_struct *v = procs[i].live ? procs[i].mmap : NULL; v; v = v->vm_next)
			n += v->anon_vma == av;
	return n;
}

static void check_anon_vma(struct anon_vma *av)
{
	unsigned long children = 0, descendants = 0;

	CHECK(!RB_EMPTY_ROOT(&av->rb_root.rb_root));	/* an empty one is freed at once */
	CHECK(av->rb_root.rb_leftmost == rb_first(&av->rb_root.rb_root));
	CHECK(is_seen(av->root) && is_seen(av->parent));
	CHECK(av->parent->root == av->root);
	for (struct rb_node *n = rb_first(&av->rb_root.rb_root); n; n = rb_next(n)) {
		struct anon_vma_chain *avc = rb_entry(n, struct anon_vma_chain, rb);

		CHECK(avc->anon_vma == av);
		CHECK(vma_live(avc->vma));
		CHECK(on_list(&avc->vma->anon_vma_chain, &avc->same_vma));
	}
	for (int i = 0; i < nseen; i++) {
		children += seen[i]->parent == av;
		descendants += seen[i]->root == av && seen[i] != av;
	}
	CHECK_EQ(count_vmas_using(av), av->num_active_vmas);
	CHECK_EQ(children, av->num_children);
	CHECK_EQ(1 + (av->root == av ? descendants : 0), atomic_read(&av->refcount));
}

/* What rmap_walk() reports for one page: each (vma, address) offered. */
struct walk_seen {
	int n;
	struct vm_area_struct *vma[4 * NPROC];
	unsigned long addr[4 * NPROC];
};

static bool record_one(struct page *page, struct vm_area_struct *vma, unsigned long addr,
		       void *arg)
{
	struct walk_seen *ws = arg;

	if (ws->n < 4 * NPROC) {
		ws->vma[ws->n] = vma;
		ws->addr[ws->n++] = addr;
	}
	return true;
}

static struct proc *owner(struct vm_area_struct *vma)
{
	for (int i = 0; i < NPROC; i++)
		for (struct vm_area_struct *v = procs[i].live ? procs[i].mmap : NULL; v; v = v->vm_next)
			if (v == vma)
				return &procs[i];
	return NULL;
}

/* The rmap walk finds every PTE the model has for mp, and no other. */
static void check_page(struct proc *p, int slot, struct vm_area_struct *vma)
{
	struct mpage *mp = p->pte[slot];
	struct rmap_walk_control rwc = { .rmap_one = record_one };
	struct walk_seen ws = { 0 };
	int mapped = 0;
	bool self = false;

	CHECK(vma && vma->anon_vma);
	if (!vma)
		return;
	CHECK(is_seen(page_anon_vma(&mp->page)));
	CHECK(vma_linked_to(vma, page_anon_vma(&mp->page)));
	rwc.arg = &ws;
	rmap_walk(&mp->page, &rwc);
	for (int i = 0; i < ws.n; i++) {
		struct proc *o = owner(ws.vma[i]);

		CHECK(ws.addr[i] >= ws.vma[i]->vm_start && ws.addr[i] < ws.vma[i]->vm_end);
		if (o && o->pte[addr_slot(ws.addr[i])] == mp)
			mapped++;
		self |= ws.vma[i] == vma && ws.addr[i] == slot_addr(slot);
	}
	CHECK(self);
	CHECK_EQ(mp->maps, mapped);
}

static void check_all(void)
{
	nseen = 0;
	for (int i = 0; i < NPROC; i++)
		for (struct vm_area_struct *v = procs[i].live ? procs[i].mmap : NULL; v; v = v->vm_next)
			check_vma_chain(v);
	for (int i = 0; i < nseen; i++)
		check_anon_vma(seen[i]);
	for (int i = 0; i < NPROC; i++) {
		if (!procs[i].live)
			continue;
		for (int s = 0; s < NSLOT; s++)
			if (procs[i].pte[s])
				check_page(&procs[i], s, vma_at(&procs[i], s));
	}
}

static void step(void)
{
	struct proc *p = random_proc();
	unsigned long op = rnd(100);

	if (!p) {
		p = free_proc();
		memset(p, 0, sizeof(*p));
		p->live = true;
		model_mmap(p);
		return;
	}
	if (op < 30)
		model_write_fault(p);
	else if (op < 45)
		model_fork(p);
	else if (op < 55)
		model_exit(p);
	else if (op < 65)
		model_mmap(p);
	else if (op < 70)
		model_munmap(p);
	else if (op < 80)
		model_split(p);
	else if (op < 90)
		model_merge(p);
	else
		model_mprotect(p);
}

static void run(unsigned long n)
{
	for (steps = 0; steps < n && !tap_case_failed; steps++) {
		step();
		check_all();
	}
	if (tap_case_failed)
		printf("#   failed after step %lu\n", steps);
	for (int i = 0; i < NPROC; i++)
		if (procs[i].live)
			model_exit(&procs[i]);
}

/*
 * The chain that Linux's reverse walk keeps in order: P forks C, C
 * forks G, G forks H, each after writing a page of its own; P, C and G
 * exit before H. Each exit must leave H's chain intact (its anon_vmas
 * and the pages H still shares), and H's exit must free everything.
 */
static void fork_chain(void)
{
	struct proc *p = &procs[0];

	memset(procs, 0, sizeof(procs));
	p->live = true;
	p->mmap = vma_new(BASE, BASE + NSLOT * PAGE_SIZE, VM_READ | VM_WRITE);
	for (int i = 0; i < 3; i++) {
		model_write_fault(&procs[i]);
		CHECK(procs[i].mmap->anon_vma);
		model_fork(&procs[i]);
		CHECK(procs[i + 1].live && procs[i + 1].mmap->anon_vma);
		check_all();
	}
	CHECK(list_count(&procs[3].mmap->anon_vma_chain) == 4);	/* H, G, C and P's */
	for (int i = 0; i < 3; i++) {
		model_exit(&procs[i]);
		check_all();
	}
	model_write_fault(&procs[3]);
	check_all();
	model_exit(&procs[3]);
}

int main(void)
{
	anon_vma_init();
	fork_chain();
	tap_result("rmap: P -> C -> G -> H, the ancestors exiting first, keeps every chain whole");
	memset(procs, 0, sizeof(procs));
	inject = true;
	run(5000);
	printf("# %lu steps, %lu allocation failures injected\n", steps, failures_injected);
	tap_result("rmap: 5000 random forks, exits, faults, splits, merges and mprotects keep "
		   "every anon_vma invariant, and rmap_walk finds every mapping");
	return tap_done();
}
