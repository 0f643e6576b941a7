// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests of the message ABI: the layout of message, asynmsg_t,
 * cp_grant_t and struct kinfo; that every kernel-call payload in
 * MSG_SYS_MEMBERS fits the 56-byte payload; grant id packing; the kernel
 * call numbers of KCALL_LIST; and the message-type ranges with their
 * IS_*_CALL() classifiers.
 *
 * The guest is i386, where a uint64_t inside a struct is only 4-byte
 * aligned; the host aligns it to 8.  So the ABI headers are included under
 * #pragma pack(4), which gives them the i386 layout: the sizes and offsets
 * checked here are the guest's, and the alignment test shows that the
 * host's natural layout is the same one.
 */
#include "unit.h"

#pragma pack(push, 4)
#include <axo/types.h>
#include <axo/grant.h>
#include <axo/ipc.h>
#include <axo/kcall.h>
#include <axo/kinfo.h>
#include <axo/msg_sys.h>
#pragma pack(pop)

#define STRINGIFY(x)	    #x
#define EXPAND_STRINGIFY(x) STRINGIFY(x)

static void message_is_64_bytes_with_source_type_and_payload_offsets(void)
{
	expect_eq_size("sizeof(message)", 64, sizeof(message));
	expect_eq_size("offsetof(message, m_source)", 0,
		       offsetof(message, m_source));
	expect_eq_size("offsetof(message, m_type)", 4,
		       offsetof(message, m_type));
	expect_eq_size("offsetof(message, raw)", 8, offsetof(message, raw));
	expect_eq_size("sizeof(raw)", MSG_PAYLOAD_SIZE,
		       sizeof(((message *)0)->raw));
	expect_eq_size("MSG_PAYLOAD_SIZE", 56, MSG_PAYLOAD_SIZE);
	expect_eq_size("offsetof(message, notify)", 8,
		       offsetof(message, notify));
	expect_eq_size("offsetof(message, sys_fork)", 8,
		       offsetof(message, sys_fork));
}

/* The payload structs of MSG_SYS_MEMBERS, with their sizes. */
/* clang-format off */
#define SYS_PAYLOAD(type) { #type, sizeof(struct type) }
/* clang-format on */
static const struct {
	const char *name;
	size_t size;
} sys_payloads[] = {
	SYS_PAYLOAD(sys_fork_msg),     SYS_PAYLOAD(sys_exec_msg),
	SYS_PAYLOAD(sys_endpt_msg),    SYS_PAYLOAD(sys_privctl_msg),
	SYS_PAYLOAD(sys_kill_msg),     SYS_PAYLOAD(sys_getksig_msg),
	SYS_PAYLOAD(sys_vircopy_msg),  SYS_PAYLOAD(sys_irqctl_msg),
	SYS_PAYLOAD(sys_devio_msg),    SYS_PAYLOAD(sys_sdevio_msg),
	SYS_PAYLOAD(sys_setalarm_msg), SYS_PAYLOAD(sys_times_msg),
	SYS_PAYLOAD(sys_getinfo_msg),  SYS_PAYLOAD(sys_abort_msg),
	SYS_PAYLOAD(sys_safecopy_msg), SYS_PAYLOAD(sys_setgrant_msg),
	SYS_PAYLOAD(sys_vmctl_msg),    SYS_PAYLOAD(sys_sysctl_msg),
	SYS_PAYLOAD(sys_update_msg),   SYS_PAYLOAD(sys_statectl_msg),
	SYS_PAYLOAD(sys_sigsend_msg),
};

static void every_sys_payload_struct_fits_56_bytes(void)
{
	union all_sys_payloads {
		MSG_SYS_MEMBERS
	};

	for (size_t i = 0; i < UNIT_COUNT(sys_payloads); i++)
		expect_true(unit_fmt("sizeof(struct %s) = %zu <= 56",
				     sys_payloads[i].name,
				     sys_payloads[i].size),
			    sys_payloads[i].size <= 56);
	expect_true(unit_fmt("largest of MSG_SYS_MEMBERS = %zu <= 56",
			     sizeof(union all_sys_payloads)),
		    sizeof(union all_sys_payloads) <= 56);
	expect_true("sizeof(struct msg_notify) <= 56",
		    sizeof(struct msg_notify) <= 56);
}

