// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for seq_file (fs/seq_file.c): a file of numbered records of
 * growing length, read whole, in pieces of every awkward size, from
 * offsets reached by lseek, and re-read after the records changed; a
 * record bigger than the first buffer; SEQ_SKIP; the number helpers.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/fcntl.h>
#include <linux/uio.h>
#include <linux/seq_file.h>
#include <linux/ktest.h>

/* The records: "record I: " and I*step dots, for I below nr. */
struct recs {
	int nr;
	int step;
	int skip;		/* this record shows nothing (SEQ_SKIP); -1 none */
};

static void *rec_start(struct seq_file *m, loff_t *pos)
{
	struct recs *r = m->private;

	return *pos < r->nr ? (void *)(long)(*pos + 1) : NULL;
}

static void *rec_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return rec_start(m, pos);
}

static void rec_stop(struct seq_file *m, void *v)
{
}

static int rec_show(struct seq_file *m, void *v)
{
	struct recs *r = m->private;
	int i = (int)(long)v - 1;

	if (i == r->skip)
		return SEQ_SKIP;
	seq_printf(m, "record %d: ", i);
	for (int k = 0; k < i * r->step; k++)
		seq_putc(m, '.');
	seq_putc(m, '\n');
	return 0;
}

static const struct seq_operations rec_ops = {
	.start = rec_start, .next = rec_next, .stop = rec_stop, .show = rec_show,
};

/* What the file should hold: the same records printed straight. */
static size_t expected(const struct recs *r, char *buf, size_t size)
{
	size_t n = 0;

	for (int i = 0; i < r->nr; i++) {
		if (i == r->skip)
			continue;
		n += (size_t)snprintf(buf + n, size - n, "record %d: ", i);
		for (int k = 0; k < i * r->step; k++)
			buf[n++] = '.';
		buf[n++] = '\n';
	}
	return n;
}

static int open_recs(struct file *file, struct recs *r)
{
	memset(file, 0, sizeof(*file));
	file->f_mode = FMODE_READ | FMODE_LSEEK;
	if (seq_open(file, &rec_ops))
		return -ENOMEM;
	((struct seq_file *)file->private_data)->private = r;
	return 0;
}

/* read(2) of count bytes at the file's position. */
static ssize_t read_some(struct file *file, char *buf, size_t count)
{
	struct kiocb iocb = { .ki_filp = file, .ki_pos = file->f_pos };
	struct iov_iter iter;
	ssize_t n;

	iov_iter_kvec(&iter, READ, buf, count);
	n = seq_read_iter(&iocb, &iter);
	if (n > 0)
		file->f_pos = iocb.ki_pos;
	return n;
}

/* The whole file in reads of chunk bytes; its length. */
static size_t read_all(struct file *file, char *buf, size_t size, size_t chunk)
{
	size_t total = 0;
	ssize_t n;

	while (total < size && (n = read_some(file, buf + total, min(chunk, size - total))) > 0)
		total += (size_t)n;
	return total;
}

#define BUFSZ (64 * 1024)

KTEST(seq_file, pieces, "a file read in pieces of 1, 3, 100, 4095, 4096 and 60000 bytes is the file read whole")
{
	static const size_t chunks[] = { 1, 3, 100, 4095, 4096, 60000 };
	struct recs r = { .nr = 200, .step = 3, .skip = -1 };
	char *want = kmalloc(BUFSZ, GFP_KERNEL), *got = kmalloc(BUFSZ, GFP_KERNEL);
	size_t len = expected(&r, want, BUFSZ);
	struct file file;

	KT_ASSERT_TRUE(t, want && got && len > 4 * 4096);
	for (size_t i = 0; i < ARRAY_SIZE(chunks); i++) {
		KT_ASSERT_EQ(t, 0, open_recs(&file, &r));
		memset(got, 0, BUFSZ);
		KT_EXPECT_EQ(t, len, read_all(&file, got, BUFSZ, chunks[i]));
		KT_EXPECT_TRUE(t, !memcmp(want, got, len));
		KT_EXPECT_EQ(t, 0, read_some(&file, got, 10));	/* at the end: 0 */
		seq_release(NULL, &file);
	}
	kfree(want);
	kfree(got);
}

