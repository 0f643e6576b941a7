# SPDX-License-Identifier: BSD-2-Clause
#
# Axolotl: one Makefile for the whole tree.
#
#   make          kernel, boot modules and the GRUB ISO
#   make run      boot it in QEMU on this terminal (MEM=32 MiB by default)
#   make test     host unit tests + guest suite booted via GRUB and via
#                 QEMU's multiboot loader; last line "N passed, N failed"
#   make bench    deterministic figures under -icount (and build/bench.json)
#   make campaign fault-injection campaign: SEED=n FAULTS=n TARGETS=a,b,..
#   make fuzz     the system fuzzer alone (SEED=n COUNT=n)
#   make report   build/report.html from the latest bench, campaign, fuzz
#   make debug    QEMU waiting for gdb, and gdb with the kernel's symbols
#
# Each program has a fragment <dir>/prog.mk setting PROG, SRCS and LIBS.
# Servers and drivers link libsys (LIBS := sys).  An ordinary C program
# sets LIBC := newlib instead: it is compiled against newlib's headers
# (plus include/ and lib/libc/include/ for <axo/libc.h>), started by
# lib/libc/crt0.S and linked with our system-call layer (lib/libc), newlib's
# libc.a and libm.a and libgcc in one group; it must not link libsys.

CROSS    ?= i686-linux-gnu-
CC       := $(CROSS)gcc
LD       := $(CROSS)ld
AR       := $(CROSS)ar
NM       := $(CROSS)nm
STRIP    := $(CROSS)strip
QEMU     ?= qemu-system-i386
PYTHON   ?= /usr/bin/python3
MEM      ?= 32
B        := build
V        ?= 0
Q        := $(if $(filter 1,$(V)),,@)   # make V=1 shows every command

GCCINC    = $(shell $(CC) -print-file-name=include)
LIBGCC    = $(shell $(CC) -m32 -print-libgcc-file-name)
WARNINGS := -Wall -Wextra -Werror -Wstrict-prototypes -Wold-style-definition \
            -Wmissing-prototypes -Wshadow -Wpointer-arith -Wvla
BASEFLAGS = -std=c11 -m32 -march=i686 -O2 -g -ffreestanding -fno-pie \
            -fno-stack-protector -fno-builtin -fno-omit-frame-pointer \
            -fno-asynchronous-unwind-tables -nostdinc -isystem $(GCCINC) \
            -U__linux__ -U__gnu_linux__ -Ulinux -U__unix__ -Uunix \
            -Iinclude $(WARNINGS)
KCFLAGS   = $(BASEFLAGS) -mgeneral-regs-only -Ikernel -I$(B)/gen
UCFLAGS   = $(BASEFLAGS) -Ilib/libsys -Ilib/libchardriver -Ilib/libblockdriver \
            -Itest/guest
LDFLAGS  := -m elf_i386 -nostdlib --no-dynamic-linker -z noexecstack

BOOTLIST := boot/modules.list
SYSTEM_MODULES := $(shell $(PYTHON) tools/gen_boot.py names $(BOOTLIST) system)
UTEST_MODULES  := $(shell $(PYTHON) tools/gen_boot.py names $(BOOTLIST) utest)
KTEST_MODULES  := $(shell $(PYTHON) tools/gen_boot.py names $(BOOTLIST) ktest)
BENCH_MODULES  := $(shell $(PYTHON) tools/gen_boot.py names $(BOOTLIST) bench)
BENCHFS_MODULES := $(shell $(PYTHON) tools/gen_boot.py names $(BOOTLIST) benchfs)
TTY_MODULES    := $(shell $(PYTHON) tools/gen_boot.py names $(BOOTLIST) tty)

.PHONY: all run test bench campaign fuzz report debug clean distclean format-check deps \
        unit-test newlib \
        host-test programs
