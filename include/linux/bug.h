/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>

/*
 * Two levels of assertion (STYLE.md 7):
 *   BUG_ON(cond)     a state no user input can cause: oops and halt;
 *   VM_BUG_ON(cond)  an mm invariant, checked only in debug builds
 *                    (CONFIG_DEBUG_VM, on in `make test`).
 * WARN_ON(cond) reports with a backtrace and goes on; it returns cond.
 *
 * Linux's BUG() is a ud2 whose address is in a bug table; here the message
 * is printed first and then ud2 raises the same "invalid opcode" oops.
 */
void __warn(const char *file, int line, const char *cond);
void __bug_print(const char *file, int line);

#define BUG() do {						\
	__bug_print(__FILE__, __LINE__);			\
	__builtin_trap();					\
} while (0)

#define BUG_ON(cond) do { if (unlikely(cond)) BUG(); } while (0)

#define WARN_ON(cond) ({					\
	int __ret_warn = !!(cond);				\
	if (unlikely(__ret_warn))				\
		__warn(__FILE__, __LINE__, #cond);		\
	unlikely(__ret_warn);					\
})

#define WARN_ON_ONCE(cond) ({					\
	static bool __warned;					\
	int __ret_warn_once = !!(cond);				\
	if (unlikely(__ret_warn_once && !__warned)) {		\
		__warned = true;				\
		__warn(__FILE__, __LINE__, #cond);		\
	}							\
	unlikely(__ret_warn_once);				\
})

#ifdef CONFIG_DEBUG_VM
#define VM_BUG_ON(cond)		BUG_ON(cond)
#define VM_WARN_ON(cond)	WARN_ON(cond)
#else
#define VM_BUG_ON(cond)		do { (void)sizeof(cond); } while (0)
#define VM_WARN_ON(cond)	({ (void)sizeof(cond); 0; })
#endif

#endif
