/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The message generator shared by the system fuzzers (test/guest/fuzz,
 * a user process, and test/guest/fuzzsrv, a restricted service).  It
 * builds requests of each protocol of <axo/msg_*.h> from a per-call
 * "shape" (which payload word is a path, a buffer, a length, a
 * descriptor ...), fills them with plausible values, then mutates them:
 * bit flips, replaced words, a foreign message type, or a fully random
 * payload.  Pointers are drawn from the fuzzer's scratch area (valid),
 * from unmapped, kernel and code addresses, and from the kernel/user
 * edge.
 *
 * Everything depends only on the generator state (xorshift32 of
 * prng.h), seeded per batch by fz_seed(), so a seed replays exactly.
 * fz_sum() folds a generated call into the sequence checksum.
 */
#ifndef TEST_GUEST_FUZZGEN_H
#define TEST_GUEST_FUZZGEN_H

#include <stddef.h>
#include <stdint.h>
#if __STDC_HOSTED__ /* newlib programs */
#include <string.h>
#else /* libsys programs */
#include <axo/fmt.h>
#endif

#include <axo/config.h>
#include <axo/ipc.h>

#include "prng.h"

/* Boot slots of the [system] image (boot/modules.list). */
#define FZ_RS	  0
#define FZ_DS	  1
#define FZ_VM	  2
#define FZ_PM	  3
#define FZ_INIT	  4
#define FZ_VFS	  5
#define FZ_MEMORY 6
#define FZ_TTY	  7
#define FZ_ATA	  8
#define FZ_EXT2	  9
#define FZ_HELLO  10
#define FZ_SLOTS  11

/* The scratch area: strings first, then room for what servers write. */
#define FZ_SCRATCH   65536
#define FZ_STRINGS   1024
#define FZ_MAX_LEN   4096 /* plausible lengths stay below this */
#define FZ_LABEL_LEN 16	  /* PROC_NAME_LEN */

struct fz {
	uint32_t s;	   /* generator state, never 0 */
	uint8_t *scratch;  /* FZ_SCRATCH bytes the fuzzer may lose */
	uint32_t code;	   /* an address in the fuzzer's code */
	uint32_t nstrings; /* strings at the start of scratch */
	uint32_t string_at[32];
};

/* Protocols: the request range and the number of calls of each. */
enum fz_proto {
	FZ_P_PM,
	FZ_P_VFS,
	FZ_P_VM,
	FZ_P_RS,
	FZ_P_DS,
	FZ_P_CDEV,
	FZ_P_BDEV,
	FZ_P_FS,
	FZ_P_COMMON,
	FZ_NR_PROTO
};

static const struct {
	int base, count;
} fz_protos[FZ_NR_PROTO] = {
	[FZ_P_PM] = { PM_RQ_BASE, PM_NR_CALLS + 2 },
	[FZ_P_VFS] = { VFS_RQ_BASE, 0x52 },
	[FZ_P_VM] = { VM_RQ_BASE, 12 },
	[FZ_P_RS] = { RS_RQ_BASE, 0x18 },
	[FZ_P_DS] = { DS_RQ_BASE, 8 },
	[FZ_P_CDEV] = { CDEV_RQ_BASE, 10 },
	[FZ_P_BDEV] = { BDEV_RQ_BASE, 8 },
	[FZ_P_FS] = { FS_RQ_BASE, 24 },
	[FZ_P_COMMON] = { COMMON_RQ_BASE, 4 },
};

/* Paths and labels a request may name (in scratch, NUL-terminated). */
static const char *const fz_names[] = {
	"/tmp/fz0",	  "/tmp/fz1",  "/tmp/fzd/x", "/tmp/fzd", "/dev/null",
	"/dev/zero",	  "/etc/motd", "/",	     "/tmp",	 "/dev/hello",
	"/nonexistent/a", "",	       "hello",	     "ds",	 "vfs",
	"/bin/cat",	  "/dev/c0d0", "/dev/ram",   "..",	 "/tmp/fz0/..",
};
#define FZ_NR_NAMES (sizeof(fz_names) / sizeof(fz_names[0]))

static inline uint32_t fz_next(struct fz *f)
{
	return xorshift(&f->s);
}

static inline uint32_t fz_below(struct fz *f, uint32_t n)
{
	return n == 0 ? 0 : fz_next(f) % n;
}

