// SPDX-License-Identifier: GPL-2.0
/*
 * AF_UNIX sockets, as connected pairs (socketpair). Linux:
 * net/unix/af_unix.c
 *
 * Each socket has a receive queue of messages (Linux's sk_buffs) that
 * its peer's sends append to:
 *
 *   SOCK_STREAM     a byte stream: a read takes bytes across messages
 *   SOCK_SEQPACKET  records: a read takes one message, the rest of a
 *                   longer one is dropped (MSG_TRUNC); end of file too
 *   SOCK_DGRAM      (and SOCK_RAW, which is DGRAM here as in Linux)
 *                   messages, at most max_dgram_qlen (10) queued; no end
 *                   of file
 *
 * A sender's queued bytes count against its sndbuf (212992, Linux's
 * default wmem); past it a send sleeps (EAGAIN with MSG_DONTWAIT). A read
 * with nothing queued sleeps, or returns 0 once the peer has shut its
 * sending side down or closed (stream, seqpacket). A send to a closed or
 * shut-down peer is EPIPE with SIGPIPE (not with MSG_NOSIGNAL). Closing
 * with unread data makes the peer's next read ECONNRESET, as in Linux.
 * Left out: names (bind, connect, the abstract namespace), passing files
 * (SCM_RIGHTS) and credentials, Linux's exact skb memory accounting.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/fs.h>
#include <linux/net.h>
#include <linux/poll.h>
#include <linux/uio.h>

#define UNIX_SNDBUF		212992	/* Linux: sysctl_wmem_default */
#define UNIX_MAX_DGRAM_QLEN	10	/* Linux: net.unix.max_dgram_qlen */

/* One message in a receive queue. Linux: struct sk_buff */
struct unix_skb {
	struct list_head list;
	struct unix_sock *sender;	/* whose sndbuf it counts against */
	size_t len, off;		/* bytes, and bytes already read (stream) */
	char data[];
};

/* Linux: struct unix_sock (with its struct sock) */
struct unix_sock {
	struct socket *sock;
	struct unix_sock *peer;		/* NULL once the peer is gone */
	struct list_head queue;		/* messages for us */
	unsigned int qlen;
	size_t wmem;			/* our bytes queued at the peer */
	int shutdown;			/* RCV_SHUTDOWN, SEND_SHUTDOWN */
	int err;			/* a pending error (ECONNRESET) */
	bool dead;
};

static bool unix_is_stream(const struct socket *sock)
{
	return sock->type == SOCK_STREAM;
}

static void unix_skb_free(struct unix_skb *skb)
{
	if (skb->sender) {
		skb->sender->wmem -= skb->len;
		if (skb->sender->sock)
			wake_up_interruptible_all(&skb->sender->sock->wait);
	}
	list_del(&skb->list);
	kfree(skb);
}

/* --- sending --- */

/* May u queue len more bytes at its peer now? */
static bool unix_can_send(struct unix_sock *u, size_t len)
{
	struct unix_sock *peer = u->peer;

	if (!peer || peer->dead || (u->shutdown & SEND_SHUTDOWN) || (peer->shutdown & RCV_SHUTDOWN))
		return true;	/* the send fails: no need to wait */
	if (u->sock->type == SOCK_DGRAM && peer->qlen >= UNIX_MAX_DGRAM_QLEN)
		return false;
	return u->wmem + len <= UNIX_SNDBUF || !u->wmem;
}

/* The error of a send that cannot reach the peer. Linux: pipe_err in unix_stream_sendmsg() */
static int unix_send_error(struct unix_sock *u, int flags)
{
	if (u->sock->type == SOCK_DGRAM)
		return u->peer ? -ECONNREFUSED : -ENOTCONN;
	if (!(flags & MSG_NOSIGNAL))
		send_sig(SIGPIPE, current, 0);
	return -EPIPE;
}

