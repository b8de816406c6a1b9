// SPDX-License-Identifier: GPL-2.0
/*
 * seq_file: text made one record at a time as it is read. Linux: fs/seq_file.c
 *
 * A read fills the buffer with whole records, starting at m->index, and
 * copies out what the caller asked for; what it did not take stays for
 * the next read. Records are never cut by the buffer: one that does not
 * fit doubles it and is printed again. A read at an offset the last read
 * did not end at (lseek, pread) replays the records from the start up to
 * it (traverse). A read at offset 0 always starts again from the first
 * record, so re-reading shows the process as it is now.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/seq_file.h>

static void *seq_buf_alloc(size_t size)
{
	return size <= KMALLOC_MAX_SIZE ? kmalloc(size, GFP_KERNEL) : NULL;
}

int seq_open(struct file *file, const struct seq_operations *op)
{
	struct seq_file *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	m->op = op;
	file->private_data = m;
	return 0;
}

void *__seq_open_private(struct file *file, const struct seq_operations *op, int psize)
{
	void *private = kzalloc(psize, GFP_KERNEL);

	if (!private)
		return NULL;
	if (seq_open(file, op)) {
		kfree(private);
		return NULL;
	}
	((struct seq_file *)file->private_data)->private = private;
	return private;
}

int seq_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	kfree(m->buf);
	kfree(m);
	return 0;
}

int seq_release_private(struct inode *inode, struct file *file)
{
	kfree(((struct seq_file *)file->private_data)->private);
	return seq_release(inode, file);
}

/*
 * Print the records from the first up to file offset offset, keeping the
 * part of the last one past it. -EAGAIN: the buffer was too small, try
 * again with the bigger one. Linux: traverse()
 */
static int traverse(struct seq_file *m, loff_t offset)
{
	loff_t pos = 0;
	int error = 0;
	void *p;

	m->index = 0;
	m->count = m->from = 0;
	if (!offset)
		return 0;
	if (!m->buf) {
		m->buf = seq_buf_alloc(m->size = PAGE_SIZE);
		if (!m->buf)
			return -ENOMEM;
	}
	p = m->op->start(m, &m->index);
	while (p) {
		error = (int)PTR_ERR(p);
		if (IS_ERR(p))
			break;
		error = m->op->show(m, p);
		if (error < 0)
			break;
		if (error) {
			error = 0;
			m->count = 0;
		}
		if (seq_has_overflowed(m))
			goto overflow;
		p = m->op->next(m, p, &m->index);
		if (pos + (loff_t)m->count > offset) {
			m->from = (size_t)(offset - pos);
			m->count -= m->from;
			break;
		}
		pos += m->count;
		m->count = 0;
		if (pos == offset)
			break;
	}
	m->op->stop(m, p);
	return error;

overflow:
	m->op->stop(m, p);
	kfree(m->buf);
	m->count = 0;
	m->buf = seq_buf_alloc(m->size <<= 1);
	return !m->buf ? -ENOMEM : -EAGAIN;
}

/*
 * Get ready to read from file offset pos: from the first record again
 * at 0, and by re-walking the records (traverse) for any offset but the
 * one the last read ended at.
 */
static int seq_reposition(struct seq_file *m, loff_t pos)
{
	int err;

	if (pos == 0) {
		m->index = 0;
		m->count = 0;
	}
	if (pos == m->read_pos)
		return 0;
	while ((err = traverse(m, pos)) == -EAGAIN)
		;
	if (err) {
		m->read_pos = 0;
		m->index = 0;
		m->count = 0;
		return err;
	}
	m->read_pos = pos;
	return 0;
}

/*
 * Print the next record that shows something into the buffer, doubling
 * the buffer until it fits. Returns that record, the iterator still
 * started; or NULL, the iterator stopped, at the end (*errp 0) or on an
 * error (*errp < 0).
 */
static void *seq_first_record(struct seq_file *m, int *errp)
{
	void *p;
	int err;

	m->from = 0;
	p = m->op->start(m, &m->index);
	while (1) {
		err = (int)PTR_ERR(p);
		if (!p || IS_ERR(p))
			break;
		err = m->op->show(m, p);
		if (err < 0)
			break;
		if (err)
			m->count = 0;		/* SEQ_SKIP */
		if (!m->count) {
			p = m->op->next(m, p, &m->index);
			continue;
		}
		if (!seq_has_overflowed(m))
			return p;
		m->op->stop(m, p);
		kfree(m->buf);
		m->count = 0;
		m->buf = seq_buf_alloc(m->size <<= 1);
		if (!m->buf) {
			*errp = -ENOMEM;
			return NULL;
		}
		p = m->op->start(m, &m->index);
	}
	m->op->stop(m, p);
	m->count = 0;
	*errp = err;
	return NULL;
}