/* Prepare scratch (strings) and the code address; once per process. */
static inline void fz_init(struct fz *f, uint8_t *scratch, uint32_t code)
{
	uint32_t at = 0;

	f->scratch = scratch;
	f->code = code;
	f->nstrings = 0;
	for (size_t i = 0; i < FZ_NR_NAMES; i++) {
		size_t n = strlen(fz_names[i]) + 1;
		memcpy(scratch + at, fz_names[i], n);
		f->string_at[f->nstrings++] = at;
		at += (uint32_t)n;
	}
	memset(scratch + at, 'a', 300); /* a component over NAME_MAX */
	scratch[at + 300] = 0;
	f->string_at[f->nstrings++] = at;
}

/* The generator state of batch b of run seed: independent of the rest. */
static inline void fz_seed(struct fz *f, uint32_t seed, uint32_t b)
{
	f->s = (seed * 2654435761u) ^ ((b + 1) * 2246822519u);
	if (f->s == 0)
		f->s = 1;
	for (int i = 0; i < 4; i++)
		fz_next(f);
}

static inline endpoint_t fz_endpoint(struct fz *f)
{
	switch (fz_below(f, 8)) {
	case 0:
		return (endpoint_t)fz_next(f);
	case 1:
		return fz_below(f, 2) ? ANY : SELF;
	case 2:
		return -(endpoint_t)fz_below(f, 6); /* tasks and RS */
	case 3:
		return ENDPOINT((int)fz_below(f, 3), (int)fz_below(f, 64));
	default:
		return (endpoint_t)fz_below(f, FZ_SLOTS);
	}
}

static inline uint32_t fz_pointer(struct fz *f)
{
	switch (fz_below(f, 8)) {
	case 0:
		return 0;
	case 1:
		return 0xf0000000u + (fz_next(f) & 0x0ffffffcu); /* unmapped */
	case 2:
		return fz_next(f) & (USER_BASE - 1); /* kernel space */
	case 3:
		return f->code; /* read-only */
	case 4:
		return USER_BASE - fz_below(f, 64); /* kernel|user edge */
	default: /* valid, past the strings */
		return (uint32_t)f->scratch + FZ_STRINGS +
		       fz_below(f, FZ_SCRATCH - FZ_STRINGS - FZ_MAX_LEN);
	}
}

static inline uint32_t fz_path(struct fz *f)
{
	if (fz_below(f, 8) == 0)
		return fz_pointer(f);
	return (uint32_t)f->scratch + f->string_at[fz_below(f, f->nstrings)];
}

static inline uint32_t fz_len(struct fz *f)
{
	static const uint32_t edges[] = { 0,	1,	     4095,
					  4096, 0xffffffffu, 0x7fffffff };

	if (fz_below(f, 8) == 0)
		return edges[fz_below(f, 6)];
	return fz_below(f, FZ_MAX_LEN);
}

/* Any plausible word: small numbers, descriptors, lengths, pointers. */
static inline uint32_t fz_word(struct fz *f)
{
	switch (fz_below(f, 6)) {
	case 0:
		return fz_below(f, 64);
	case 1:
		return (uint32_t)fz_endpoint(f);
	case 2:
		return fz_pointer(f);
	case 3:
		return fz_len(f);
	case 4:
		return fz_next(f);
	default:
		return (uint32_t) - (int32_t)fz_below(f, 3);
	}
}

/*
 * The shape of request type: one letter per payload word.  p path,
 * l its length or a buffer length, b buffer, d descriptor, s small
 * number, e endpoint, n a label in place (FZ_LABEL_LEN bytes), g grant.
 */
static inline const char *fz_shape(int type)
{
	switch (type) {
	case VFS_OPEN:
	case VFS_STAT:
	case VFS_LSTAT:
	case VFS_CHDIR:
	case VFS_MKDIR:
	case VFS_RMDIR:
	case VFS_UNLINK:
	case VFS_READLINK:
	case VFS_UMASK:
	case VFS_ACCESS:
	case VFS_CHMOD:
	case VFS_CHOWN:
	case VFS_TRUNCATE:
	case VFS_UMOUNT:
	case VFS_STATVFS:
	case VFS_UTIME:
		return "plssblssss";
	case VFS_RENAME:
	case VFS_LINK:
	case VFS_SYMLINK:
		return "plpl";
	case VFS_READ:
	case VFS_WRITE:
	case VFS_GETDENTS:
	case VFS_FSTAT:
	case VFS_GETCWD:
		return "dbl";
	case VFS_CLOSE:
	case VFS_DUP:
	case VFS_DUP2:
	case VFS_FCHDIR:
	case VFS_LSEEK:
	case VFS_FTRUNCATE:
	case VFS_FCNTL:
	case VFS_IOCTL:
		return "ddssb";
	case RS_LOOKUP:
	case RS_STATUS:
	case RS_DOWN:
	case RS_REFRESH:
	case RS_RESTART:
	case RS_CLONE:
	case RS_UNCLONE:
	case RS_UP:
	case RS_UPDATE:
	case RS_EDIT:
	case RS_SYSCTL:
	case RS_FI:
		return "nnnnblse";
	default:
		if (IS_PM_CALL(type))
			return "ssbl";
		if (IS_VM_CALL(type))
			return "blss";
		if (IS_DS_CALL(type))
			return "plsbl";
		if (IS_CDEV_CALL(type) || IS_BDEV_CALL(type))
			return "sesgll";
		return "";
	}
}

