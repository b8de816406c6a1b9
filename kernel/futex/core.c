// SPDX-License-Identifier: GPL-2.0
/*
 * Fast user-space mutexes, the kernel's half: the hash of waiters, what
 * names a futex (its key), and the robust list walked at exit.
 * Linux: kernel/futex/core.c
 *
 * A futex is a 32-bit word in user memory. User space takes and releases
 * locks on it with atomic instructions alone, and calls the kernel only
 * to sleep until the word changes (FUTEX_WAIT: "sleep if *uaddr still
 * holds val") or to wake sleepers (FUTEX_WAKE). The kernel keeps no
 * state for a futex nobody waits on; each sleeping thread's futex_q sits
 * in a bucket of one hash table, under its key:
 *
 *   futex_queues[hash(key)]:  futex_q -> futex_q -> futex_q    (oldest first)
 *
 * The key says what the address means, so that every way of reaching
 * the word finds the same waiters (get_futex_key):
 *
 *   FUTEX_PRIVATE_FLAG            (mm, page address)   the threads of one process
 *   shared, private anonymous     (mm, page address)   marked FUT_OFF_MMSHARED
 *   shared, a file's page         (inode, page offset) every process mapping it,
 *     (tmpfs, MAP_SHARED|          marked FUT_OFF_INODE at whatever address
 *      MAP_ANONYMOUS)
 *
 * plus the word's offset in its page. A private and a shared key for
 * the same word differ: a waker must say what the sleeper said.
 *
 * No locks: Linux holds the bucket's spinlock from reading *uaddr until
 * the waiter is queued, so that no wake-up slips in between. With one
 * CPU and a kernel that is not preempted, no other thread runs there
 * (a fault on the user word does not sleep), and no interrupt handler
 * touches futexes.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/hash.h>
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <asm/uaccess.h>
#include "futex.h"

/* 256 buckets per CPU, as Linux sizes it (futex_init: 256 * num_possible_cpus()). */
#define FUTEX_HASHBITS	8

static struct futex_hash_bucket futex_queues[1 << FUTEX_HASHBITS];

void futex_init(void)
{
	for (int i = 0; i < (1 << FUTEX_HASHBITS); i++)
		INIT_LIST_HEAD(&futex_queues[i].chain);
}

/*
 * The bucket of a key. Faultline differs: Linux hashes the key with
 * jhash2; a multiplicative hash of its words serves as well.
 * Linux: futex_hash()
 */
struct futex_hash_bucket *futex_hash(const union futex_key *key)
{
	u64 h = key->both.ptr ^ (key->both.word * GOLDEN_RATIO_64) ^ key->both.offset;

	return &futex_queues[hash_64(h, FUTEX_HASHBITS)];
}

/*
 * An inode's name in futex keys: a number never reused, given out when
 * a futex first needs one (a pointer could name a later inode at the
 * same address). Linux: get_inode_sequence_number()
 */
static u64 get_inode_sequence_number(struct inode *inode)
{
	static u64 i_seq;

	if (!inode->i_sequence)
		inode->i_sequence = ++i_seq;
	return inode->i_sequence;
}

/*
 * The page behind address in our mm, with a reference, faulted in as a
 * user access would (FOLL_WRITE: writable, COW broken); -EFAULT where a
 * user access would fail, and for the shared zero page, which is no
 * page of ours. Linux: get_user_pages_fast() for one page
 */
static struct page *futex_get_page(unsigned long address, unsigned int gup_flags)
{
	struct page *page;
	long ret = __get_user_pages(current->mm, address, 1, gup_flags | FOLL_GET, &page);

	if (ret < 0)
		return ERR_PTR(ret);
	if (is_zero_pfn(page_to_pfn(page)))
		return ERR_PTR(-EFAULT);	/* it comes without a reference */
	return page;
}

/*
 * The key of a shared futex: the page behind the address decides. An
 * anonymous page is private to this mm whatever the flag (after fork,
 * parent and child have copies); a file's page, shmem included, is the
 * same page in every process. Linux: get_futex_key()'s shared half
 */
static int get_shared_futex_key(unsigned long address, union futex_key *key,
				enum futex_access rw)
{
	struct page *page;
	bool ro = false;
	int err = 0;

	page = futex_get_page(address, FOLL_WRITE);
	/* A wait needs only to read the word: a read-only page will do. */
	if (IS_ERR(page) && PTR_ERR(page) == -EFAULT && rw == FUTEX_READ) {
		page = futex_get_page(address, 0);
		ro = true;
	}
	if (IS_ERR(page))
		return (int)PTR_ERR(page);
	page = compound_head(page);
	if (PageAnon(page)) {
		/* A read-only anonymous page never changes: no futex there. */
		if (ro) {
			err = -EFAULT;
			goto out;
		}
		key->both.offset |= FUT_OFF_MMSHARED;
		key->private.mm = current->mm;
		key->private.address = address;
	} else if (page->mapping && page->mapping->host) {
		key->both.offset |= FUT_OFF_INODE;
		key->shared.i_seq = get_inode_sequence_number(page->mapping->host);
		key->shared.pgoff = page->index;
	} else {
		err = -EFAULT;	/* not a page a futex can live in */
	}
out:
	put_page(page);
	return err;
}

/*
 * Name the futex at uaddr (see the top of this file). The word must be
 * 4-byte aligned (EINVAL) and a user address (EFAULT); a private key
 * needs nothing more, not even a mapping. Linux: get_futex_key()
 */
int get_futex_key(u32 __user *uaddr, unsigned int flags, union futex_key *key,
		  enum futex_access rw)
{
	unsigned long address = (unsigned long)uaddr;

