/*
 * A test hook, built only with -Dtest_hooks=true (tools/test builds so):
 * with GPUPIPE_TEST_SANDBOX_PROBE=DIR in its environment (DIR: a directory
 * the host's user may write to, where the probe tries to create a file
 * named after its pid), a link process that
 * is about to serve its app (in its sandbox, or not with --no-sandbox)
 * tries what a compromised one would, and logs one line per attempt,
 * "sandbox probe: WHAT: refused (why)" or "sandbox probe: WHAT: ALLOWED".
 * Then it serves its link as usual.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gpupipe/log.h>

#include "sandbox.h"

static void report(const char *what, bool allowed, int err)
{
	if (allowed)
		gp_log(WARN, "sandbox probe: %s: ALLOWED", what);
	else
		gp_log(WARN, "sandbox probe: %s: refused (%s)", what, strerror(err));
}

static void try_open(const char *what, const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC, 0600);
	report(what, fd >= 0, errno);
	if (fd >= 0)
		close(fd);
}

static void try_socket(const char *what, int domain, int type)
{
	int fd = socket(domain, type | SOCK_CLOEXEC, 0);
	report(what, fd >= 0, errno);
	if (fd >= 0)
		close(fd);
}

void gh_sandbox_probe(void)
{
	const char *dir = getenv("GPUPIPE_TEST_SANDBOX_PROBE");
	if (!dir || dir[0] != '/')
		return;
	char path[4096];
	snprintf(path, sizeof(path), "%s/created-by-link-%d", dir, (int)getpid());
	try_open("open /etc/passwd for reading", "/etc/passwd", O_RDONLY);
	try_open("create a file in the probe directory", path, O_WRONLY | O_CREAT | O_EXCL);
	try_open("open / as a directory", "/", O_RDONLY | O_DIRECTORY);
	try_socket("create a unix socket", AF_UNIX, SOCK_STREAM);
	try_socket("create a TCP socket", AF_INET, SOCK_STREAM);
	try_socket("create a UDP socket", AF_INET6, SOCK_DGRAM);
	/* F_SETOWN would let a write on fd 2 signal the listener (O_ASYNC). */
	int owned = fcntl(2, F_SETOWN, (int)getppid());
	report("fcntl(F_SETOWN) to the listening gpupipe-host", owned == 0, errno);
	if (owned == 0)
		fcntl(2, F_SETOWN, 0);
	/* exec in a child where there can be one, so that an allowed exec does
	 * not replace the link process; in place where fork is refused. */
	char *argv[] = {"/bin/true", NULL};
	pid_t pid = fork();
	int fork_err = errno;
	if (pid == 0) {
		execv(argv[0], argv);
		_exit(errno > 0 && errno < 126 ? errno : 126);
	}
	if (pid > 0) {
		int status = 0;
		waitpid(pid, &status, 0);
		int code = WIFEXITED(status) ? WEXITSTATUS(status) : 126;
		report("exec /bin/true", code == 0, code);
	} else {
		execv(argv[0], argv);
		report("exec /bin/true", false, errno);
	}
	report("fork", pid > 0, fork_err);
	/* Not root to begin with: setuid(0) fails either way and proves nothing. */
	if (getuid() != 0 || geteuid() != 0)
		report("become root again", setuid(0) == 0, errno);
}
