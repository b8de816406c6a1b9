// SPDX-License-Identifier: GPL-2.0
/*
 * Changing a file's attributes: who may change what (setattr_prepare),
 * the set-ID bits a change clears, and the change itself
 * (notify_change). Linux: fs/attr.c
 *
 *   chmod     the owner, or CAP_FOWNER; S_ISGID is dropped unless the
 *             caller is in the file's group or has CAP_FSETID
 *   chown     to another uid: CAP_CHOWN; the owner may "change" the uid
 *             to itself and the group to one it is in
 *   any chown of a non-directory clears S_ISUID, and S_ISGID when the
 *             group may execute (or the caller could not set it)
 *   a write or truncate by a task without CAP_FSETID clears them too
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/cred.h>
#include <linux/fs.h>

/*
 * Must a change clear S_ISGID? Always when the group may execute (a
 * set-group-ID program); else when the caller could not have set it.
 * Returns ATTR_KILL_SGID or 0. Linux: setattr_should_drop_sgid()
 */
int setattr_should_drop_sgid(const struct inode *inode)
{
	umode_t mode = inode->i_mode;

	if (!(mode & S_ISGID))
		return 0;
	if (mode & S_IXGRP)
		return ATTR_KILL_SGID;
	if (!in_group_or_capable(inode, inode->i_gid))
		return ATTR_KILL_SGID;
	return 0;
}

/*
 * The set-ID bits a write or truncate clears, unless the writer has
 * CAP_FSETID: ATTR_KILL_SUID, ATTR_KILL_SGID, both or 0 (and 0 for
 * anything but a regular file). Linux: setattr_should_drop_suidgid()
 */
int setattr_should_drop_suidgid(const struct inode *inode)
{
	int kill = (inode->i_mode & S_ISUID) ? ATTR_KILL_SUID : 0;

	kill |= setattr_should_drop_sgid(inode);
	if (kill && !capable(CAP_FSETID) && S_ISREG(inode->i_mode))
		return kill;
	return 0;
}

/* May the caller give inode the owner uid? Linux: chown_ok() */
static bool chown_ok(const struct inode *inode, uid_t uid)
{
	if (current_fsuid() == inode->i_uid && uid == inode->i_uid)
		return true;
	return capable_wrt_inode_uidgid(inode, CAP_CHOWN);
}

/* May the caller give inode the group gid? Linux: chgrp_ok() */
static bool chgrp_ok(const struct inode *inode, gid_t gid)
{
	if (current_fsuid() == inode->i_uid && (gid == inode->i_gid || in_group_p(gid)))
		return true;
	return capable_wrt_inode_uidgid(inode, CAP_CHOWN);
}

/*
 * May the caller make the changes attr asks for? -EPERM if not. A mode
 * change by someone who could not set S_ISGID loses that bit here.
 * ATTR_FORCE (a change the kernel makes on its own: clearing set-ID
 * bits on a write) skips the checks. Linux: setattr_prepare()
 * (the size checks of inode_newsize_ok left out)
 */
int setattr_prepare(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);
	unsigned int ia_valid = attr->ia_valid;

	if (ia_valid & ATTR_FORCE)
		return 0;
	if ((ia_valid & ATTR_UID) && !chown_ok(inode, attr->ia_uid))
		return -EPERM;
	if ((ia_valid & ATTR_GID) && !chgrp_ok(inode, attr->ia_gid))
		return -EPERM;
	if (ia_valid & ATTR_MODE) {
		gid_t gid = (ia_valid & ATTR_GID) ? attr->ia_gid : inode->i_gid;

		if (!inode_owner_or_capable(inode))
			return -EPERM;
		if (!in_group_or_capable(inode, gid))
			attr->ia_mode &= ~S_ISGID;
	}
	return 0;
}

/* ATTR_KILL_SUID and ATTR_KILL_SGID become a mode change, where the bits are set. */
static void kill_setid_bits(const struct inode *inode, struct iattr *attr)
{
	if ((attr->ia_valid & ATTR_KILL_SUID) && (inode->i_mode & S_ISUID)) {
		attr->ia_valid |= ATTR_MODE;
		attr->ia_mode = inode->i_mode & ~S_ISUID;
	}
	if ((attr->ia_valid & ATTR_KILL_SGID) && (inode->i_mode & S_ISGID)) {
		if (!(attr->ia_valid & ATTR_MODE)) {
			attr->ia_valid |= ATTR_MODE;
			attr->ia_mode = inode->i_mode;
		}
		attr->ia_mode &= ~S_ISGID;
	}
}

/* Copy the new attributes into the inode. Linux: setattr_copy() */
static void setattr_copy(struct inode *inode, const struct iattr *attr)
{
	unsigned int ia_valid = attr->ia_valid;

	if (ia_valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (ia_valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (ia_valid & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (ia_valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	if (ia_valid & ATTR_CTIME)
		inode->i_ctime = current_time();
	if (ia_valid & ATTR_MODE) {
		umode_t mode = attr->ia_mode;

		if (!in_group_or_capable(inode, inode->i_gid))
			mode &= ~S_ISGID;
		inode->i_mode = mode;
	}
}

/*
 * Change attributes: mode, owner, size, times. The checks of
 * setattr_prepare first, then the file system's setattr (size changes
 * need it), then the copy. Faultline differs: Linux's notify_change()
 * leaves setattr_prepare and the copy to each file system's ->setattr;
 * Faultline's two (tmpfs, procfs) would make the same calls, so they
 * are made here once. Linux: notify_change()
 */
int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);
	int err;

	kill_setid_bits(inode, attr);
	if (!(attr->ia_valid & ~(ATTR_KILL_SUID | ATTR_KILL_SGID)))
		return 0;
	err = setattr_prepare(dentry, attr);
	if (err)
		return err;
	if ((attr->ia_valid & ATTR_SIZE) && inode->i_op && inode->i_op->setattr)
		err = inode->i_op->setattr(dentry, attr);
	else if (attr->ia_valid & ATTR_SIZE)
		err = -EPERM;
	if (err)
		return err;
	setattr_copy(inode, attr);
	return 0;
}
