// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests of the service command's system.conf parser
 * (commands/service/sysconf.c): every key, ALL/NONE/BASIC, io ranges and
 * irq lists, errors with their line numbers, and the shipped
 * boot/rootfs/etc/system.conf and system.conf.d/hello, whose privileges
 * must be those of RS's boot table (servers/rs/table.c).
 */
// UNIT_SOURCES: commands/service/sysconf.c
#include <stdlib.h>

#include <axo/msg_vm.h>

#include "unit.h"
#include "../../commands/service/svc.h"

static struct rs_start rs;
static char err[SVC_ERR_LEN];

#define VM_BIT(call) (1u << ((call)-VM_RQ_BASE))
#define VM_BASIC \
	(VM_BIT(VM_BRK) | VM_BIT(VM_MMAP) | VM_BIT(VM_MUNMAP) | \
	 VM_BIT(VM_INFO) | VM_BIT(VM_BOOT_FILE))

/* Parse text for progname "t" (file name "f") into a zeroed rs. */
static int parse_t(const char *text)
{
	memset(&rs, 0, sizeof(rs));
	err[0] = '\0';
	return sysconf_parse(text, "f", "t", &rs, err, sizeof(err));
}

/* The kernel-call mask of the 0-terminated call list. */
static void mask_of(const int *calls, uint32_t mask[KCALL_MASK_WORDS])
{
	memset(mask, 0, sizeof(uint32_t) * KCALL_MASK_WORDS);
	for (; *calls != 0; calls++)
		priv_mask_set(mask, *calls - KERNEL_CALL);
}

static void expect_calls(const char *what, const int *calls)
{
	uint32_t mask[KCALL_MASK_WORDS];

	mask_of(calls, mask);
	for (int w = 0; w < KCALL_MASK_WORDS; w++)
		expect_eq_u32(unit_fmt("%s k_calls[%d]", what, w), mask[w],
			      rs.k_calls[w]);
}

static void empty_entry_gets_the_defaults(void)
{
	static const int none[] = { 0 };

	expect_eq_int("result", 0, parse_t("service t { };"));
	expect_eq_u32("uid", 0, rs.uid);
	expect_str_eq("ipc", "ALL_SYS", rs.ipc);
	expect_eq_u32("flags", RSS_SYS_BASIC_CALLS, rs.flags);
	expect_eq_u32("vm", VM_BASIC, rs.vm_calls);
	expect_eq_int("nr_irq", 0, rs.nr_irq);
	expect_eq_int("nr_io", 0, rs.nr_io);
	expect_calls("no calls", none);
}

static void every_key_sets_its_field(void)
{
	static const int calls[] = { SYS_IRQCTL, SYS_DEVIO, SYS_STATECTL, 0 };
	const char *text = "# a comment\n"
			   "service other { uid 5; };\n"
			   "service t {\n"
			   "  uid 7;        # trailing comment\n"
			   "  ipc SYSTEM USER rs ds\n"
			   "      vfs;\n"
			   "  system IRQCTL DEVIO STATECTL;\n"
			   "  vm FORK UPDATE;\n"
			   "  io 3f8:8 1f0 0x60:4;\n"
			   "  irq 4 14;\n"
			   "  sigmgr rs; scheduler KERNEL; priority 4;\n"
			   "  quantum 500; cpu 0; control rs;\n"
			   "  descr \"a test { service; }\"; type net;\n"
			   "};\n";

	expect_eq_int("result", 0, parse_t(text));
	expect_str_eq("err", "", err);
	expect_eq_u32("uid", 7, rs.uid);
	expect_str_eq("ipc", "SYSTEM USER rs ds vfs", rs.ipc);
	expect_calls("system", calls);
	expect_eq_u32("flags", RSS_SYS_BASIC_CALLS, rs.flags);
	expect_eq_u32("vm", VM_BASIC | VM_BIT(VM_FORK) | VM_BIT(VM_UPDATE),
		      rs.vm_calls);
	expect_eq_int("nr_io", 3, rs.nr_io);
	expect_eq_u32("io0 base", 0x3f8, rs.io[0].base);
	expect_eq_u32("io0 limit", 0x3ff, rs.io[0].limit);
	expect_eq_u32("io1 base", 0x1f0, rs.io[1].base);
	expect_eq_u32("io1 limit", 0x1f0, rs.io[1].limit);
	expect_eq_u32("io2 base", 0x60, rs.io[2].base);
	expect_eq_u32("io2 limit", 0x63, rs.io[2].limit);
	expect_eq_int("nr_irq", 2, rs.nr_irq);
	expect_eq_int("irq0", 4, rs.irq[0]);
	expect_eq_int("irq1", 14, rs.irq[1]);
}

