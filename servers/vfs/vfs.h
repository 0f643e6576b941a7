/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * VFS: the tables every part of the server shares (processes, open file
 * descriptions, vnodes, mounts, the device map) and the entry points of
 * each file.  Handlers take the calling process and its message and
 * return a status: >= 0 or -E* is the reply's m_type, -EDONTREPLY means
 * the caller is suspended and answered later with vfs_reply().
 */
#ifndef VFS_VFS_H
#define VFS_VFS_H

#include "syslib.h"
#include "sef.h"
#include "ds.h"
#include "vm.h"
#include <axo/msg_vfs.h>
#include <axo/msg_fs.h>
#include <axo/msg_dev.h>
#include <axo/msg_pm.h>
#include <axo/msg_vm.h>
#include <axo/dmap.h>
#include <axo/tty.h>

#include "pathname.h"
#include "ring.h"

#define NR_FPROCS   128 /* processes */
#define NR_FILPS    256 /* open file descriptions */
#define NR_VNODES   256
#define NR_VMNTS    8
#define NR_PIPES    16
#define NR_MAJORS   32
#define SYMLOOP_MAX 8
#define LABEL_MAX   16
#define EXEC_MAX    (4u * 1024 * 1024) /* largest program file */

/* What a suspended process waits for (fproc.susp). */
enum susp {
	SUSP_NONE = 0,
	SUSP_CDEV,   /* CDEV_REPLY with susp_id from susp_driver */
	SUSP_PIPE,   /* room or data in pipe susp_vn */
	SUSP_SELECT, /* a ready descriptor or the timeout */
};

struct vmnt;

struct vnode {
	int refs;    /* VFS references; 0: slot free */
	int fs_refs; /* references the FS handed us, dropped by PUTNODE */
	endpoint_t fs_e;
	struct vmnt *vmnt;    /* the mount it belongs to (NULL: a pipe) */
	struct vmnt *mounted; /* a file system mounted on this directory */
	uint32_t ino, mode, uid, gid, rdev, nlink;
	uint64_t size;
	int pipe; /* pipe pool index, or -1 */
};

struct vmnt {
	bool in_use;
	endpoint_t fs_e;
	uint32_t dev;
	bool rdonly;
	char label[LABEL_MAX];
	struct vnode *root;	  /* the file system's root directory */
	struct vnode *mounted_on; /* NULL for "/" */
};

struct filp {
	int count; /* descriptors sharing it; 0: free */
	struct vnode *vn;
	uint64_t pos;
	int32_t flags;	   /* VFS_O_* of open */
	bool cdev_open;	   /* a CDEV_OPEN succeeded: close sends CDEV_CLOSE */
	uint32_t cdev_gen; /* the major's dmap generation at the open */
};

struct fproc;
typedef void (*cdev_done_t)(struct fproc *fp, int status);

struct fproc {
	bool in_use;
	endpoint_t endpt;
	int32_t pid;
	struct filp *fd[VFS_OPEN_MAX];
	uint32_t cloexec;	  /* bit per fd */
	struct vnode *cwd, *root; /* NULL: the global root */
	uint32_t umask;
	int32_t uid, euid, gid, egid;
	bool leader;   /* a session leader (SETSID) */
	bool ctty_set; /* has a controlling tty */
	uint32_t ctty;

	/* The suspended call. */
	enum susp susp;
	message susp_msg; /* the request, for pipe and select retries */
	uint32_t susp_id;
	uint32_t susp_max; /* the largest count the driver may answer */
	endpoint_t susp_driver;
	cp_grant_id_t susp_grant;
	cdev_done_t susp_done;
	struct filp *susp_filp;
	struct vnode *susp_vn;
	size_t susp_done_bytes; /* pipe transfer so far */
	int susp_fd;		/* OPEN: the descriptor being opened */

	/* A suspended select (select.c). */
	uint32_t sel_want[3];  /* read, write, except: asked for */
	uint32_t sel_ready[3]; /* found ready so far */
	int sel_pending;       /* first device answers still due */
	bool sel_timed;
	struct sys_timer sel_timer;
};

typedef int (*vfs_handler_t)(struct fproc *fp, message *m);

/* main.c */
void vfs_reply(endpoint_t e, int result, message *m);

/* fproc.c */
extern struct fproc fproc[NR_FPROCS];
struct fproc *fp_lookup(endpoint_t e);
struct fproc *fp_get_or_add(endpoint_t e);
int fd_alloc(struct fproc *fp, int from);
struct filp *fd_filp(struct fproc *fp, int fd);
void fd_close(struct fproc *fp, int fd);
int fp_pm_call(message *m);

/* filp.c */
struct filp *filp_alloc(struct vnode *vn, int32_t flags);
void filp_hold(struct filp *f);
void filp_release(struct filp *f);
int filp_in_use(const struct vnode *vn);

