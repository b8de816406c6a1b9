// SPDX-License-Identifier: GPL-2.0
/*
 * Random numbers: a ChaCha20 stream keyed at boot, used "fast key
 * erasure" style as Linux's CRNG is: every request first draws a new
 * key from the stream, so an output never reveals earlier ones.
 * Linux: drivers/char/random.c (which also gathers entropy all the time)
 *
 * The key comes from RDRAND when the CPU has it, mixed with the time
 * stamp counter. Under QEMU's -icount without RDRAND the TSC is the same
 * every boot, and so are the numbers: benchmarks repeat exactly.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/random.h>
#include <linux/uio.h>
#include <linux/syscalls.h>
#include <asm/processor.h>
#include <asm/cpufeature.h>
#include <asm/uaccess.h>

#define CHACHA_BLOCK_SIZE	64

static u32 crng_key[8];
static u64 crng_counter;

static u32 rol32(u32 x, int n)
{
	return (x << n) | (x >> (32 - n));
}

#define QUARTERROUND(a, b, c, d) do {			\
	a += b; d = rol32(d ^ a, 16);			\
	c += d; b = rol32(b ^ c, 12);			\
	a += b; d = rol32(d ^ a, 8);			\
	c += d; b = rol32(b ^ c, 7);			\
} while (0)

/* One 64-byte ChaCha20 block (RFC 7539 layout, 64-bit counter). */
static void chacha20_block(const u32 key[8], u64 counter, u32 out[16])
{
	static const u32 constants[4] = { 0x61707865, 0x3320646e, 0x79622d32, 0x6b206574 };
	u32 x[16], in[16];

	memcpy(in, constants, sizeof(constants));
	memcpy(in + 4, key, 32);
	in[12] = (u32)counter;
	in[13] = (u32)(counter >> 32);
	in[14] = in[15] = 0;
	memcpy(x, in, sizeof(x));
	for (int i = 0; i < 10; i++) {
		QUARTERROUND(x[0], x[4], x[8], x[12]);
		QUARTERROUND(x[1], x[5], x[9], x[13]);
		QUARTERROUND(x[2], x[6], x[10], x[14]);
		QUARTERROUND(x[3], x[7], x[11], x[15]);
		QUARTERROUND(x[0], x[5], x[10], x[15]);
		QUARTERROUND(x[1], x[6], x[11], x[12]);
		QUARTERROUND(x[2], x[7], x[8], x[13]);
		QUARTERROUND(x[3], x[4], x[9], x[14]);
	}
	for (int i = 0; i < 16; i++)
		out[i] = x[i] + in[i];
}

static bool rdrand_long(unsigned long *v)
{
	bool ok;

	__asm__ __volatile__("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
	return ok;
}

void random_init(void)
{
	for (int i = 0; i < 8; i++) {
		unsigned long r = 0;

		if (boot_cpu_has(X86_FEATURE_RDRAND))
			rdrand_long(&r);
		crng_key[i] = (u32)(r ^ (r >> 32)) ^ (u32)rdtsc() ^ rol32((u32)i, i * 3 + 1);
	}
}

void get_random_bytes(void *buf, size_t len)
{
	u32 block[16];
	char *p = buf;

	chacha20_block(crng_key, crng_counter++, block);
	memcpy(crng_key, block, sizeof(crng_key));	/* the new key: erase the old */
	while (len) {
		size_t n = min(len, (size_t)CHACHA_BLOCK_SIZE);

		chacha20_block(crng_key, crng_counter++, block);
		memcpy(p, block, n);
		p += n;
		len -= n;
	}
	memset(block, 0, sizeof(block));
}

u32 get_random_u32(void)
{
	u32 v;

	get_random_bytes(&v, sizeof(v));
	return v;
}

/* Fill an iterator with random bytes (reads of /dev/[u]random, getrandom). */
ssize_t get_random_bytes_user(struct iov_iter *iter)
{
	char buf[CHACHA_BLOCK_SIZE];
	ssize_t done = 0;

	while (iov_iter_count(iter)) {
		size_t n = min(iov_iter_count(iter), sizeof(buf));
		size_t copied;

		get_random_bytes(buf, n);
		copied = copy_to_iter(buf, n, iter);
		done += (ssize_t)copied;
		if (copied < n)
			break;
	}
	memset(buf, 0, sizeof(buf));
	return done ? done : -EFAULT;
}

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004

SYSCALL_DEFINE3(getrandom, char __user *, ubuf, size_t, len, unsigned int, flags)
{
	struct iov_iter iter;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (len > INT_MAX)
		len = INT_MAX;
	if (!len)
		return 0;
	if (!access_ok(ubuf, len))
		return -EFAULT;
	iov_iter_ubuf(&iter, READ, ubuf, len);
	return get_random_bytes_user(&iter);
}