static void system_all_none_basic(void)
{
	expect_eq_int("ALL", 0, parse_t("service t { system ALL; };"));
	expect_true("ALL has PRIVCTL",
		    priv_mask_test(rs.k_calls, SYS_PRIVCTL - KERNEL_CALL));
	expect_true("ALL has STATECTL",
		    priv_mask_test(rs.k_calls, SYS_STATECTL - KERNEL_CALL));
	expect_false("ALL has no unused call 3", priv_mask_test(rs.k_calls, 3));
	expect_eq_u32("ALL flags", RSS_SYS_BASIC_CALLS, rs.flags);
	expect_eq_int("NONE", 0, parse_t("service t { system NONE; };"));
	expect_eq_u32("NONE k_calls[0]", 0, rs.k_calls[0]);
	expect_eq_u32("NONE flags", 0, rs.flags);
	expect_eq_int("BASIC", 0, parse_t("service t { system BASIC; };"));
	expect_eq_u32("BASIC k_calls[0]", 0, rs.k_calls[0]);
	expect_eq_u32("BASIC flags", RSS_SYS_BASIC_CALLS, rs.flags);
}

static void vm_all_none_basic(void)
{
	expect_eq_int("ALL", 0, parse_t("service t { vm ALL; };"));
	expect_eq_u32("ALL", (1u << VM_NR_CALLS) - 1, rs.vm_calls);
	expect_eq_int("NONE", 0, parse_t("service t { vm NONE; };"));
	expect_eq_u32("NONE", 0, rs.vm_calls);
	expect_eq_int("BASIC", 0, parse_t("service t { vm BASIC; };"));
	expect_eq_u32("BASIC", VM_BASIC, rs.vm_calls);
	expect_eq_int("EXEC_FILE", 0, parse_t("service t { vm EXEC_FILE; };"));
	expect_eq_u32("EXEC_FILE", VM_BASIC | VM_BIT(VM_EXEC_FILE),
		      rs.vm_calls);
}

static void io_and_irq_all_set_their_flags(void)
{
	expect_eq_int("ALL", 0, parse_t("service t { io ALL; irq ALL; };"));
	expect_eq_u32("flags", RSS_SYS_BASIC_CALLS | RSS_IO_ALL | RSS_IRQ_ALL,
		      rs.flags);
	expect_eq_int("NONE", 0, parse_t("service t { io NONE; irq NONE; };"));
	expect_eq_u32("NONE flags", RSS_SYS_BASIC_CALLS, rs.flags);
	expect_eq_int("NONE nr_io", 0, rs.nr_io);
}

static void ipc_all_and_all_sys(void)
{
	expect_eq_int("ALL", 0, parse_t("service t { ipc ALL; };"));
	expect_str_eq("ALL", "ALL", rs.ipc);
	expect_eq_int("ALL_SYS", 0, parse_t("service t { ipc ALL_SYS; };"));
	expect_str_eq("ALL_SYS", "ALL_SYS", rs.ipc);
}

/* An error case: the text, and the message it must give. */
struct bad_case {
	const char *text;
	const char *message;
};

