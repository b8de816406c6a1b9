// SPDX-License-Identifier: GPL-2.0
/*
 * The requests a monitor sends a uffd. Linux: fs/userfaultfd.c (the
 * userfaultfd_*() ioctl handlers)
 *
 *   UFFDIO_API           once: the API version and the features wanted
 *   UFFDIO_REGISTER      a range, for MISSING / WP / MINOR faults: each
 *                        VMA there takes the uffd (split or merged as
 *                        mprotect would), and the answer says which range
 *                        ioctls work there
 *   UFFDIO_UNREGISTER    the reverse (waking the faults it ends)
 *   UFFDIO_COPY, _ZEROPAGE, _CONTINUE   fill pages (mm/userfaultfd.c),
 *                        then wake the faults there unless DONTWAKE
 *   UFFDIO_WRITEPROTECT  set or lift write protection
 *   UFFDIO_WAKE          only wake
 *
 * Every range request acts on the uffd's mm, whoever sends it; the
 * monitor needs a user reference on it (mmget_not_zero): once that mm
 * has exited, fills answer ESRCH and (un)registration ENOMEM.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/capability.h>
#include <asm/uaccess.h>
#include "userfaultfd_internal.h"

/* Page-aligned, not empty, inside the user address space. Linux: validate_range() */
static int validate_range(struct mm_struct *mm, u64 start, u64 len)
{
	u64 task_size = mm->task_size;

	if ((start & ~PAGE_MASK) || (len & ~PAGE_MASK) || !len)
		return -EINVAL;
	if (start >= task_size || len > task_size - start)
		return -EINVAL;
	return 0;
}

/*
 * The API handshake: the version must be UFFD_API and the features a
 * subset of what this kernel offers (all of 6.1's: the hugetlbfs ones
 * name memory Faultline cannot map, so they promise nothing untrue);
 * EVENT_FORK needs CAP_SYS_PTRACE. A second call is EINVAL. On failure
 * the structure is zeroed. Linux: userfaultfd_api()
 */
static int userfaultfd_api(struct userfaultfd_ctx *ctx, unsigned long arg)
{
	struct uffdio_api __user *buf = (struct uffdio_api __user *)arg;
	struct uffdio_api uffdio_api;
	u64 features;
	int ret;

	if (copy_from_user(&uffdio_api, buf, sizeof(uffdio_api)))
		return -EFAULT;
	features = uffdio_api.features;
	ret = -EINVAL;
	if (uffdio_api.api != UFFD_API)
		goto err_out;
	ret = -EPERM;
	if ((features & UFFD_FEATURE_EVENT_FORK) && !capable(CAP_SYS_PTRACE))
		goto err_out;
	uffdio_api.features = UFFD_API_FEATURES;
	ret = -EINVAL;
	if (features & ~uffdio_api.features)
		goto err_out;
	uffdio_api.ioctls = UFFD_API_IOCTLS;
	if (copy_to_user(buf, &uffdio_api, sizeof(uffdio_api)))
		return -EFAULT;
	/* The features bits are the ctx's; only the first call sets them. */
	if (ctx->features)
		goto err_out;
	ctx->features = (unsigned int)features | UFFD_FEATURE_INITIALIZED;
	return 0;
err_out:
	memset(&uffdio_api, 0, sizeof(uffdio_api));
	if (copy_to_user(buf, &uffdio_api, sizeof(uffdio_api)))
		ret = -EFAULT;
	return ret;
}

/*
 * May every VMA in [vma, end) be registered for vm_flags with ctx?
 * EINVAL for memory that cannot (not anonymous or shmem; MINOR on
 * anonymous), EPERM for a mapping that could never be written (UFFDIO_COPY
 * fills pages even without PROT_WRITE), EBUSY for a VMA of another uffd.
 * Linux: the "search for not compatible vmas" loop of userfaultfd_register()
 */
