// SPDX-License-Identifier: BSD-2-Clause
/*
 * A smoke program for the newlib build rules: touches stdio, malloc,
 * fork/exec/wait, signals, sleep and the Axolotl calls, so that linking
 * it shows every system call resolves to lib/libc.  Not a test suite.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <axo/libc.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	got = sig;
}

int main(int argc, char **argv)
{
	struct vm_info_msg info;
	char *p = malloc(100);
	pid_t child;
	int status = 0;

	printf("newlib_demo: argc %d argv[0] %s pid %d\n", argc,
	       argc > 0 ? argv[0] : "?", (int)getpid());
	snprintf(p, 100, "%zu %lld", sizeof(long), 1234567890123ll);
	puts(p);
	free(p);
	signal(SIGUSR1, on_usr1);
	raise(SIGUSR1);
	child = fork();
	if (child == 0) {
		execl("/bin/newlib_demo", "newlib_demo", "child", (char *)NULL);
		_exit(127);
	}
	waitpid(child, &status, 0);
	sleep(1);
	munmap(mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
	       4096);
	if (axo_vm_info(&info) == 0)
		printf("free pages %u, clock %ld\n", info.free_pages,
		       (long)clock());
	return got == SIGUSR1 && WIFEXITED(status) ? 0 : 1;
}
