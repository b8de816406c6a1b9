// SPDX-License-Identifier: GPL-2.0
/*
 * shmctl and /proc/sysvipc/shm as Linux 6.1 has them: IPC_STAT's
 * fields, IPC_SET, IPC_RMID, SHM_LOCK and SHM_UNLOCK (the SHM_LOCKED
 * and SHM_DEST bits of the mode), SHM_STAT and SHM_STAT_ANY by index,
 * IPC_INFO and SHM_INFO, every bad argument's errno, and a segment's
 * line in /proc/sysvipc/shm. Run as root, as both test runners do.
 *
 * Ids, pids and times depend on what ran before: the line of
 * /proc/sysvipc/shm is checked against IPC_STAT and printed with those
 * columns zeroed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include "tap.h"
#include "proclib.h"

#define P 4096UL
#define KEY 0x46a17200

static struct shmid_ds stat_of(int id)
{
	struct shmid_ds ds;

	memset(&ds, 0xee, sizeof(ds));
	shmctl(id, IPC_STAT, &ds);
	return ds;
}

static void test_errors(int id)
{
	struct shmid_ds ds;

	ok_errno(EINVAL, shmctl(id, 99, &ds), "an unknown command: EINVAL");
	ok_errno(EINVAL, shmctl(id, -1, &ds), "a negative command: EINVAL");
	ok_errno(EINVAL, shmctl(-1, IPC_STAT, &ds), "a negative id: EINVAL");
	ok_errno(EINVAL, shmctl(-1, IPC_INFO, &ds), "even for IPC_INFO");
	ok_errno(EINVAL, shmctl(id + (1 << 15), IPC_STAT, &ds), "an id of the slot's next use: EINVAL");
	ok_errno(EFAULT, shmctl(id, IPC_STAT, (struct shmid_ds *)1), "IPC_STAT to a bad buffer: EFAULT");
	ok_errno(EFAULT, shmctl(id, IPC_SET, (struct shmid_ds *)1), "IPC_SET from a bad buffer: EFAULT");
	ok_errno(EFAULT, shmctl(id, IPC_INFO, (struct shmid_ds *)1), "IPC_INFO to a bad buffer: EFAULT");
	ok_errno(EFAULT, shmctl(id, SHM_INFO, (struct shmid_ds *)1), "SHM_INFO to a bad buffer: EFAULT");
	ok_errno(EINVAL, shmctl(id + (1 << 15), IPC_RMID, NULL), "IPC_RMID of a bad id: EINVAL");
	ok_errno(EINVAL, shmctl(id + (1 << 15), SHM_LOCK, NULL), "SHM_LOCK of a bad id: EINVAL");
	ok_eq(0, shmctl(id, IPC_RMID, (struct shmid_ds *)1), "IPC_RMID does not read the buffer");
	ok_errno(EINVAL, shmctl(id, IPC_RMID, NULL), "IPC_RMID twice: EINVAL");
}

static void test_set(int id)
{
	struct shmid_ds ds = stat_of(id);
	time_t ctime0 = ds.shm_ctime;

	ds.shm_perm.uid = 1000;
	ds.shm_perm.gid = 100;
	ds.shm_perm.mode = 07444;
	ds.shm_segsz = 1;	/* ignored, as every field but uid, gid and mode */
	ok_eq(0, shmctl(id, IPC_SET, &ds), "IPC_SET");
	ds = stat_of(id);
	ok_eq(1000, ds.shm_perm.uid, "uid changed");
	ok_eq(100, ds.shm_perm.gid, "gid changed");
	ok_eq(0, ds.shm_perm.cuid, "cuid stays the creator's");
	ok_eq(0, ds.shm_perm.cgid, "cgid too");
	ok_eq(0444, ds.shm_perm.mode, "mode takes the permission bits only");
	ok_eq(3 * P, ds.shm_segsz, "the size stays");
	ok(ds.shm_ctime >= ctime0, "shm_ctime moves on");
	ds.shm_perm.uid = (uid_t)-1;
	ok_errno(EINVAL, shmctl(id, IPC_SET, &ds), "uid -1: EINVAL");
	ds = stat_of(id);
	ds.shm_perm.gid = (gid_t)-1;
	ok_errno(EINVAL, shmctl(id, IPC_SET, &ds), "gid -1: EINVAL");
	ok_eq(1000, stat_of(id).shm_perm.uid, "a refused IPC_SET changes nothing");
	ds = stat_of(id);
	ds.shm_perm.uid = 0;
	ds.shm_perm.gid = 0;
	ds.shm_perm.mode = 0600;
	ok_eq(0, shmctl(id, IPC_SET, &ds), "IPC_SET back to root, 0600");
}

