/*
 * gpupipe-host --stdio: one link on stdin and stdout, as a Qubes qrexec
 * service runs it. Both are checked before anything else (they must be a
 * socket or a pipe), and so is the compositor; the peer is told when the
 * host cannot serve it.
 */
#ifndef GH_STDIO_LINK_H
#define GH_STDIO_LINK_H

#include "session.h"

/* Serves the link on fds 0 and 1; returns the process's exit status. */
int gh_stdio_link_run(const struct gh_options *options);

#endif
