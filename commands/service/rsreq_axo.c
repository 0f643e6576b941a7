// SPDX-License-Identifier: BSD-2-Clause
/* The service command's request to RS, through libc (see svc.h). */
#include <stdint.h>

#include <axo/libc.h>

#include "svc.h"

int svc_rs_call(int request, struct rs_req_msg *req, void *buf, size_t len)
{
	req->addr = (vir_bytes)(uintptr_t)buf;
	req->len = (uint32_t)len;
	return axo_rs_request(request, req);
}
