// SPDX-License-Identifier: GPL-2.0
/*
 * File permissions as 6.1 checks them: the owner, group or other bits
 * by fsuid, fsgid and supplementary groups (generic_permission), search
 * permission on every directory of a path, write and search permission
 * to make or remove a name, the sticky bit, what root's capabilities
 * override, who owns a new file, who may chmod and chown, the set-ID
 * bits that chmod, chown, write and truncate clear, access(2) by the
 * real ids, exec of a file nobody may read, and mincore's silence on
 * files the caller could not write. Root makes the files under D; the
 * checks run in children as nobody (65534, groups as each case says),
 * as a root with ids split, or as root.
 */
#include "credlib.h"
#include <fcntl.h>
#include <dirent.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>

#define D	"/tmp/faultline-cred-files"
#define GROUP	100		/* a group nobody is given in some cases */

static void put(const char *path, mode_t mode, uid_t uid, gid_t gid)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	write(fd, "data\n", 5);
	close(fd);
	chown(path, uid, gid);
	chmod(path, mode);
}

static void dir(const char *path, mode_t mode, uid_t uid, gid_t gid)
{
	mkdir(path, 0700);
	chown(path, uid, gid);
	chmod(path, mode);
}

/* Copy this program (to run it in ways its mode allows). */
static void put_self(const char *path, mode_t mode)
{
	char buf[65536];
	int in = open("/proc/self/exe", O_RDONLY), out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0700);
	ssize_t n;

	while ((n = read(in, buf, sizeof(buf))) > 0)
		write(out, buf, (size_t)n);
	close(in);
	close(out);
	chmod(path, mode);
}

static void make_tree(void)
{
	umask(022);
	dir(D, 0755, 0, 0);
	put(D "/root600", 0600, 0, 0);
	put(D "/root644", 0644, 0, 0);
	put(D "/root000", 0000, 0, 0);
	put(D "/grp0604", 0604, 0, GROUP);
	put(D "/grp0660", 0660, 0, GROUP);
	put(D "/nobody077", 0077, NOBODY, NOGROUP);
	put(D "/script644", 0644, 0, 0);
	put(D "/script100", 0100, 0, 0);
	put_self(D "/self711", 0711);
	dir(D "/ro", 0555, 0, 0);
	put(D "/ro/f666", 0666, 0, 0);
	dir(D "/nosearch", 0644, 0, 0);
	put(D "/nosearch/f", 0644, 0, 0);
	dir(D "/none", 0000, 0, 0);
	dir(D "/xonly", 0711, 0, 0);
	put(D "/xonly/f", 0644, 0, 0);
	dir(D "/sticky", 01777, 0, 0);
	put(D "/sticky/rootfile", 0666, 0, 0);
	dir(D "/open", 0777, 0, 0);
	dir(D "/open2", 0777, 0, 0);
	dir(D "/open/rootdir", 0755, 0, 0);
	dir(D "/sgid", 02777, 0, GROUP);
	put(D "/open/suid", 04777, NOBODY, NOGROUP);
	put(D "/open/sgid_nox", 02666, NOBODY, 0);
	put(D "/open/rootsuid", 04777, 0, 0);
	put(D "/sparse644", 0644, 0, 0);
	truncate(D "/sparse644", 2 * 4096);	/* page 0 in the cache, page 1 a hole */
	put(D "/sparse666", 0666, 0, 0);
	truncate(D "/sparse666", 2 * 4096);
}

/* nobody, in the supplementary groups given (0 of them: none). */
static void nobody_in(int n, gid_t group)
{
	setgroups((size_t)n, &group);
	setresgid(NOGROUP, NOGROUP, NOGROUP);
	setresuid(NOBODY, NOBODY, NOBODY);
}

static mode_t mode_of(const char *path)
{
	struct stat st;

	return stat(path, &st) ? (mode_t)-1 : st.st_mode & 07777;
}

