// SPDX-License-Identifier: BSD-2-Clause
/*
 * Data Store tests, through the libsys client.  ktest is the root, so DS
 * gave it the label "ktest" at init and it may publish labels for its
 * children; a child with a label is a second owner for the ownership
 * rules.  Each test deletes what it published: DS outlives the tests.
 */
#include "ktest.h"
#include <ds.h>

#define CHILD_LABEL "tchild"

/* Name a child in DS, as RS would for a service it starts. */
static endpoint_t labelled_child(child_fn fn, uint32_t arg)
{
	struct spawn_opts o = sys_opts(NULL, true);
	endpoint_t e = NONE;

	expect_eq(OK, spawn(fn, arg, &o, &e));
	expect_eq(OK, ds_publish_label(CHILD_LABEL, e, 0));
	expect_eq(OK, sys_privctl(e, SYS_PRIV_ALLOW, 0));
	return e;
}

static void ds_u32_publish_retrieve_overwrite_delete(void)
{
	uint32_t v = 0;

	expect_eq(OK, ds_publish_u32("test.u32", 1234, 0));
	expect_eq(OK, ds_retrieve_u32("test.u32", &v));
	expect_eq(1234, v);
	expect_eq(-EEXIST, ds_publish_u32("test.u32", 1, 0));
	expect_eq(OK, ds_publish_u32("test.u32", 4321, DSF_OVERWRITE));
	expect_eq(OK, ds_retrieve_u32("test.u32", &v));
	expect_eq(4321, v);
	expect_eq(OK, ds_delete_u32("test.u32"));
	expect_eq(-ESRCH, ds_retrieve_u32("test.u32", &v));
	expect_eq(-ESRCH, ds_delete_u32("test.u32"));
}

static void ds_string_comes_back_whole_or_cut_to_the_buffer(void)
{
	char buf[16];

	expect_eq(OK, ds_publish_str("test.str", "little", 0));
	expect_eq(OK, ds_retrieve_str("test.str", buf, sizeof(buf)));
	expect_eq(0, strcmp("little", buf));
	expect_eq(OK, ds_delete_str("test.str"));
	expect_eq(OK, ds_publish_str("test.str", "twenty characters!!!", 0));
	expect_eq(OK, ds_retrieve_str("test.str", buf, sizeof(buf)));
	expect_eq(0, strcmp("twenty characte", buf));
	expect_eq(OK, ds_delete_str("test.str"));
}

static void ds_memory_value_reports_the_length_copied(void)
{
	uint8_t in[35], out[100];
	size_t len;

	for (size_t i = 0; i < sizeof(in); i++)
		in[i] = (uint8_t)(i * 7);
	expect_eq(OK, ds_publish_mem("test.mem", in, 21, 0));
	len = sizeof(out);
	expect_eq(OK, ds_retrieve_mem("test.mem", out, &len));
	expect_eq(21, len);
	expect_eq(0, memcmp(in, out, 21));
	len = 8;
	expect_eq(OK, ds_retrieve_mem("test.mem", out, &len));
	expect_eq(8, len);
	expect_eq(OK, ds_publish_mem("test.mem", in, 35, DSF_OVERWRITE));
	len = sizeof(out);
	expect_eq(OK, ds_retrieve_mem("test.mem", out, &len));
	expect_eq(35, len);
	expect_eq(-E2BIG, ds_publish_mem("test.big", out, DS_MAX_VALUE + 1, 0));
	expect_eq(OK, ds_delete_mem("test.mem"));
}

/* Values up to DS_MAX_VALUE live in DS's pool; overwrite frees the old. */
static void ds_large_memory_value_round_trips_and_is_replaced(void)
{
	static uint8_t in[40 * 1024], out[40 * 1024];
	size_t len;

	for (size_t i = 0; i < sizeof(in); i++)
		in[i] = (uint8_t)(i * 13 + (i >> 8));
	expect_eq(OK, ds_publish_mem("test.large", in, sizeof(in), 0));
	len = sizeof(out);
	expect_eq(OK, ds_retrieve_mem("test.large", out, &len));
	expect_eq(sizeof(in), len);
	expect_eq(0, memcmp(in, out, sizeof(in)));
	for (int round = 0; round < 20; round++) /* would exhaust a leak */
		expect_eq(OK, ds_publish_mem("test.large", in + round,
					     sizeof(in) - 20, DSF_OVERWRITE));
	len = sizeof(out);
	expect_eq(OK, ds_retrieve_mem("test.large", out, &len));
	expect_eq(sizeof(in) - 20, len);
	expect_eq(0, memcmp(in + 19, out, len));
	expect_eq(OK, ds_delete_mem("test.large"));
}

