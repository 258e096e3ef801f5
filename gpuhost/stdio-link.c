/*
 * gpupipe-host --stdio (see stdio-link.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>

#include "compositor.h"
#include "stdio-link.h"

static const char *file_kind(mode_t mode)
{
	if (S_ISREG(mode))
		return "a regular file";
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	return "not a pipe or a socket";
}

/* stdin and stdout are the link: the event loop must be able to wait on
 * them (epoll refuses regular files, directories and /dev/null), stdin
 * open for reading and stdout for writing. */
static bool stdio_usable(int fd, const char *name, int access)
{
	static const char must[] = "--stdio needs stdin and stdout to be a socket or a pipe "
	                           "(as qrexec and gpupipe-proxy's exec: give them)";
	struct stat st;
	if (fstat(fd, &st) < 0) {
		gp_log(ERROR, "%s is not open (%s); %s", name, strerror(errno), must);
		return false;
	}
	int ep = epoll_create1(EPOLL_CLOEXEC);
	struct epoll_event ev = {.events = 0};
	bool pollable = ep >= 0 && epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) == 0;
	if (ep >= 0)
		close(ep);
	if (!pollable) {
		gp_log(ERROR, "%s is %s, which cannot be waited on; %s", name,
		       file_kind(st.st_mode), must);
		return false;
	}
	int mode = fcntl(fd, F_GETFL) & O_ACCMODE;
	if (mode != O_RDWR && mode != access) {
		gp_log(ERROR, "%s is not open for %s; %s", name,
		       access == O_RDONLY ? "reading" : "writing", must);
		return false;
	}
	return true;
}

int gh_stdio_link_run(const struct gh_options *options)
{
	if (!stdio_usable(0, "stdin", O_RDONLY) || !stdio_usable(1, "stdout", O_WRONLY))
		return 1;
	struct gh_compositor_error cerr;
	int fd = gh_compositor_check(GH_COMPOSITOR_CHECK_MS, &cerr);
	if (fd < 0) {
		gp_log(ERROR, "cannot reach the compositor: %s", cerr.text);
		/* The peer learns why before the first byte of the link is
		 * read; stdout of --stdio is a fresh pipe or socket. */
		wire_write_close(1, "gpupipe-host cannot reach its compositor");
		return 1;
	}
	/* The session makes its own connection, in which the app's ids are
	 * the only ones. */
	close(fd);
	/* A TCP socket handed over by inetd or systemd (Accept=yes) sends
	 * without Nagle's delay, as gpupipe's own TCP links do; anything
	 * else refuses the option, which is fine. */
	int one = 1;
	setsockopt(0, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	setsockopt(1, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	return gh_session_run(0, 1, options);
}