/* Count the non-overlapping occurrences of needle in haystack. */
static int count_occurrences(const char *haystack, const char *needle)
{
	int n = 0;

	for (const char *p = strstr(haystack, needle); p;
	     p = strstr(p + strlen(needle), needle))
		n++;
	return n;
}

/* The table above must name every struct of MSG_SYS_MEMBERS once. */
static void sys_payload_table_lists_every_msg_sys_member(void)
{
	const char *members = EXPAND_STRINGIFY(MSG_SYS_MEMBERS);

	expect_eq_int("struct declarations in MSG_SYS_MEMBERS",
		      (int)UNIT_COUNT(sys_payloads),
		      count_occurrences(members, "struct "));
	for (size_t i = 0; i < UNIT_COUNT(sys_payloads); i++) {
		const char *decl = unit_fmt("struct %s ", sys_payloads[i].name);

		expect_eq_int(unit_fmt("\"%s\" in MSG_SYS_MEMBERS", decl), 1,
			      count_occurrences(members, decl));
	}
}

/*
 * In the i386 layout every 64-bit field must sit at a multiple of 8 and
 * every struct holding one must be a multiple of 8 long (explicit pads):
 * then natural 8-byte alignment adds no padding and the host, or a 64-bit
 * tool reading a dump, sees the same layout as the guest.
 */
#define CHECK_ALIGNED64(type, field) \
	expect_eq_size("offsetof(" #type ", " #field ") % 8", 0, \
		       offsetof(type, field) % 8)
