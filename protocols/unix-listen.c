/*
 * Listening on a unix socket path, for gpupipe-host (--listen unix:PATH)
 * and gpupipe-proxy (--socket NAME). The path is often one a user typed,
 * so only a stale socket is ever removed: bind() alone never replaces
 * anything (it fails with EADDRINUSE on any existing name), and what is
 * there decides what happens next.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <gpupipe/addr.h>

static bool fail(struct wire_addr_error *err, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

static bool fail(struct wire_addr_error *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof(err->text), fmt, ap);
	va_end(ap);
	return false;
}

static const char *describe(mode_t mode)
{
	if (S_ISREG(mode))
		return "a regular file";
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISLNK(mode))
		return "a symbolic link";
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	return "not a socket";
}

/* True when a connection to the socket is refused: whoever listened is
 * gone. A connection that is accepted or queued (EAGAIN: the backlog is
 * full) means a live listener. The probe never blocks. */
static bool nobody_listens(const struct sockaddr_un *sun, struct wire_addr_error *err)
{
	int probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (probe < 0)
		return fail(err, "socket: %s", strerror(errno));
	int rc = connect(probe, (const struct sockaddr *)sun, sizeof(*sun));
	int saved = errno;
	close(probe);
	if (rc == 0 || saved == EAGAIN)
		return fail(err, "%s is already in use: a running process listens on it",
		            sun->sun_path);
	if (saved != ECONNREFUSED)
		return fail(err, "cannot tell whether the socket %s is in use: %s", sun->sun_path,
		            strerror(saved));
	return true;
}

/* Removes what is at the path if, and only if, it is a stale socket. */
static bool remove_stale(const struct sockaddr_un *sun, struct wire_addr_error *err)
{
	const char *path = sun->sun_path;
	struct stat before, after;
	if (lstat(path, &before) < 0)
		return errno == ENOENT || fail(err, "cannot look at %s: %s", path, strerror(errno));
	if (!S_ISSOCK(before.st_mode))
		return fail(err, "%s exists and is %s, not a socket; it is left as it is", path,
		            describe(before.st_mode));
	if (!nobody_listens(sun, err))
		return false;
	/* Only the socket that was probed goes: if something else took its
	 * place meanwhile, leave that alone. */
	if (lstat(path, &after) < 0)
		return errno == ENOENT || fail(err, "cannot look at %s: %s", path, strerror(errno));
	if (after.st_dev != before.st_dev || after.st_ino != before.st_ino)
		return fail(err, "%s changed while gpupipe looked at it; it is left as it is",
		            path);
	if (unlink(path) < 0 && errno != ENOENT)
		return fail(err, "cannot remove the stale socket %s: %s", path, strerror(errno));
	return true;
}

int wire_unix_listen(const char *path, int backlog, struct wire_addr_error *err)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	size_t len = strlen(path);
	if (len == 0 || len >= sizeof(sun.sun_path)) {
		fail(err, "unix socket path '%.160s' is empty or longer than %zu bytes", path,
		     sizeof(sun.sun_path) - 1);
		return -1;
	}
	memcpy(sun.sun_path, path, len + 1);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		fail(err, "socket: %s", strerror(errno));
		return -1;
	}
	int rc = bind(fd, (struct sockaddr *)&sun, sizeof(sun));
	if (rc < 0 && errno == EADDRINUSE) {
		if (!remove_stale(&sun, err))
			goto err_fd;
		/* One more try only: losing this race to another process
		 * means that process owns the path now. */
		rc = bind(fd, (struct sockaddr *)&sun, sizeof(sun));
	}
	if (rc < 0) {
		fail(err, "cannot listen on %s: %s", path, strerror(errno));
		goto err_fd;
	}
	if (listen(fd, backlog) < 0) {
		fail(err, "cannot listen on %s: %s", path, strerror(errno));
		unlink(path);
		goto err_fd;
	}
	return fd;
err_fd:
	close(fd);
	return -1;
}