static void test_lock(int id)
{
	char *a;

	ok_eq(0, shmctl(id, SHM_LOCK, NULL), "SHM_LOCK");
	ok_eq(02600, stat_of(id).shm_perm.mode, "the mode shows SHM_LOCKED (02000)");
	ok_eq(0, shmctl(id, SHM_LOCK, NULL), "SHM_LOCK again");
	ok_eq(0, shmctl(id, SHM_UNLOCK, NULL), "SHM_UNLOCK");
	ok_eq(0600, stat_of(id).shm_perm.mode, "SHM_LOCKED gone");
	ok_eq(0, shmctl(id, SHM_UNLOCK, NULL), "SHM_UNLOCK of an unlocked segment");
	shmctl(id, SHM_LOCK, NULL);
	a = shmat(id, NULL, 0);
	a[0] = 1;
	ok_eq(0, shmctl(id, IPC_RMID, NULL), "IPC_RMID of a locked, attached segment");
	ok_eq(03600, stat_of(id).shm_perm.mode, "the mode shows SHM_DEST and SHM_LOCKED");
	ok_eq(0, shmctl(id, SHM_UNLOCK, NULL), "a removed segment can still be unlocked");
	ok_eq(01600, stat_of(id).shm_perm.mode, "SHM_DEST stays");
	ok_eq(0, shmctl(id, IPC_SET, &(struct shmid_ds){ .shm_perm.mode = 0640 }),
	      "and IPC_SET works on it");
	ok_eq(01640, stat_of(id).shm_perm.mode, "keeping SHM_DEST");
	shmdt(a);
}

/* SHM_STAT and SHM_STAT_ANY take an index and return the id. */
static void test_stat_by_index(int id)
{
	struct shmid_ds ds;
	int idx = id & 0x7fff, maxidx;
	struct shm_info info;
	struct shminfo limits;

	memset(&ds, 0, sizeof(ds));
	ok_eq(id, shmctl(idx, SHM_STAT, &ds), "SHM_STAT of its index returns the id");
	ok_eq(KEY, ds.shm_perm.__key, "and fills the same record");
	ok_eq(id, shmctl(idx, SHM_STAT_ANY, &ds), "SHM_STAT_ANY too");
	ok_eq(id >> 15, ds.shm_perm.__seq, "__seq: the id's sequence part");
	ok_errno(EINVAL, shmctl(0x7fff, SHM_STAT, &ds), "an unused index: EINVAL");
	maxidx = shmctl(0, SHM_INFO, (struct shmid_ds *)&info);
	ok(maxidx >= idx, "SHM_INFO returns the highest index in use");
	ok_eq(maxidx, shmctl(0, IPC_INFO, (struct shmid_ds *)&limits), "IPC_INFO the same");
	ok(info.__used_ids >= 1, "used_ids counts this one");
	ok_eq(0, info.shm_swp, "shm_swp 0");
	ok_eq(0, info.__swap_attempts, "swap_attempts 0");
	ok_eq(0, info.__swap_successes, "swap_successes 0");
}

/* Print a line of /proc/sysvipc/shm with the columns that cannot match zeroed. */
static void print_sysvipc_line(const char *line, const struct shmid_ds *ds, int id)
{
	char want[256];

	snprintf(want, sizeof(want),
		 "%10d %10d  %4o %21lu %5u %5u  %5lu %5u %5u %5u %5u %10llu %10llu %10llu %21lu %21lu",
		 ds->shm_perm.__key, id, ds->shm_perm.mode, ds->shm_segsz, ds->shm_cpid,
		 ds->shm_lpid, ds->shm_nattch, ds->shm_perm.uid, ds->shm_perm.gid,
		 ds->shm_perm.cuid, ds->shm_perm.cgid, (unsigned long long)ds->shm_atime,
		 (unsigned long long)ds->shm_dtime, (unsigned long long)ds->shm_ctime, 2 * P, 0UL);
	ok(!strncmp(line, want, strlen(want)) && line[strlen(want)] == '\n',
	   "the segment's line of /proc/sysvipc/shm is its IPC_STAT record");
	printf("# %10d %10d  %4o %21lu %5u %5u  %5lu %5u %5u %5u %5u %10u %10u %10u %21lu %21lu\n",
	       ds->shm_perm.__key, 0, ds->shm_perm.mode, ds->shm_segsz, 0, 0, ds->shm_nattch,
	       ds->shm_perm.uid, ds->shm_perm.gid, ds->shm_perm.cuid, ds->shm_perm.cgid, 0, 0, 0,
	       2 * P, 0UL);
}

static void test_proc(void)
{
	int id = shmget(KEY + 1, 3 * P + 5, IPC_CREAT | IPC_EXCL | 0604);
	char *a = shmat(id, NULL, 0), *line, key[16];
	struct shmid_ds ds;

	a[0] = a[P] = 1;
	ds = stat_of(id);
	ok(read_file("/proc/sysvipc/shm") > 0, "/proc/sysvipc/shm reads");
	printf("# %.*s\n", (int)(line_end(proc_buf) - proc_buf), proc_buf);
	snprintf(key, sizeof(key), "\n%10d ", KEY + 1);
	line = strstr(proc_buf, key);
	ok(line != NULL, "it has a line for the segment");
	if (line)
		print_sysvipc_line(line + 1, &ds, id);
	shmctl(id, IPC_RMID, NULL);
	shmdt(a);
	read_file("/proc/sysvipc/shm");
	ok(strstr(proc_buf, key) == NULL, "and none once it is destroyed");
}

int main(void)
{
	int id = shmget(KEY, 3 * P, IPC_CREAT | IPC_EXCL | 0600);

	ok(id >= 0, "a segment");
	test_set(id);
	test_stat_by_index(id);
	test_lock(id);
	ok_errno(EINVAL, shmctl(id, IPC_STAT, &(struct shmid_ds){0}), "destroyed on the last detach");
	id = shmget(KEY, 3 * P, IPC_CREAT | IPC_EXCL | 0600);
	test_errors(id);
	test_proc();
	return tap_done();
}
