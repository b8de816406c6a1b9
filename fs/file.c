// SPDX-License-Identifier: GPL-2.0
/*
 * File descriptor tables (the picture is in linux/fdtable.h).
 * Linux: fs/file.c
 *
 * A descriptor is allocated in two steps, as in Linux: get_unused_fd_flags
 * reserves the lowest free number (marking it open with no file yet), and
 * fd_install puts the file there once opening has succeeded; on failure
 * put_unused_fd gives the number back. So an open that fails half-way
 * leaves the table as it was.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/fdtable.h>

unsigned int sysctl_nr_open = 1024 * 1024;

#define BITS_PER_LONG	64

struct files_struct init_files = {
	.count = 1,
	.fdt = {
		.max_fds = NR_OPEN_DEFAULT,
		.fd = init_files.fd_array,
		.close_on_exec = init_files.close_on_exec_init,
		.open_fds = init_files.open_fds_init,
	},
};

static bool test_fd(const unsigned long *map, unsigned int fd)
{
	return map[fd / BITS_PER_LONG] & (1UL << (fd % BITS_PER_LONG));
}

static void set_fd(unsigned long *map, unsigned int fd)
{
	map[fd / BITS_PER_LONG] |= 1UL << (fd % BITS_PER_LONG);
}

static void clear_fd(unsigned long *map, unsigned int fd)
{
	map[fd / BITS_PER_LONG] &= ~(1UL << (fd % BITS_PER_LONG));
}

static size_t bitmap_bytes(unsigned int nr)
{
	return DIV_ROUND_UP(nr, BITS_PER_LONG) * sizeof(unsigned long);
}

static bool fdt_is_embedded(const struct files_struct *files)
{
	return files->fdt.fd == files->fd_array;
}

static void free_fdt_arrays(struct files_struct *files)
{
	if (fdt_is_embedded(files))
		return;
	kfree(files->fdt.fd);
	kfree(files->fdt.open_fds);
	kfree(files->fdt.close_on_exec);
}

/*
 * Make room for descriptor nr: the next power of two above it (at least
 * 256 entries), arrays copied over. Linux: expand_files() -> expand_fdtable()
 */
static int expand_files(struct files_struct *files, unsigned int nr)
{
	struct fdtable *fdt = &files->fdt;
	unsigned int nr_fds;
	struct file **fd;
	unsigned long *open_fds, *cloexec;

	if (nr < fdt->max_fds)
		return 0;
	if (nr >= sysctl_nr_open)
		return -EMFILE;
	nr_fds = max(256U, 1U << fls64(nr));
	fd = kcalloc(nr_fds, sizeof(*fd), GFP_KERNEL);
	open_fds = kzalloc(bitmap_bytes(nr_fds), GFP_KERNEL);
	cloexec = kzalloc(bitmap_bytes(nr_fds), GFP_KERNEL);
	if (!fd || !open_fds || !cloexec) {
		kfree(fd);
		kfree(open_fds);
		kfree(cloexec);
		return -ENOMEM;
	}
	memcpy(fd, fdt->fd, fdt->max_fds * sizeof(*fd));
	memcpy(open_fds, fdt->open_fds, bitmap_bytes(fdt->max_fds));
	memcpy(cloexec, fdt->close_on_exec, bitmap_bytes(fdt->max_fds));
	free_fdt_arrays(files);
	fdt->fd = fd;
	fdt->open_fds = open_fds;
	fdt->close_on_exec = cloexec;
	fdt->max_fds = nr_fds;
	return 0;
}

/* The lowest free descriptor >= start and < end, reserved. Linux: alloc_fd() */
static int alloc_fd(unsigned int start, unsigned int end, unsigned int flags)
{
	struct files_struct *files = current->files;
	unsigned int fd = max(start, files->next_fd);
	int err;

	while (fd < files->fdt.max_fds && test_fd(files->fdt.open_fds, fd))
		fd++;
	if (fd >= end)
		return -EMFILE;
	err = expand_files(files, fd);
	if (err)
		return err;
	if (start <= files->next_fd)
		files->next_fd = fd + 1;
	set_fd(files->fdt.open_fds, fd);
	if (flags & O_CLOEXEC)
		set_fd(files->fdt.close_on_exec, fd);
	else
		clear_fd(files->fdt.close_on_exec, fd);
	return (int)fd;
}

int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, (unsigned int)min(rlimit(RLIMIT_NOFILE), (unsigned long)sysctl_nr_open),
			flags);
}

static void __put_unused_fd(struct files_struct *files, unsigned int fd)
{
	clear_fd(files->fdt.open_fds, fd);
	if (fd < files->next_fd)
		files->next_fd = fd;
}

void put_unused_fd(unsigned int fd)
{
	__put_unused_fd(current->files, fd);
}

void fd_install(unsigned int fd, struct file *file)
{
	struct fdtable *fdt = &current->files->fdt;

	BUG_ON(fdt->fd[fd]);
	fdt->fd[fd] = file;
}

struct file *files_lookup_fd(struct files_struct *files, unsigned int fd)
{
	if (fd >= files->fdt.max_fds)
		return NULL;
	return files->fdt.fd[fd];
}

/*
 * The open file behind fd with a reference, or NULL. An O_PATH descriptor
 * is only a handle: fget() does not see it (its I/O calls fail with
 * EBADF); fget_raw() does, for the calls that take one (fstat, fchdir,
 * dup, fcntl, the dirfd of the *at calls). Linux: fget(), fget_raw()
 */
