/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IOCTL_H
#define _LINUX_IOCTL_H

/*
 * How an ioctl request number is built (x86 uses the generic layout):
 *
 *   31 30 29                16 15          8 7            0
 *  +-----+--------------------+-------------+--------------+
 *  | dir |  size of the arg   |  type (0xAA) |  nr          |
 *  +-----+--------------------+-------------+--------------+
 *
 * dir says which way the argument's bytes go, seen from user space:
 * _IOW the kernel reads them, _IOR it writes them, _IOWR both.
 * Linux: include/uapi/asm-generic/ioctl.h
 */
#define _IOC_NRBITS	8
#define _IOC_TYPEBITS	8
#define _IOC_SIZEBITS	14

#define _IOC_NRSHIFT	0
#define _IOC_TYPESHIFT	(_IOC_NRSHIFT + _IOC_NRBITS)
#define _IOC_SIZESHIFT	(_IOC_TYPESHIFT + _IOC_TYPEBITS)
#define _IOC_DIRSHIFT	(_IOC_SIZESHIFT + _IOC_SIZEBITS)

#define _IOC_NONE	0U
#define _IOC_WRITE	1U
#define _IOC_READ	2U

#define _IOC(dir, type, nr, size)					\
	(((dir) << _IOC_DIRSHIFT) | ((type) << _IOC_TYPESHIFT) |	\
	 ((nr) << _IOC_NRSHIFT) | ((size) << _IOC_SIZESHIFT))

#define _IO(type, nr)		_IOC(_IOC_NONE, (type), (nr), 0)
#define _IOR(type, nr, argtype)	_IOC(_IOC_READ, (type), (nr), sizeof(argtype))
#define _IOW(type, nr, argtype)	_IOC(_IOC_WRITE, (type), (nr), sizeof(argtype))
#define _IOWR(type, nr, argtype) _IOC(_IOC_READ | _IOC_WRITE, (type), (nr), sizeof(argtype))

#endif
