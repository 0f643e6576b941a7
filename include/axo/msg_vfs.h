/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The VFS protocol: the POSIX file calls of user programs, and what PM
 * tells VFS about processes.  Every call is a sendrec to VFS_PROC_NR; the
 * reply's m_type is the result (>= 0) or -E*.  One named payload per
 * call, listed in MSG_VFS_MEMBERS for the union in <axo/ipc.h>.  Paths
 * are (address, length including the NUL) in the caller's memory; VFS
 * refuses a length over VFS_PATH_MAX with -ENAMETOOLONG before it reads
 * anything.  Flag and mode values are newlib's, so libc passes them
 * through unchanged.
 */
#ifndef AXO_MSG_VFS_H
#define AXO_MSG_VFS_H

#include <axo/types.h>
#include <axo/msgtype.h>

#define VFS_PATH_MAX 1024 /* bytes, the NUL included (PATH_MAX) */
#define VFS_NAME_MAX 255  /* one path component */
#define VFS_OPEN_MAX 32	  /* descriptors per process (OPEN_MAX) */

/* User calls. */
#define VFS_OPEN	  (VFS_RQ_BASE + 0) /* vfs_path -> fd */
#define VFS_CLOSE	  (VFS_RQ_BASE + 1) /* vfs_fd */
#define VFS_READ	  (VFS_RQ_BASE + 2) /* vfs_io -> bytes read */
#define VFS_WRITE	  (VFS_RQ_BASE + 3) /* vfs_io -> bytes written */
#define VFS_LSEEK	  (VFS_RQ_BASE + 4) /* vfs_seek -> 0; vfs_seek.offset */
#define VFS_DUP		  (VFS_RQ_BASE + 5) /* vfs_fd (fd, fd2 = -1) -> fd */
#define VFS_DUP2	  (VFS_RQ_BASE + 6) /* vfs_fd (fd, fd2) -> fd2 */
#define VFS_PIPE	  (VFS_RQ_BASE + 7) /* vfs_pipe (reply: both fds) */
#define VFS_FCNTL	  (VFS_RQ_BASE + 8) /* vfs_fcntl -> depends on cmd */
#define VFS_STAT	  (VFS_RQ_BASE + 9) /* vfs_path, buf: vfs_stat */
#define VFS_LSTAT	  (VFS_RQ_BASE + 10) /* vfs_path, buf: vfs_stat */
#define VFS_FSTAT	  (VFS_RQ_BASE + 11) /* vfs_io (buf: vfs_stat) */
#define VFS_CHDIR	  (VFS_RQ_BASE + 12) /* vfs_path */
#define VFS_FCHDIR	  (VFS_RQ_BASE + 13) /* vfs_fd */
#define VFS_GETCWD	  (VFS_RQ_BASE + 14) /* vfs_io (fd unused) -> length */
#define VFS_MKDIR	  (VFS_RQ_BASE + 15) /* vfs_path (mode) */
#define VFS_RMDIR	  (VFS_RQ_BASE + 16) /* vfs_path */
#define VFS_UNLINK	  (VFS_RQ_BASE + 17) /* vfs_path */
#define VFS_RENAME	  (VFS_RQ_BASE + 18) /* vfs_path2 */
#define VFS_LINK	  (VFS_RQ_BASE + 19) /* vfs_path2 (existing, new) */
#define VFS_SYMLINK	  (VFS_RQ_BASE + 20) /* vfs_path2 (target, new) */
#define VFS_READLINK	  (VFS_RQ_BASE + 21) /* vfs_path, buf -> length */
#define VFS_GETDENTS	  (VFS_RQ_BASE + 22) /* vfs_io -> bytes of vfs_dirent */
#define VFS_UMASK	  (VFS_RQ_BASE + 23) /* vfs_path.mode -> old mask */
#define VFS_ACCESS	  (VFS_RQ_BASE + 24) /* vfs_path (mode: R_OK...) */
#define VFS_CHMOD	  (VFS_RQ_BASE + 25) /* vfs_path (mode) */
#define VFS_CHOWN	  (VFS_RQ_BASE + 26) /* vfs_path (uid, gid) */
#define VFS_TRUNCATE	  (VFS_RQ_BASE + 27) /* vfs_path (offset) */
#define VFS_FTRUNCATE	  (VFS_RQ_BASE + 28) /* vfs_seek (fd, offset) */
#define VFS_SYNC	  (VFS_RQ_BASE + 29) /* no payload */
#define VFS_MOUNT	  (VFS_RQ_BASE + 30) /* vfs_mount */
#define VFS_UMOUNT	  (VFS_RQ_BASE + 31) /* vfs_path */
#define VFS_IOCTL	  (VFS_RQ_BASE + 32) /* vfs_ioctl */
#define VFS_SELECT	  (VFS_RQ_BASE + 33) /* vfs_select -> ready count */
#define VFS_STATVFS	  (VFS_RQ_BASE + 34) /* vfs_path, buf: vfs_statvfs */
#define VFS_UTIME	  (VFS_RQ_BASE + 35) /* vfs_path (atime, mtime) */
#define VFS_NR_USER_CALLS 36

