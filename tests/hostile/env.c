/*
 * The processes of one case: a headless weston and gpupipe-host in a private
 * runtime directory, and what the host writes to its log.
 *
 * This process is made a child subreaper, so that whatever weston or the
 * host leave behind (weston's helper clients, link processes of a host that
 * died) is reparented here and can be reaped and reported, never leaked.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hostile.h"

#define WESTON_SOCKET "wayland-hostile"

int64_t hl_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void hl_poll_step(void)
{
	poll(NULL, 0, 10);
}

static bool in_path(const char *prog)
{
	const char *path = getenv("PATH");
	char buf[4096];
	if (!path)
		path = "/usr/bin:/bin";
	while (*path) {
		size_t n = strcspn(path, ":");
		snprintf(buf, sizeof(buf), "%.*s/%s", (int)n, path, prog);
		if (access(buf, X_OK) == 0)
			return true;
		path += n + (path[n] == ':');
	}
	return false;
}

/* Forks argv with stdout and stderr appended to log; the environment points
 * at our runtime directory and nothing of the caller's session. */
static pid_t spawn(struct hl_env *e, char *const argv[], const char *log, bool with_display)
{
	pid_t pid = fork();
	if (pid != 0)
		return pid;
	int fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (fd < 0 || null < 0 || dup2(null, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
		_exit(127);
	unsetenv("WAYLAND_SOCKET");
	unsetenv("DISPLAY");
	unsetenv("GPUPIPE_LOG"); /* -v decides: info */
	setenv("XDG_RUNTIME_DIR", e->dir, 1);
	setenv("XDG_CONFIG_HOME", e->dir, 1); /* no user weston.ini */
	if (with_display)
		setenv("WAYLAND_DISPLAY", WESTON_SOCKET, 1);
	else
		unsetenv("WAYLAND_DISPLAY");
	execvp(argv[0], argv);
	dprintf(2, "hostile: cannot run %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

bool hl_alive(pid_t pid, const char *what)
{
	int status;
	pid_t r = waitpid(pid, &status, WNOHANG);
	if (r == 0)
		return true;
	if (r == pid)
		fprintf(stderr, "%s (pid %d) exited: %s %d\n", what, (int)pid,
		        WIFSIGNALED(status) ? "signal" : "status",
		        WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
	return false;
}

static bool socket_accepts(const char *path)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", path);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	bool ok = fd >= 0 && connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0;
	if (fd >= 0)
		close(fd);
	return ok;
}

static bool start_weston(struct hl_env *e)
{
	const char *sock = e->weston_sock;
	char *argv[] = {"weston",
	                "--backend=headless-backend.so",
	                "--socket=" WESTON_SOCKET,
	                "--use-pixman",
	                "--idle-time=0",
	                NULL};
	e->weston = spawn(e, argv, e->weston_log, false);
	if (e->weston < 0)
		return false;
	/* The socket file exists from bind(); connect works from listen().
	 * A probe connection to weston is harmless (it is not the host). */
	for (int64_t end = hl_now_ms() + HL_WAIT_MS; hl_now_ms() < end; hl_poll_step()) {
		if (!hl_alive(e->weston, "weston")) {
			hl_env_dump_logs(e);
			hl_env_stop(e);
			printf("SKIP: weston cannot run headless here (log above)\n");
			exit(77);
		}
		struct stat st;
		if (stat(sock, &st) == 0 && S_ISSOCK(st.st_mode) && socket_accepts(sock))
			return true;
	}
	fprintf(stderr, "weston did not open %s within %d ms\n", sock, HL_WAIT_MS);
	return false;
}

static bool start_host(struct hl_env *e, const char *const *host_args)
{
	const char *host = getenv("GPUPIPE_HOST");
	char addr[160];
	snprintf(addr, sizeof(addr), "unix:%s", e->host_sock);
	char *argv[24] = {(char *)(host ? host : "gpupipe-host"), "--listen", addr, "-v"};
	for (size_t i = 0, n = 4; host_args && host_args[i] && n < 23; i++, n++)
		argv[n] = (char *)host_args[i];
	e->host = spawn(e, argv, e->host_log, true);
	if (e->host < 0)
		return false;
	/* Not a probe connection: it would be a link, and link indexes count
	 * connections. The host logs "listening on" after listen(). */
	for (int64_t end = hl_now_ms() + HL_WAIT_MS; hl_now_ms() < end; hl_poll_step()) {
		if (!hl_alive(e->host, "gpupipe-host"))
			return false;
		if (hl_log_has(e, NULL, 0, "info: listening on ", addr, NULL))
			return true;
	}
	fprintf(stderr, "gpupipe-host did not log \"listening on %s\" within %d ms\n", addr,
	        HL_WAIT_MS);
	return false;
}

bool hl_env_start(struct hl_env *e, const char *const *host_args)
{
	memset(e, 0, sizeof(*e));
	e->weston = e->host = -1;
	if (!in_path("weston")) {
		printf("SKIP: weston is not installed\n");
		exit(77);
	}
	if (prctl(PR_SET_CHILD_SUBREAPER, 1) < 0)
		perror("PR_SET_CHILD_SUBREAPER"); /* cleanup is then best effort */
	snprintf(e->dir, sizeof(e->dir), "/tmp/gpupipe-hostile.XXXXXX");
	if (!mkdtemp(e->dir)) {
		perror("mkdtemp");
		e->dir[0] = '\0';
		return false;
	}
	snprintf(e->host_sock, sizeof(e->host_sock), "%s/host.sock", e->dir);
	snprintf(e->host_log, sizeof(e->host_log), "%s/host.log", e->dir);
	snprintf(e->weston_log, sizeof(e->weston_log), "%s/weston.log", e->dir);
	snprintf(e->weston_sock, sizeof(e->weston_sock), "%s/%s", e->dir, WESTON_SOCKET);
	return start_weston(e) && start_host(e, host_args);
}

/* Our children by /proc, including reparented descendants. */
static unsigned children_of(pid_t parent, pid_t *out, unsigned cap)
{
	DIR *d = opendir("/proc");
	unsigned n = 0;
	struct dirent *de;
	while (d && (de = readdir(d))) {
		char path[64], stat[512];
		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%.20s/stat", de->d_name);
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		ssize_t len = read(fd, stat, sizeof(stat) - 1);
		close(fd);
		if (len <= 0)
			continue;
		stat[len] = '\0';
		/* pid (comm) state ppid: comm may hold spaces and parens. */
		char *rp = strrchr(stat, ')');
		char state;
		int ppid;
		if (!rp || sscanf(rp + 1, " %c %d", &state, &ppid) != 2 || ppid != parent)
			continue;
		if (state == 'Z')
			continue; /* exited; its parent reaps it */
		if (n < cap)
			out[n] = (pid_t)atoi(de->d_name);
		n++;
	}
	if (d)
		closedir(d);
	return n;
}

unsigned hl_host_children(struct hl_env *e, pid_t *out, unsigned cap)
{
	return children_of(e->host, out, cap);
}

bool hl_wait_no_host_children(struct hl_env *e)
{
	pid_t pids[8];
	unsigned n = 0;
	for (int64_t end = hl_now_ms() + HL_WAIT_MS; hl_now_ms() < end; hl_poll_step()) {
		n = hl_host_children(e, pids, 8);
		if (n == 0)
			return true;
	}
	fprintf(stderr, "gpupipe-host still has %u link process(es), first %d\n", n, (int)pids[0]);
	return false;
}

bool hl_pid_gone(pid_t pid)
{
	char path[64], stat[512];
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return true;
	ssize_t len = read(fd, stat, sizeof(stat) - 1);
	close(fd);
	if (len <= 0)
		return true;
	stat[len] = '\0';
	char *rp = strrchr(stat, ')');
	return rp && rp[1] == ' ' && rp[2] == 'Z'; /* exited, awaiting its parent */
}

/* Reaps every child until none is left or the deadline passes. */
static bool reap_all(int64_t deadline)
{
	for (;;) {
		int status;
		pid_t r = waitpid(-1, &status, WNOHANG);
		if (r < 0 && errno == ECHILD)
			return true;
		if (r > 0)
			continue;
		if (hl_now_ms() >= deadline)
			return false;
		hl_poll_step();
	}
}

static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	while (d && (de = readdir(d))) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		unlinkat(dirfd(d), de->d_name, 0);
	}
	if (d)
		closedir(d);
	if (rmdir(dir) < 0)
		fprintf(stderr, "cannot remove %s: %s\n", dir, strerror(errno));
}

bool hl_env_stop(struct hl_env *e)
{
	bool ok = true;
	/* The host first: its link processes then see weston go and end. */
	if (e->host > 0)
		kill(e->host, SIGTERM);
	if (e->weston > 0)
		kill(e->weston, SIGTERM);
	if (!reap_all(hl_now_ms() + HL_WAIT_MS)) {
		pid_t left[64];
		unsigned n = children_of(getpid(), left, 64);
		for (unsigned i = 0; i < n && i < 64; i++) {
			fprintf(stderr, "LEFTOVER: process %d still running; killing it\n",
			        (int)left[i]);
			kill(left[i], SIGKILL);
		}
		reap_all(hl_now_ms() + HL_WAIT_MS);
		ok = false;
	}
	if (!e->dir[0])
		return ok;
	const char *keep = getenv("GPUPIPE_KEEP_TMP");
	if (keep && strcmp(keep, "1") == 0)
		fprintf(stderr, "kept %s\n", e->dir);
	else
		remove_dir(e->dir);
	return ok;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "re");
	if (!f)
		return NULL;
	size_t cap = 4096, len = 0;
	char *buf = malloc(cap);
	size_t n;
	while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len - 1 == 0) {
			char *bigger = realloc(buf, cap * 2);
			if (!bigger) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = bigger;
			cap *= 2;
		}
	}
	fclose(f);
	if (buf)
		buf[len] = '\0';
	return buf;
}