static int userfaultfd_register_check(struct userfaultfd_ctx *ctx, struct vm_area_struct *vma,
				      unsigned long end, unsigned long vm_flags)
{
	for (; vma && vma->vm_start < end; vma = vma->vm_next) {
		VM_BUG_ON(!!vma->vm_userfaultfd_ctx.ctx ^ !!(vma->vm_flags & __VM_UFFD_FLAGS));
		if (!vma_can_userfault(vma, vm_flags))
			return -EINVAL;
		if (!(vma->vm_flags & VM_MAYWRITE))
			return -EPERM;
		if (vma->vm_userfaultfd_ctx.ctx && vma->vm_userfaultfd_ctx.ctx != ctx)
			return -EBUSY;
	}
	return 0;
}

/*
 * Give [start, end) of the VMAs from vma on the flags vm_flags (MISSING,
 * WP, MINOR) and ctx, or take them away (vm_flags 0, ctx NULL): each
 * VMA's part merged with a neighbour of the same flags and uffd, or
 * split off. A VMA already registered with ctx in every mode asked is
 * left alone (so registering MISSING where MISSING|WP is set keeps WP).
 * Linux: the loops of userfaultfd_register() and userfaultfd_unregister()
 */
static int userfaultfd_update_range(struct vm_area_struct *vma, struct vm_area_struct *prev,
				    unsigned long start, unsigned long end,
				    unsigned long vm_flags, struct userfaultfd_ctx *ctx)
{
	struct vm_userfaultfd_ctx new_ctx = { ctx };

	for (; vma && vma->vm_start < end; prev = vma, start = vma->vm_end, vma = vma->vm_next) {
		unsigned long new_flags = (vma->vm_flags & ~__VM_UFFD_FLAGS) | vm_flags;
		struct vm_area_struct *got;

		if (ctx ? vma->vm_userfaultfd_ctx.ctx == ctx && (vma->vm_flags & vm_flags) == vm_flags
			: !vma->vm_userfaultfd_ctx.ctx)
			continue;
		if (vma->vm_start > start)
			start = vma->vm_start;
		if (!ctx && userfaultfd_missing(vma)) {
			/* Faults waiting there would wait forever: wake them now. */
			struct userfaultfd_wake_range range = {
				.start = start, .len = min(end, vma->vm_end) - start,
			};

			wake_userfault(vma->vm_userfaultfd_ctx.ctx, &range);
		}
		if (!ctx && userfaultfd_wp(vma))
			uffd_wp_range(vma->vm_mm, vma, start, min(end, vma->vm_end) - start, false);
		/*
		 * 6.1 offers vma_merge the VMA's own vm_pgoff, not the range's:
		 * a range starting inside a VMA then never merges with the VMA
		 * after it (6.4 passes the range's). Kept, so that maps reads as
		 * on the oracle.
		 */
		got = vma_modify_uffd(&prev, vma, start, min(end, vma->vm_end), new_flags,
				      vma->vm_pgoff, new_ctx);
		if (IS_ERR(got))
			return (int)PTR_ERR(got);
		vma = got;
		userfaultfd_set_vm_flags(vma, new_flags);
		vma->vm_userfaultfd_ctx = new_ctx;
	}
	return 0;
}

/* The VMA at or after start, and the one before it, for a range [start, end). */
static int userfaultfd_find_range(struct mm_struct *mm, unsigned long start, unsigned long end,
				  struct vm_area_struct **vmap, struct vm_area_struct **prevp)
{
	struct vm_area_struct *vma = find_vma_prev(mm, start, prevp);

	if (!vma)
		return -ENOMEM;
	if (vma->vm_start >= end)
		return -EINVAL;		/* no VMA in the range at all */
	if (vma->vm_start < start)
		*prevp = vma;
	*vmap = vma;
	return 0;
}