/* Open and close: 0, or -1 with errno. A file O_CREAT makes gets mode 0644 (less the umask). */
static int opens(const char *path, int flags)
{
	int fd = open(path, flags, 0644);

	if (fd >= 0)
		close(fd);
	return fd < 0 ? -1 : 0;
}

static void mode_bits(void)
{
	nobody_in(0, 0);
	ok_errno(EACCES, open(D "/root600", O_RDONLY), "nobody: root's 0600 file: EACCES");
	ok_eq(0, opens(D "/root644", O_RDONLY), "root's 0644 file: read");
	ok_errno(EACCES, open(D "/root644", O_WRONLY), "but not write: EACCES");
	ok_errno(EACCES, open(D "/root644", O_RDONLY | O_TRUNC), "O_TRUNC asks to write: EACCES");
	ok_errno(EACCES, open(D "/nobody077", O_RDONLY),
		 "its own 0077 file: the owner bits apply, EACCES though others may read");
	ok_eq(0, opens(D "/grp0604", O_RDONLY), "0604 of a group it is not in: the other bits");
	ok_errno(EACCES, open(D "/grp0660", O_RDONLY), "0660 of that group: EACCES");
	ok_errno(EACCES, truncate(D "/root644", 0), "truncate root's file: EACCES");
	ok_errno(EPERM, open(D "/root644", O_RDONLY | O_NOATIME), "O_NOATIME on another's file: EPERM");
}

static void group_bits(void)
{
	nobody_in(1, GROUP);
	ok_eq(0, opens(D "/grp0660", O_RDWR), "nobody in group 100: 0660 of group 100, read and write");
	ok_errno(EACCES, open(D "/grp0604", O_RDONLY),
		 "0604 of group 100: the group bits apply, EACCES though others may read");
}

static void directories(void)
{
	struct stat st;

	nobody_in(0, 0);
	ok_errno(EACCES, stat(D "/nosearch/f", &st), "a path through a directory it may not search: EACCES");
	ok_errno(EACCES, stat(D "/nosearch/missing", &st), "EACCES before ENOENT");
	ok_errno(EACCES, chdir(D "/nosearch"), "chdir into it: EACCES");
	ok_errno(EACCES, open(D "/none", O_RDONLY), "open a 0000 directory: EACCES");
	ok_eq(0, opens(D "/nosearch", O_RDONLY), "a 0644 directory opens for reading");
	ok_errno(EACCES, fchdir(open(D "/nosearch", O_RDONLY)), "but fchdir to it: EACCES");
	ok_eq(0, stat(D "/xonly/f", &st), "a 0711 directory: search through it");
	ok_errno(EACCES, open(D "/xonly", O_RDONLY), "but not list it: EACCES");
	ok_errno(EACCES, open(D "/ro/new", O_WRONLY | O_CREAT, 0644), "create in a 0555 directory: EACCES");
	ok_errno(EEXIST, open(D "/ro/f666", O_WRONLY | O_CREAT | O_EXCL, 0644),
		 "O_EXCL of a name that exists there: EEXIST before EACCES");
	ok_eq(0, opens(D "/ro/f666", O_WRONLY | O_CREAT), "a 0666 file in it opens for writing");
	ok_errno(EACCES, unlink(D "/ro/f666"), "unlink from it: EACCES");
	ok_errno(EACCES, mkdir(D "/ro/d", 0755), "mkdir in it: EACCES");
	ok_errno(EACCES, rename(D "/ro/f666", D "/open/f666"), "rename out of it: EACCES");
	ok_errno(EACCES, symlink("x", D "/ro/l"), "symlink in it: EACCES");
	ok_errno(EACCES, mknod(D "/ro/p", S_IFIFO | 0644, 0), "mknod in it: EACCES");
	ok_errno(EACCES, rmdir(D "/open2/../ro"), "rmdir of an entry of its 0755 parent: EACCES");
}