static void dump_tail(const char *path, int lines)
{
	char *text = read_file(path);
	if (!text)
		return;
	const char *p = text + strlen(text);
	for (int n = 0; p > text && n <= lines; p--) {
		if (p[-1] == '\n')
			n++;
	}
	fprintf(stderr, "----- %s (last %d lines) -----\n%s\n", path, lines, p);
	free(text);
}

void hl_env_dump_logs(const struct hl_env *e)
{
	dump_tail(e->weston_log, 15);
	dump_tail(e->host_log, 40);
}

/* Finds a line holding every needle of ap; copies it to out. */
static bool find_line(const char *text, char *out, size_t cap, const char *const *needles,
                      unsigned n_needles)
{
	for (const char *line = text; line && *line;) {
		const char *eol = strchr(line, '\n');
		size_t len = eol ? (size_t)(eol - line) : strlen(line);
		bool all = true;
		for (unsigned i = 0; i < n_needles && all; i++)
			all = memmem(line, len, needles[i], strlen(needles[i])) != NULL;
		if (all) {
			if (out)
				snprintf(out, cap, "%.*s", (int)len, line);
			return true;
		}
		line = eol ? eol + 1 : NULL;
	}
	return false;
}

static unsigned collect(va_list ap, const char **needles, unsigned cap)
{
	unsigned n = 0;
	const char *s;
	while ((s = va_arg(ap, const char *)) && n < cap)
		needles[n++] = s;
	return n;
}

