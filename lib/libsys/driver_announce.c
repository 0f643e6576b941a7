// SPDX-License-Identifier: BSD-2-Clause
/*
 * driver_announce: how a driver tells the system it is up (DESIGN §5,
 * minix-facts §4.2).  Shared by libchardriver and libblockdriver.
 */
#include <ds.h>

#include "syslib.h"

int driver_announce(const char *prefix)
{
	char label[DS_MAX_KEYLEN - 16], key[DS_MAX_KEYLEN];
	int r = sys_statectl(SYS_STATE_CLEAR_IPC_REFS, 0, 0);

	if (r != OK)
		return r;
	r = ds_retrieve_label_name(label, sizeof(label), sys_self());
	if (r != OK)
		return r;
	size_t n = strlcpy(key, prefix, sizeof(key));
	if (n >= sizeof(key))
		return -EINVAL;
	strlcpy(key + n, label, sizeof(key) - n);
	return ds_publish_u32(key, DRIVER_UP, DSF_OVERWRITE);
}