/* vnode.c */
extern struct vnode vnodes[NR_VNODES];
struct vnode *vn_from_node(struct vmnt *vmp, const struct fs_node *n);
struct vnode *vn_alloc_pipe(void);
void vn_hold(struct vnode *vn);
void vn_put(struct vnode *vn);
int fs_call(endpoint_t fs_e, int type, message *m);
int fs_name_call(struct vnode *dir, int type, const char *name, message *m);
int fs_data_call(struct vnode *vn, int type, void *buf, size_t len, int access,
		 message *m);
void vn_update(struct vnode *vn, const struct fs_node *n);
int vn_refresh(struct vnode *vn);
bool vn_perm(const struct fproc *fp, const struct vnode *vn, int want);

/* path.c */
#define LK_FOLLOW 0x1 /* follow a symlink in the last component */
#define LK_PARENT 0x2 /* stop at the directory of the last component */
extern struct vnode *root_vnode;
int path_copy_in(endpoint_t e, vir_bytes addr, vir_bytes len, char *buf);
int path_resolve(struct fproc *fp, const char *path, int flags,
		 struct vnode **res, char last[VFS_NAME_MAX + 1],
		 bool *trailing);
int path_user(struct fproc *fp, vir_bytes addr, vir_bytes len, int flags,
	      struct vnode **res);
int path_user_parent(struct fproc *fp, vir_bytes addr, vir_bytes len,
		     struct vnode **dir, char last[VFS_NAME_MAX + 1],
		     bool *trailing);
int do_chdir(struct fproc *fp, message *m);
int do_fchdir(struct fproc *fp, message *m);
int do_getcwd(struct fproc *fp, message *m);

/* mount.c */
extern struct vmnt vmnts[NR_VMNTS];
int do_mount(struct fproc *fp, message *m);
int do_umount(struct fproc *fp, message *m);
int mount_sync_all(void);
void mount_reboot(void);

/* open.c */
int do_open(struct fproc *fp, message *m);
int do_close(struct fproc *fp, message *m);
int do_dup(struct fproc *fp, message *m);
int do_dup2(struct fproc *fp, message *m);
int do_fcntl(struct fproc *fp, message *m);
int open_install(struct fproc *fp, int fd, struct vnode *vn, int32_t flags);

/* read.c */
int do_read(struct fproc *fp, message *m);
int do_write(struct fproc *fp, message *m);
int do_lseek(struct fproc *fp, message *m);
int do_getdents(struct fproc *fp, message *m);

/* link.c */
int do_mkdir(struct fproc *fp, message *m);
int do_rmdir(struct fproc *fp, message *m);
int do_unlink(struct fproc *fp, message *m);
int do_rename(struct fproc *fp, message *m);
int do_link(struct fproc *fp, message *m);
int do_symlink(struct fproc *fp, message *m);
int do_readlink(struct fproc *fp, message *m);

/* stat.c */
int do_stat(struct fproc *fp, message *m);
int do_lstat(struct fproc *fp, message *m);
int do_fstat(struct fproc *fp, message *m);
int do_chmod(struct fproc *fp, message *m);
int do_chown(struct fproc *fp, message *m);
int do_utime(struct fproc *fp, message *m);
int do_truncate(struct fproc *fp, message *m);
int do_ftruncate(struct fproc *fp, message *m);
int do_access(struct fproc *fp, message *m);
int do_umask(struct fproc *fp, message *m);
int do_statvfs(struct fproc *fp, message *m);
int do_sync(struct fproc *fp, message *m);

/* dmap.c */
void dmap_init(void);
void dmap_ds_event(void);
endpoint_t dmap_driver(uint32_t major);
/* Whether e is the driver of some major (it may send CDEV replies). */
bool dmap_is_driver(endpoint_t e);
uint32_t dmap_gen(uint32_t major);
const char *dmap_label(uint32_t major);
int do_mapdriver(message *m);

/* device.c */
int cdev_open(struct fproc *fp, struct filp *f, int fd);
void cdev_close(struct filp *f);
bool cdev_stale(const struct filp *f);
void cdev_driver_gone(uint32_t major);
int cdev_io(struct fproc *fp, struct filp *f, int type, vir_bytes buf,
	    size_t len);
int do_ioctl(struct fproc *fp, message *m);
void cdev_reply(message *m);
void cdev_cancel(struct fproc *fp);
int cdev_select(uint32_t dev, uint32_t ops, uint32_t id);

/* pipe.c */
int do_pipe(struct fproc *fp, message *m);
int pipe_io(struct fproc *fp, struct filp *f, bool write, vir_bytes buf,
	    size_t len);
void pipe_release(struct vnode *vn, int32_t flags);
void pipe_cancel(struct fproc *fp);
uint32_t pipe_ready(struct vnode *vn, uint32_t ops);
void pipe_stat(struct vnode *vn, struct vfs_stat *st);

/* select.c */
int do_select(struct fproc *fp, message *m);
void select_cancel(struct fproc *fp);
void select_sel_reply(message *m);
void select_wakeup(void);
void select_driver_gone(uint32_t major);

/* exec.c */
int pm_exec(message *m);

#endif