static void ds_labels_map_boot_services_both_ways(void)
{
	endpoint_t e = NONE;
	char name[DS_MAX_KEYLEN];

	expect_eq(OK, ds_retrieve_label_endpt("kecho", &e));
	expect_eq(1, e);
	expect_eq(OK, ds_retrieve_label_name(name, sizeof(name), ktest_ep));
	expect_eq(0, strcmp("ktest", name));
	expect_eq(OK, ds_retrieve_label_endpt("ds", &e));
	expect_eq(ds_endpoint(), e);
	expect_eq(-ESRCH, ds_retrieve_label_endpt("nobody", &e));
	expect_eq(-ESRCH, ds_retrieve_label_name(name, sizeof(name), NONE));
}

static int try_label_publish_and_own_data(uint32_t unused)
{
	(void)unused;
	child_values[0] = ds_publish_label("impostor", sys_self(), 0);
	child_values[1] = ds_publish_u32(CHILD_LABEL ".val", 7, 0);
	child_values[2] = ds_publish_u32("test.private", 8, DSF_OVERWRITE);
	uint32_t v;
	child_values[3] = ds_retrieve_u32("test.private", &v);
	child_values[4] = ds_delete_u32("test.private");
	child_values[5] = ds_delete_label("kecho");
	return OK;
}

static void ds_ownership_rules_hold_for_other_labels(void)
{
	int result = -1;
	uint32_t v = 0;

	expect_eq(OK, ds_publish_u32("test.private", 1,
				     DSF_PRIV_RETRIEVE | DSF_PRIV_OVERWRITE));
	endpoint_t e = labelled_child(try_label_publish_and_own_data, 0);
	expect_eq(OK, child_wait(e, &result));
	int32_t got[6];
	expect_eq(OK, sys_vircopy(e, (vir_bytes)child_values, SELF,
				  (vir_bytes)got, sizeof(got)));
	expect_eq(-EPERM, got[0]); /* only the root publishes labels */
	expect_eq(OK, got[1]);	   /* its own data is fine */
	expect_eq(-EPERM, got[2]); /* not its entry to overwrite */
	expect_eq(-EPERM, got[3]); /* nor to read */
	expect_eq(-EPERM, got[4]); /* nor to delete */
	expect_eq(-EPERM, got[5]); /* nor someone's label */
	expect_eq(OK, ds_retrieve_u32(CHILD_LABEL ".val", &v));
	expect_eq(7, v);
	/* Deleting the label takes the label's data with it. */
	expect_eq(OK, ds_delete_label(CHILD_LABEL));
	expect_eq(-ESRCH, ds_retrieve_u32(CHILD_LABEL ".val", &v));
	expect_eq(OK, ds_delete_u32("test.private"));
}

static int publish_without_label(uint32_t unused)
{
	(void)unused;
	return ds_publish_u32("test.anon", 1, 0);
}

static void ds_caller_without_label_may_not_publish(void)
{
	endpoint_t e;
	int result = 0;

	expect_eq(OK, spawn_sys(publish_without_label, 0, &e));
	expect_eq(OK, child_wait(e, &result));
	expect_eq(-EPERM, result);
}

static void expect_ds_notify(void)
{
	message m;
	uint32_t status;

	expect_eq(OK, ktest_receive(ds_endpoint(), &m, &status, WAIT_TICKS));
	expect_true(is_ipc_notify(status));
}

