// SPDX-License-Identifier: GPL-2.0
/*
 * mmap's flags as Linux 6.1 checks them: MAP_SHARED_VALIDATE refuses
 * flags it does not know (and MAP_SYNC without DAX) with EOPNOTSUPP
 * where plain MAP_SHARED ignores them, and is for files only;
 * MAP_HUGETLB with no huge pages reserved is ENOMEM, an unknown huge
 * page size EINVAL, and on a file that is not on hugetlbfs EINVAL.
 * (Anonymous MAP_HUGETLB|MAP_NORESERVE succeeds on Linux and faults
 * with SIGBUS; Faultline has no hugetlbfs to map and refuses it, so it
 * is not compared here.)
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include "tap.h"

#define F "/tmp/faultline-mmap-flags"
#define RW (PROT_READ | PROT_WRITE)
#define UNKNOWN_FLAG 0x400

static int try_map(int flags, int fd)
{
	void *p = mmap(NULL, 4096, RW, flags, fd, 0);

	if (p == MAP_FAILED)
		return -errno;
	munmap(p, 4096);
	return 0;
}

int main(void)
{
	int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0600);

	ftruncate(fd, 8192);
	ok_eq(0, try_map(MAP_SHARED_VALIDATE, fd), "MAP_SHARED_VALIDATE of a file maps it");
	ok_eq(-EOPNOTSUPP, try_map(MAP_SHARED_VALIDATE | UNKNOWN_FLAG, fd),
	      "MAP_SHARED_VALIDATE with an unknown flag: EOPNOTSUPP");
	ok_eq(-EOPNOTSUPP, try_map(MAP_SHARED_VALIDATE | MAP_SYNC, fd),
	      "MAP_SHARED_VALIDATE|MAP_SYNC on a file without DAX: EOPNOTSUPP");
	ok_eq(-EOPNOTSUPP, try_map(MAP_SHARED_VALIDATE | MAP_FIXED_NOREPLACE, fd),
	      "MAP_SHARED_VALIDATE|MAP_FIXED_NOREPLACE: EOPNOTSUPP, as 6.1 has it");
	ok_eq(0, try_map(MAP_SHARED | MAP_SYNC | UNKNOWN_FLAG, fd),
	      "plain MAP_SHARED ignores what it does not know");
	ok_eq(0, try_map(MAP_SHARED_VALIDATE | MAP_NORESERVE | MAP_32BIT, fd),
	      "legacy flags pass MAP_SHARED_VALIDATE");
	ok_eq(-EINVAL, try_map(MAP_SHARED_VALIDATE | MAP_ANONYMOUS, -1),
	      "anonymous MAP_SHARED_VALIDATE: EINVAL");
	ok_eq(-EINVAL, try_map(MAP_SHARED_VALIDATE | MAP_ANONYMOUS | UNKNOWN_FLAG, -1),
	      "anonymous: EINVAL before EOPNOTSUPP");
	ok_eq(-EINVAL, try_map(0, fd), "no map type: EINVAL");
	ok_eq(-EINVAL, try_map(0xf, fd), "an unknown map type: EINVAL");
	ok_eq(-EINVAL, try_map(0x4 | MAP_ANONYMOUS, -1), "an unknown anonymous map type: EINVAL");

	ok_eq(-ENOMEM, try_map(MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB, -1),
	      "MAP_HUGETLB with no huge pages reserved: ENOMEM");
	ok_eq(-ENOMEM, try_map(MAP_SHARED | MAP_ANONYMOUS | MAP_HUGETLB, -1),
	      "shared MAP_HUGETLB: ENOMEM");
	ok_eq(-ENOMEM, try_map(MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB | (21 << MAP_HUGE_SHIFT), -1),
	      "MAP_HUGE_2MB: ENOMEM");
	ok_eq(-ENOMEM, try_map(MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB | (30 << MAP_HUGE_SHIFT), -1),
	      "MAP_HUGE_1GB: ENOMEM");
	ok_eq(-EINVAL, try_map(MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB | (20 << MAP_HUGE_SHIFT), -1),
	      "a huge page size the CPU lacks (1 MiB): EINVAL");
	ok_eq(-EINVAL, try_map(MAP_PRIVATE | MAP_HUGETLB, fd), "MAP_HUGETLB of a tmpfs file: EINVAL");
	ok_eq(-EBADF, try_map(MAP_PRIVATE | MAP_HUGETLB, 99), "of a closed fd: EBADF first");
	close(fd);
	unlink(F);
	return tap_done();
}