/* Queue one message of len bytes from the caller at the peer. */
static int unix_queue_msg(struct unix_sock *u, struct iov_iter *from, size_t len)
{
	struct unix_skb *skb = kmalloc(sizeof(*skb) + len, GFP_KERNEL);

	if (!skb)
		return -ENOBUFS;
	if (copy_from_iter(skb->data, len, from) != len) {
		kfree(skb);
		return -EFAULT;
	}
	skb->len = len;
	skb->off = 0;
	skb->sender = u;
	u->wmem += len;
	list_add_tail(&skb->list, &u->peer->queue);
	u->peer->qlen++;
	wake_up_interruptible_all(&u->peer->sock->wait);
	return 0;
}

/*
 * Send: a stream in pieces of at most half the sndbuf, sleeping for room
 * between them; a record or datagram whole (EMSGSIZE if it could never
 * fit). Returns the bytes sent, or -errno if none were.
 * Linux: unix_stream_sendmsg(), unix_seqpacket_sendmsg(), unix_dgram_sendmsg()
 */
static int unix_sendmsg(struct socket *sock, struct iov_iter *from, int flags)
{
	struct unix_sock *u = sock->sk;
	size_t total = iov_iter_count(from), sent = 0;
	int err = 0;

	if (!unix_is_stream(sock) && total > UNIX_SNDBUF - 32)
		return -EMSGSIZE;
	do {
		size_t len = unix_is_stream(sock) ? min(total - sent, (size_t)UNIX_SNDBUF / 2) : total;

		if (!unix_can_send(u, len)) {
			if (flags & MSG_DONTWAIT) {
				err = -EAGAIN;
				break;
			}
			if (wait_event_interruptible(sock->wait, unix_can_send(u, len))) {
				err = -ERESTARTSYS;
				break;
			}
		}
		if (!u->peer || u->peer->dead || (u->shutdown & SEND_SHUTDOWN) ||
		    (u->peer->shutdown & RCV_SHUTDOWN)) {
			err = unix_send_error(u, flags);
			break;
		}
		err = unix_queue_msg(u, from, len);
		if (err)
			break;
		sent += len;
	} while (sent < total);
	return sent ? (int)sent : err;
}

/* --- receiving --- */

/*
 * Is there something for a read to return: data, an error, or end of
 * file (our receiving side shut down, by us or by the peer's going)?
 */
static bool unix_readable(struct unix_sock *u)
{
	return !list_empty(&u->queue) || u->err || (u->shutdown & RCV_SHUTDOWN);
}

/* Copy from the queue's first message: a stream continues into the next. */
static int unix_copy_out(struct unix_sock *u, struct iov_iter *to, int flags)
{
	int copied = 0;

	while (!list_empty(&u->queue) && iov_iter_count(to)) {
		struct unix_skb *skb = list_first_entry(&u->queue, struct unix_skb, list);
		size_t n = min(skb->len - skb->off, iov_iter_count(to));

		if (copy_to_iter(skb->data + skb->off, n, to) != n)
			return copied ? copied : -EFAULT;
		copied += (int)n;
		if (!unix_is_stream(u->sock)) {
			/* One record per read; what did not fit is lost (MSG_TRUNC). */
			if (flags & MSG_TRUNC)
				copied = (int)(skb->len - skb->off);
			if (!(flags & MSG_PEEK)) {
				u->qlen--;
				unix_skb_free(skb);
			}
			break;
		}
		if (flags & MSG_PEEK)
			break;
		skb->off += n;
		if (skb->off == skb->len) {
			u->qlen--;
			unix_skb_free(skb);
		}
	}
	return copied;
}

/* Linux: unix_stream_recvmsg(), unix_dgram_recvmsg() */
static int unix_recvmsg(struct socket *sock, struct iov_iter *to, int flags)
{
	struct unix_sock *u = sock->sk;
	int err;

	while (!unix_readable(u)) {
		if (flags & MSG_DONTWAIT)
			return -EAGAIN;
		if (wait_event_interruptible(sock->wait, unix_readable(u)))
			return -ERESTARTSYS;
	}
	if (u->err) {
		err = -u->err;
		u->err = 0;
		return err;
	}
	return unix_copy_out(u, to, flags);
}

/* --- the rest --- */