static inline uint32_t fz_by_shape(struct fz *f, char c)
{
	switch (c) {
	case 'p':
		return fz_path(f);
	case 'l':
		return fz_len(f);
	case 'b':
		return fz_pointer(f);
	case 'd':
		return fz_below(f, 10) - 1;
	case 's':
		return fz_below(f, 16);
	case 'e':
		return (uint32_t)fz_endpoint(f);
	case 'g':
		return fz_below(f, 8);
	default:
		return fz_word(f);
	}
}

/* A request of protocol p, shaped, with a label in place where due. */
static inline void fz_request(struct fz *f, message *m, enum fz_proto p)
{
	m->m_source = 0;
	m->m_type = fz_protos[p].base + (int)fz_below(f, fz_protos[p].count);
	const char *shape = fz_shape(m->m_type);
	size_t n = strlen(shape);
	for (size_t i = 0; i < MSG_PAYLOAD_SIZE / 4; i++)
		m->word[i] = i < n ? fz_by_shape(f, shape[i]) : fz_word(f);
	if (n > 0 && shape[0] == 'n') {
		const char *s = fz_names[fz_below(f, FZ_NR_NAMES)];
		memset(m->raw, 0, FZ_LABEL_LEN);
		memcpy(m->raw, s, strnlen(s, FZ_LABEL_LEN - 1));
	}
}

/* Mutate m: flipped bits, a replaced word, another type, or noise. */
static inline void fz_mutate(struct fz *f, message *m)
{
	switch (fz_below(f, 8)) {
	case 0:
	case 1:
		break; /* as built */
	case 2:
	case 3:
		for (uint32_t k = 1 + fz_below(f, 3); k > 0; k--)
			m->word[fz_below(f, MSG_PAYLOAD_SIZE / 4)] ^=
				1u << fz_below(f, 32);
		break;
	case 4:
	case 5:
		m->word[fz_below(f, MSG_PAYLOAD_SIZE / 4)] = fz_word(f);
		break;
	case 6:
		m->m_type = fz_below(f, 2) ?
				    (int32_t)fz_next(f) :
				    m->m_type ^
					    (int32_t)(1u << fz_below(f, 12));
		break;
	default:
		for (size_t i = 0; i < MSG_PAYLOAD_SIZE / 4; i++)
			m->word[i] = fz_next(f);
	}
}

/* The protocol a server in boot slot s speaks (or a random one). */
static inline enum fz_proto fz_proto_of(struct fz *f, endpoint_t e)
{
	if (fz_below(f, 10) == 0)
		return (enum fz_proto)fz_below(f, FZ_NR_PROTO);
	switch (e) {
	case FZ_RS:
		return FZ_P_RS;
	case FZ_DS:
		return FZ_P_DS;
	case FZ_VM:
		return FZ_P_VM;
	case FZ_PM:
		return FZ_P_PM;
	case FZ_VFS:
		return FZ_P_VFS;
	case FZ_EXT2:
		return FZ_P_FS;
	case FZ_ATA:
		return FZ_P_BDEV;
	default:
		return FZ_P_CDEV;
	}
}

/* Checksum h extended by one generated call. */
static inline uint32_t fz_sum(uint32_t h, uint32_t kind, endpoint_t dst,
			      uint32_t addr, const message *m)
{
	h = fnv(h, &kind, sizeof(kind));
	h = fnv(h, &dst, sizeof(dst));
	h = fnv(h, &addr, sizeof(addr));
	return fnv(h, m, sizeof(*m));
}

#endif
