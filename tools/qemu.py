# SPDX-License-Identifier: BSD-2-Clause
"""Boot the system in QEMU with a timeout and collect its serial output.

Shared by tools/testall.py and tools/bench.py.  The guest leaves through
QEMU's isa-debug-exit device: status s becomes exit code 2s+1.
"""
import subprocess
import time

DEBUG_EXIT = ["-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]


def add_boot_args(ap, timeout):
    """The options every harness takes: emulator, memory, images, timeout."""
    ap.add_argument("--qemu", default="qemu-system-i386")
    ap.add_argument("--mem", default="32")
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--initrd-system", required=True,
                    help="QEMU -initrd string of the system image")
    ap.add_argument("--initrd-ktest", required=True,
                    help="QEMU -initrd string of the kernel-test image")
    ap.add_argument("--initrd-utest", default=None,
                    help="QEMU -initrd string of the user-test image")
    ap.add_argument("--disk-root", default=None,
                    help="raw ext2 image of the system's root file system")
    ap.add_argument("--initrd-tty", default=None,
                    help="QEMU -initrd string of the tty scenario image")
    ap.add_argument("--disk-ktest", required=True,
                    help="raw disk image of the kernel-test image's ata "
                    "driver (IDE primary master)")
    ap.add_argument("--timeout", type=int, default=timeout)


def qemu_cmd(qemu, mem, iso=None, kernel=None, initrd="", append="",
             icount=False, disk=None, snapshot=True):
    """QEMU booting the GRUB ISO iso, or kernel with the -initrd string
    initrd (tools/gen_boot.py initrd) and the command line append.  disk,
    a raw image, becomes the IDE primary master (the CD-ROM of -cdrom is
    the secondary master); snapshot=on keeps the guest's writes out of
    the file, so every boot sees the same disk (snapshot=False keeps
    them, for scenarios that reboot or check the disk afterwards)."""
    # signal=off: a ^C typed by a scenario goes to the guest, not to QEMU.
    cmd = [qemu, "-m", str(mem), "-nographic", "-no-reboot",
           "-monitor", "none", "-chardev", "stdio,id=con,signal=off",
           "-serial", "chardev:con"] + DEBUG_EXIT
    if icount:
        cmd += ["-icount", "shift=0,sleep=off"]
    if disk:
        # Under icount (make bench) the drive reports no write cache, so
        # the ata driver needs no cache flush, which QEMU would complete
        # on a host thread, at a point that varies from run to run.
        cmd += ["-drive", f"file={disk},format=raw,if=ide,index=0" +
                (",snapshot=on" if snapshot else "") +
                (",cache=writethrough" if icount else "")]
    if iso:
        cmd += ["-cdrom", iso]
    else:
        cmd += ["-kernel", kernel, "-initrd", initrd]
        if append:
            cmd += ["-append", append]
    return cmd


def boot(cmd, timeout):
    """Run cmd; return (guest status or None, output text, seconds)."""
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout)
        out, code = p.stdout, p.returncode
    except subprocess.TimeoutExpired as e:
        out, code = e.stdout or b"", None
    text = out.decode("utf-8", "replace").replace("\r", "")
    status = (code - 1) // 2 if code is not None and code % 2 == 1 else None
    return status, text, time.monotonic() - start
