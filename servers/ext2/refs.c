// SPDX-License-Identifier: BSD-2-Clause
/*
 * VFS's references to inodes.  Every fs_node reply (FS_LOOKUP, FS_CREATE,
 * FS_MKDIR, FS_MKNOD, FS_READSUPER) hands VFS one reference, and VFS
 * returns them with FS_PUTNODE.  While an inode has references, the core
 * keeps it after its last link goes (ext2_set_busy), so a file unlinked
 * while open stays readable; the last FS_PUTNODE frees it
 * (ext2_release), and so does the unmount for any still held.
 *
 * The table is small and fixed: an inode that finds it full is not
 * counted and is freed at its last unlink, as if no one used it.
 */
#include "fs.h"

#define NR_REFS 256 /* VFS's NR_VNODES */

static struct {
	uint32_t ino; /* 0: a free slot */
	uint32_t count;
} refs[NR_REFS];

static int ref_find(uint32_t ino)
{
	for (int i = 0; i < NR_REFS; i++)
		if (refs[i].ino == ino && ino != 0)
			return i;
	return -1;
}

/* The core's busy predicate: VFS holds a reference to ino. */
static bool ref_busy(uint32_t ino)
{
	return ref_find(ino) >= 0;
}

/* Forget every reference and tell the core about the table. */
void refs_reset(struct ext2_fs *fs)
{
	memset(refs, 0, sizeof(refs));
	if (fs != NULL)
		ext2_set_busy(fs, ref_busy);
}

/* One more reference to ino, handed out with an fs_node reply. */
void refs_get(uint32_t ino)
{
	int i = ref_find(ino);

	for (int k = 0; i < 0 && k < NR_REFS; k++)
		if (refs[k].ino == 0)
			i = k;
	if (i < 0)
		return; /* table full: ino is not counted (see above) */
	refs[i].ino = ino;
	refs[i].count++;
}

/*
 * VFS returns count references to ino.  At the last, an inode that lost
 * its last link meanwhile is freed.  OK; -EINVAL for an inode VFS holds
 * no references to that is not live either, or a count of zero.
 */
int refs_put(struct ext2_fs *fs, uint32_t ino, uint32_t count)
{
	int i = ref_find(ino);

	if (count == 0)
		return -EINVAL;
	if (i < 0) /* uncounted (table full): fine if it names an inode */
		return ext2_ino_check(fs, ino) == OK ? OK : -EINVAL;
	if (count < refs[i].count) {
		refs[i].count -= count;
		return OK;
	}
	refs[i].ino = 0;
	refs[i].count = 0;
	return fs_rdonly ? OK : ext2_release(fs, ino);
}

/* Free every inode still referenced that has lost its last link. */
int refs_release_all(struct ext2_fs *fs)
{
	int r = OK;

	for (int i = 0; i < NR_REFS; i++) {
		uint32_t ino = refs[i].ino;
		if (ino == 0)
			continue;
		refs[i].ino = 0;
		refs[i].count = 0;
		int r2 = fs_rdonly ? OK : ext2_release(fs, ino);
		r = r == OK ? r2 : r;
	}
	return r;
}
