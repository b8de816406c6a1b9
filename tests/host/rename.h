/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Included first in every kernel file built for the host: the kernel's
 * own printf family gets other names, so that tests can compare it with
 * the C library's and the C library keeps its own.
 */
#define vsnprintf	kvsnprintf
#define snprintf	ksnprintf
#define vscnprintf	kvscnprintf
#define scnprintf	kscnprintf
#define printk		kprintk
#define vprintk		kvprintk
/* The host linker defines these itself. */
#define _edata		k_edata
#define __bss_start	k__bss_start
