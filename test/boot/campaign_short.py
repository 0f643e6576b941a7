# SPDX-License-Identifier: BSD-2-Clause
"""Boot scenario: a short fault-injection campaign, run twice.

tools/campaign.py boots the system under icount with the campaign driver
(test/guest/campaign) in /etc/rc: FAULTS faults of every kind, seeded,
into all nine targets while the workload runs.  The campaign must end
with every fault recovered, no kernel panic, no hang, no byte lost and a
clean e2fsck; and a second run of the same seed, on the same disk as
the first found it, must give the same log line for line.
"""
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../tools"))
import campaign  # noqa: E402

NAME = "campaign_short"
IMAGE = "system"
APPEND = ""
TIMEOUT = 600
DISK_COPY = True
SEED = 20261122
FAULTS = 540  # 60 per target on average
TARGETS = campaign.ALL_TARGETS


def steps(boot, timeout, disk):
    pristine = disk + ".pristine"
    shutil.copy(disk, pristine)
    logs = []
    results = []
    for n in (1, 2):
        shutil.copy(pristine, disk)
        lines, ok, text = campaign.run(boot(), disk, SEED, FAULTS, TARGETS,
                                       timeout)
        logs.append(lines)
        print(f"   {lines[-1]}")
        if n == 1:
            why = None if ok else (lines[-1] + "\n" +
                                   "\n".join(text.splitlines()[-20:]))
            results.append((f"campaign_{FAULTS}_faults_all_recovered_clean",
                            why))
    same = logs[0] == logs[1]
    diff = next((f"line {i + 1}: {a!r} vs {b!r}"
                 for i, (a, b) in enumerate(zip(*logs)) if a != b),
                f"{len(logs[0])} vs {len(logs[1])} lines")
    results.append(("campaign_same_seed_gives_the_same_log",
                    None if same else diff))
    return results
