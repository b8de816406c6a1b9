/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_UTEST_H
#define _LINUX_UTEST_H

/* kernel/utest.c: run the user-level test programs (utest= on the command line). */
bool utest_run(void);

#endif
