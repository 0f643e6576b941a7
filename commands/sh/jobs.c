// SPDX-License-Identifier: BSD-2-Clause
/*
 * sh: background jobs.  jobs_add() records the processes of a job
 * started with '&'; jobs_reap() collects the finished ones without
 * blocking (the shell calls it before each prompt, and reports
 * "[n] Done cmd" when interactive); jobs_wait() blocks for the wait
 * builtin.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "sh.h"

#define MAX_JOBS 32

struct job {
	int id; /* 0: free slot */
	pid_t *pids;
	size_t npids;
	size_t running;
	pid_t last; /* the last process, as $! shows it */
	int status; /* of the last process */
	char *text;
};

static struct job jobs[MAX_JOBS];

/* An exit status as $? shows it: 128 + signal for a killed process. */
int status_of(int wstatus)
{
	if (WIFEXITED(wstatus))
		return WEXITSTATUS(wstatus);
	if (WIFSIGNALED(wstatus))
		return 128 + WTERMSIG(wstatus);
	return 1;
}

/*
 * Record a job of n processes; returns its number ([n] as printed).
 * With the table full the job still runs but is reaped anonymously.
 */
int jobs_add(const pid_t *pids, size_t n, const char *text)
{
	int id = 1;

	for (int i = 0; i < MAX_JOBS; i++)
		if (jobs[i].id >= id)
			id = jobs[i].id + 1;
	for (int i = 0; i < MAX_JOBS; i++) {
		if (jobs[i].id != 0)
			continue;
		jobs[i] = (struct job){ .id = id, .npids = n, .running = n };
		jobs[i].pids = xmalloc(n * sizeof(pid_t));
		memcpy(jobs[i].pids, pids, n * sizeof(pid_t));
		jobs[i].last = pids[n - 1];
		jobs[i].text = xstrdup(text ? text : "");
		return id;
	}
	return 0;
}

/* Note that pid ended with wstatus; its job, or NULL if unknown. */
static struct job *note_exit(pid_t pid, int wstatus)
{
	for (int i = 0; i < MAX_JOBS; i++) {
		struct job *j = &jobs[i];
		for (size_t k = 0; j->id && k < j->npids; k++) {
			if (j->pids[k] != pid)
				continue;
			j->pids[k] = -1;
			j->running--;
			if (k == j->npids - 1)
				j->status = status_of(wstatus);
			return j;
		}
	}
	return NULL;
}

static void job_done(struct job *j, bool report)
{
	if (report) {
		if (j->status == 0)
			fprintf(stderr, "[%d] Done %s\n", j->id, j->text);
		else
			fprintf(stderr, "[%d] Exit %d %s\n", j->id, j->status,
				j->text);
	}
	free(j->pids);
	free(j->text);
	*j = (struct job){ 0 };
}

/* Collect finished background processes without blocking. */
void jobs_reap(bool report)
{
	int ws;
	pid_t pid;

	while ((pid = waitpid(-1, &ws, WNOHANG)) > 0) {
		struct job *j = note_exit(pid, ws);
		if (j != NULL && j->running == 0)
			job_done(j, report);
	}
}

/* The job whose last process is pid (still recorded), or NULL. */
static struct job *find_job(pid_t pid)
{
	for (int i = 0; i < MAX_JOBS; i++)
		if (jobs[i].id != 0 && jobs[i].last == pid)
			return &jobs[i];
	return NULL;
}

/* True while some recorded job numbered id (0: any) is running. */
static bool job_pending(int id)
{
	for (int i = 0; i < MAX_JOBS; i++)
		if (jobs[i].id != 0 && (id == 0 || jobs[i].id == id))
			return true;
	return false;
}

/*
 * Block until the job whose last process is pid has finished (pid 0:
 * every job).  Returns that job's status, 0 for all, or 127 after a
 * message if pid is no job of this shell.
 */
int jobs_wait(pid_t pid)
{
	struct job *target = pid != 0 ? find_job(pid) : NULL;
	int id = target != NULL ? target->id : 0;
	int status = 0;

	if (pid != 0 && target == NULL) {
		fprintf(stderr,
			"sh: wait: pid %d is not a child of this shell\n",
			(int)pid);
		return 127;
	}
	while (job_pending(id)) {
		int ws;
		pid_t p = waitpid(-1, &ws, 0);
		if (p < 0 && errno == EINTR)
			continue;
		if (p < 0)
			break;
		struct job *j = note_exit(p, ws);
		if (j == NULL || j->running > 0)
			continue;
		if (j->id == id)
			status = j->status;
		job_done(j, false);
	}
	return status;
}
