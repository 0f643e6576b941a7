// SPDX-License-Identifier: BSD-2-Clause
/*
 * Requests about one inode by number: FS_READ, FS_WRITE, FS_GETDENTS,
 * FS_RDLINK, FS_STAT, FS_CHMOD, FS_CHOWN, FS_FTRUNC, FS_UTIME.  Data
 * moves through the request's grant (VFS's, or one VFS made on a user's
 * memory) at offsets 0..count, in chunks through a static buffer; a
 * transfer that fails part way answers with the bytes done so far.
 */
#include "fs.h"

#define CHUNK 32768 /* bytes per ext2 call: runs of blocks read at once */

static uint8_t io_buf[CHUNK];

/* Bytes a request may move: count, capped to what m_type can report. */
static uint32_t io_count(const struct fs_rq *rq)
{
	return rq->count > INT32_MAX ? INT32_MAX : rq->count;
}

static uint64_t rq_pos(const struct fs_rq *rq)
{
	return (uint64_t)rq->pos_hi << 32 | rq->pos_lo;
}

/* Answer a transfer: the new position in fs_node, done or the error. */
static int io_reply(message *m, uint64_t pos, uint32_t done, int err)
{
	m->fs_node = (struct fs_node){ .pos_lo = (uint32_t)pos,
				       .pos_hi = (uint32_t)(pos >> 32) };
	return done > 0 || err == OK ? (int)done : err;
}

int do_read(endpoint_t caller, message *m)
{
	const struct fs_rq rq = m->fs_rq;
	uint32_t count = io_count(&rq), done = 0;
	uint64_t pos = rq_pos(&rq);
	int r = ext2_ino_check(fs_mounted, rq.ino);

	while (r == OK && done < count) {
		size_t n = count - done < CHUNK ? count - done : CHUNK;
		long got = ext2_read(fs_mounted, rq.ino, pos + done, io_buf, n);
		if (got <= 0) {
			r = (int)got;
			break;
		}
		r = sys_safecopyto(caller, rq.grant, done, io_buf, (size_t)got);
		if (r != OK)
			break;
		done += (uint32_t)got;
		if ((size_t)got < n)
			break; /* the end of the file */
	}
	return io_reply(m, pos + done, done, r);
}

int do_write(endpoint_t caller, message *m)
{
	const struct fs_rq rq = m->fs_rq;
	uint32_t count = io_count(&rq), done = 0;
	uint64_t pos = rq_pos(&rq);
	int r = ext2_ino_check(fs_mounted, rq.ino);

	while (r == OK && done < count) {
		size_t n = count - done < CHUNK ? count - done : CHUNK;
		r = sys_safecopyfrom(caller, rq.grant, done, io_buf, n);
		if (r != OK)
			break;
		long put =
			ext2_write(fs_mounted, rq.ino, pos + done, io_buf, n);
		if (put < 0) {
			r = (int)put;
			break;
		}
		done += (uint32_t)put;
		if ((size_t)put < n)
			break; /* the disk is full */
	}
	return io_reply(m, pos + done, done, r);
}

/*
 * GETDENTS: as many whole vfs_dirent records as fit in count bytes,
 * from the ext2 cookie in pos; the cookie after the last one goes back
 * in pos.  0 bytes at the end; -EINVAL if not even one record fits.
 */
int do_getdents(endpoint_t caller, message *m)
{
	const struct fs_rq rq = m->fs_rq;
	uint32_t count = io_count(&rq), done = 0;
	uint64_t cookie = rq_pos(&rq);
	int r = ext2_ino_check(fs_mounted, rq.ino);
	struct ext2_dirent d;

	while (r == OK) {
		uint64_t next = cookie;
		long n = ext2_getdents(fs_mounted, rq.ino, &next, &d, 1);
		if (n <= 0) {
			r = (int)n;
			break;
		}
		size_t len = proto_dirent_pack(&d, io_buf, count - done);
		if (len == 0) {
			r = done == 0 ? -EINVAL : OK; /* no room for this one */
			break;
		}
		r = sys_safecopyto(caller, rq.grant, done, io_buf, len);
		if (r != OK)
			break;
		done += (uint32_t)len;
		cookie = next;
	}
	return io_reply(m, cookie, done, r);
}

/* RDLINK: the target of symlink ino, up to count bytes, no NUL. */
int do_rdlink(endpoint_t caller, message *m)
{
	static char target[VFS_PATH_MAX];
	const struct fs_rq rq = m->fs_rq;
	size_t n = rq.count < sizeof(target) ? rq.count : sizeof(target);
	int r = ext2_ino_check(fs_mounted, rq.ino);

	if (r != OK)
		return r;
	long len = ext2_readlink(fs_mounted, rq.ino, target, n);
	if (len < 0)
		return (int)len;
	r = sys_safecopyto(caller, rq.grant, 0, target, (size_t)len);
	return r != OK ? r : (int)len;
}

/* STAT: struct vfs_stat through the grant. */
int do_stat(endpoint_t caller, message *m)
{
	const struct fs_rq rq = m->fs_rq;
	struct ext2_stat st;
	struct vfs_stat out;
	int r;

	if (rq.count != 0 && rq.count < sizeof(out))
		return -EINVAL; /* else the grant's size bounds the copy */
	if ((r = ext2_ino_check(fs_mounted, rq.ino)) != OK ||
	    (r = ext2_stat(fs_mounted, rq.ino, &st)) != OK)
		return r;
	proto_stat(&st, fs_dev, &out);
	return sys_safecopyto(caller, rq.grant, 0, &out, sizeof(out));
}

int do_chmod(endpoint_t caller, message *m)
{
	(void)caller;
	int r = ext2_ino_check(fs_mounted, m->fs_rq.ino);

	return r != OK ? r :
			 ext2_chmod(fs_mounted, m->fs_rq.ino, m->fs_rq.mode);
}

/* CHOWN: uid or gid -1 keeps the present one. */
int do_chown(endpoint_t caller, message *m)
{
	const struct fs_rq rq = m->fs_rq;
	struct ext2_stat st;
	int r;

	(void)caller;
	if ((r = ext2_ino_check(fs_mounted, rq.ino)) != OK ||
	    (r = ext2_stat(fs_mounted, rq.ino, &st)) != OK)
		return r;
	return ext2_chown(fs_mounted, rq.ino,
			  rq.uid == -1 ? st.uid : (uint32_t)rq.uid,
			  rq.gid == -1 ? st.gid : (uint32_t)rq.gid);
}

/* FTRUNC: the size becomes pos. */
int do_ftrunc(endpoint_t caller, message *m)
{
	const struct fs_rq rq = m->fs_rq;
	int r = ext2_ino_check(fs_mounted, rq.ino);

	(void)caller;
	return r != OK ? r : ext2_truncate(fs_mounted, rq.ino, rq_pos(&rq));
}

/* UTIME: access time in pos_lo, modification time in pos_hi. */
int do_utime(endpoint_t caller, message *m)
{
	const struct fs_rq rq = m->fs_rq;
	int r = ext2_ino_check(fs_mounted, rq.ino);

	(void)caller;
	return r != OK ? r :
			 ext2_utime(fs_mounted, rq.ino, rq.pos_lo, rq.pos_hi);
}