/* Linux: unix_poll(), unix_dgram_poll() */
static __poll_t unix_poll(struct file *file, struct socket *sock, poll_table *wait)
{
	struct unix_sock *u = sock->sk;
	__poll_t mask = 0;

	poll_wait(file, &sock->wait, wait);
	if (u->err)
		mask |= EPOLLERR;
	if ((u->shutdown == SHUTDOWN_MASK) ||
	    (sock->type != SOCK_DGRAM && (!u->peer || u->peer->dead)))
		mask |= EPOLLHUP;
	if (u->shutdown & RCV_SHUTDOWN)
		mask |= EPOLLRDHUP | EPOLLIN | EPOLLRDNORM;
	if (!list_empty(&u->queue))
		mask |= EPOLLIN | EPOLLRDNORM;
	if (u->peer && !u->peer->dead && unix_can_send(u, 1))
		mask |= EPOLLOUT | EPOLLWRNORM | EPOLLWRBAND;
	return mask;
}

/* Linux: unix_shutdown() */
static int unix_shutdown(struct socket *sock, int how)
{
	struct unix_sock *u = sock->sk, *peer = u->peer;
	int mode;

	if (how < SHUT_RD || how > SHUT_RDWR)
		return -EINVAL;
	mode = how + 1;		/* SHUT_RD 1, SHUT_WR 2, SHUT_RDWR 3 */
	u->shutdown |= mode;
	if (peer && !peer->dead && sock->type != SOCK_DGRAM) {
		/* Our receiving end is the peer's sending end, and back. */
		if (mode & RCV_SHUTDOWN)
			peer->shutdown |= SEND_SHUTDOWN;
		if (mode & SEND_SHUTDOWN)
			peer->shutdown |= RCV_SHUTDOWN;
		wake_up_interruptible_all(&peer->sock->wait);
	}
	wake_up_interruptible_all(&sock->wait);
	return 0;
}

/*
 * Close: drop what was queued for us (the peer sees ECONNRESET if some
 * was never read), tell the peer, free. Linux: unix_release_sock()
 */
static int unix_release(struct socket *sock)
{
	struct unix_sock *u = sock->sk, *peer = u->peer;
	bool unread = !list_empty(&u->queue);
	struct unix_skb *skb;

	while (!list_empty(&u->queue))
		unix_skb_free(list_first_entry(&u->queue, struct unix_skb, list));
	if (peer) {
		if (sock->type != SOCK_DGRAM) {
			peer->shutdown = SHUTDOWN_MASK;
			if (unread)
				peer->err = ECONNRESET;
		}
		peer->peer = NULL;
		/* Our messages still queued there: no sender to charge any more. */
		list_for_each_entry(skb, &peer->queue, list)
			skb->sender = NULL;
		wake_up_interruptible_all(&peer->sock->wait);
	}
	u->dead = true;
	kfree(u);
	sock->sk = NULL;
	return 0;
}

static const struct proto_ops unix_ops = {
	.release = unix_release,
	.sendmsg = unix_sendmsg,
	.recvmsg = unix_recvmsg,
	.poll = unix_poll,
	.shutdown = unix_shutdown,
};

/* Two new sockets of type, connected to each other. Linux: unix_create() + unix_socketpair() */
int unix_socketpair_create(int type, struct socket *a, struct socket *b)
{
	struct unix_sock *ua = kzalloc(sizeof(*ua), GFP_KERNEL);
	struct unix_sock *ub = kzalloc(sizeof(*ub), GFP_KERNEL);

	if (!ua || !ub) {
		kfree(ua);
		kfree(ub);
		return -ENOMEM;
	}
	if (type == SOCK_RAW)
		type = SOCK_DGRAM;
	a->type = b->type = (short)type;
	a->ops = b->ops = &unix_ops;
	a->sk = ua;
	b->sk = ub;
	init_waitqueue_head(&a->wait);
	init_waitqueue_head(&b->wait);
	INIT_LIST_HEAD(&ua->queue);
	INIT_LIST_HEAD(&ub->queue);
	ua->sock = a;
	ub->sock = b;
	ua->peer = ub;
	ub->peer = ua;
	return 0;
}