static void ds_subscription_reports_changes_until_enoent(void)
{
	char key[DS_MAX_KEYLEN];
	int type = 0;
	endpoint_t owner = NONE;

	expect_eq(OK, ds_subscribe("sub\\.test\\..*", DSF_OVERWRITE));
	expect_eq(OK, ds_publish_u32("sub.test.a", 5, 0));
	expect_ds_notify();
	expect_eq(OK, ds_check(key, sizeof(key), &type, &owner));
	expect_eq(0, strcmp("sub.test.a", key));
	expect_eq(DSF_TYPE_U32, type);
	expect_eq(ktest_ep, owner);
	expect_eq(-ENOENT, ds_check(key, sizeof(key), &type, &owner));
	expect_eq(OK, ds_publish_u32("other.key", 5, 0)); /* no match */
	expect_eq(-ENOENT, ds_check(key, sizeof(key), &type, &owner));
	expect_eq(OK, ds_delete_u32("sub.test.a"));
	expect_ds_notify();
	expect_eq(-ENOENT, ds_check(key, sizeof(key), &type, &owner));
	expect_eq(OK, ds_delete_u32("other.key"));
}

static void ds_initial_subscription_reports_existing_entries(void)
{
	char key[DS_MAX_KEYLEN];
	int type = 0;
	endpoint_t owner = NONE;

	expect_eq(OK, ds_publish_str("init.test.s", "x", 0));
	expect_eq(OK, ds_subscribe("init\\.test\\..*",
				   DSF_OVERWRITE | DSF_INITIAL));
	expect_ds_notify();
	expect_eq(OK, ds_check(key, sizeof(key), &type, &owner));
	expect_eq(0, strcmp("init.test.s", key));
	expect_eq(DSF_TYPE_STR, type);
	expect_eq(-EEXIST, ds_subscribe("x", 0)); /* one per owner */
	expect_eq(-EINVAL, ds_subscribe("*bad", DSF_OVERWRITE));
	expect_eq(OK, ds_delete_str("init.test.s"));
}

static void ds_ignores_notifications_and_refuses_unknown_requests(void)
{
	message m = { .m_type = DS_RQ_BASE + 9 };
	uint32_t v = 0;

	expect_eq(OK, ipc_notify(ds_endpoint()));
	expect_eq(OK, ipc_sendrec(ds_endpoint(), &m));
	expect_eq(-EBADREQUEST, m.m_type);
	m = (message){ .m_type = DS_RETRIEVE };
	m.ds.flags = DSF_TYPE_U32;
	m.ds.key_len = DS_MAX_KEYLEN + 1;
	expect_eq(OK, ipc_sendrec(ds_endpoint(), &m));
	expect_eq(-EINVAL, m.m_type);
	m.m_type = DS_RETRIEVE;
	m.ds.flags = DSF_TYPE_U32 | DSF_TYPE_STR; /* two types */
	m.ds.key_len = 4;
	expect_eq(OK, ipc_sendrec(ds_endpoint(), &m));
	expect_eq(-EINVAL, m.m_type);
	expect_eq(-ESRCH, ds_retrieve_u32("still.answers", &v));
}

const struct test_case ds_tests[] = {
	{ "ds_u32_publish_retrieve_overwrite_delete",
	  ds_u32_publish_retrieve_overwrite_delete },
	{ "ds_string_comes_back_whole_or_cut_to_the_buffer",
	  ds_string_comes_back_whole_or_cut_to_the_buffer },
	{ "ds_memory_value_reports_the_length_copied",
	  ds_memory_value_reports_the_length_copied },
	{ "ds_large_memory_value_round_trips_and_is_replaced",
	  ds_large_memory_value_round_trips_and_is_replaced },
	{ "ds_labels_map_boot_services_both_ways",
	  ds_labels_map_boot_services_both_ways },
	{ "ds_ownership_rules_hold_for_other_labels",
	  ds_ownership_rules_hold_for_other_labels },
	{ "ds_caller_without_label_may_not_publish",
	  ds_caller_without_label_may_not_publish },
	{ "ds_subscription_reports_changes_until_enoent",
	  ds_subscription_reports_changes_until_enoent },
	{ "ds_initial_subscription_reports_existing_entries",
	  ds_initial_subscription_reports_existing_entries },
	{ "ds_ignores_notifications_and_refuses_unknown_requests",
	  ds_ignores_notifications_and_refuses_unknown_requests },
	{ NULL, NULL },
};
