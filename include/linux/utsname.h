/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H

/*
 * The release string uname(2) will report and oopses print. It names the
 * Linux ABI Faultline models (6.1) and says which kernel this is.
 */
#define UTS_SYSNAME	"Linux"
#define UTS_RELEASE	"6.1.0-faultline"
#define FAULTLINE_VERSION "0.1"

#define __NEW_UTS_LEN	64

/* What uname(2) returns; hostname and domainname can be set. Linux: include/uapi/linux/utsname.h */
struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

/* The one UTS namespace's names (kernel/sys.c). Linux: init_uts_ns.name */
extern struct new_utsname init_utsname;

#endif