/*
 * After record p, more whole records while they fit and the caller
 * wants more than the buffer holds; then stop the iterator. A record
 * that does not fit whole is left for the next read.
 */
static int seq_fill_more(struct seq_file *m, void *p, size_t want)
{
	int err = 0;

	while (1) {
		size_t offs = m->count;
		loff_t pos = m->index;

		p = m->op->next(m, p, &m->index);
		if (pos == m->index) {
			pr_warn("seq_file: %ps did not advance the index\n", m->op->next);
			m->index++;
		}
		if (!p || IS_ERR(p))
			break;
		if (m->count >= want)
			break;
		err = m->op->show(m, p);
		if (err > 0) {
			m->count = offs;
		} else if (err || seq_has_overflowed(m)) {
			m->count = offs;
			break;
		}
	}
	m->op->stop(m, p);
	return err;
}

/* Linux: seq_read_iter() */
ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	struct seq_file *m = iocb->ki_filp->private_data;
	size_t copied = 0, n;
	int err;
	void *p;

	if (!iov_iter_count(iter))
		return 0;
	err = seq_reposition(m, iocb->ki_pos);
	if (err)
		goto done;
	if (!m->buf) {
		m->buf = seq_buf_alloc(m->size = PAGE_SIZE);
		if (!m->buf) {
			err = -ENOMEM;
			goto done;
		}
	}
	/* What the last read left in the buffer goes first. */
	if (m->count) {
		n = copy_to_iter(m->buf + m->from, m->count, iter);
		m->count -= n;
		m->from += n;
		copied += n;
		if (m->count)	/* a fault, or the caller's buffer is full */
			goto done;
	}
	p = seq_first_record(m, &err);
	if (p) {
		err = seq_fill_more(m, p, iov_iter_count(iter));
		n = copy_to_iter(m->buf, m->count, iter);
		copied += n;
		m->count -= n;
		m->from = n;
	}
done:
	if (!copied) {
		copied = m->count ? (size_t)-EFAULT : (size_t)(long)err;
	} else {
		iocb->ki_pos += copied;
		m->read_pos += copied;
	}
	return (ssize_t)copied;
}

/* SEEK_SET and SEEK_CUR only, as Linux. Linux: seq_lseek() */
loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	struct seq_file *m = file->private_data;
	loff_t retval = -EINVAL;

	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		fallthrough;
	case SEEK_SET:
		if (offset < 0)
			break;
		retval = offset;
		if (offset != m->read_pos) {
			while ((retval = traverse(m, offset)) == -EAGAIN)
				;
			if (retval) {
				/* with extreme prejudice... */
				file->f_pos = 0;
				m->read_pos = 0;
				m->index = 0;
				m->count = 0;
			} else {
				m->read_pos = offset;
				retval = file->f_pos = offset;
			}
		} else {
			file->f_pos = offset;
		}
	}
	return retval;
}

/* --- one record --- */

static void *single_start(struct seq_file *p, loff_t *pos)
{
	return *pos ? NULL : SEQ_START_TOKEN;
}

static void *single_next(struct seq_file *p, void *v, loff_t *pos)
{
	++*pos;
	return NULL;
}

static void single_stop(struct seq_file *p, void *v)
{
}

struct single_data {
	struct seq_operations op;
	int (*show)(struct seq_file *, void *);
	void *data;
};

static int single_show(struct seq_file *m, void *v)
{
	const struct single_data *sd = container_of(m->op, struct single_data, op);

	m->private = sd->data;
	return sd->show(m, NULL);
}

int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data)
{
	struct single_data *sd = kzalloc(sizeof(*sd), GFP_KERNEL);
	int res;

	if (!sd)
		return -ENOMEM;
	sd->op.start = single_start;
	sd->op.next = single_next;
	sd->op.stop = single_stop;
	sd->op.show = single_show;
	sd->show = show;
	sd->data = data;
	res = seq_open(file, &sd->op);
	if (res)
		kfree(sd);
	else
		((struct seq_file *)file->private_data)->private = data;
	return res;
}

