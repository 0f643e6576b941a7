/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Error numbers.  Positive constants; calls return OK (0) or -E*.  The
 * POSIX values match newlib's so one number means one thing everywhere.
 * The system values (200 up) are our own.  Each number has exactly one
 * message in lib/libsys/strerror.c; a host unit test checks that the two
 * lists agree.
 */
#ifndef AXO_ERRNO_H
#define AXO_ERRNO_H

#define OK 0

#define EPERM	     1	 /* operation not permitted */
#define ENOENT	     2	 /* no such file or directory */
#define ESRCH	     3	 /* no such process */
#define EINTR	     4	 /* interrupted call */
#define EIO	     5	 /* I/O error */
#define ENXIO	     6	 /* no such device or address */
#define E2BIG	     7	 /* argument list too long */
#define ENOEXEC	     8	 /* exec format error */
#define EBADF	     9	 /* bad file descriptor */
#define ECHILD	     10	 /* no child processes */
#define EAGAIN	     11	 /* resource temporarily unavailable */
#define ENOMEM	     12	 /* not enough memory */
#define EACCES	     13	 /* permission denied */
#define EFAULT	     14	 /* bad address */
#define EBUSY	     16	 /* resource busy */
#define EEXIST	     17	 /* file exists */
#define EXDEV	     18	 /* cross-device link */
#define ENODEV	     19	 /* no such device */
#define ENOTDIR	     20	 /* not a directory */
#define EISDIR	     21	 /* is a directory */
#define EINVAL	     22	 /* invalid argument */
#define ENFILE	     23	 /* too many open files in system */
#define EMFILE	     24	 /* too many open files */
#define ENOTTY	     25	 /* inappropriate ioctl for device */
#define EFBIG	     27	 /* file too large */
#define ENOSPC	     28	 /* no space left on device */
#define ESPIPE	     29	 /* illegal seek */
#define EROFS	     30	 /* read-only file system */
#define EMLINK	     31	 /* too many links */
#define EPIPE	     32	 /* broken pipe */
#define EDOM	     33	 /* argument out of domain */
#define ERANGE	     34	 /* result out of range */
#define ENOSYS	     88	 /* function not implemented */
#define ENOTEMPTY    90	 /* directory not empty */
#define ENAMETOOLONG 91	 /* name too long */
#define ELOOP	     92	 /* too many levels of indirection */
#define ETIMEDOUT    116 /* timed out */

#define ERESTART    200 /* service restarted */
#define ENOTREADY   201 /* source or destination not ready */
#define EDEADSRCDST 202 /* source or destination is dead */
#define EDONTREPLY  203 /* handler will not reply */
#define EGENERIC    204 /* generic failure */
#define ELOCKED	    208 /* send would deadlock */
#define EBADCALL    209 /* bad system call */
#define ECALLDENIED 210 /* call not permitted by privileges */
#define ETRAPDENIED 211 /* IPC trap not permitted */
#define EBADREQUEST 212 /* unknown request */
#define EDEADEPT    215 /* dead endpoint */
#define EBADEPT	    216 /* invalid endpoint */

#endif