static void errors_name_file_and_line(void)
{
	static const struct bad_case cases[] = {
		{ "service t {\n colour red;\n};",
		  "f:2: unknown key 'colour'" },
		{ "service t {\n uid 0\n ipc ALL;\n};",
		  "f:3: missing ';' before ipc" },
		{ "service t {\n uid 0\n};", "f:3: missing ';' after uid" },
		{ "service t {\n uid 0;\n}\n", "f:4: missing ';' after '}'" },
		{ "service t {\n system FOO;\n};",
		  "f:2: system: unknown kernel call 'FOO'" },
		{ "service t {\n system SYS_KILL;\n};",
		  "f:2: system: unknown kernel call 'SYS_KILL'" },
		{ "service t {\n vm RS_SET_PRIV;\n};",
		  "f:2: vm: unknown VM call 'RS_SET_PRIV'" },
		{ "service t {\n irq 1 2 3\n 4 5;\n};",
		  "f:2: irq: more than 4 lines" },
		{ "service t {\n irq 16;\n};", "f:2: irq: '16' is not 0..15" },
		{ "service t {\n io 1 2 3 4 5 6 7 8 9;\n};",
		  "f:2: io: more than 8 ranges" },
		{ "service t {\n io zz;\n};",
		  "f:2: io: 'zz' is not hex base[:len] within 0..ffff" },
		{ "service t {\n io ffff:2;\n};",
		  "f:2: io: 'ffff:2' is not hex base[:len] within 0..ffff" },
		{ "service t {\n io 60:0;\n};",
		  "f:2: io: '60:0' is not hex base[:len] within 0..ffff" },
		{ "service t {\n uid root;\n};", "f:2: uid: want one number" },
		{ "service t {\n ipc ALL rs;\n};",
		  "f:2: ipc: ALL must stand alone" },
		{ "service t {\n ipc rs \"x y\";\n};",
		  "f:2: ipc: 'x y' is not a label" },
		{ "service t {\n descr \"open\n};",
		  "f:2: unterminated string" },
		{ "\n\nservice t {\n uid 0;", "f:4: expected a key or '}', got "
					      "the end" },
		{ "servce t { };", "f:1: expected 'service', got 'servce'" },
		{ "service t uid 0; };", "f:1: expected '{' after service t" },
		{ "service t { };\nservice t { };",
		  "f:2: service t given twice (first on line 1)" },
		{ "service other {\n bogus;\n};\nservice t { };",
		  "f:2: unknown key 'bogus'" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		expect_eq_int(unit_fmt("case %zu result", i), SYSCONF_ERR,
			      parse_t(cases[i].text));
		expect_str_eq(unit_fmt("case %zu message", i), cases[i].message,
			      err);
	}
}

static void ipc_list_too_long_is_refused(void)
{
	static char text[1024];
	size_t n = (size_t)snprintf(text, sizeof(text), "service t { ipc");

	for (int i = 0; i < 30; i++) /* 30 * 10 > RS_IPC_LEN */
		n += (size_t)snprintf(text + n, sizeof(text) - n, " label%04d",
				      i);
	snprintf(text + n, sizeof(text) - n, "; };");
	expect_eq_int("result", SYSCONF_ERR, parse_t(text));
	expect_true("message", strstr(err, "ipc: list longer than") != NULL);
}

static void missing_entry_and_errors_change_nothing(void)
{
	memset(&rs, 0x5a, sizeof(rs));
	expect_eq_int("no entry", SYSCONF_NOENTRY,
		      sysconf_parse("service x { };", "f", "t", &rs, err,
				    sizeof(err)));
	expect_str_eq("message", "f: no entry for service t", err);
	expect_eq_u32("uid untouched", 0x5a5a5a5a, rs.uid);
	expect_eq_int("error", SYSCONF_ERR,
		      sysconf_parse("service t { uid 3; irq 99; };", "f", "t",
				    &rs, err, sizeof(err)));
	expect_eq_u32("uid untouched after error", 0x5a5a5a5a, rs.uid);
}

static void non_privilege_fields_are_kept(void)
{
	memset(&rs, 0, sizeof(rs));
	strcpy(rs.label, "keep");
	rs.flags = RSS_NOBLOCK | RSS_IO_ALL;
	rs.major = 17;
	expect_eq_int("result", 0,
		      sysconf_parse("service t { irq 3; };", "f", "t", &rs, err,
				    sizeof(err)));
	expect_str_eq("label", "keep", rs.label);
	expect_eq_int("major", 17, rs.major);
	expect_eq_u32("flags: command's kept, IO_ALL from the file",
		      RSS_NOBLOCK | RSS_SYS_BASIC_CALLS, rs.flags);
}

/* ---- the shipped files ---- */

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	static char buf[65536];
	size_t n;

	if (f == NULL)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* The calls of servers/rs/table.c, by its names. */
#define BASE \
	SYS_GETINFO, SYS_SYSCTL, SYS_SETGRANT, SYS_SAFECOPYFROM, \
		SYS_SAFECOPYTO, SYS_TIMES, SYS_SETALARM
#define DRIVER SYS_IRQCTL, SYS_DEVIO, SYS_SDEVIO, SYS_STATECTL
static const int base_calls[] = { BASE, 0 };
static const int vfs_calls[] = { BASE, SYS_VIRCOPY, 0 };
static const int driver_calls[] = { BASE, DRIVER, 0 };
static const int vm_calls[] = { BASE,	  SYS_VMCTL, SYS_VIRCOPY,
				SYS_FORK, SYS_CLEAR, SYS_KILL,
				0 };
static const int pm_calls[] = { BASE,	     SYS_EXEC,	    SYS_CLEAR,
				SYS_KILL,    SYS_GETKSIG,   SYS_ENDKSIG,
				SYS_SIGSEND, SYS_SIGRETURN, SYS_VIRCOPY,
				SYS_PRIVCTL, SYS_ABORT,	    0 };

/* What each shipped entry must give. */
static const struct shipped {
	const char *name;
	const int *calls; /* NULL: ALL */
	const char *ipc;
	int nr_io;
	struct io_range io[2];
	int irq; /* -1: none */
} shipped[] = {
	{ "rs", NULL, "ALL", 0, { { 0, 0 } }, -1 },
	{ "ds",
	  base_calls,
	  "SYSTEM rs pm vfs ext2 memory hello tty ata",
	  0,
	  { { 0, 0 } },
	  -1 },
	{ "vm", vm_calls, "SYSTEM USER rs pm vfs", 0, { { 0, 0 } }, -1 },
	{ "pm", pm_calls, "SYSTEM USER rs vm ds vfs tty", 0, { { 0, 0 } }, -1 },
	{ "vfs",
	  vfs_calls,
	  "SYSTEM USER rs pm vm ds ext2 memory tty hello ata",
	  0,
	  { { 0, 0 } },
	  -1 },
	{ "ext2", base_calls, "SYSTEM rs ds ata vfs", 0, { { 0, 0 } }, -1 },
	{ "memory", driver_calls, "SYSTEM rs ds vfs", 0, { { 0, 0 } }, -1 },
	{ "tty",
	  driver_calls,
	  "SYSTEM rs ds pm vfs",
	  1,
	  { { 0x3f8, 0x3ff } },
	  4 },
	{ "ata",
	  driver_calls,
	  "SYSTEM rs ds vfs ext2",
	  2,
	  { { 0x1f0, 0x1f7 }, { 0x3f6, 0x3f6 } },
	  14 },
	{ "hello", driver_calls, "SYSTEM rs ds vfs", 0, { { 0, 0 } }, -1 },
};

/* Check rs against the expectations for one shipped entry. */
static void expect_shipped(const char *file, const struct shipped *s)
{
	const char *n = s->name;

	if (s->calls != NULL)
		expect_calls(unit_fmt("%s %s", file, n), s->calls);
	expect_str_eq(unit_fmt("%s ipc", n), s->ipc, rs.ipc);
	expect_eq_u32(unit_fmt("%s uid", n), 0, rs.uid);
	expect_eq_int(unit_fmt("%s nr_io", n), s->nr_io, rs.nr_io);
	for (int i = 0; i < s->nr_io && i < 2; i++) {
		expect_eq_u32(unit_fmt("%s io%d base", n, i), s->io[i].base,
			      rs.io[i].base);
		expect_eq_u32(unit_fmt("%s io%d limit", n, i), s->io[i].limit,
			      rs.io[i].limit);
	}
	expect_eq_int(unit_fmt("%s nr_irq", n), s->irq >= 0, rs.nr_irq);
	if (s->irq >= 0)
		expect_eq_int(unit_fmt("%s irq", n), s->irq, rs.irq[0]);
	expect_eq_u32(unit_fmt("%s flags", n), RSS_SYS_BASIC_CALLS, rs.flags);
}

static void shipped_system_conf_matches_the_boot_table(void)
{
	const char *path = "boot/rootfs/etc/system.conf";
	const char *text = slurp(path);

	if (!expect_true("system.conf readable", text != NULL))
		return;
	for (size_t i = 0; i < sizeof(shipped) / sizeof(shipped[0]); i++) {
		memset(&rs, 0, sizeof(rs));
		int r = sysconf_parse(text, path, shipped[i].name, &rs, err,
				      sizeof(err));
		expect_eq_int(unit_fmt("%s parses (%s)", shipped[i].name, err),
			      0, r);
		expect_shipped("system.conf", &shipped[i]);
	}
	memset(&rs, 0, sizeof(rs));
	sysconf_parse(text, path, "rs", &rs, err, sizeof(err));
	expect_eq_u32("rs vm",
		      VM_BASIC | VM_BIT(VM_EXEC) | VM_BIT(VM_UPDATE) |
			      VM_BIT(VM_EXEC_FILE),
		      rs.vm_calls);
	expect_true("rs has every call",
		    priv_mask_test(rs.k_calls, SYS_UPDATE - KERNEL_CALL));
}

static void shipped_hello_drop_in_matches_system_conf(void)
{
	const char *path = "boot/rootfs/etc/system.conf.d/hello";
	const char *text = slurp(path);

	if (!expect_true("system.conf.d/hello readable", text != NULL))
		return;
	memset(&rs, 0, sizeof(rs));
	expect_eq_int(unit_fmt("parses (%s)", err), 0,
		      sysconf_parse(text, path, "hello", &rs, err,
				    sizeof(err)));
	expect_shipped("system.conf.d/hello",
		       &shipped[sizeof(shipped) / sizeof(shipped[0]) - 1]);
	expect_eq_u32("hello vm", VM_BASIC, rs.vm_calls);
}

int main(void)
{
	static const struct unit_test tests[] = {
		UNIT_TEST(empty_entry_gets_the_defaults),
		UNIT_TEST(every_key_sets_its_field),
		UNIT_TEST(system_all_none_basic),
		UNIT_TEST(vm_all_none_basic),
		UNIT_TEST(io_and_irq_all_set_their_flags),
		UNIT_TEST(ipc_all_and_all_sys),
		UNIT_TEST(errors_name_file_and_line),
		UNIT_TEST(ipc_list_too_long_is_refused),
		UNIT_TEST(missing_entry_and_errors_change_nothing),
		UNIT_TEST(non_privilege_fields_are_kept),
		UNIT_TEST(shipped_system_conf_matches_the_boot_table),
		UNIT_TEST(shipped_hello_drop_in_matches_system_conf),
	};
	return unit_run(tests, UNIT_COUNT(tests));
}
