/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/compiler.h>
#include <stdarg.h>

/*
 * Files whose text is made as they are read, one record at a time: the
 * iterator (start/next/stop) walks records by an index, show prints one
 * into the buffer, and seq_read hands out the buffer across as many
 * read(2) calls as it takes. Linux: include/linux/seq_file.h
 */
struct seq_file;

struct seq_operations {
	void *(*start)(struct seq_file *m, loff_t *pos);
	void (*stop)(struct seq_file *m, void *v);
	void *(*next)(struct seq_file *m, void *v, loff_t *pos);
	int (*show)(struct seq_file *m, void *v);
};

struct seq_file {
	char *buf;
	size_t size;		/* of buf; doubled when a record does not fit */
	size_t from;		/* the first byte not yet read */
	size_t count;		/* bytes in buf from there */
	size_t pad_until;	/* seq_setwidth/seq_pad */
	loff_t index;		/* the iterator's record index */
	loff_t read_pos;	/* file offset of buf[from] */
	const struct seq_operations *op;
	void *private;
};

#define SEQ_START_TOKEN ((void *)1)	/* start's "before the first record" */
#define SEQ_SKIP 1		/* show: print nothing for this record */

static inline bool seq_has_overflowed(const struct seq_file *m)
{
	return m->count == m->size;
}

int seq_open(struct file *file, const struct seq_operations *op);
/* seq_open with a zeroed private area of psize bytes in m->private. */
void *__seq_open_private(struct file *file, const struct seq_operations *op, int psize);
int seq_release(struct inode *inode, struct file *file);
int seq_release_private(struct inode *inode, struct file *file);
ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *iter);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);

/* One record, the whole file: show(m, NULL) prints it. */
int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data);
int single_release(struct inode *inode, struct file *file);

__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
__printf(2, 0) void seq_vprintf(struct seq_file *m, const char *fmt, va_list args);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
/* delimiter, then num in decimal, right-aligned in width (0: none). */
void seq_put_decimal_ull_width(struct seq_file *m, const char *delimiter,
			       unsigned long long num, unsigned int width);
void seq_put_decimal_ull(struct seq_file *m, const char *delimiter, unsigned long long num);
void seq_put_decimal_ll(struct seq_file *m, const char *delimiter, long long num);
void seq_put_hex_ll(struct seq_file *m, const char *delimiter, unsigned long long v,
		    unsigned int width);
/* Pad what follows seq_setwidth with spaces to size bytes, then c (if not 0). */
void seq_setwidth(struct seq_file *m, size_t size);
void seq_pad(struct seq_file *m, char c);
/* A path, with the characters in esc written as \ooo. Linux: seq_path() */
void seq_path(struct seq_file *m, const struct path *path, const char *esc);

#endif
