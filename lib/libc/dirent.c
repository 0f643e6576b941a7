// SPDX-License-Identifier: BSD-2-Clause
/*
 * opendir, readdir, rewinddir, closedir, dirfd over VFS_GETDENTS.  A DIR
 * holds one buffer of records; readdir refills it when it runs dry.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libc_priv.h"

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	DIR *d = fdopendir(fd);
	if (d == NULL)
		close(fd);
	return d;
}

DIR *fdopendir(int fd)
{
	DIR *d = malloc(sizeof(*d));

	if (d == NULL) {
		errno = ENOMEM;
		return NULL;
	}
	d->fd = fd;
	d->pos = d->len = 0;
	return d;
}

/* The next record, refilling the buffer when needed; NULL at the end. */
struct dirent *readdir(DIR *d)
{
	if (d->pos >= d->len) {
		int n = libc_getdents(d->fd, d->buf, sizeof(d->buf));
		if (n <= 0)
			return NULL; /* end (errno unchanged) or error */
		d->pos = 0;
		d->len = n;
	}
	const struct vfs_dirent *v =
		(const struct vfs_dirent *)(d->buf + d->pos);
	if (v->reclen < sizeof(*v) || d->pos + v->reclen > d->len) {
		errno = EIO; /* a malformed record: stop here */
		d->pos = d->len;
		return NULL;
	}
	d->pos += v->reclen;
	d->ent.d_ino = v->ino;
	d->ent.d_type = v->type;
	size_t n = v->namelen < sizeof(d->ent.d_name) - 1 ?
			   v->namelen :
			   sizeof(d->ent.d_name) - 1;
	memcpy(d->ent.d_name, v->name, n);
	d->ent.d_name[n] = '\0';
	return &d->ent;
}

void rewinddir(DIR *d)
{
	lseek(d->fd, 0, SEEK_SET);
	d->pos = d->len = 0;
}

int dirfd(DIR *d)
{
	return d->fd;
}

int closedir(DIR *d)
{
	int r = close(d->fd);

	free(d);
	return r;
}