	*key = (union futex_key){ .both.offset = address % PAGE_SIZE };
	if (address % sizeof(u32))
		return -EINVAL;
	address -= key->both.offset;
	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	if (!(flags & FLAGS_SHARED)) {
		key->private.mm = current->mm;
		key->private.address = address;
		return 0;
	}
	return get_shared_futex_key(address, key, rw);
}

/* Read the futex word. Linux: futex_get_value_locked() (with faults allowed here). */
int futex_get_value(u32 *dest, u32 __user *from)
{
	return get_user(*dest, from) ? -EFAULT : 0;
}

/*
 * Make the word writable, faulting it in (and breaking COW) as a user
 * write would; -EFAULT where a user write would fail.
 * Linux: fault_in_user_writeable()
 */
int fault_in_user_writeable(u32 __user *uaddr)
{
	long ret = __get_user_pages(current->mm, (unsigned long)uaddr, 1, FOLL_WRITE, NULL);

	return ret < 0 ? (int)ret : 0;
}

/* The waiter joins its bucket, last. Linux: futex_queue() */
void futex_queue(struct futex_q *q, struct futex_hash_bucket *hb)
{
	list_add_tail(&q->list, &hb->chain);
}

/*
 * The waiter leaves its bucket, if a wake-up has not taken it off
 * already: returns true if it was still queued (not woken).
 * Linux: futex_unqueue()
 */
bool futex_unqueue(struct futex_q *q)
{
	if (list_empty(&q->list))
		return false;
	list_del_init(&q->list);
	return true;
}

/*
 * Wake a waiter: off the chain first (which tells it it was woken),
 * then runnable. Linux: futex_wake_mark() (waking through a wake_q once
 * the bucket lock is dropped; there is no lock here)
 */
void futex_wake_mark(struct futex_q *q)
{
	list_del_init(&q->list);
	wake_up_process(q->task);
}

/* --- robust futexes at exit --- */

/*
 * A robust lock word of the dying thread curr: if curr owns it, mark it
 * FUTEX_OWNER_DIED (keeping FUTEX_WAITERS) and wake one waiter, so that
 * the next owner can repair what it guarded. A lock being taken when
 * curr died (pending) with no owner gets its wake-up too, so a waiter
 * is not left asleep. Returns -1 when the list cannot be trusted.
 * Linux: handle_futex_death() (PI futexes left out)
 */
static int handle_futex_death(u32 __user *uaddr, struct task_struct *curr, bool pi,
			      bool pending_op)
{
	u32 uval, mval;

	if ((unsigned long)uaddr % sizeof(u32))
		return -1;
	if (get_user(uval, uaddr))
		return -1;
	if (pending_op && !pi && !(uval & FUTEX_TID_MASK)) {
		futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
		return 0;
	}
	if ((uval & FUTEX_TID_MASK) != (u32)task_pid_nr(curr))
		return 0;
	mval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
	/*
	 * Linux: a cmpxchg, retried if the word changed under it. Nothing
	 * runs between the read and this write here; a read-only word is
	 * made writable first, or left alone.
	 */
	if (put_user(mval, uaddr)) {
		if (fault_in_user_writeable(uaddr) || put_user(mval, uaddr))
			return -1;
	}
	if (!pi && (uval & FUTEX_WAITERS))
		futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
	return 0;
}

/* One user pointer of the list, with its PI bit (bit 0) taken apart. */
static int fetch_robust_entry(struct robust_list __user **entry,
			      struct robust_list __user *__user *head, bool *pi)
{
	unsigned long uentry;

	if (get_user(uentry, (unsigned long __user *)head))
		return -EFAULT;
	*entry = (struct robust_list __user *)(uentry & ~1UL);
	*pi = uentry & 1;
	return 0;
}

/*
 * Walk the dying thread's robust list (at most ROBUST_LIST_LIMIT
 * entries, so a looped list cannot hold us), releasing each lock it
 * holds, then the one it was taking or dropping (list_op_pending).
 * A bad pointer ends the walk. Linux: exit_robust_list()
 */
static void exit_robust_list(struct task_struct *curr)
{
	struct robust_list_head __user *head = curr->robust_list;
	struct robust_list __user *entry, *next_entry, *pending;
	unsigned int limit = ROBUST_LIST_LIMIT;
	bool pi, next_pi, pip;
	long futex_offset;
	int rc;

	if (fetch_robust_entry(&entry, &head->list.next, &pi) ||
	    get_user(futex_offset, &head->futex_offset) ||
	    fetch_robust_entry(&pending, &head->list_op_pending, &pip))
		return;
	while (entry != &head->list) {
		rc = fetch_robust_entry(&next_entry, &entry->next, &next_pi);
		if (entry != pending &&
		    handle_futex_death((u32 __user *)((char __user *)entry + futex_offset),
				       curr, pi, false))
			return;
		if (rc)
			return;
		entry = next_entry;
		pi = next_pi;
		if (!--limit)
			break;
	}
	if (pending)
		handle_futex_death((u32 __user *)((char __user *)pending + futex_offset), curr,
				   pip, true);
}

/*
 * A thread leaves (exit) or starts a new program (exec): the robust
 * locks it holds are released to their waiters. Linux: futex_cleanup()
 * (futex_exit_release, futex_exec_release; the PI state and the
 * exit-state machine that guards against concurrent PI lookups are
 * left out with PI)
 */
static void futex_cleanup(struct task_struct *tsk)
{
	if (tsk->robust_list) {
		exit_robust_list(tsk);
		tsk->robust_list = NULL;
	}
}

void futex_exit_release(struct task_struct *tsk)
{
	futex_cleanup(tsk);
}

void futex_exec_release(struct task_struct *tsk)
{
	futex_cleanup(tsk);
}
