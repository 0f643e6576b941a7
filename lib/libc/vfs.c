// SPDX-License-Identifier: BSD-2-Clause
/*
 * The file system calls: one VFS request each (<axo/msg_vfs.h>).  Paths
 * travel as address and length; VFS copies them.  Descriptors 0..2 still
 * go to the console stand-in (console.c) until init opens /dev/console.
 */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>

#include "libc_priv.h"

/* Send VFS request type with payload m; the result, >= 0 or -E*. */
static int vfs_call(int type, message *m)
{
	return libc_call(VFS_PROC_NR, type, m);
}

/* A request on one path; fills in the path fields of m. */
static int path_call(int type, const char *path, message *m)
{
	if (path == NULL)
		return -EFAULT;
	m->vfs_path.path = (vir_bytes)path;
	m->vfs_path.path_len = strlen(path) + 1;
	return vfs_call(type, m);
}

static int path2_call(int type, const char *p1, const char *p2)
{
	message m = { 0 };

	if (p1 == NULL || p2 == NULL)
		return libc_result(-EFAULT);
	m.vfs_path2 = (struct vfs_path2_msg){
		.path1 = (vir_bytes)p1,
		.path1_len = strlen(p1) + 1,
		.path2 = (vir_bytes)p2,
		.path2_len = strlen(p2) + 1,
	};
	return libc_result(vfs_call(type, &m));
}

static int fd_call(int type, int fd, int fd2)
{
	message m = { 0 };

	m.vfs_fd.fd = fd;
	m.vfs_fd.fd2 = fd2;
	return vfs_call(type, &m);
}

static int io_call(int type, int fd, const void *buf, size_t len)
{
	message m = { 0 };

	m.vfs_io.fd = fd;
	m.vfs_io.buf = (vir_bytes)buf;
	m.vfs_io.len = len;
	return vfs_call(type, &m);
}

static off_t offset_of(uint32_t lo, uint32_t hi)
{
	return (off_t)(((uint64_t)hi << 32) | lo);
}

/* Our struct vfs_stat as newlib's struct stat. */
static void stat_from_vfs(struct stat *st, const struct vfs_stat *v)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = (dev_t)v->dev;
	st->st_ino = (ino_t)v->ino;
	st->st_mode = (mode_t)v->mode;
	st->st_nlink = (nlink_t)v->nlink;
	st->st_uid = (uid_t)v->uid;
	st->st_gid = (gid_t)v->gid;
	st->st_rdev = (dev_t)v->rdev;
	st->st_size = offset_of(v->size_lo, v->size_hi);
	st->st_atime = (time_t)v->atime;
	st->st_mtime = (time_t)v->mtime;
	st->st_ctime = (time_t)v->ctime;
	st->st_blksize = (blksize_t)v->blksize;
	st->st_blocks = (blkcnt_t)v->blocks;
}

