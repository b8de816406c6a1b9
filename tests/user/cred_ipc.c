// SPDX-License-Identifier: GPL-2.0
/*
 * System V shared memory and credentials, as 6.1's ipcperms() and
 * shmctl checks have them: a segment's mode bits by the caller's euid
 * against its owner and creator (and group), CAP_IPC_OWNER past them;
 * IPC_SET and IPC_RMID for the owner, the creator or CAP_SYS_ADMIN;
 * SHM_LOCK needs CAP_IPC_LOCK, or ownership and a RLIMIT_MEMLOCK.
 */
#include "credlib.h"
#include <sys/ipc.h>
#include <sys/resource.h>
#include <sys/shm.h>

static int root_600, root_666;

static void as_nobody(void)
{
	struct shmid_ds ds;
	int mine;
	void *p;

	become(NOBODY, NOGROUP);
	ok_errno(EACCES, shmat(root_600, NULL, 0), "nobody attaches root's 0600 segment: EACCES");
	ok_errno(EACCES, shmat(root_600, NULL, SHM_RDONLY), "even read-only: EACCES");
	ok_errno(EACCES, shmctl(root_600, IPC_STAT, &ds), "IPC_STAT of it: EACCES");
	ok_errno(EPERM, shmctl(root_600, IPC_RMID, NULL), "IPC_RMID of it: EPERM");
	p = shmat(root_666, NULL, 0);
	ok(p != (void *)-1, "root's 0666 segment attaches");
	shmdt(p);
	ok_eq(0, shmctl(root_666, IPC_STAT, &ds), "and IPC_STAT reads it");
	ok(ds.shm_perm.uid == 0 && ds.shm_perm.cuid == 0, "owned and made by root");
	ok_errno(EPERM, shmctl(root_666, IPC_SET, &ds), "but IPC_SET of it: EPERM");
	ok_errno(EPERM, shmctl(root_666, SHM_LOCK, NULL), "SHM_LOCK of another's: EPERM");
	mine = shmget(IPC_PRIVATE, 4096, 0600);
	ok(mine >= 0, "nobody makes a segment");
	shmctl(mine, IPC_STAT, &ds);
	ok(ds.shm_perm.uid == NOBODY && ds.shm_perm.gid == NOGROUP && ds.shm_perm.cuid == NOBODY,
	   "it is nobody's (%u:%u)", ds.shm_perm.uid, ds.shm_perm.gid);
	ds.shm_perm.mode = 0640;
	ok_eq(0, shmctl(mine, IPC_SET, &ds), "IPC_SET of its own");
	ok_eq(0, shmctl(mine, SHM_LOCK, NULL), "SHM_LOCK of its own, within RLIMIT_MEMLOCK");
	setrlimit(RLIMIT_MEMLOCK, &(struct rlimit){ 0, 0 });
	ok_errno(EPERM, shmctl(mine, SHM_LOCK, NULL), "RLIMIT_MEMLOCK 0: SHM_LOCK is EPERM");
	ok_eq(0, shmctl(mine, SHM_UNLOCK, NULL), "SHM_UNLOCK is not");
	ok_eq(0, shmctl(mine, IPC_RMID, NULL), "IPC_RMID of its own");
}

static void root_overrides(void)
{
	int seg = shmget(IPC_PRIVATE, 4096, 0000);
	void *p = shmat(seg, NULL, 0);

	ok(p != (void *)-1, "root attaches a 0000 segment: CAP_IPC_OWNER");
	shmdt(p);
	ok_eq(0, shmctl(seg, IPC_RMID, NULL), "and removes it");
}

int main(void)
{
	root_600 = shmget(IPC_PRIVATE, 4096, 0600);
	root_666 = shmget(IPC_PRIVATE, 4096, 0666);
	in_child(as_nobody, "as_nobody");
	in_child(root_overrides, "root_overrides");
	shmctl(root_600, IPC_RMID, NULL);
	shmctl(root_666, IPC_RMID, NULL);
	return tap_done();
}
