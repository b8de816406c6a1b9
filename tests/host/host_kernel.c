// SPDX-License-Identifier: GPL-2.0
/*
 * What kernel code needs from the rest of the kernel when it runs as a
 * host unit test: printk to stdout, no-op hardware hooks, and the memory
 * layout variables pointed at ordinary memory by the test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/panic.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/fault-inject.h>
#include <linux/oom.h>

int console_loglevel = 7;
unsigned long page_offset_base;
unsigned long vmemmap_base;
pteval_t __supported_pte_mask = ~0UL;
struct task_struct init_task = { .comm = "host-test" };
struct task_struct *current_task = &init_task;
unsigned int hardirq_depth;
char _stext[1], _etext[1], _sdata[1], _edata[1], __start_rodata[1], __end_rodata[1],
	__bss_start[1], __bss_stop[1];

/* The last lines printed, for tests that check a message. */
char host_printk_buf[8192];
size_t host_printk_len;
int host_printk_quiet = 1;

int vprintk(const char *fmt, va_list args)
{
	char buf[1024];
	int n = vscnprintf(buf, sizeof(buf), fmt, args);
	const char *text = buf;

	while (text[0] == '\001' && text[1])
		text += 2;
	if (host_printk_len + strlen(text) < sizeof(host_printk_buf)) {
		memcpy(host_printk_buf + host_printk_len, text, strlen(text) + 1);
		host_printk_len += strlen(text);
	}
	if (!host_printk_quiet)
		fputs(text, stdout);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

void host_printk_clear(void)
{
	host_printk_len = 0;
	host_printk_buf[0] = '\0';
}

int sprint_symbol(char *buf, size_t size, unsigned long addr, enum ksym_style style)
{
	return snprintf(buf, size, style == KSYM_NAME_ONLY ? "sym_%lx" : "sym_%lx+0x0/0x10", addr);
}

void dump_stack(void)
{
	printk("(dump_stack)\n");
}

static unsigned long taint;

void add_taint(enum taint_flag flag)
{
	taint |= 1UL << flag;
}

const char *print_tainted(void)
{
	return taint ? "Tainted" : "Not tainted";
}

void __warn(const char *file, int line, const char *cond)
{
	printk("WARNING: %s:%d %s\n", file, line, cond);
}

/* Always shown: the test is about to die on the trap that follows. */
void __bug_print(const char *file, int line)
{
	printf("not ok - kernel BUG at %s:%d!\n", file, line);
	fflush(stdout);
}

void clear_page(void *page)
{
	memset(page, 0, PAGE_SIZE);
}

/* The test owns the struct page array: nothing to map. */
int vmemmap_populate(unsigned long start, unsigned long end)
{
	return 0;
}

void kmem_cache_init(void)
{
}

void mem_init(void)
{
}

/* The slab API over the C library's malloc, for code that allocates. */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     unsigned int flags, void (*ctor)(void *))
{
	struct kmem_cache *s = calloc(1, sizeof(*s));

	s->name = name;
	s->object_size = size;
	return s;
}

/* current->fail_nth fails the Nth allocation, as in the kernel. */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	return should_failslab(gfp) ? NULL : calloc(1, s->object_size);
}

void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	return should_failslab(gfp) ? NULL : calloc(1, s->object_size);
}

void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	free(obj);
}

void *kmalloc(size_t size, gfp_t gfp)
{
	return calloc(1, size);
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return calloc(1, size);
}

void kfree(const void *obj)
{
	free((void *)obj);
}

/* mm/mlock.c's rmap hooks: the host tests lock nothing. */
void mlock_vma_page(struct page *page, struct vm_area_struct *vma)
{
	VM_BUG_ON(vma->vm_flags & VM_LOCKED);
}

void munlock_vma_page(struct page *page, struct vm_area_struct *vma)
{
	VM_BUG_ON(vma->vm_flags & VM_LOCKED);
}

/* mm/show_mem.c is not linked: the log only needs to say it was called. */
void show_mem(void)
{
	printk("(show_mem)\n");
}

/* No processes here to kill: the OOM killer can do nothing. */
bool out_of_memory(struct oom_control *oc)
{
	(void)oc;
	return false;
}

long schedule_timeout_uninterruptible(long timeout)
{
	return timeout;
}

/*
 * mm/watermark.c is not linked: the buddy tests here want every page,
 * so the zones keep no watermarks (the ktests check them).
 */
void init_per_zone_wmark_min(void)
{
}

void cond_resched(void)
{
}

/*
 * Reclaim is not linked either (no watermarks, so nothing wakes it):
 * there is nothing to reclaim, and an allocation that finds no page
 * fails as it did before reclaim existed.
 */
void wakeup_kswapd(struct zone *zone, gfp_t gfp_flags, int order, enum zone_type highest_zoneidx)
{
}

unsigned long try_to_free_pages(int order, gfp_t gfp_mask)
{
	return 0;
}

unsigned long zone_reclaimable_pages(struct zone *zone)
{
	return 0;
}