/* Linux: userfaultfd_register() */
static int userfaultfd_register(struct userfaultfd_ctx *ctx, unsigned long arg)
{
	struct uffdio_register __user *user_reg = (struct uffdio_register __user *)arg;
	struct mm_struct *mm = ctx->mm;
	struct uffdio_register reg;
	struct vm_area_struct *vma, *prev;
	unsigned long vm_flags = 0, start, end;
	u64 ioctls_out;
	int ret;

	if (copy_from_user(&reg, user_reg, sizeof(reg) - sizeof(u64)))
		return -EFAULT;
	if (!reg.mode || (reg.mode & ~UFFD_API_REGISTER_MODES))
		return -EINVAL;
	if (reg.mode & UFFDIO_REGISTER_MODE_MISSING)
		vm_flags |= VM_UFFD_MISSING;
	if (reg.mode & UFFDIO_REGISTER_MODE_WP)
		vm_flags |= VM_UFFD_WP;
	if (reg.mode & UFFDIO_REGISTER_MODE_MINOR)
		vm_flags |= VM_UFFD_MINOR;
	ret = validate_range(mm, reg.range.start, reg.range.len);
	if (ret)
		return ret;
	start = reg.range.start;
	end = start + reg.range.len;
	if (!mmget_not_zero(mm))
		return -ENOMEM;
	/* Linux: mmap_lock for writing until the ranges are done. */
	ret = userfaultfd_find_range(mm, start, end, &vma, &prev);
	if (!ret)
		ret = userfaultfd_register_check(ctx, vma, end, vm_flags);
	if (!ret)
		ret = userfaultfd_update_range(vma, prev, start, end, vm_flags, ctx);
	validate_mm(mm);
	mmput(mm);
	if (ret)
		return ret;
	/* The range ioctls that will work there: WP and CONTINUE only in their modes. */
	ioctls_out = UFFD_API_RANGE_IOCTLS;
	if (!(reg.mode & UFFDIO_REGISTER_MODE_WP))
		ioctls_out &= ~((u64)1 << _UFFDIO_WRITEPROTECT);
	if (!(reg.mode & UFFDIO_REGISTER_MODE_MINOR))
		ioctls_out &= ~((u64)1 << _UFFDIO_CONTINUE);
	if (put_user(ioctls_out, &user_reg->ioctls))
		return -EFAULT;
	return 0;
}

/* Linux: userfaultfd_unregister() */
static int userfaultfd_unregister(struct userfaultfd_ctx *ctx, unsigned long arg)
{
	struct mm_struct *mm = ctx->mm;
	struct uffdio_range range;
	struct vm_area_struct *vma, *prev, *cur;
	unsigned long start, end;
	int ret;

	if (copy_from_user(&range, (void __user *)arg, sizeof(range)))
		return -EFAULT;
	ret = validate_range(mm, range.start, range.len);
	if (ret)
		return ret;
	start = range.start;
	end = start + range.len;
	if (!mmget_not_zero(mm))
		return -ENOMEM;
	ret = userfaultfd_find_range(mm, start, end, &vma, &prev);
	/* Memory that could never be registered is an error here too. */
	for (cur = vma; !ret && cur && cur->vm_start < end; cur = cur->vm_next)
		if (!vma_can_userfault(cur, cur->vm_flags))
			ret = -EINVAL;
	if (!ret)
		ret = userfaultfd_update_range(vma, prev, start, end, 0, NULL);
	validate_mm(mm);
	mmput(mm);
	return ret;
}

/* Wake the faults in a range, for fills done with DONTWAKE. Linux: userfaultfd_wake() */
static int userfaultfd_wake(struct userfaultfd_ctx *ctx, unsigned long arg)
{
	struct userfaultfd_wake_range range;
	struct uffdio_range uffdio_wake;
	int ret;

	if (copy_from_user(&uffdio_wake, (void __user *)arg, sizeof(uffdio_wake)))
		return -EFAULT;
	ret = validate_range(ctx->mm, uffdio_wake.start, uffdio_wake.len);
	if (ret)
		return ret;
	range.start = uffdio_wake.start;
	range.len = uffdio_wake.len;
	wake_userfault(ctx, &range);
	return 0;
}