/*
 * From PM only, about the processes it manages; the reply is OK or -E*.
 * The endpoints are the processes', pids as PM numbers them.
 */
#define VFS_PM_FORK    (VFS_RQ_BASE + 0x40) /* vfs_pm: parent -> child */
#define VFS_PM_EXIT    (VFS_RQ_BASE + 0x41) /* vfs_pm: close everything */
#define VFS_PM_SETIDS  (VFS_RQ_BASE + 0x42) /* vfs_pm: new uid/gid pair */
#define VFS_PM_SETSID  (VFS_RQ_BASE + 0x43) /* vfs_pm: loses its tty */
#define VFS_PM_EXEC    (VFS_RQ_BASE + 0x44) /* vfs_pm_exec -> OK; entry, sp */
#define VFS_PM_REBOOT  (VFS_RQ_BASE + 0x45) /* sync, then unmount everything */
#define VFS_PM_UNPAUSE (VFS_RQ_BASE + 0x46) /* vfs_pm: end its wait, -EINTR */
#define VFS_PM_FIRST   VFS_PM_FORK
#define VFS_PM_LAST    VFS_PM_UNPAUSE

/*
 * From RS only: major `major` is served by the driver labelled `label`
 * from now on (its endpoint comes from DS, as for the boot drivers).  An
 * empty label unmaps the major.  RS sends it when a driver with -dev or
 * -major comes up.
 */
#define VFS_MAPDRIVER (VFS_RQ_BASE + 0x50) /* vfs_mapdriver */

struct vfs_mapdriver_msg {
	char label[16]; /* PROC_NAME_LEN */
	int32_t major;
};

/* fcntl commands and descriptor flags (newlib's values). */
#define VFS_F_DUPFD    0
#define VFS_F_GETFD    1
#define VFS_F_SETFD    2
#define VFS_F_GETFL    3
#define VFS_F_SETFL    4
#define VFS_FD_CLOEXEC 1

/* Open flags (newlib's O_* values). */
#define VFS_O_ACCMODE	0x3
#define VFS_O_RDONLY	0x0
#define VFS_O_WRONLY	0x1
#define VFS_O_RDWR	0x2
#define VFS_O_APPEND	0x8
#define VFS_O_CREAT	0x200
#define VFS_O_TRUNC	0x400
#define VFS_O_EXCL	0x800
#define VFS_O_NONBLOCK	0x4000
#define VFS_O_NOCTTY	0x8000
#define VFS_O_CLOEXEC	0x40000
#define VFS_O_NOFOLLOW	0x100000
#define VFS_O_DIRECTORY 0x200000

/* lseek whence. */
#define VFS_SEEK_SET 0
#define VFS_SEEK_CUR 1
#define VFS_SEEK_END 2

/* File types in a mode (POSIX values). */
#define VFS_S_IFMT   0170000
#define VFS_S_IFSOCK 0140000
#define VFS_S_IFLNK  0120000
#define VFS_S_IFREG  0100000
#define VFS_S_IFBLK  0060000
#define VFS_S_IFDIR  0040000
#define VFS_S_IFCHR  0020000
#define VFS_S_IFIFO  0010000

/* A device number: major (which driver) and minor (which unit). */
#define VFS_MAKEDEV(major, minor) (((uint32_t)(major) << 8) | ((minor)&0xff))
#define VFS_MAJOR(dev)		  (((dev) >> 8) & 0xff)
#define VFS_MINOR(dev)		  ((dev)&0xff)

struct vfs_path_msg {
	vir_bytes path;	    /* NUL-terminated */
	vir_bytes path_len; /* bytes including the NUL */
	int32_t flags;	    /* OPEN: VFS_O_*; LSTAT/STAT: unused */
	uint32_t mode;	    /* OPEN with O_CREAT, MKDIR, CHMOD, UMASK, ACCESS */
	vir_bytes buf;	    /* STAT: struct vfs_stat; READLINK: the text */
	vir_bytes buf_len;
	int32_t uid, gid;	       /* CHOWN; -1 keeps */
	uint32_t offset_lo, offset_hi; /* TRUNCATE */
	uint32_t atime, mtime;	       /* UTIME, unless VFS_UTIME_NOW */
};

#define VFS_UTIME_NOW 1 /* UTIME flags: both times become the present */

struct vfs_path2_msg { /* RENAME old new; LINK existing new; SYMLINK */
	vir_bytes path1;
	vir_bytes path1_len;
	vir_bytes path2;
	vir_bytes path2_len;
};

struct vfs_fd_msg {
	int32_t fd;
	int32_t fd2; /* DUP2: the wanted descriptor */
};

struct vfs_io_msg { /* READ, WRITE, GETDENTS, FSTAT, GETCWD */
	int32_t fd;
	vir_bytes buf;
	vir_bytes len;
};

struct vfs_seek_msg {
	int32_t fd;
	int32_t whence;		       /* VFS_SEEK_*; FTRUNCATE: unused */
	uint32_t offset_lo, offset_hi; /* reply of LSEEK: the new position */
};