all: $(B)/axolotl.iso $(B)/utest.iso $(B)/ktest.iso $(B)/root-pristine.img \
     $(addprefix $(B)/boot/,$(BENCH_MODULES) $(BENCHFS_MODULES)) \
     $(addprefix $(B)/boot/,$(TTY_MODULES)) \
     programs

deps:
	@bash tools/install-deps.sh

# ---- kernel ----
KSRCS := $(wildcard kernel/*.c kernel/system/*.c kernel/arch/i386/*.c)
KASM  := $(wildcard kernel/arch/i386/*.S)
KSHARED := lib/libsys/string.c lib/libsys/vsnprintf.c
KOBJS := $(patsubst %.c,$(B)/%.o,$(KSRCS)) $(patsubst %.S,$(B)/%.o,$(KASM)) \
         $(patsubst lib/libsys/%.c,$(B)/kernel/shared/%.o,$(KSHARED))

$(B)/kernel/%.o: kernel/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(KCFLAGS) -MMD -c $< -o $@

$(B)/kernel/shared/%.o: lib/libsys/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(KCFLAGS) -MMD -c $< -o $@

$(B)/kernel/%.o: kernel/%.S
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(KCFLAGS) -MMD -c $< -o $@

# Link once, generate the symbol table, link again; .ksyms comes after
# the code, so function addresses must be identical in both links.
$(B)/kernel.elf: $(KOBJS) boot/kernel.ld tools/ksyms.sh
	@echo "  LD      $@"
	@mkdir -p $(B)/gen
	$(Q)sh tools/ksyms.sh $(NM) - > $(B)/gen/ksyms0.c
	$(Q)$(CC) $(KCFLAGS) -c $(B)/gen/ksyms0.c -o $(B)/gen/ksyms0.o
	$(Q)$(LD) $(LDFLAGS) -T boot/kernel.ld $(KOBJS) $(B)/gen/ksyms0.o $(LIBGCC) \
		-o $(B)/kernel.pass1.elf
	$(Q)sh tools/ksyms.sh $(NM) $(B)/kernel.pass1.elf > $(B)/gen/ksyms.c
	$(Q)$(CC) $(KCFLAGS) -c $(B)/gen/ksyms.c -o $(B)/gen/ksyms.o
	$(Q)$(LD) $(LDFLAGS) -T boot/kernel.ld $(KOBJS) $(B)/gen/ksyms.o $(LIBGCC) -o $@
	@$(NM) -n $(B)/kernel.pass1.elf | awk '$$2 ~ /^[tT]$$/' > $(B)/gen/syms1
	@$(NM) -n $@ | awk '$$2 ~ /^[tT]$$/' > $(B)/gen/syms2
	@cmp -s $(B)/gen/syms1 $(B)/gen/syms2 || \
		{ echo "kernel symbols moved between links"; exit 1; }

# ---- libsys ----
LIBSYS_SRCS := $(wildcard lib/libsys/*.c)
LIBSYS_ASM  := $(wildcard lib/libsys/*.S)
LIBSYS_OBJS := $(patsubst %.c,$(B)/%.o,$(LIBSYS_SRCS)) \
               $(patsubst %.S,$(B)/%.o,$(LIBSYS_ASM))

$(B)/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(UCFLAGS) -MMD -c $< -o $@
$(B)/lib/%.o: lib/%.S
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(UCFLAGS) -MMD -c $< -o $@

$(B)/lib/libsys.a: $(LIBSYS_OBJS)
	@echo "  AR      $@"
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

# ---- driver libraries over libsys: lib/lib<name>/*.c -> lib<name>.a ----
SRVLIBS := chardriver blockdriver
$(foreach l,$(SRVLIBS),$(eval $(B)/lib/lib$(l).a: \
	$(patsubst %.c,$(B)/%.o,$(wildcard lib/lib$(l)/*.c))))
$(patsubst %,$(B)/lib/lib%.a,$(SRVLIBS)):
	@echo "  AR      $@"
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

# ---- libc: our newlib system-call layer; crt0.o stays out of the archive ----
NEWLIB   := $(B)/newlib/install/i686-elf
NCFLAGS   = -std=c11 -D_DEFAULT_SOURCE -m32 -march=i686 -O2 -g -fno-pie \
            -fno-stack-protector -fno-omit-frame-pointer \
            -fno-asynchronous-unwind-tables -nostdinc \
            -isystem $(NEWLIB)/include -isystem $(GCCINC) \
            -U__linux__ -U__gnu_linux__ -Ulinux -U__unix__ -Uunix \
            -Iinclude -Ilib/libc/include $(WARNINGS)
NEWLIB_LIBS = $(NEWLIB)/lib/libc.a $(NEWLIB)/lib/libm.a
LIBC_SRCS := $(wildcard lib/libc/*.c)
LIBC_ASM  := $(filter-out lib/libc/crt0.S,$(wildcard lib/libc/*.S))
LIBC_OBJS := $(patsubst %.c,$(B)/%.o,$(LIBC_SRCS)) \
             $(patsubst %.S,$(B)/%.o,$(LIBC_ASM))
LIBC_CRT0 := $(B)/lib/libc/crt0.o

$(B)/lib/libc/%.o: lib/libc/%.c | $(NEWLIB)/lib/libc.a
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(NCFLAGS) -MMD -c $< -o $@
$(B)/lib/libc/%.o: lib/libc/%.S | $(NEWLIB)/lib/libc.a
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(NCFLAGS) -MMD -c $< -o $@

$(B)/lib/libc.a: $(LIBC_OBJS)
	@echo "  AR      $@"
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

# ---- programs: one fragment per program ----
PROGRAMS  :=
PROG_DIRS := $(patsubst %/prog.mk,%,$(wildcard test/guest/*/prog.mk \
             servers/*/prog.mk drivers/*/prog.mk commands/*/prog.mk))

define PROGRAM_template
PROG :=
SRCS :=
LIBS :=
LIBC :=
include $(1)/prog.mk
$$(PROG)_OBJS := $$(patsubst %.S,$(B)/$(1)/%.o,$$(patsubst %.c,$(B)/$(1)/%.o,$$(SRCS)))
ifeq ($$(LIBC),newlib)
$(1)_CFLAGS := $$(NCFLAGS)
$(1)_DEPS := | $(NEWLIB)/lib/libc.a
$$(PROG)_OBJS := $(LIBC_CRT0) $$($$(PROG)_OBJS)
$$(PROG)_LIBS := $$(patsubst %,$(B)/lib/lib%.a,$$(LIBS)) $(B)/lib/libc.a \
                 $(NEWLIB_LIBS)
else
$(1)_CFLAGS := $$(UCFLAGS)
$(1)_DEPS :=
$$(PROG)_LIBS := $$(patsubst %,$(B)/lib/lib%.a,$$(LIBS))
endif
$(B)/$(1)/%.o: $(1)/%.c $$($(1)_DEPS)
	@mkdir -p $$(@D)
	@echo "  CC      $$<"
	$(Q)$$(CC) $$($(1)_CFLAGS) -I$(1) -MMD -c $$< -o $$@
$(B)/$(1)/%.o: $(1)/%.S $$($(1)_DEPS)
	@mkdir -p $$(@D)
	@echo "  CC      $$<"
	$(Q)$$(CC) $$($(1)_CFLAGS) -I$(1) -MMD -c $$< -o $$@
$(B)/bin/$$(PROG): $$($$(PROG)_OBJS) $$($$(PROG)_LIBS) boot/user.ld
	@mkdir -p $$(@D)
	@echo "  LD      $$@"
	$(Q)$$(LD) $$(LDFLAGS) -T boot/user.ld $$(filter %.o,$$^) \
		--start-group $$(filter %.a,$$^) $(LIBGCC) --end-group -o $$@
PROGRAMS += $(B)/bin/$$(PROG)
endef
$(foreach d,$(PROG_DIRS),$(eval $(call PROGRAM_template,$(d))))

# Every program links, whether or not a boot image carries it yet.
programs: $(PROGRAMS)

# ---- images: one GRUB ISO per boot image of boot/modules.list ----
# Boot modules go in stripped (build/boot/<name>): the kernel copies every
# module into memory at boot, and symbols are for gdb (build/bin/<name>).
$(B)/boot/%: $(B)/bin/%
	@mkdir -p $(@D)
	$(Q)$(STRIP) -o $@ $<

# $(call iso_rules,image,iso): the ISO of one boot image.
define iso_rules
$(B)/$(1)-iso/boot/grub/grub.cfg: $(BOOTLIST) tools/gen_boot.py
	@mkdir -p $$(@D)
	$(Q)$(PYTHON) tools/gen_boot.py grub $(BOOTLIST) $(1) $$@

$(2): $(B)/kernel.elf $(addprefix $(B)/boot/,$(3)) $(B)/$(1)-iso/boot/grub/grub.cfg
	@echo "  ISO     $$@"
	$(Q)cp $(B)/kernel.elf $(addprefix $(B)/boot/,$(3)) $(B)/$(1)-iso/boot/
	$(Q)grub-mkrescue -o $$@ $(B)/$(1)-iso >$(B)/grub-mkrescue.log 2>&1 || \
		{ cat $(B)/grub-mkrescue.log; exit 1; }
endef
$(eval $(call iso_rules,system,$(B)/axolotl.iso,$(SYSTEM_MODULES)))
$(eval $(call iso_rules,utest,$(B)/utest.iso,$(UTEST_MODULES)))
$(eval $(call iso_rules,ktest,$(B)/ktest.iso,$(KTEST_MODULES)))

# ---- the root file system: ext2 on the IDE disk ----
# root-pristine.img is rebuilt whenever a program changes; tests boot it
# (never writing it).  root.img is the disk `make run` boots and keeps
# between runs: it is replaced by a fresh copy only when the pristine
# image is newer, that is after a rebuild.
ROOT_FILES := $(shell find boot/rootfs -type f) include/axo/dmap.h
$(B)/root-pristine.img: $(PROGRAMS) tools/mk-root-image.py $(ROOT_FILES)
	@echo "  ROOTFS  $@"
	$(Q)$(PYTHON) tools/mk-root-image.py $@ $(B)/bin
$(B)/root.img: $(B)/root-pristine.img
	$(Q)cp $< $@

ROOT_DRIVE = -drive file=$(B)/root.img,format=raw,if=ide,index=0

QEMU_FLAGS = -m $(MEM) -nographic -no-reboot \
             -device isa-debug-exit,iobase=0xf4,iosize=0x04

run: deps $(B)/axolotl.iso $(B)/root.img
	$(QEMU) $(QEMU_FLAGS) $(ROOT_DRIVE) -cdrom $(B)/axolotl.iso || true

debug: $(B)/axolotl.iso $(B)/root.img
	$(QEMU) $(QEMU_FLAGS) $(ROOT_DRIVE) -cdrom $(B)/axolotl.iso -s -S & \
	gdb -q $(B)/kernel.elf -ex 'target remote :1234' -ex 'hbreak kmain' \
		-ex 'continue'; kill %1 2>/dev/null || true

# ---- tests and benchmarks ----
INITRD_SYSTEM = $(shell $(PYTHON) tools/gen_boot.py initrd $(BOOTLIST) system $(B)/boot)
INITRD_UTEST  = $(shell $(PYTHON) tools/gen_boot.py initrd $(BOOTLIST) utest $(B)/boot)
INITRD_KTEST  = $(shell $(PYTHON) tools/gen_boot.py initrd $(BOOTLIST) ktest $(B)/boot)
INITRD_TTY    = $(shell $(PYTHON) tools/gen_boot.py initrd $(BOOTLIST) tty $(B)/boot)
INITRD_BENCH  = $(shell $(PYTHON) tools/gen_boot.py initrd $(BOOTLIST) bench $(B)/boot)
INITRD_BENCHFS = $(shell $(PYTHON) tools/gen_boot.py initrd $(BOOTLIST) benchfs $(B)/boot)
BOOT_ARGS = --kernel $(B)/kernel.elf --initrd-system "$(INITRD_SYSTEM)" \
            --initrd-utest "$(INITRD_UTEST)" \
            --initrd-ktest "$(INITRD_KTEST)" --initrd-tty "$(INITRD_TTY)" \
            --disk-ktest $(B)/disk-test.img --disk-root $(B)/root-pristine.img

# The disk of the ktest image's ata driver: a known pattern per sector.
$(B)/disk-test.img: tools/mk-test-disk.py
	@mkdir -p $(@D)
	@echo "  DISK    $@"
	$(Q)$(PYTHON) tools/mk-test-disk.py $@

unit-test:
	@bash test/unit/run.sh

# sh and the commands built for the host (tools/host-commands.sh) and
# tested there, and the campaign and report tools; make test runs these
# too.
host-test:
	@$(PYTHON) test/host/test_commands.py
	@$(PYTHON) test/host/test_tools.py

test: deps all $(B)/disk-test.img
	@$(PYTHON) tools/testall.py --qemu $(QEMU) --mem $(MEM) \
		--iso-system $(B)/axolotl.iso --iso-utest $(B)/utest.iso \
		--iso-ktest $(B)/ktest.iso $(BOOT_ARGS)

bench: deps all $(B)/disk-test.img
	@$(PYTHON) tools/bench.py --qemu $(QEMU) --mem $(MEM) \
		$(BOOT_ARGS) --initrd-bench "$(INITRD_BENCH)" \
		--initrd-benchfs "$(INITRD_BENCHFS)"

# The fault-injection campaign (tools/campaign.py): log in
# build/campaign-$(SEED).log, last line its summary.
SEED    ?= 1
FAULTS  ?= 500
TARGETS ?= hello,tty,ata,ext2,ds,pm,vfs,vm,rs
campaign: deps all
	@$(PYTHON) tools/campaign.py --qemu $(QEMU) --mem $(MEM) \
		--kernel $(B)/kernel.elf --initrd-system "$(INITRD_SYSTEM)" \
		--disk-root $(B)/root-pristine.img --seed $(SEED) \
		--faults $(FAULTS) --targets $(TARGETS)

# The system fuzzer (test/boot/fuzz_system.py) alone, at any length:
# make fuzz SEED=7 COUNT=1000000.  make test runs it with 100000 calls.
COUNT ?= 1000000
fuzz: deps all
	@FUZZ_SEED=$(SEED) FUZZ_COUNT=$(COUNT) $(PYTHON) tools/runscenario.py \
		--qemu $(QEMU) --mem $(MEM) $(BOOT_ARGS) fuzz_system

report:
	@$(PYTHON) tools/report.py --build $(B) --out $(B)/report.html

format-check:
	@clang-format --dry-run --Werror $(shell git ls-files '*.c' '*.h') && \
		echo "format-check: clean"

# The guest C library, built once from Debian's newlib-source and kept by
# `make clean` (about three minutes on two cores); `make distclean` drops it.
# Built when missing only: the script's versioned stamp decides, and the
# cache may be shared between work trees, so make never touches it.
newlib: $(NEWLIB)/lib/libc.a
$(NEWLIB)/lib/libc.a:
	$(Q)sh tools/build-newlib.sh $(B)/newlib $(CROSS)
$(NEWLIB)/lib/libm.a: $(NEWLIB)/lib/libc.a ;

clean:
	@find $(B) -mindepth 1 -maxdepth 1 ! -name newlib -exec rm -rf {} + 2>/dev/null || true

distclean:
	rm -rf $(B)

-include $(shell find $(B) -name '*.d' 2>/dev/null)
