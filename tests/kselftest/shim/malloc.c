// SPDX-License-Identifier: GPL-2.0
/*
 * A malloc for the vm selftests that keeps its small blocks on the brk
 * heap, as glibc's does, instead of musl's mallocng, which maps them with
 * mmap. The tests find their own mappings in /proc/self/smaps by start
 * address (vm_util.c's __get_smap_entry, mlock2.h's seek_to_smaps_entry):
 * an anonymous mmap that musl's malloc makes next to a test's mapping
 * (the FILE of the very fopen that reads smaps) merges with it, the VMA
 * no longer starts there, and the test gives up, on Linux as anywhere.
 *
 * As glibc, blocks of 128 KiB or more get an mmap of their own. Each
 * block carries a header just below the pointer handed out: the raw
 * block's size (bit 0: mmapped) and start. Freed heap blocks go on a
 * first-fit list and are never merged or given back: a test's heap is
 * small. One lock for all (userfaultfd's threads allocate too).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#define MMAP_THRESHOLD	(128 * 1024)	/* glibc's M_MMAP_THRESHOLD */
#define HEAP_STEP	(132 * 1024)	/* grow the heap by at least this */
#define MIN_ALIGN	16
#define MMAPPED		1UL

struct header {
	size_t raw_size;	/* the raw block's bytes | MMAPPED */
	char *raw;		/* where the raw block starts */
};

struct free_block {
	size_t size;
	struct free_block *next;
};

static struct free_block *free_list;
static char *heap_top, *heap_end;	/* [heap_top, heap_end) never handed out */
static volatile int heap_lock;

static void lock(void)
{
	while (__atomic_exchange_n(&heap_lock, 1, __ATOMIC_ACQUIRE))
		sched_yield();
}

static void unlock(void)
{
	__atomic_store_n(&heap_lock, 0, __ATOMIC_RELEASE);
}

static size_t round_up(size_t n, size_t to)
{
	return (n + to - 1) & ~(to - 1);
}

/* size bytes from the top of the brk heap, growing it; NULL if brk won't. */
static char *heap_take(size_t size)
{
	char *p;

	if (!heap_top)
		heap_top = heap_end = (char *)syscall(SYS_brk, 0);
	if ((size_t)(heap_end - heap_top) < size) {
		size_t grow = round_up(size > HEAP_STEP ? size : HEAP_STEP, 4096);
		char *want = heap_end + grow;

		if ((char *)syscall(SYS_brk, want) != want)
			return NULL;
		heap_end = want;
	}
	p = heap_top;
	heap_top += size;
	return p;
}

/* A raw block of at least *size bytes; *size becomes its size | MMAPPED. */
static char *raw_take(size_t *size)
{
	struct free_block **link, *b;
	char *raw;

	if (*size < MMAP_THRESHOLD) {
		lock();
		for (link = &free_list; (b = *link); link = &b->next)
			if (b->size >= *size) {
				*link = b->next;
				*size = b->size;
				unlock();
				return (char *)b;
			}
		raw = heap_take(*size);
		unlock();
		if (raw)
			return raw;
	}
	*size = round_up(*size, 4096);
	raw = mmap(NULL, *size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (raw == MAP_FAILED)
		return NULL;
	*size |= MMAPPED;
	return raw;
}

static struct header *header_of(void *p)
{
	return (struct header *)p - 1;
}

void *memalign(size_t align, size_t n)
{
	size_t size;
	char *raw, *p;

	if (align < MIN_ALIGN)
		align = MIN_ALIGN;
	if (align & (align - 1) || n > SIZE_MAX / 2 - align) {
		errno = ENOMEM;
		return NULL;
	}
	size = round_up(n + align + sizeof(struct header), MIN_ALIGN);
	raw = raw_take(&size);
	if (!raw) {
		errno = ENOMEM;
		return NULL;
	}
	p = (char *)round_up((uintptr_t)raw + sizeof(struct header), align);
	header_of(p)->raw_size = size;
	header_of(p)->raw = raw;
	return p;
}

void *malloc(size_t n)
{
	return memalign(MIN_ALIGN, n);
}

void free(void *p)
{
	struct header *h;
	struct free_block *b;

	if (!p)
		return;
	h = header_of(p);
	if (h->raw_size & MMAPPED) {
		munmap(h->raw, h->raw_size & ~MMAPPED);
		return;
	}
	b = (struct free_block *)h->raw;
	b->size = h->raw_size;
	lock();
	b->next = free_list;
	free_list = b;
	unlock();
}

size_t malloc_usable_size(void *p)
{
	struct header *h;

	if (!p)
		return 0;
	h = header_of(p);
	return h->raw + (h->raw_size & ~MMAPPED) - (char *)p;
}

void *calloc(size_t count, size_t n)
{
	void *p;

	if (n && count > SIZE_MAX / n) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(count * n);
	if (p)
		memset(p, 0, count * n);
	return p;
}

void *realloc(void *p, size_t n)
{
	size_t have = malloc_usable_size(p);
	void *q;

	if (p && n <= have)
		return p;
	q = malloc(n);
	if (q && p) {
		memcpy(q, p, have);
		free(p);
	}
	return q;
}

void *aligned_alloc(size_t align, size_t n)
{
	return memalign(align, n);
}

int posix_memalign(void **out, size_t align, size_t n)
{
	void *p;

	if (align < sizeof(void *) || align & (align - 1))
		return EINVAL;
	p = memalign(align, n);
	if (!p)
		return ENOMEM;
	*out = p;
	return 0;
}

void *valloc(size_t n)
{
	return memalign(4096, n);
}
