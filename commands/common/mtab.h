/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The mount table of mount, umount and df: a text file (/etc/mtab, or
 * $MTAB when set), one mount a line, "DEV DIR TYPE OPTS" separated by
 * blanks (OPTS "rw" or "ro"; older lines may lack it).  VFS keeps no list
 * of mounts that a program could read, so mount appends a line after
 * each success and umount removes it; init writes the root's line.
 * The parsing and editing functions are pure, for the host tests.
 */
#ifndef CMD_MTAB_H
#define CMD_MTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define MTAB_PATH  "/etc/mtab"
#define MTAB_FIELD 256 /* bytes of one field, NUL included */
#define MTAB_MAX   32  /* mounts at most */

struct mtab_entry {
	char dev[MTAB_FIELD];
	char dir[MTAB_FIELD];
	char type[MTAB_FIELD];
	char opts[MTAB_FIELD];
};

/* The file to use: $MTAB if set and not empty, else MTAB_PATH. */
const char *mtab_path(void);

/*
 * Parse one line into *e.  False for a blank or comment line, or one
 * with fewer than three fields or a field too long (skipped by readers).
 */
bool mtab_parse(const char *line, struct mtab_entry *e);

/* Format *e as one line, newline included, into buf[len]; false if short. */
bool mtab_format(const struct mtab_entry *e, char *buf, size_t len);

/*
 * Read the table into e[0..max).  Returns the entries read, or -1 with
 * errno from fopen when the file cannot be opened.
 */
int mtab_read(const char *path, struct mtab_entry *e, int max);

/* Append *e to the file (created if missing).  0, or -1 with errno. */
int mtab_append(const char *path, const struct mtab_entry *e);

/*
 * Remove the last line whose DIR is dir.  1 when one was removed, 0
 * when none matched (the file is left as it was), -1 with errno.
 */
int mtab_remove(const char *path, const char *dir);

#endif
