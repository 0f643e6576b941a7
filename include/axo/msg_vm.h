/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The VM protocol.  VM owns physical memory and every address space.
 * PM asks it to fork, exec and clean up processes; RS asks it to swap the
 * memory of two slots for an update; user processes ask it for heap
 * (brk), anonymous mappings and a memory report.  One named payload per
 * call, listed in MSG_VM_MEMBERS for the union in <axo/ipc.h>.
 *
 * Layout of a process made by VM_EXEC: the ELF segments at their link
 * addresses; the heap from the page after the highest segment up to the
 * break; anonymous mappings placed top-down below VM_MMAP_TOP; the stack
 * ending at USER_STACK_TOP, growing on demand down to VM_STACK_LIMIT.
 */
#ifndef AXO_MSG_VM_H
#define AXO_MSG_VM_H

#include <axo/types.h>
#include <axo/config.h>
#include <axo/msgtype.h>

/* Requests (reply m_type: OK or -E*, payload as described). */
#define VM_FORK	     (VM_RQ_BASE + 0) /* PM: copy parent into a new slot */
#define VM_EXEC	     (VM_RQ_BASE + 1) /* PM, RS: new image from a boot file */
#define VM_EXIT	     (VM_RQ_BASE + 2) /* PM: free all memory of endpt */
#define VM_BRK	     (VM_RQ_BASE + 3) /* user: set the break */
#define VM_MMAP	     (VM_RQ_BASE + 4) /* user: anonymous mapping */
#define VM_MUNMAP    (VM_RQ_BASE + 5) /* user: drop a range */
#define VM_INFO	     (VM_RQ_BASE + 6) /* anyone: memory report */
#define VM_UPDATE    (VM_RQ_BASE + 7) /* RS: swap the memory of two slots */
#define VM_BOOT_FILE (VM_RQ_BASE + 8) /* anyone: name of boot file i */
#define VM_EXEC_FILE (VM_RQ_BASE + 9) /* VFS, RS: image from a file it holds */
#define VM_NR_CALLS  10

#define VM_STACK_LIMIT	  (USER_STACK_TOP - 8u * 1024 * 1024) /* lowest stack */
#define VM_MMAP_TOP	  (VM_STACK_LIMIT - 16u * 1024 * 1024)
#define VM_STACK_INIT	  (16u * 1024) /* stack mapped at exec */
#define VM_EXEC_FRAME_MAX (64u * 1024) /* argv + envp frame, bytes */

/* mmap protection and flags (newlib's values for the ones it knows). */
#define VM_PROT_READ   0x1
#define VM_PROT_WRITE  0x2
#define VM_PROT_EXEC   0x4
#define VM_MAP_PRIVATE 0x02
#define VM_MAP_FIXED   0x10
#define VM_MAP_ANON    0x20

/* Boot-file flags (VM_BOOT_FILE reply), from boot/modules.list. */
#define VM_BF_RUN  0x1 /* init starts it */
#define VM_BF_PROC 0x2 /* a boot process's program, kept for restarts */

#define VM_FORK_EMPTY 0x1 /* the child gets no memory: an exec follows */

struct vm_fork_msg {
	endpoint_t parent;
	int32_t slot;	  /* process slot for the child, -1: any */
	uint32_t flags;	  /* VM_FORK_* */
	endpoint_t child; /* reply: the child's endpoint (not yet runnable) */
};

/*
 * Replace endpt's memory with the program in boot file `name`.  The
 * argument frame [frame, frame + frame_len) in endpt's current memory is
 * copied to the top of the new stack: it must have been built to live at
 * USER_STACK_TOP - frame_len (frame_len a multiple of 16).  Nothing of
 * the old image survives a success; on failure the old image is intact.
 */
struct vm_exec_msg {
	endpoint_t endpt;
	vir_bytes frame;
	vir_bytes frame_len;
	char name[PROC_NAME_LEN];
	vir_bytes image;     /* VM_EXEC_FILE: the ELF file in VFS's memory */
	vir_bytes image_len; /* VM_EXEC_FILE: its size in bytes */
	vir_bytes entry;     /* reply: the program's entry point */
	vir_bytes sp;	     /* reply: USER_STACK_TOP - frame_len */
};

struct vm_endpt_msg { /* VM_EXIT */
	endpoint_t endpt;
};

struct vm_brk_msg {
	vir_bytes addr; /* new break; 0: only ask */
	vir_bytes brk;	/* reply: the break now */
};

struct vm_mmap_msg {
	vir_bytes addr; /* hint, or the address with VM_MAP_FIXED */
	vir_bytes len;
	uint32_t prot;	  /* VM_PROT_* */
	uint32_t flags;	  /* VM_MAP_* ; VM_MAP_ANON required */
	vir_bytes result; /* reply: the mapping's address */
};

struct vm_munmap_msg {
	vir_bytes addr;
	vir_bytes len;
};

struct vm_info_msg {	      /* reply only */
	uint32_t total_pages; /* pages VM manages */
	uint32_t free_pages;
	uint32_t boot_pages;	    /* held by boot images and boot files */
	uint32_t kernel_pages_free; /* the kernel's page-table pool */
	uint32_t nr_procs;	    /* address spaces VM knows */
};

struct vm_update_msg {
	endpoint_t src; /* the two slots whose memory is swapped */
	endpoint_t dst;
};

struct vm_boot_file_msg {
	int32_t index;		  /* 0, 1, ... until -ENOENT */
	uint32_t flags;		  /* reply: VM_BF_* */
	uint32_t size;		  /* reply: bytes */
	char name[PROC_NAME_LEN]; /* reply */
};

#define MSG_VM_MEMBERS \
	struct vm_fork_msg vm_fork; \
	struct vm_exec_msg vm_exec; \
	struct vm_endpt_msg vm_endpt; \
	struct vm_brk_msg vm_brk; \
	struct vm_mmap_msg vm_mmap; \
	struct vm_munmap_msg vm_munmap; \
	struct vm_info_msg vm_info; \
	struct vm_update_msg vm_update; \
	struct vm_boot_file_msg vm_boot_file;

_Static_assert(sizeof(struct vm_exec_msg) <= MSG_PAYLOAD_SIZE, "vm_exec");
_Static_assert(sizeof(struct vm_mmap_msg) <= MSG_PAYLOAD_SIZE, "vm_mmap");
_Static_assert(sizeof(struct vm_info_msg) <= MSG_PAYLOAD_SIZE, "vm_info");
_Static_assert(sizeof(struct vm_boot_file_msg) <= MSG_PAYLOAD_SIZE, "vm_bf");

#endif