static void creating(void)
{
	struct stat st;

	umask(022);
	nobody_in(0, 0);
	ok_eq(0, opens(D "/open/mine", O_RDWR | O_CREAT | O_EXCL), "nobody creates a file in a 0777 directory");
	ok_eq(0644, mode_of(D "/open/mine"), "mode 0644");
	stat(D "/open/mine", &st);
	ok(st.st_uid == NOBODY && st.st_gid == NOGROUP, "owned by its fsuid and fsgid (%u:%u)",
	   st.st_uid, st.st_gid);
	ok_eq(0, close(open(D "/open/mode0", O_RDWR | O_CREAT | O_EXCL, 0)), "created with mode 0, opened for writing");
	ok_eq(0, mode_of(D "/open/mode0"), "mode 0: the open that created it needed no permission");
	ok_errno(EACCES, open(D "/open/mode0", O_RDONLY), "a second open: EACCES");
	ok_eq(0, mkfifo(D "/open/fifo", 0644), "a FIFO: allowed");
	ok_errno(EPERM, mknod(D "/open/null", S_IFCHR | 0666, makedev(1, 3)),
		 "a character device: EPERM, needs CAP_MKNOD");
	ok_eq(0, mkdir(D "/open/mydir", 0777), "mkdir");
	ok_eq(0755, mode_of(D "/open/mydir"), "0777 less the umask 022");
	ok_eq(0, rename(D "/open/mydir", D "/open2/mydir"), "move its own directory to another parent");
	ok_errno(EACCES, rename(D "/open/rootdir", D "/open2/rootdir"),
		 "root's 0755 directory to another parent: EACCES, its .. would change");
	ok_eq(0, rename(D "/open/rootdir", D "/open/rootdir2"), "within the same parent: allowed");
	ok_eq(0, opens(D "/open/mine", O_RDONLY | O_NOATIME), "O_NOATIME on its own file");
}

static void sticky(void)
{
	nobody_in(0, 0);
	ok_eq(0, opens(D "/sticky/mine", O_WRONLY | O_CREAT), "create in a sticky 01777 directory");
	ok_errno(EPERM, unlink(D "/sticky/rootfile"), "unlink another's file there: EPERM");
	ok_errno(EPERM, rename(D "/sticky/rootfile", D "/sticky/x"), "rename it: EPERM");
	ok_eq(0, opens(D "/sticky/rootfile", O_WRONLY), "though it may write the 0666 file");
	ok_eq(0, unlink(D "/sticky/mine"), "its own file: unlink allowed");
}

static void chmod_chown(void)
{
	nobody_in(1, GROUP);
	ok_errno(EPERM, chmod(D "/root644", 0666), "chmod of another's file: EPERM");
	ok_eq(0, chmod(D "/open/mine", 0640), "chmod of its own");
	ok_errno(EPERM, chown(D "/open/mine", 0, -1), "give it away: EPERM");
	ok_eq(0, chown(D "/open/mine", NOBODY, -1), "\"give\" it to itself: allowed");
	ok_eq(0, chown(D "/open/mine", -1, GROUP), "chgrp to a group it is in");
	ok_errno(EPERM, chown(D "/open/mine", -1, 200), "to one it is not in: EPERM");
	ok_eq(0, chmod(D "/open/mine", 02755), "chmod g+s of a file of its group");
	ok_eq(02755, mode_of(D "/open/mine"), "the set-group-ID bit stays");
	ok_eq(0, chmod(D "/open/sgid_nox", 02755), "g+s of its file of group 0, not its group");
	ok_eq(0755, mode_of(D "/open/sgid_nox"), "the bit is dropped without an error");
	ok_eq(0, chown(D "/open/mine", -1, -1), "chown(-1, -1) of its g+s, g+x file");
	ok_eq(0755, mode_of(D "/open/mine"), "a chown clears set-group-ID of a group-executable file");
	ok_eq(0, chown(D "/root644", -1, -1), "chown(-1, -1) of another's file changes nothing: allowed");
}