/*
 * After a fill of done bytes (or -errno) of a request for len: report it
 * in the structure's out field, wake the faults there unless dontwake,
 * and answer 0 only if all of it was done (else EAGAIN; the monitor reads
 * how far it got). Linux: the tail of userfaultfd_copy() and its kin
 */
static int userfaultfd_fill_done(struct userfaultfd_ctx *ctx, s64 __user *out, s64 done,
				 unsigned long start, unsigned long len, bool dontwake)
{
	struct userfaultfd_wake_range range;

	if (put_user(done, out))
		return -EFAULT;
	if (done < 0)
		return (int)done;
	VM_BUG_ON(!done);
	range.start = start;
	range.len = (unsigned long)done;
	if (!dontwake)
		wake_userfault(ctx, &range);
	return (unsigned long)done == len ? 0 : -EAGAIN;
}

/* Linux: userfaultfd_copy() */
static int userfaultfd_copy(struct userfaultfd_ctx *ctx, unsigned long arg)
{
	struct uffdio_copy __user *user_copy = (struct uffdio_copy __user *)arg;
	struct uffdio_copy uffdio_copy;
	s64 ret;

	if (atomic_read(&ctx->mmap_changing))
		return -EAGAIN;
	if (copy_from_user(&uffdio_copy, user_copy, sizeof(uffdio_copy) - sizeof(s64)))
		return -EFAULT;
	ret = validate_range(ctx->mm, uffdio_copy.dst, uffdio_copy.len);
	if (ret)
		return (int)ret;
	if (uffdio_copy.src + uffdio_copy.len <= uffdio_copy.src)
		return -EINVAL;
	if (uffdio_copy.mode & ~(UFFDIO_COPY_MODE_DONTWAKE | UFFDIO_COPY_MODE_WP))
		return -EINVAL;
	if (!mmget_not_zero(ctx->mm))
		return -ESRCH;
	ret = mcopy_atomic(ctx->mm, uffdio_copy.dst, uffdio_copy.src, uffdio_copy.len,
			   &ctx->mmap_changing, uffdio_copy.mode);
	mmput(ctx->mm);
	return userfaultfd_fill_done(ctx, &user_copy->copy, ret, uffdio_copy.dst, uffdio_copy.len,
				     uffdio_copy.mode & UFFDIO_COPY_MODE_DONTWAKE);
}

/* Linux: userfaultfd_zeropage() */
static int userfaultfd_zeropage(struct userfaultfd_ctx *ctx, unsigned long arg)
{
	struct uffdio_zeropage __user *user_zp = (struct uffdio_zeropage __user *)arg;
	struct uffdio_zeropage zp;
	s64 ret;

	if (atomic_read(&ctx->mmap_changing))
		return -EAGAIN;
	if (copy_from_user(&zp, user_zp, sizeof(zp) - sizeof(s64)))
		return -EFAULT;
	ret = validate_range(ctx->mm, zp.range.start, zp.range.len);
	if (ret)
		return (int)ret;
	if (zp.mode & ~UFFDIO_ZEROPAGE_MODE_DONTWAKE)
		return -EINVAL;
	if (!mmget_not_zero(ctx->mm))
		return -ESRCH;
	ret = mfill_zeropage(ctx->mm, zp.range.start, zp.range.len, &ctx->mmap_changing);
	mmput(ctx->mm);
	return userfaultfd_fill_done(ctx, &user_zp->zeropage, ret, zp.range.start, zp.range.len,
				     zp.mode & UFFDIO_ZEROPAGE_MODE_DONTWAKE);
}

