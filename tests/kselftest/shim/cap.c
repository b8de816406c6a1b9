// SPDX-License-Identifier: GPL-2.0
/*
 * libcap's cap_init() and cap_set_proc() for the vm selftests, on
 * capset(2) directly (see sys/capability.h beside this file).
 */
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/capability.h>

struct _cap_struct {
	struct __user_cap_header_struct head;
	struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];
};

/* An empty set: no effective, permitted or inheritable capability. */
cap_t cap_init(void)
{
	cap_t cap = calloc(1, sizeof(*cap));

	if (cap)
		cap->head.version = _LINUX_CAPABILITY_VERSION_3;
	return cap;
}

int cap_set_proc(cap_t cap)
{
	cap->head.pid = 0;
	return syscall(SYS_capset, &cap->head, cap->data);
}

int cap_free(void *obj)
{
	free(obj);
	return 0;
}