int single_release(struct inode *inode, struct file *file)
{
	const struct seq_operations *op = ((struct seq_file *)file->private_data)->op;
	int res = seq_release(inode, file);

	kfree(container_of(op, struct single_data, op));
	return res;
}

/* --- printing into the buffer --- */

void seq_vprintf(struct seq_file *m, const char *f, va_list args)
{
	int len;

	if (m->count < m->size) {
		len = vsnprintf(m->buf + m->count, m->size - m->count, f, args);
		if (m->count + (size_t)len < m->size) {
			m->count += (size_t)len;
			return;
		}
	}
	m->count = m->size;	/* overflowed: the record is printed again */
}

void seq_printf(struct seq_file *m, const char *f, ...)
{
	va_list args;

	va_start(args, f);
	seq_vprintf(m, f, args);
	va_end(args);
}

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->count + len < m->size) {
		memcpy(m->buf + m->count, data, len);
		m->count += len;
	} else {
		m->count = m->size;
	}
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	if (m->count >= m->size)
		return;
	m->buf[m->count++] = c;
}

void seq_put_decimal_ull_width(struct seq_file *m, const char *delimiter,
			       unsigned long long num, unsigned int width)
{
	char digits[24];
	unsigned int len = 0, pad;

	if (delimiter)
		seq_puts(m, delimiter);
	do {
		digits[len++] = (char)('0' + num % 10);
		num /= 10;
	} while (num);
	if (width > 64)
		width = 64;
	pad = width > len ? width - len : 0;
	if (m->count + pad + len > m->size) {
		m->count = m->size;	/* overflow: the record is printed again */
		return;
	}
	memset(m->buf + m->count, ' ', pad);
	m->count += pad;
	while (len)
		m->buf[m->count++] = digits[--len];
}

void seq_put_decimal_ull(struct seq_file *m, const char *delimiter, unsigned long long num)
{
	seq_put_decimal_ull_width(m, delimiter, num, 0);
}

void seq_put_decimal_ll(struct seq_file *m, const char *delimiter, long long num)
{
	if (num < 0) {
		if (delimiter)
			seq_puts(m, delimiter);
		seq_putc(m, '-');
		seq_put_decimal_ull(m, "", -(unsigned long long)num);
		return;
	}
	seq_put_decimal_ull(m, delimiter, (unsigned long long)num);
}

void seq_put_hex_ll(struct seq_file *m, const char *delimiter, unsigned long long v,
		    unsigned int width)
{
	static const char hex_asc[] = "0123456789abcdef";
	unsigned int len = 1;

	if (delimiter)
		seq_puts(m, delimiter);
	while (len < 16 && (v >> (len * 4)))
		len++;
	if (len < width)
		len = width;
	if (m->count + len > m->size) {
		m->count = m->size;	/* overflow: the record is printed again */
		return;
	}
	for (unsigned int i = len; i > 0; i--) {
		m->buf[m->count + i - 1] = hex_asc[v & 0xf];
		v >>= 4;
	}
	m->count += len;
}

void seq_setwidth(struct seq_file *m, size_t size)
{
	m->pad_until = m->count + size;
}

void seq_pad(struct seq_file *m, char c)
{
	long size = (long)m->pad_until - (long)m->count;

	if (size > 0) {
		if (m->count + (size_t)size > m->size) {
			m->count = m->size;
			return;
		}
		memset(m->buf + m->count, ' ', (size_t)size);
		m->count += (size_t)size;
	}
	if (c)
		seq_putc(m, c);
}

/* Linux: seq_path() -> mangle_path() */
void seq_path(struct seq_file *m, const struct path *path, const char *esc)
{
	char *buf = m->buf + m->count, *p, *s;
	size_t size = m->size - m->count;

	if (m->count >= m->size)
		return;
	p = d_path(path, buf, (int)size);
	if (IS_ERR(p)) {
		m->count = m->size;
		return;
	}
	/* Move the path to the front, escaping as it goes. */
	for (s = buf; *p; p++) {
		if (esc && strchr(esc, *p)) {
			if (s + 4 > p + 1) {	/* no room left to grow into */
				m->count = m->size;
				return;
			}
			*s++ = '\\';
			*s++ = (char)('0' + ((*p >> 6) & 3));
			*s++ = (char)('0' + ((*p >> 3) & 7));
			*s++ = (char)('0' + (*p & 7));
		} else {
			*s++ = *p;
		}
	}
	m->count = (size_t)(s - m->buf);
}