KTEST(seq_file, lseek, "lseek to any offset, then read, gives the bytes from there; SEEK_END is refused")
{
	struct recs r = { .nr = 100, .step = 5, .skip = -1 };
	char *want = kmalloc(BUFSZ, GFP_KERNEL), *got = kmalloc(BUFSZ, GFP_KERNEL);
	size_t len = expected(&r, want, BUFSZ);
	static const loff_t offs[] = { 0, 1, 11, 4095, 4096, 4097, 10000 };
	struct file file;

	KT_ASSERT_TRUE(t, want && got);
	KT_ASSERT_EQ(t, 0, open_recs(&file, &r));
	for (size_t i = 0; i < ARRAY_SIZE(offs); i++) {
		KT_EXPECT_EQ(t, offs[i], seq_lseek(&file, offs[i], SEEK_SET));
		KT_EXPECT_EQ(t, 50, read_some(&file, got, 50));
		KT_EXPECT_TRUE(t, !memcmp(want + offs[i], got, 50));
	}
	/* after the last read the position is 10050 */
	KT_EXPECT_EQ(t, 10150, seq_lseek(&file, 100, SEEK_CUR));
	KT_EXPECT_EQ(t, 50, read_some(&file, got, 50));
	KT_EXPECT_TRUE(t, !memcmp(want + 10150, got, 50));
	KT_EXPECT_EQ(t, -EINVAL, seq_lseek(&file, 0, SEEK_END));
	KT_EXPECT_EQ(t, -EINVAL, seq_lseek(&file, -1, SEEK_SET));
	KT_EXPECT_EQ(t, (loff_t)len + 100, seq_lseek(&file, (loff_t)len + 100, SEEK_SET));
	KT_EXPECT_EQ(t, 0, read_some(&file, got, 10));	/* past the end: 0 bytes */
	seq_release(NULL, &file);
	kfree(want);
	kfree(got);
}

KTEST(seq_file, changes, "re-reading from 0 shows the records as they are now; a position mid-file stays valid")
{
	struct recs r = { .nr = 10, .step = 1, .skip = -1 };
	char *want = kmalloc(BUFSZ, GFP_KERNEL), *got = kmalloc(BUFSZ, GFP_KERNEL);
	struct file file;
	size_t len;

	KT_ASSERT_TRUE(t, want && got);
	KT_ASSERT_EQ(t, 0, open_recs(&file, &r));
	KT_EXPECT_EQ(t, expected(&r, want, BUFSZ), read_all(&file, got, BUFSZ, 7));
	r.nr = 20;			/* the "process" changed */
	r.skip = 3;			/* and one record shows nothing now */
	len = expected(&r, want, BUFSZ);
	seq_lseek(&file, 0, SEEK_SET);
	KT_EXPECT_EQ(t, len, read_all(&file, got, BUFSZ, 4096));
	KT_EXPECT_TRUE(t, !memcmp(want, got, len));
	seq_release(NULL, &file);
	kfree(want);
	kfree(got);
}

KTEST(seq_file, big_record, "a record bigger than the first page-sized buffer is printed whole")
{
	struct recs r = { .nr = 3, .step = 9000, .skip = -1 };	/* record 2: 18000 dots */
	char *want = kmalloc(BUFSZ, GFP_KERNEL), *got = kmalloc(BUFSZ, GFP_KERNEL);
	size_t len = expected(&r, want, BUFSZ);
	struct file file;

	KT_ASSERT_TRUE(t, want && got && len > 4 * 4096);
	KT_ASSERT_EQ(t, 0, open_recs(&file, &r));
	KT_EXPECT_EQ(t, len, read_all(&file, got, BUFSZ, 1000));
	KT_EXPECT_TRUE(t, !memcmp(want, got, len));
	KT_EXPECT_EQ(t, 5000, seq_lseek(&file, 5000, SEEK_SET));	/* inside the big one */
	KT_EXPECT_EQ(t, 100, read_some(&file, got, 100));
	KT_EXPECT_TRUE(t, !memcmp(want + 5000, got, 100));
	seq_release(NULL, &file);
	kfree(want);
	kfree(got);
}

static int numbers_show(struct seq_file *m, void *v)
{
	seq_put_decimal_ull(m, "a ", 0);
	seq_put_decimal_ull_width(m, " b", 42, 8);
	seq_put_decimal_ll(m, " c ", -17);
	seq_put_hex_ll(m, " d ", 0xbeef, 8);
	seq_put_decimal_ull(m, NULL, 7);
	seq_setwidth(m, 20);
	seq_puts(m, " e");
	seq_pad(m, '|');
	seq_putc(m, '\n');
	return 0;
}

KTEST(seq_file, numbers, "seq_put_decimal*, seq_put_hex_ll and seq_pad print as Linux's do")
{
	static const char want[] = "a 0 b      42 c -17 d 0000beef7 e" "                  " "|\n";	/* " e" padded to 20 */
	char got[128] = "";
	struct file file;

	memset(&file, 0, sizeof(file));
	file.f_mode = FMODE_READ | FMODE_LSEEK;
	KT_ASSERT_EQ(t, 0, single_open(&file, numbers_show, NULL));
	KT_EXPECT_EQ(t, (ssize_t)strlen(want), read_some(&file, got, sizeof(got) - 1));
	KT_EXPECT_TRUE(t, !strcmp(want, got));
	if (strcmp(want, got))
		pr_info("seq_file numbers: got \"%s\"\n", got);
	single_release(NULL, &file);
}