static void setid_cleared(void)
{
	int fd;

	nobody_in(0, 0);
	fd = open(D "/open/suid", O_WRONLY);
	ok_eq(0, write(fd, "", 0), "an empty write");
	ok_eq(04777, mode_of(D "/open/suid"), "leaves set-user-ID");
	ok_eq(1, write(fd, "x", 1), "a write by nobody");
	ok_eq(0777, mode_of(D "/open/suid"), "clears set-user-ID: no CAP_FSETID");
	close(fd);
	ok_eq(0, chmod(D "/open/suid", 04777), "set it again");
	ok_eq(0, truncate(D "/open/suid", 1), "truncate");
	ok_eq(0777, mode_of(D "/open/suid"), "clears it too");
	ok_eq(1, write(fd = open(D "/open/rootsuid", O_WRONLY), "x", 1), "nobody writes root's 04777 file");
	close(fd);
	ok_eq(0777, mode_of(D "/open/rootsuid"), "its set-user-ID bit is gone too");
}

static void root_keeps_setid(void)
{
	int fd = open(D "/open/suid", O_WRONLY);

	chmod(D "/open/suid", 06777);
	ok_eq(1, write(fd, "y", 1), "root writes a 06777 file");
	ok_eq(06777, mode_of(D "/open/suid"), "CAP_FSETID: the bits stay");
	close(fd);
	ok_eq(0, chown(D "/open/suid", NOBODY, -1), "root chowns it");
	ok_eq(0777, mode_of(D "/open/suid"), "set-user-ID goes even for root; set-group-ID too (g+x)");
}

static void root_overrides(void)
{
	ok_eq(0, opens(D "/root000", O_RDWR), "root reads and writes a 0000 file: CAP_DAC_OVERRIDE");
	ok_eq(0, opens(D "/none", O_RDONLY), "lists a 0000 directory");
	ok_errno(EACCES, execl(D "/script644", "script644", NULL),
		 "but cannot execute a file with no execute bit: EACCES");
	ok_errno(EACCES, access(D "/script644", X_OK), "access(X_OK) agrees");
	ok_eq(0, access(D "/script100", X_OK), "one execute bit is enough: access(X_OK) 0");
	ok_eq(0, chmod(D "/root644", 0644), "chmod of any file: CAP_FOWNER");
}

static void read_search_only(void)
{
	ok_eq(0, drop_effective(1 /* CAP_DAC_OVERRIDE */), "root drops CAP_DAC_OVERRIDE from effective");
	ok_eq(0, opens(D "/root000", O_RDONLY), "CAP_DAC_READ_SEARCH: reads a 0000 file");
	ok_errno(EACCES, open(D "/root000", O_WRONLY), "but may not write it");
	ok_eq(0, opens(D "/none", O_RDONLY), "lists a 0000 directory");
	ok_errno(EACCES, open(D "/none/x", O_WRONLY | O_CREAT, 0644), "but may not create in it");
}

static void access_real_ids(void)
{
	setresuid(NOBODY, 0, 0);
	ok_eq(0, opens(D "/root600", O_RDONLY), "real nobody, effective root: open reads root's 0600 file");
	ok_errno(EACCES, access(D "/root600", R_OK), "access() asks as the real uid: EACCES");
	ok_eq(0, access(D "/root600", F_OK), "F_OK: it exists");
	ok_errno(EACCES, access(D "/nosearch/f", F_OK), "the path walk too is the real uid's: EACCES");
	ok_eq(0, faccessat(AT_FDCWD, D "/root600", R_OK, AT_EACCESS), "AT_EACCESS asks as the effective uid");
	ok_errno(EINVAL, access(D "/root600", 8), "an unknown mode bit: EINVAL");
}

static void fsuid(void)
{
	struct stat st;

	setfsuid(NOBODY);
	ok_errno(EACCES, open(D "/root600", O_RDONLY), "root with fsuid nobody: EACCES, the fs capabilities went");
	ok_eq(0, opens(D "/open/byfsuid", O_WRONLY | O_CREAT), "creates a file");
	stat(D "/open/byfsuid", &st);
	ok(st.st_uid == NOBODY && st.st_gid == 0, "owned by the fsuid and the fsgid (%u:%u)",
	   st.st_uid, st.st_gid);
	setfsuid(0);
	ok_eq(0, opens(D "/root600", O_RDONLY), "fsuid 0 again: allowed");
}