struct vfs_pipe_msg {
	int32_t flags;	  /* VFS_O_NONBLOCK, VFS_O_CLOEXEC */
	int32_t fd_read;  /* reply */
	int32_t fd_write; /* reply */
};

struct vfs_fcntl_msg {
	int32_t fd;
	int32_t cmd; /* VFS_F_* */
	int32_t arg;
};

struct vfs_ioctl_msg {
	int32_t fd;
	uint32_t request; /* VFS_TC* in <axo/tty.h> */
	vir_bytes arg;	  /* in the caller's memory */
};

struct vfs_select_msg {
	int32_t nfds;
	vir_bytes readfds, writefds, exceptfds; /* uint32_t bitmaps, or 0 */
	int32_t timeout_ms;			/* -1: wait for ever */
};

struct vfs_mount_msg {
	vir_bytes dev; /* special file of the block device */
	vir_bytes dev_len;
	vir_bytes dir; /* mount point */
	vir_bytes dir_len;
	vir_bytes label; /* file system server to start ("ext2") */
	vir_bytes label_len;
	int32_t flags; /* VFS_MNT_RDONLY */
};

#define VFS_MNT_RDONLY 1

struct vfs_pm_msg {
	endpoint_t endpt;  /* the process */
	endpoint_t child;  /* FORK: the new process */
	int32_t pid;	   /* FORK: the child's pid */
	int32_t uid, euid; /* SETIDS */
	int32_t gid, egid; /* SETIDS */
};

/*
 * exec of a file: VFS resolves path (in endpt's memory, as endpt: its
 * working directory, its ids, execute permission, a regular file), reads
 * the whole file and has VM build the new image from it (VM_EXEC_FILE),
 * closes endpt's close-on-exec descriptors and answers entry and sp.  PM
 * then restarts the process.  On an error the old image is intact.
 */
struct vfs_pm_exec_msg {
	endpoint_t endpt;
	vir_bytes path; /* NUL-terminated, in endpt's memory */
	vir_bytes path_len;
	vir_bytes frame; /* argument frame, see VM_EXEC */
	vir_bytes frame_len;
	vir_bytes entry; /* reply */
	vir_bytes sp;	 /* reply */
};

/* What STAT, LSTAT and FSTAT write to buf. */
struct vfs_stat {
	uint32_t dev; /* device of the file system */
	uint32_t ino;
	uint32_t mode; /* type and permission bits */
	uint32_t nlink;
	int32_t uid, gid;
	uint32_t rdev; /* a device node's device */
	uint32_t size_lo, size_hi;
	uint32_t atime, mtime, ctime; /* seconds since 1970 */
	uint32_t blksize;
	uint32_t blocks; /* 512-byte units */
};

/*
 * GETDENTS fills buf with records, each 4-byte aligned: reclen covers the
 * record, name is NUL-terminated.  The descriptor's position advances to
 * the next entry; 0 bytes means the end of the directory.
 */
struct vfs_dirent {
	uint32_t ino;
	uint16_t reclen;
	uint8_t type; /* VFS_DT_* */
	uint8_t namelen;
	char name[];
};

#define VFS_DT_UNKNOWN 0
#define VFS_DT_FIFO    1
#define VFS_DT_CHR     2
#define VFS_DT_DIR     4
#define VFS_DT_BLK     6
#define VFS_DT_REG     8
#define VFS_DT_LNK     10

/* What STATVFS writes to buf. */
struct vfs_statvfs {
	uint32_t bsize;	 /* block size */
	uint32_t blocks; /* in bsize units */
	uint32_t bfree;
	uint32_t files; /* inodes */
	uint32_t ffree;
	uint32_t namemax;
	uint32_t flags; /* VFS_MNT_RDONLY */
	char fstype[16];
};

#define MSG_VFS_MEMBERS \
	struct vfs_path_msg vfs_path; \
	struct vfs_path2_msg vfs_path2; \
	struct vfs_fd_msg vfs_fd; \
	struct vfs_io_msg vfs_io; \
	struct vfs_seek_msg vfs_seek; \
	struct vfs_pipe_msg vfs_pipe; \
	struct vfs_fcntl_msg vfs_fcntl; \
	struct vfs_ioctl_msg vfs_ioctl; \
	struct vfs_select_msg vfs_select; \
	struct vfs_mount_msg vfs_mount; \
	struct vfs_pm_msg vfs_pm; \
	struct vfs_pm_exec_msg vfs_pm_exec; \
	struct vfs_mapdriver_msg vfs_mapdriver;

_Static_assert(sizeof(struct vfs_path_msg) <= MSG_PAYLOAD_SIZE, "vfs_path");
_Static_assert(sizeof(struct vfs_mount_msg) <= MSG_PAYLOAD_SIZE, "vfs_mount");
_Static_assert(sizeof(struct vfs_stat) == 56, "vfs_stat layout");
_Static_assert(sizeof(struct vfs_dirent) == 8, "vfs_dirent header");

#endif