bool hl_log_has(struct hl_env *e, char *out, size_t cap, ...)
{
	const char *needles[8];
	va_list ap;
	va_start(ap, cap);
	unsigned n = collect(ap, needles, 8);
	va_end(ap);
	char *text = read_file(e->host_log);
	bool found = text && find_line(text, out, cap, needles, n);
	free(text);
	return found;
}

bool hl_link_logged(struct hl_env *e, pid_t pid, ...)
{
	char prog[48], line[1200];
	const char *needles[8] = {prog};
	snprintf(prog, sizeof(prog), "[gpupipe-host[%d] ", (int)pid);
	va_list ap;
	va_start(ap, pid);
	unsigned n = 1 + collect(ap, needles + 1, 7);
	va_end(ap);
	char *text = read_file(e->host_log);
	bool found = text && find_line(text, line, sizeof(line), needles, n);
	free(text);
	if (found)
		fprintf(stderr, "# log: %s\n", line);
	else
		fprintf(stderr, "link process %d logged no line saying \"%s\"\n", (int)pid,
		        n > 1 ? needles[n - 1] : "");
	return found;
}

bool hl_log_wait(struct hl_env *e, char *out, size_t cap, ...)
{
	const char *needles[8];
	va_list ap;
	va_start(ap, cap);
	unsigned n = collect(ap, needles, 8);
	va_end(ap);
	for (int64_t end = hl_now_ms() + HL_WAIT_MS;; hl_poll_step()) {
		char *text = read_file(e->host_log);
		bool found = text && find_line(text, out, cap, needles, n);
		free(text);
		if (found)
			return true;
		if (hl_now_ms() >= end)
			return false;
	}
}

bool hl_log_line_starts(struct hl_env *e, const char *prefix)
{
	char *text = read_file(e->host_log);
	bool found = false;
	size_t n = strlen(prefix);
	for (const char *line = text; line && *line && !found;) {
		found = strncmp(line, prefix, n) == 0;
		const char *eol = strchr(line, '\n');
		line = eol ? eol + 1 : NULL;
	}
	free(text);
	return found;
}

/* The index-th "link served by process N" line: the listener accepts in
 * connection order and logs each fork in that order. */
static pid_t nth_link_pid(const char *text, unsigned index)
{
	static const char tag[] = "link served by process ";
	unsigned seen = 0;
	for (const char *p = text; (p = strstr(p, tag)); p += sizeof(tag) - 1) {
		if (seen++ == index)
			return (pid_t)atoi(p + sizeof(tag) - 1);
	}
	return -1;
}

pid_t hl_link_pid(struct hl_env *e, unsigned index)
{
	for (int64_t end = hl_now_ms() + HL_WAIT_MS;; hl_poll_step()) {
		char *text = read_file(e->host_log);
		pid_t pid = text ? nth_link_pid(text, index) : -1;
		free(text);
		if (pid > 0)
			return pid;
		if (hl_now_ms() >= end) {
			fprintf(stderr, "the host never logged the process of link %u\n", index);
			return -1;
		}
	}
}

int hl_link_exit_status(struct hl_env *e, pid_t pid)
{
	char needle[64], line[512];
	snprintf(needle, sizeof(needle), "link process %d exited (", (int)pid);
	if (!hl_log_wait(e, line, sizeof(line), needle, NULL)) {
		fprintf(stderr, "the host never logged the exit of link process %d\n", (int)pid);
		return HL_NO_EXIT;
	}
	return atoi(strstr(line, needle) + strlen(needle));
}

long hl_peak_rss_kib(pid_t pid)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	char *text = read_file(path);
	const char *p = text ? strstr(text, "\nVmHWM:") : NULL;
	long kib = p ? strtol(p + 7, NULL, 10) : -1;
	free(text);
	return kib;
}
