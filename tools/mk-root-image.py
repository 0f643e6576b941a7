#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Build the root file system image: ext2 revision 1, 1 KiB blocks, made
by the host's mke2fs -d from a staging tree, then device nodes added with
debugfs (making them in the staging tree would need the host's mknod).

The tree:
  /bin       every program of commands/ (sh and the tools)
  /service   the drivers and servers RS may start from files
  /etc       boot/rootfs/etc (rc, motd, ...)
  /test      the guest test programs of DISK_TESTS (test/guest/NAME),
             run from the shell by boot scenarios (test/boot/system_fs.py)
  /dev       the device nodes below, majors from include/axo/dmap.h
  /tmp /home /mnt /root   empty directories

usage: mk-root-image.py OUTPUT BIN_DIR [SIZE_MIB]
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVICES = ["hello", "memory", "tty", "ata", "ext2"]
STRIP = os.environ.get("STRIP", "i686-linux-gnu-strip")
# The suites of test/guest/ that run on the booted system from the disk.
DISK_TESTS = ["fstest", "spinner", "helloread", "copyloop", "scriptloop",
              "campaign", "fuzz", "fuzzsrv", "permtest"]
DIRS = ["bin", "service", "etc", "dev", "tmp", "home", "mnt", "root", "test"]
EXEC_DIRS = ("bin", "service", "test")  # their files are programs


def majors():
    """The device majors of include/axo/dmap.h, by name."""
    text = open(os.path.join(ROOT, "include/axo/dmap.h")).read()
    return {m.group(1): int(m.group(2)) for m in
            re.finditer(r"#define (\w+)_MAJOR\s+(\d+)", text)}


def device_nodes():
    """(path, kind, major, minor, mode) of every node in /dev."""
    mj = majors()
    mem, tty = mj["MEMORY"], mj["TTY"]
    return [
        ("null", "c", mem, 0, 0o666), ("zero", "c", mem, 1, 0o666),
        ("ram", "c", mem, 2, 0o600), ("full", "c", mem, 3, 0o666),
        ("c0d0", "b", mj["ATA"], 0, 0o600),
        ("console", "c", tty, 0, 0o620), ("tty", "c", tty, 0, 0o666),
        ("tty00", "c", tty, 0, 0o620),
        ("hello", "c", mj["HELLO"], 0, 0o444),
    ]


def commands():
    """The program names of commands/*/prog.mk."""
    names = []
    for mk in sorted(glob.glob(os.path.join(ROOT, "commands/*/prog.mk"))):
        m = re.search(r"^PROG\s*:=\s*(\S+)", open(mk).read(), re.M)
        if m:
            names.append(m.group(1))
    return names


def stage(tree, bin_dir):
    """Fill the staging directory tree."""
    for d in DIRS:
        os.makedirs(os.path.join(tree, d), exist_ok=True)
    os.chmod(os.path.join(tree, "tmp"), 0o1777)
    for name in commands():
        shutil.copy(os.path.join(bin_dir, name), os.path.join(tree, "bin"))
    for name in SERVICES:
        src = os.path.join(bin_dir, name)
        if os.path.exists(src):
            shutil.copy(src, os.path.join(tree, "service"))
    for name in DISK_TESTS:
        shutil.copy(os.path.join(bin_dir, name), os.path.join(tree, "test"))
    etc = os.path.join(ROOT, "boot/rootfs/etc")
    shutil.copytree(etc, os.path.join(tree, "etc"), dirs_exist_ok=True)
    for path, _, files in os.walk(tree):
        for f in files:
            p = os.path.join(path, f)
            top = os.path.relpath(p, tree).split(os.sep)[0]
            executable = top in EXEC_DIRS or p.endswith("/rc")
            os.chmod(p, 0o755 if executable else 0o644)
            if executable and not p.endswith("/rc"):
                subprocess.run([STRIP, p], check=True)  # exec reads it all


def add_nodes(image, tmp):
    """Add /dev's nodes with debugfs."""
    script = ["cd /dev"]
    for name, kind, major, minor, mode in device_nodes():
        ftype = 0o020000 if kind == "c" else 0o060000
        script.append(f"mknod {name} {kind} {major} {minor}")
        script.append(f"sif {name} mode 0{ftype | mode:o}")
    cmds = os.path.join(tmp, "debugfs.cmds")
    with open(cmds, "w") as f:
        f.write("\n".join(script) + "\n")
    subprocess.run(["debugfs", "-w", "-f", cmds, image], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__.strip().splitlines()[-1])
    out, bin_dir = sys.argv[1], sys.argv[2]
    size = int(sys.argv[3]) if len(sys.argv) == 4 else 32
    with tempfile.TemporaryDirectory() as tmp:
        tree = os.path.join(tmp, "root")
        stage(tree, bin_dir)
        image = out + ".tmp"
        subprocess.run(["mke2fs", "-q", "-F", "-t", "ext2", "-b", "1024",
                        "-I", "128", "-L", "axolotl", "-E", "root_owner=0:0",
                        "-d", tree, image, f"{size}M"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        add_nodes(image, tmp)
        check = subprocess.run(["e2fsck", "-fn", image],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if check.returncode != 0:
            sys.exit("mk-root-image: e2fsck finds the new image unclean:\n" +
                     check.stdout.decode())
        os.replace(image, out)


if __name__ == "__main__":
    main()