struct file *fget_raw(unsigned int fd)
{
	struct file *file = files_lookup_fd(current->files, fd);

	return file ? get_file(file) : NULL;
}

struct file *fget(unsigned int fd)
{
	struct file *file = files_lookup_fd(current->files, fd);

	if (!file || (file->f_mode & FMODE_PATH))
		return NULL;
	return get_file(file);
}

/* Take fd out of the table; the file is closed. Linux: close_fd() */
int close_fd(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *file = files_lookup_fd(files, fd);

	if (!file)
		return -EBADF;
	files->fdt.fd[fd] = NULL;
	__put_unused_fd(files, fd);
	return filp_close(file);
}

/*
 * Put file at fd, closing what was there (dup2, dup3).
 * Linux: replace_fd() / do_dup2()
 */
int replace_fd(unsigned int fd, struct file *file, unsigned int flags)
{
	struct files_struct *files = current->files;
	struct file *old;
	int err;

	if (fd >= rlimit(RLIMIT_NOFILE))
		return -EBADF;
	err = expand_files(files, fd);
	if (err)
		return err;
	old = files->fdt.fd[fd];
	files->fdt.fd[fd] = get_file(file);
	set_fd(files->fdt.open_fds, fd);
	if (flags & O_CLOEXEC)
		set_fd(files->fdt.close_on_exec, fd);
	else
		clear_fd(files->fdt.close_on_exec, fd);
	if (old)
		filp_close(old);
	return (int)fd;
}

/* F_DUPFD: the lowest free descriptor >= from, for file. */
int f_dupfd(unsigned int from, struct file *file, unsigned int flags)
{
	int fd;

	if (from >= rlimit(RLIMIT_NOFILE))
		return -EINVAL;
	fd = alloc_fd(from, (unsigned int)min(rlimit(RLIMIT_NOFILE),
					      (unsigned long)sysctl_nr_open), flags);
	if (fd >= 0)
		fd_install((unsigned int)fd, get_file(file));
	return fd;
}

void set_close_on_exec(unsigned int fd, int flag)
{
	struct fdtable *fdt = &current->files->fdt;

	if (flag)
		set_fd(fdt->close_on_exec, fd);
	else
		clear_fd(fdt->close_on_exec, fd);
}

/* Is fd of this table closed at exec? Linux: close_on_exec() */
bool close_on_exec(unsigned int fd, const struct fdtable *fdt)
{
	return fd < fdt->max_fds && test_fd(fdt->close_on_exec, fd);
}

bool get_close_on_exec(unsigned int fd)
{
	return close_on_exec(fd, &current->files->fdt);
}

/*
 * A copy of oldf for fork: the same open files, each with one more
 * reference. Linux: dup_fd()
 */
struct files_struct *dup_fd(struct files_struct *oldf, int *errorp)
{
	struct files_struct *newf = kzalloc(sizeof(*newf), GFP_KERNEL);
	unsigned int n = oldf->fdt.max_fds;

	*errorp = -ENOMEM;
	if (!newf)
		return NULL;
	newf->count = 1;
	newf->fdt.max_fds = NR_OPEN_DEFAULT;
	newf->fdt.fd = newf->fd_array;
	newf->fdt.open_fds = newf->open_fds_init;
	newf->fdt.close_on_exec = newf->close_on_exec_init;
	while (n > NR_OPEN_DEFAULT && !oldf->fdt.fd[n - 1] &&
	       !test_fd(oldf->fdt.open_fds, n - 1))
		n--;
	if (n > NR_OPEN_DEFAULT && expand_files(newf, n - 1)) {
		kfree(newf);
		return NULL;
	}
	for (unsigned int fd = 0; fd < n; fd++) {
		struct file *f = oldf->fdt.fd[fd];

		if (!f)
			continue;	/* reserved but not installed: not copied */
		newf->fdt.fd[fd] = get_file(f);
		set_fd(newf->fdt.open_fds, fd);
		if (test_fd(oldf->fdt.close_on_exec, fd))
			set_fd(newf->fdt.close_on_exec, fd);
	}
	newf->next_fd = oldf->next_fd;
	*errorp = 0;
	return newf;
}

static void close_files(struct files_struct *files)
{
	for (unsigned int fd = 0; fd < files->fdt.max_fds; fd++) {
		struct file *file = files->fdt.fd[fd];

		if (file) {
			files->fdt.fd[fd] = NULL;
			filp_close(file);
		}
	}
}

void put_files_struct(struct files_struct *files)
{
	if (--files->count)
		return;
	close_files(files);
	free_fdt_arrays(files);
	if (files != &init_files)
		kfree(files);
}

void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (!files)
		return;
	tsk->files = NULL;
	put_files_struct(files);
}

/* exec: close the descriptors marked close-on-exec. Linux: do_close_on_exec() */
void do_close_on_exec(struct files_struct *files)
{
	for (unsigned int fd = 0; fd < files->fdt.max_fds; fd++) {
		struct file *file = files->fdt.fd[fd];

		if (!file || !test_fd(files->fdt.close_on_exec, fd))
			continue;
		files->fdt.fd[fd] = NULL;
		clear_fd(files->fdt.close_on_exec, fd);
		__put_unused_fd(files, fd);
		filp_close(file);
	}
}