#define CHECK_SIZE64(type) \
	expect_eq_size("sizeof(" #type ") % 8", 0, sizeof(type) % 8)

static void payload_64bit_fields_are_8_aligned_so_i386_matches_host(void)
{
	CHECK_ALIGNED64(struct msg_notify, timestamp);
	CHECK_ALIGNED64(struct msg_notify, sigs);
	CHECK_SIZE64(struct msg_notify);
	CHECK_ALIGNED64(struct sys_getksig_msg, sigs);
	CHECK_SIZE64(struct sys_getksig_msg);
	CHECK_ALIGNED64(struct sys_setalarm_msg, time_left);
	CHECK_SIZE64(struct sys_setalarm_msg);
	CHECK_ALIGNED64(struct sys_times_msg, uptime);
	CHECK_ALIGNED64(struct sys_times_msg, tsc);
	CHECK_SIZE64(struct sys_times_msg);
	CHECK_ALIGNED64(message, notify);
	CHECK_SIZE64(message);
	CHECK_ALIGNED64(asynmsg_t, msg);
	CHECK_SIZE64(asynmsg_t);
	CHECK_ALIGNED64(struct kinfo, boot_tsc);
	CHECK_ALIGNED64(struct kinfo, first_proc_tsc);
	CHECK_SIZE64(struct kinfo);
}

static void asynmsg_is_80_bytes_with_message_at_16(void)
{
	expect_eq_size("sizeof(asynmsg_t)", 80, sizeof(asynmsg_t));
	expect_eq_size("offsetof(asynmsg_t, flags)", 0,
		       offsetof(asynmsg_t, flags));
	expect_eq_size("offsetof(asynmsg_t, dst)", 4, offsetof(asynmsg_t, dst));
	expect_eq_size("offsetof(asynmsg_t, result)", 8,
		       offsetof(asynmsg_t, result));
	expect_eq_size("offsetof(asynmsg_t, msg)", 16,
		       offsetof(asynmsg_t, msg));
}

static void grant_entry_is_24_bytes_with_union_at_8(void)
{
	expect_eq_size("sizeof(cp_grant_t)", 24, sizeof(cp_grant_t));
	expect_eq_size("offsetof(cp_grant_t, seq)", 4,
		       offsetof(cp_grant_t, seq));
	expect_eq_size("offsetof(cp_grant_t, direct.who_to)", 8,
		       offsetof(cp_grant_t, direct.who_to));
	expect_eq_size("offsetof(cp_grant_t, indirect.who_to)", 8,
		       offsetof(cp_grant_t, indirect.who_to));
	expect_eq_size("offsetof(cp_grant_t, magic.len)", 20,
		       offsetof(cp_grant_t, magic.len));
	expect_eq_size("offsetof(cp_grant_t, indirect.grant)", 16,
		       offsetof(cp_grant_t, indirect.grant));
}

static void grant_id_round_trips_index_and_sequence(void)
{
	const int idxs[] = { 0, 1, 2, 1000, (1 << GRANT_IDX_BITS) - 1 };
	const int seqs[] = { 0, 1, 2, 1000, 0x7ff };

	for (size_t i = 0; i < UNIT_COUNT(idxs); i++) {
		for (size_t s = 0; s < UNIT_COUNT(seqs); s++) {
			cp_grant_id_t g = GRANT_ID(idxs[i], seqs[s]);

			expect_eq_int(unit_fmt("GRANT_IDX(GRANT_ID(%d, %d))",
					       idxs[i], seqs[s]),
				      idxs[i], GRANT_IDX(g));
			expect_eq_int(unit_fmt("GRANT_SEQ(GRANT_ID(%d, %d))",
					       idxs[i], seqs[s]),
				      seqs[s], GRANT_SEQ(g));
			expect_true(unit_fmt("GRANT_ID(%d, %d) = %d >= 0",
					     idxs[i], seqs[s], g),
				    g >= 0);
		}
	}
	expect_true("GRANT_INVALID < 0", GRANT_INVALID < 0);
}

/* The kernel calls of KCALL_LIST: name, number and offset. */
#define KCALL_ENTRY(name, off, fn) { #name, #fn, SYS_##name, (off) },
static const struct {
	const char *name;
	const char *handler;
	int number;
	int offset;
} kcalls[] = { KCALL_LIST(KCALL_ENTRY) };
#undef KCALL_ENTRY

static void kernel_call_numbers_lie_in_kernel_call_range(void)
{
	expect_true("NR_SYS_CALLS fits the kernel call range",
		    NR_SYS_CALLS <= 0x100);
	for (size_t i = 0; i < UNIT_COUNT(kcalls); i++) {
		int n = kcalls[i].number;

		expect_eq_int(unit_fmt("SYS_%s", kcalls[i].name),
			      KERNEL_CALL + kcalls[i].offset, n);
		expect_true(unit_fmt("SYS_%s = %#x >= KERNEL_CALL",
				     kcalls[i].name, n),
			    n >= KERNEL_CALL);
		expect_true(unit_fmt("SYS_%s = %#x < KERNEL_CALL+NR_SYS_CALLS",
				     kcalls[i].name, n),
			    n < KERNEL_CALL + NR_SYS_CALLS);
		expect_true(unit_fmt("IS_KERNEL_CALL(SYS_%s)", kcalls[i].name),
			    IS_KERNEL_CALL(n));
	}
}

static void kernel_call_numbers_and_handlers_are_unique(void)
{
	for (size_t i = 0; i < UNIT_COUNT(kcalls); i++) {
		for (size_t j = i + 1; j < UNIT_COUNT(kcalls); j++) {
			const char *a = kcalls[i].handler;
			const char *b = kcalls[j].handler;

			expect_ne_int(unit_fmt("SYS_%s vs SYS_%s",
					       kcalls[i].name, kcalls[j].name),
				      kcalls[i].number, kcalls[j].number);
			expect_ne_int(unit_fmt("handler %s vs %s", a, b), 0,
				      strcmp(a, b));
		}
	}
}

/* The message-type ranges, each with its classifier (NULL: none yet). */
static bool is_kernel_call(int t)
{
	return IS_KERNEL_CALL(t);
}

static bool is_rs_call(int t)
{
	return IS_RS_CALL(t);
}

static bool is_ds_call(int t)
{
	return IS_DS_CALL(t);
}

static bool is_vm_call(int t)
{
	return IS_VM_CALL(t);
}

static bool is_common_call(int t)
{
	return IS_COMMON_CALL(t);
}

static bool is_notify(int t)
{
	return IS_NOTIFY(t);
}

static const struct {
	const char *name;
	int base;
	int size;
	bool (*is)(int t);
} ranges[] = {
	{ "KERNEL_CALL", KERNEL_CALL, 0x100, is_kernel_call },
	{ "RS_RQ_BASE", RS_RQ_BASE, 0x100, is_rs_call },
	{ "DS_RQ_BASE", DS_RQ_BASE, 0x100, is_ds_call },
	{ "VM_RQ_BASE", VM_RQ_BASE, 0x100, is_vm_call },
	{ "COMMON_RQ_BASE", COMMON_RQ_BASE, 0x100, is_common_call },
	{ "NOTIFY_MESSAGE", NOTIFY_MESSAGE, 1, is_notify },
	{ "TEST_RQ_BASE", TEST_RQ_BASE, 0x100, NULL },
};

static void type_classifiers_accept_their_range_and_nothing_around_it(void)
{
	for (size_t r = 0; r < UNIT_COUNT(ranges); r++) {
		int lo = ranges[r].base, hi = lo + ranges[r].size - 1;

		if (!ranges[r].is)
			continue;
		expect_true(unit_fmt("%s accepts %#x", ranges[r].name, lo),
			    ranges[r].is(lo));
		expect_true(unit_fmt("%s accepts %#x", ranges[r].name, hi),
			    ranges[r].is(hi));
		expect_false(unit_fmt("%s accepts %#x", ranges[r].name, lo - 1),
			     ranges[r].is(lo - 1));
		expect_false(unit_fmt("%s accepts %#x", ranges[r].name, hi + 1),
			     ranges[r].is(hi + 1));
	}
}

/* Every type number belongs to at most one range, and to the right one. */
static void type_ranges_do_not_overlap(void)
{
	for (int t = 0; t < 0x4000; t++) {
		int owners = 0;

		for (size_t r = 0; r < UNIT_COUNT(ranges); r++) {
			bool in = t >= ranges[r].base &&
				  t < ranges[r].base + ranges[r].size;
			bool claimed = ranges[r].is && ranges[r].is(t);

			owners += in;
			if (ranges[r].is)
				expect_eq_int(unit_fmt("%s claims %#x",
						       ranges[r].name, t),
					      in, claimed);
		}
		expect_true(unit_fmt("%#x lies in %d ranges", t, owners),
			    owners <= 1);
	}
}

static void ipc_status_call_extracts_the_trap_under_flags(void)
{
	const int traps[] = { SEND, RECEIVE, SENDREC, NOTIFY, SENDNB, SENDA };

	for (size_t i = 0; i < UNIT_COUNT(traps); i++) {
		uint32_t s = (uint32_t)traps[i] | IPC_FLG_MSG_FROM_KERNEL;

		expect_eq_int(unit_fmt("IPC_STATUS_CALL(%#x)", s), traps[i],
			      IPC_STATUS_CALL(s));
		expect_eq_int(unit_fmt("is_ipc_notify(%#x)", s),
			      traps[i] == NOTIFY, is_ipc_notify(s));
	}
	expect_true("NR_IPC_TRAPS - 1 fits the 6-bit call field",
		    NR_IPC_TRAPS - 1 <= 0x3f);
}

static const struct unit_test tests[] = {
	UNIT_TEST(message_is_64_bytes_with_source_type_and_payload_offsets),
	UNIT_TEST(every_sys_payload_struct_fits_56_bytes),
	UNIT_TEST(sys_payload_table_lists_every_msg_sys_member),
	UNIT_TEST(payload_64bit_fields_are_8_aligned_so_i386_matches_host),
	UNIT_TEST(asynmsg_is_80_bytes_with_message_at_16),
	UNIT_TEST(grant_entry_is_24_bytes_with_union_at_8),
	UNIT_TEST(grant_id_round_trips_index_and_sequence),
	UNIT_TEST(kernel_call_numbers_lie_in_kernel_call_range),
	UNIT_TEST(kernel_call_numbers_and_handlers_are_unique),
	UNIT_TEST(type_classifiers_accept_their_range_and_nothing_around_it),
	UNIT_TEST(type_ranges_do_not_overlap),
	UNIT_TEST(ipc_status_call_extracts_the_trap_under_flags),
};

int main(void)
{
	return unit_run(tests, UNIT_COUNT(tests));
}