/* Linux: userfaultfd_continue() */
static int userfaultfd_continue(struct userfaultfd_ctx *ctx, unsigned long arg)
{
	struct uffdio_continue __user *user_cont = (struct uffdio_continue __user *)arg;
	struct uffdio_continue cont;
	s64 ret;

	if (atomic_read(&ctx->mmap_changing))
		return -EAGAIN;
	if (copy_from_user(&cont, user_cont, sizeof(cont) - sizeof(s64)))
		return -EFAULT;
	ret = validate_range(ctx->mm, cont.range.start, cont.range.len);
	if (ret)
		return (int)ret;
	if (cont.range.start + cont.range.len <= cont.range.start)
		return -EINVAL;
	if (cont.mode & ~UFFDIO_CONTINUE_MODE_DONTWAKE)
		return -EINVAL;
	if (!mmget_not_zero(ctx->mm))
		return -ESRCH;
	ret = mcopy_continue(ctx->mm, cont.range.start, cont.range.len, &ctx->mmap_changing);
	mmput(ctx->mm);
	return userfaultfd_fill_done(ctx, &user_cont->mapped, ret, cont.range.start,
				     cont.range.len, cont.mode & UFFDIO_CONTINUE_MODE_DONTWAKE);
}

/*
 * Set (MODE_WP) or lift write protection; lifting it wakes the faults
 * there unless DONTWAKE (WP with DONTWAKE is EINVAL: nothing to wake).
 * Linux: userfaultfd_writeprotect()
 */
static int userfaultfd_writeprotect(struct userfaultfd_ctx *ctx, unsigned long arg)
{
	struct uffdio_writeprotect wp;
	bool mode_wp, mode_dontwake;
	int ret;

	if (atomic_read(&ctx->mmap_changing))
		return -EAGAIN;
	if (copy_from_user(&wp, (void __user *)arg, sizeof(wp)))
		return -EFAULT;
	ret = validate_range(ctx->mm, wp.range.start, wp.range.len);
	if (ret)
		return ret;
	if (wp.mode & ~(UFFDIO_WRITEPROTECT_MODE_DONTWAKE | UFFDIO_WRITEPROTECT_MODE_WP))
		return -EINVAL;
	mode_wp = wp.mode & UFFDIO_WRITEPROTECT_MODE_WP;
	mode_dontwake = wp.mode & UFFDIO_WRITEPROTECT_MODE_DONTWAKE;
	if (mode_wp && mode_dontwake)
		return -EINVAL;
	if (!mmget_not_zero(ctx->mm))
		return -ESRCH;
	ret = mwriteprotect_range(ctx->mm, wp.range.start, wp.range.len, mode_wp,
				  &ctx->mmap_changing);
	mmput(ctx->mm);
	if (ret)
		return ret;
	if (!mode_wp && !mode_dontwake) {
		struct userfaultfd_wake_range range = {
			.start = wp.range.start, .len = wp.range.len,
		};

		wake_userfault(ctx, &range);
	}
	return 0;
}

/* Every request but UFFDIO_API needs the API done first. Linux: userfaultfd_ioctl() */
long userfaultfd_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct userfaultfd_ctx *ctx = file->private_data;

	if (cmd != UFFDIO_API && !userfaultfd_is_initialized(ctx))
		return -EINVAL;
	switch (cmd) {
	case UFFDIO_API:
		return userfaultfd_api(ctx, arg);
	case UFFDIO_REGISTER:
		return userfaultfd_register(ctx, arg);
	case UFFDIO_UNREGISTER:
		return userfaultfd_unregister(ctx, arg);
	case UFFDIO_WAKE:
		return userfaultfd_wake(ctx, arg);
	case UFFDIO_COPY:
		return userfaultfd_copy(ctx, arg);
	case UFFDIO_ZEROPAGE:
		return userfaultfd_zeropage(ctx, arg);
	case UFFDIO_WRITEPROTECT:
		return userfaultfd_writeprotect(ctx, arg);
	case UFFDIO_CONTINUE:
		return userfaultfd_continue(ctx, arg);
	}
	return -EINVAL;
}
