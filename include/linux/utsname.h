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

#endif
