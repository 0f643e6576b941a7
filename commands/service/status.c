// SPDX-License-Identifier: BSD-2-Clause
/*
 * The lines of `service status`, one per service, fields separated by
 * single spaces so that scripts can split them:
 *
 *	LABEL ENDPOINT PID RESTARTS FLAGS PERIOD POLICY CRASH RECOVERY
 *	hello 10 12 1 A-------- 5HZ restart 42.17 1834522
 *
 * FLAGS is MINIX's 9-letter string: A active, U updating, E exiting,
 * N killed for a missing heartbeat, C keeps a copy of its binary, R keeps
 * a replica, c needs a copy, r needs a replica, s core server ('-' when
 * not set).  PERIOD is the heartbeat period, NHZ when a whole number of
 * seconds, else ticks, '-' for none.  POLICY is restart or reset.  CRASH
 * is the time of the last crash in seconds since boot (2 decimals),
 * RECOVERY the last recovery's duration in TSC cycles; both '-' if the
 * service never crashed.
 *
 * `service status <label>` adds a line about the service's last live
 * update, if it had one: its result (0 or the error number) and how long
 * each step took, in TSC cycles (guest instructions under icount):
 *
 *	update: result 0 prepare 117201 swap 95550 init 328041 total 1221759 blackout 1099497
 *
 * prepare: asked to prepare -> ready; swap: ready -> new instance in
 * place; init: -> its init reported; total: update started -> committed
 * or rolled back; blackout: the old instance's last answer -> the first
 * moment the endpoint answers again.
 *
 * Interface: svc_flag_string(), svc_status_header(), svc_status_line(),
 * svc_update_line().
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "svc.h"

/* Each position of the flag string: its letter and the bit it shows. */
static const struct {
	char letter;
	bool sys; /* the bit is in sys_flags (SF_*), not flags (RS_*) */
	uint32_t bit;
} flag_letters[SVC_FLAGS_LEN - 1] = {
	{ 'A', false, RS_ACTIVE },   { 'U', false, RS_UPDATING },
	{ 'E', false, RS_EXITING },  { 'N', false, RS_NOPINGREPLY },
	{ 'C', true, SF_USE_COPY },  { 'R', true, SF_USE_REPL },
	{ 'c', true, SF_NEED_COPY }, { 'r', true, SF_NEED_REPL },
	{ 's', true, SF_CORE_SRV },
};

void svc_flag_string(const struct rs_status *st, char out[SVC_FLAGS_LEN])
{
	for (int i = 0; i < SVC_FLAGS_LEN - 1; i++) {
		uint32_t word = flag_letters[i].sys ? st->sys_flags : st->flags;
		out[i] = (word & flag_letters[i].bit) ? flag_letters[i].letter :
							'-';
	}
	out[SVC_FLAGS_LEN - 1] = '\0';
}

const char *svc_status_header(void)
{
	return "LABEL ENDPOINT PID RESTARTS FLAGS PERIOD POLICY CRASH RECOVERY";
}

/* The period as NHZ, ticks, or "-". */
static void format_period(int32_t period, char *buf, size_t len)
{
	if (period <= 0)
		snprintf(buf, len, "-");
	else if (period % HZ == 0)
		snprintf(buf, len, "%" PRId32 "HZ", period / HZ);
	else
		snprintf(buf, len, "%" PRId32, period);
}

/* Ticks since boot as seconds with 2 decimals, or "-" for 0 (never). */
static void format_ticks(uint32_t ticks, char *buf, size_t len)
{
	if (ticks == 0)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%" PRIu32 ".%02" PRIu32, ticks / HZ,
			 (ticks % HZ) * 100 / HZ);
}

void svc_status_line(const struct rs_status *st, char *buf, size_t len)
{
	char label[PROC_NAME_LEN], flags[SVC_FLAGS_LEN], period[16];
	char crash[24], recovery[24];

	snprintf(label, sizeof(label), "%.*s", PROC_NAME_LEN - 1, st->label);
	svc_flag_string(st, flags);
	format_period(st->period, period, sizeof(period));
	format_ticks(st->crash_ticks, crash, sizeof(crash));
	if (st->recovery_cycles == 0)
		snprintf(recovery, sizeof(recovery), "-");
	else
		snprintf(recovery, sizeof(recovery), "%" PRIu64,
			 st->recovery_cycles);
	snprintf(buf, len,
		 "%s %" PRId32 " %" PRId32 " %" PRId32 " %s %s %s %s %s", label,
		 st->endpoint, st->pid, st->restarts, flags, period,
		 st->policy == RS_POLICY_RESET ? "reset" : "restart", crash,
		 recovery);
}

bool svc_update_line(const struct rs_status *st, char *buf, size_t len)
{
	if (st->upd_total_cycles == 0)
		return false;
	snprintf(buf, len,
		 "update: result %" PRId32 " prepare %" PRIu64 " swap %" PRIu64
		 " init %" PRIu64 " total %" PRIu64 " blackout %" PRIu64,
		 -st->upd_result, st->upd_prepare_cycles, st->upd_swap_cycles,
		 st->upd_init_cycles, st->upd_total_cycles,
		 st->upd_blackout_cycles);
	return true;
}