static void setgid_directory(void)
{
	struct stat st;

	umask(0);
	nobody_in(0, 0);
	ok_eq(0, mkdir(D "/sgid/sub", 0777), "mkdir in a set-group-ID directory of group 100");
	stat(D "/sgid/sub", &st);
	ok(st.st_gid == GROUP && (st.st_mode & 07777) == 02777,
	   "the new directory takes the group and the bit (%u, %o)", st.st_gid, st.st_mode & 07777);
	close(open(D "/sgid/f", O_WRONLY | O_CREAT, 02755));
	stat(D "/sgid/f", &st);
	ok(st.st_gid == GROUP && (st.st_mode & 07777) == 0755,
	   "a g+s,g+x file made there by a non-member loses g+s (%u, %o)", st.st_gid,
	   st.st_mode & 07777);
	ok_eq(0, mkfifo(D "/sgid/p", 02760), "a FIFO asked with g+s but no g+x");
	ok_eq(02760, mode_of(D "/sgid/p"), "keeps it (the strip needs g+x)");
}

static void exec_unreadable(void)
{
	int fds[2];
	char c = '?';

	nobody_in(0, 0);
	ok_errno(EACCES, execl(D "/script644", "script644", NULL), "exec without an execute bit: EACCES");
	ok_errno(EACCES, execl(D "/ro", "ro", NULL), "exec of a directory: EACCES");
	pipe(fds);
	fflush(stdout);
	if (fork() == 0) {
		dup2(fds[1], 1);
		execl(D "/self711", "self711", "dumpable", NULL);
		_exit(127);
	}
	close(fds[1]);
	read(fds[0], &c, 1);
	wait(NULL);
	ok_eq('0', c, "an execute-only program runs, not dumpable: nobody may not read it");
}

/* mincore of a fresh read-only shared mapping of the two-page file path: "10", "11"... */
static const char *residency(const char *path)
{
	static char out[3];
	unsigned char vec[2] = { 0 };
	int fd = open(path, O_RDONLY);
	void *p = mmap(NULL, 2 * 4096, PROT_READ, MAP_SHARED, fd, 0);

	mincore(p, 2 * 4096, vec);
	munmap(p, 2 * 4096);
	close(fd);
	out[0] = (char)('0' + (vec[0] & 1));
	out[1] = (char)('0' + (vec[1] & 1));
	return out;
}

static void mincore_of_files(void)
{
	ok_str("10", residency(D "/sparse644"), "root: mincore tells a file's hole from its cached page");
	nobody_in(0, 0);
	ok_str("11", residency(D "/sparse644"),
	       "nobody, who could not write root's 0644 file: every page resident, nothing told");
	ok_str("10", residency(D "/sparse666"), "a 0666 file it could write: told");
}

static void remove_tree(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	char sub[512];

	if (lstat(path, &st))
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	d = opendir(path);
	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
			remove_tree(sub);
		}
	if (d)
		closedir(d);
	rmdir(path);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "dumpable")) {
		printf("%d", prctl(PR_GET_DUMPABLE));
		return 0;
	}
	remove_tree(D);
	make_tree();
	in_child(mode_bits, "mode_bits");
	in_child(group_bits, "group_bits");
	in_child(directories, "directories");
	in_child(creating, "creating");
	in_child(sticky, "sticky");
	in_child(chmod_chown, "chmod_chown");
	in_child(setid_cleared, "setid_cleared");
	in_child(root_keeps_setid, "root_keeps_setid");
	in_child(root_overrides, "root_overrides");
	in_child(read_search_only, "read_search_only");
	in_child(access_real_ids, "access_real_ids");
	in_child(fsuid, "fsuid");
	in_child(setgid_directory, "setgid_directory");
	in_child(exec_unreadable, "exec_unreadable");
	in_child(mincore_of_files, "mincore_of_files");
	remove_tree(D);
	return tap_done();
}