int open(const char *path, int flags, ...)
{
	message m = { 0 };

	m.vfs_path.flags = flags;
	if (flags & O_CREAT) {
		va_list ap;
		va_start(ap, flags);
		m.vfs_path.mode = (uint32_t)va_arg(ap, int);
		va_end(ap);
	}
	return libc_result(path_call(VFS_OPEN, path, &m));
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int close(int fd)
{
	if (console_fd(fd))
		return console_close(fd);
	return libc_result(fd_call(VFS_CLOSE, fd, -1));
}

ssize_t read(int fd, void *buf, size_t n)
{
	if (console_fd(fd))
		return console_read(fd, buf, n);
	return libc_result(io_call(VFS_READ, fd, buf, n));
}

ssize_t write(int fd, const void *buf, size_t n)
{
	if (console_fd(fd))
		return console_write(fd, buf, n);
	return libc_result(io_call(VFS_WRITE, fd, buf, n));
}

off_t lseek(int fd, off_t off, int whence)
{
	message m = { 0 };

	if (console_fd(fd))
		return console_lseek(fd, off, whence);
	m.vfs_seek.fd = fd;
	m.vfs_seek.whence = whence;
	m.vfs_seek.offset_lo = (uint32_t)(uint64_t)off;
	m.vfs_seek.offset_hi = (uint32_t)((uint64_t)off >> 32);
	int r = vfs_call(VFS_LSEEK, &m);
	if (r < 0)
		return libc_result(r);
	return offset_of(m.vfs_seek.offset_lo, m.vfs_seek.offset_hi);
}

int dup(int fd)
{
	return libc_result(fd_call(VFS_DUP, fd, -1));
}

int dup2(int fd, int fd2)
{
	return libc_result(fd_call(VFS_DUP2, fd, fd2));
}

int pipe(int fds[2])
{
	message m = { 0 };
	int r = vfs_call(VFS_PIPE, &m);

	if (r < 0)
		return libc_result(r);
	fds[0] = m.vfs_pipe.fd_read;
	fds[1] = m.vfs_pipe.fd_write;
	return 0;
}

int fcntl(int fd, int cmd, ...)
{
	message m = { 0 };
	va_list ap;

	if (console_fd(fd))
		return libc_result(console_fcntl(fd, cmd));
	va_start(ap, cmd);
	m.vfs_fcntl.arg = cmd == F_GETFD || cmd == F_GETFL ? 0 :
							     va_arg(ap, int);
	va_end(ap);
	m.vfs_fcntl.fd = fd;
	m.vfs_fcntl.cmd = cmd;
	return libc_result(vfs_call(VFS_FCNTL, &m));
}

static int stat_call(int type, const char *path, struct stat *st)
{
	struct vfs_stat v;
	message m = { 0 };

	m.vfs_path.buf = (vir_bytes)&v;
	m.vfs_path.buf_len = sizeof(v);
	int r = path_call(type, path, &m);
	if (r < 0)
		return libc_result(r);
	stat_from_vfs(st, &v);
	return 0;
}

int stat(const char *restrict path, struct stat *restrict st)
{
	return stat_call(VFS_STAT, path, st);
}

int lstat(const char *restrict path, struct stat *restrict st)
{
	return stat_call(VFS_LSTAT, path, st);
}

int fstat(int fd, struct stat *st)
{
	struct vfs_stat v;

	if (console_fd(fd))
		return console_fstat(fd, st);
	int r = io_call(VFS_FSTAT, fd, &v, sizeof(v));
	if (r < 0)
		return libc_result(r);
	stat_from_vfs(st, &v);
	return 0;
}

/* A terminal is a character device that answers the terminal ioctl. */
int isatty(int fd)
{
	struct stat st;

	if (fstat(fd, &st) != 0)
		return 0;
	if (!S_ISCHR(st.st_mode)) {
		errno = ENOTTY;
		return 0;
	}
	return 1;
}

int chdir(const char *path)
{
	message m = { 0 };

	return libc_result(path_call(VFS_CHDIR, path, &m));
}

int fchdir(int fd)
{
	return libc_result(fd_call(VFS_FCHDIR, fd, -1));
}

char *getcwd(char *buf, size_t size)
{
	int r = io_call(VFS_GETCWD, -1, buf, size);

	if (r < 0) {
		libc_result(r);
		return NULL;
	}
	return buf;
}

int mkdir(const char *path, mode_t mode)
{
	message m = { 0 };

	m.vfs_path.mode = mode;
	return libc_result(path_call(VFS_MKDIR, path, &m));
}

int rmdir(const char *path)
{
	message m = { 0 };

	return libc_result(path_call(VFS_RMDIR, path, &m));
}

int unlink(const char *path)
{
	message m = { 0 };

	return libc_result(path_call(VFS_UNLINK, path, &m));
}

int rename(const char *old, const char *new)
{
	return path2_call(VFS_RENAME, old, new);
}

int link(const char *old, const char *new)
{
	return path2_call(VFS_LINK, old, new);
}

int symlink(const char *target, const char *path)
{
	return path2_call(VFS_SYMLINK, target, path);
}

ssize_t readlink(const char *restrict path, char *restrict buf, size_t size)
{
	message m = { 0 };

	m.vfs_path.buf = (vir_bytes)buf;
	m.vfs_path.buf_len = size;
	return libc_result(path_call(VFS_READLINK, path, &m));
}

int libc_getdents(int fd, void *buf, size_t len)
{
	return libc_result(io_call(VFS_GETDENTS, fd, buf, len));
}

mode_t umask(mode_t mask)
{
	message m = { 0 };

	m.vfs_path.mode = mask;
	int r = vfs_call(VFS_UMASK, &m);
	return r < 0 ? 022 : (mode_t)r; /* umask cannot fail */
}

int access(const char *path, int mode)
{
	message m = { 0 };

	m.vfs_path.mode = (uint32_t)mode;
	return libc_result(path_call(VFS_ACCESS, path, &m));
}

int chmod(const char *path, mode_t mode)
{
	message m = { 0 };

	m.vfs_path.mode = mode;
	return libc_result(path_call(VFS_CHMOD, path, &m));
}

int chown(const char *path, uid_t uid, gid_t gid)
{
	message m = { 0 };

	m.vfs_path.uid = (int32_t)uid;
	m.vfs_path.gid = (int32_t)gid;
	return libc_result(path_call(VFS_CHOWN, path, &m));
}

int truncate(const char *path, off_t len)
{
	message m = { 0 };

	m.vfs_path.offset_lo = (uint32_t)(uint64_t)len;
	m.vfs_path.offset_hi = (uint32_t)((uint64_t)len >> 32);
	return libc_result(path_call(VFS_TRUNCATE, path, &m));
}

int ftruncate(int fd, off_t len)
{
	message m = { 0 };

	m.vfs_seek.fd = fd;
	m.vfs_seek.offset_lo = (uint32_t)(uint64_t)len;
	m.vfs_seek.offset_hi = (uint32_t)((uint64_t)len >> 32);
	return libc_result(vfs_call(VFS_FTRUNCATE, &m));
}

void sync(void)
{
	message m = { 0 };

	vfs_call(VFS_SYNC, &m);
}

/*
 * Writes everything back, fd's file included: VFS syncs whole file
 * systems.  EBADF for a descriptor that is not open.
 */
int fsync(int fd)
{
	if (fcntl(fd, F_GETFD) < 0)
		return -1;
	sync();
	return 0;
}

int utime(const char *path, const struct utimbuf *times)
{
	message m = { 0 };

	if (times != NULL) {
		m.vfs_path.atime = (uint32_t)times->actime;
		m.vfs_path.mtime = (uint32_t)times->modtime;
	} else {
		m.vfs_path.flags = VFS_UTIME_NOW;
	}
	return libc_result(path_call(VFS_UTIME, path, &m));
}

/* times[0] access, times[1] modification; NULL: now.  Whole seconds. */
int utimes(const char *path, const struct timeval *times)
{
	if (times == NULL)
		return utime(path, NULL);
	struct utimbuf t = { .actime = times[0].tv_sec,
			     .modtime = times[1].tv_sec };
	return utime(path, &t);
}
