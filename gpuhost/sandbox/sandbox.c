/*
 * gh_sandbox_enter: the order of the steps, the identity and the limits.
 * See sandbox.h for what each step keeps out and why in this order.
 */
#include <errno.h>
#include <grp.h>
#include <linux/capability.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <gpupipe/log.h>

#include "sandbox.h"

bool gh_sandbox_configure(struct gh_sandbox *sb, bool enabled, const char *user, char *err,
                          size_t err_len)
{
	*sb = (struct gh_sandbox){.enabled = enabled};
	if (!enabled || geteuid() != 0)
		return true;
	if (!user)
		user = "nobody";
	errno = 0;
	struct passwd *pw = getpwnam(user);
	if (!pw) {
		snprintf(err, err_len, "--sandbox-user %s: no such user%s%s", user,
		         errno ? ": " : "", errno ? strerror(errno) : "");
		return false;
	}
	if (pw->pw_uid == 0 || pw->pw_gid == 0) {
		snprintf(err, err_len, "--sandbox-user %s: the user or its group is root", user);
		return false;
	}
	sb->switch_user = true;
	sb->uid = pw->pw_uid;
	sb->gid = pw->pw_gid;
	snprintf(sb->user, sizeof(sb->user), "%s", user);
	return true;
}

/* No core files (they would hold the app's data); no more fds than the
 * soft limit, which the process can no longer raise. */
static bool limit_resources(void)
{
	struct rlimit none = {0, 0}, files;
	if (getrlimit(RLIMIT_NOFILE, &files) < 0)
		return false;
	files.rlim_max = files.rlim_cur;
	if (setrlimit(RLIMIT_CORE, &none) < 0 || setrlimit(RLIMIT_NOFILE, &files) < 0) {
		gp_log(ERROR, "sandbox: setrlimit: %s", strerror(errno));
		return false;
	}
	return true;
}

static bool switch_user(const struct gh_sandbox *sb)
{
	/* The bounding set goes first: dropping from it needs CAP_SETPCAP. */
	for (int cap = 0; cap <= CAP_LAST_CAP; cap++) {
		if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL) {
			gp_log(ERROR, "sandbox: dropping capability %d: %s", cap, strerror(errno));
			return false;
		}
	}
	if (setgroups(0, NULL) < 0 || setresgid(sb->gid, sb->gid, sb->gid) < 0 ||
	    setresuid(sb->uid, sb->uid, sb->uid) < 0) {
		gp_log(ERROR, "sandbox: cannot become %s (%u:%u): %s", sb->user, (unsigned)sb->uid,
		       (unsigned)sb->gid, strerror(errno));
		return false;
	}
	/* Paranoia: root must be out of reach for good. */
	if (setuid(0) == 0 || geteuid() == 0) {
		gp_log(ERROR, "sandbox: still able to become root");
		return false;
	}
	return true;
}

/* Empty effective, permitted and inheritable sets, and no ambient ones;
 * for a process that was not root but had file capabilities. */
static bool drop_capabilities(void)
{
	struct __user_cap_header_struct hdr = {.version = _LINUX_CAPABILITY_VERSION_3};
	struct __user_cap_data_struct data[2] = {{0}};
	if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0 && errno != EINVAL)
		return false;
	return syscall(SYS_capset, &hdr, data) == 0;
}

bool gh_sandbox_enter(const struct gh_sandbox *sb)
{
	if (!sb->enabled)
		return true;
	if (!limit_resources() || (sb->switch_user && !switch_user(sb)))
		goto err;
	/* After the switch: a change of uid resets it to fs.suid_dumpable. */
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0) {
		gp_log(ERROR, "sandbox: PR_SET_DUMPABLE: %s", strerror(errno));
		goto err;
	}
	if (!drop_capabilities()) {
		gp_log(ERROR, "sandbox: cannot drop capabilities: %s", strerror(errno));
		goto err;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
		gp_log(ERROR, "sandbox: no_new_privs: %s", strerror(errno));
		goto err;
	}
	if (!gh_sandbox_landlock() || !gh_sandbox_seccomp())
		goto err;
	gp_log(INFO, "sandbox entered: uid %u, no capabilities, seccomp allow-list",
	       (unsigned)getuid());
	return true;
err:
	gp_log(ERROR, "cannot enter the sandbox; not serving this link");
	return false;
}
