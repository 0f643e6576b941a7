/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Exec paths until VFS exists: "/boot/<name>" or a plain "<name>" names
 * a boot file, which VM loads by name.  Pure; host-tested.
 */
#ifndef PM_EXEC_PATH_H
#define PM_EXEC_PATH_H

#include <axo/types.h>
#include <axo/config.h>
#include <axo/errno.h>

#define PM_PATH_MAX 256 /* bytes of an exec path, NUL included */

/*
 * The boot-file name that path (len bytes, NUL included) names, copied
 * into name[PROC_NAME_LEN].  OK, -EINVAL (no NUL within len, empty),
 * -ENAMETOOLONG, or -ENOENT (a path outside /boot).
 */
int exec_boot_name(const char *path, size_t len, char name[PROC_NAME_LEN]);

#endif
