/*
 * gpuhost/shader-cache.c on its own: which links get Mesa's cache, in which directory, and
 * what it refuses. Each case is one meson test (a process of its own, so its environment is
 * fresh); the program takes the case's name.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "session.h"
#include "shader-cache.h"

static char root[256];

static bool make_root(void)
{
	snprintf(root, sizeof(root), "/tmp/gpupipe-shader-cache.XXXXXX");
	CHECK(mkdtemp(root), "mkdtemp");
	return true;
}

static void remove_root(void)
{
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", root);
}

static bool cache_is_off(void)
{
	const char *dir = getenv("MESA_SHADER_CACHE_DIR");
	CHECK(!dir, "Mesa's cache was pointed at %s", dir);
	return true;
}

/* A listener's unix link: DIR/uid-N, 0700, Mesa's single-file form alone. */
static bool unix_peer_gets_a_directory_of_its_own(void)
{
	int sv[2];
	char cache[300], want[400];
	if (!make_root())
		return false;
	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0, "socketpair");
	setenv("MESA_DISK_CACHE_READ_ONLY_FOZ_DBS", "../other", 1);
	setenv("MESA_DISK_CACHE_MULTI_FILE", "1", 1);
	snprintf(cache, sizeof(cache), "%s/cache", root);
	struct gh_options o = {.shader_cache = cache, .shader_cache_per_uid = true};
	gh_shader_cache_prepare(&o, sv[0]);
	snprintf(want, sizeof(want), "%s/uid-%u", cache, (unsigned)getuid());
	const char *dir = getenv("MESA_SHADER_CACHE_DIR");
	struct stat st;
	bool ok = dir && strcmp(dir, want) == 0 && stat(want, &st) == 0 &&
	          (st.st_mode & 0777) == 0700 && stat(cache, &st) == 0 &&
	          (st.st_mode & 0777) == 0700;
	const char *single = getenv("MESA_DISK_CACHE_SINGLE_FILE");
	const char *off = getenv("MESA_SHADER_CACHE_DISABLE");
	ok = ok && single && !strcmp(single, "1") && off && !strcmp(off, "false") &&
	     !getenv("MESA_DISK_CACHE_READ_ONLY_FOZ_DBS") && !getenv("MESA_DISK_CACHE_MULTI_FILE");
	remove_root();
	CHECK(ok, "MESA_SHADER_CACHE_DIR %s, expected %s (0700), single-file alone",
	      dir ? dir : "(unset)", want);
	return true;
}

/* A TCP peer is no identity: SO_PEERCRED answers uid -1 for every one. */
static bool tcp_peer_gets_none(void)
{
	char cache[300];
	if (!make_root())
		return false;
	int l = socket(AF_INET, SOCK_STREAM, 0), c = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof(a);
	if (bind(l, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(l, 1) < 0 ||
	    getsockname(l, (struct sockaddr *)&a, &len) < 0 ||
	    connect(c, (struct sockaddr *)&a, sizeof(a)) < 0) {
		remove_root();
		fprintf(stderr, "SKIP: no IPv4 loopback here\n");
		exit(77);
	}
	int s = accept(l, NULL, NULL);
	snprintf(cache, sizeof(cache), "%s/cache", root);
	struct gh_options o = {.shader_cache = cache, .shader_cache_per_uid = true};
	gh_shader_cache_prepare(&o, s);
	struct stat st;
	bool made = stat(cache, &st) == 0;
	remove_root();
	CHECK(!made, "a directory was made for a TCP peer");
	return cache_is_off();
}

/* --stdio: the directory given, which must be this user's alone. */
static bool directory_others_may_write_gets_none(void)
{
	char cache[300];
	if (!make_root())
		return false;
	snprintf(cache, sizeof(cache), "%s/peer", root);
	CHECK(mkdir(cache, 0700) == 0 && chmod(cache, 0777) == 0, "mkdir");
	struct gh_options o = {.shader_cache = cache};
	gh_shader_cache_prepare(&o, -1);
	remove_root();
	return cache_is_off();
}

static bool symbolic_link_gets_none(void)
{
	char target[300], cache[300];
	if (!make_root())
		return false;
	snprintf(target, sizeof(target), "%s/target", root);
	snprintf(cache, sizeof(cache), "%s/peer", root);
	CHECK(mkdir(target, 0700) == 0 && symlink(target, cache) == 0, "symlink");
	struct gh_options o = {.shader_cache = cache};
	gh_shader_cache_prepare(&o, -1);
	remove_root();
	return cache_is_off();
}

/* A cache past its bound is removed before Mesa opens it; the directory stays. */
static bool cache_past_its_bound_starts_afresh(void)
{
	char cache[300], sub[400], big[500];
	if (!make_root())
		return false;
	snprintf(cache, sizeof(cache), "%s/peer", root);
	snprintf(sub, sizeof(sub), "%s/mesa_shader_cache_sf", cache);
	snprintf(big, sizeof(big), "%s/foz_cache.foz", sub);
	CHECK(mkdir(cache, 0700) == 0 && mkdir(sub, 0700) == 0, "mkdir");
	FILE *f = fopen(big, "w");
	CHECK(f && ftruncate(fileno(f), (off_t)GH_SHADER_CACHE_MAX_BYTES + 1) == 0, "sparse file");
	fclose(f);
	struct gh_options o = {.shader_cache = cache};
	gh_shader_cache_prepare(&o, -1);
	struct stat st;
	bool gone = stat(big, &st) < 0 && stat(sub, &st) < 0, kept = stat(cache, &st) == 0;
	const char *dir = getenv("MESA_SHADER_CACHE_DIR");
	bool on = dir && strcmp(dir, cache) == 0;
	remove_root();
	CHECK(gone && kept && on, "removed %d, directory kept %d, cache on %d", gone, kept, on);
	return true;
}

/* Creates `path` as a directory holding one file, `name`. */
static bool dir_with_file(const char *path, const char *name)
{
	char file[600];
	snprintf(file, sizeof(file), "%s/%s", path, name);
	CHECK(mkdir(path, 0700) == 0, "mkdir %s", path);
	FILE *f = fopen(file, "w");
	CHECK(f && fputs("entry", f) >= 0 && fclose(f) == 0, "writing %s", file);
	return true;
}

static bool exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

#define BOOT "0123abcd-4567-89ab-cdef-0123456789ab"
#define EARLIER "fedcba98-7654-3210-fedc-ba9876543210"

/* --peer-boot: the cache is DIR/boot-ID; the peer's earlier boots go, with what they held;
 * what is not a boot directory stays, and a symbolic link named as one is not followed. */
static bool each_boot_gets_its_own_and_earlier_boots_go(void)
{
	char cache[300], mine[400], earlier[400], other[400], outside[400], link[400], kept[500];
	if (!make_root())
		return false;
	snprintf(cache, sizeof(cache), "%s/work", root);
	snprintf(mine, sizeof(mine), "%s/boot-" BOOT, cache);
	snprintf(earlier, sizeof(earlier), "%s/boot-" EARLIER, cache);
	snprintf(other, sizeof(other), "%s/notes", cache);
	snprintf(outside, sizeof(outside), "%s/outside", root);
	snprintf(link, sizeof(link), "%s/boot-link", cache);
	snprintf(kept, sizeof(kept), "%s/entry", outside);
	CHECK(mkdir(cache, 0700) == 0, "mkdir");
	if (!dir_with_file(earlier, "foz_cache.foz") || !dir_with_file(other, "keep") ||
	    !dir_with_file(outside, "entry"))
		return false;
	CHECK(symlink(outside, link) == 0, "symlink");
	/* A link inside an earlier boot, out to what must stay: removed, not followed. */
	char escape[500];
	snprintf(escape, sizeof(escape), "%s/escape", earlier);
	CHECK(symlink(outside, escape) == 0, "symlink");
	struct gh_options o = {.shader_cache = cache, .shader_cache_boot = BOOT};
	gh_shader_cache_prepare(&o, -1);
	const char *dir = getenv("MESA_SHADER_CACHE_DIR");
	struct stat st;
	bool on = dir && strcmp(dir, mine) == 0 && stat(mine, &st) == 0 &&
	          (st.st_mode & 0777) == 0700;
	bool earlier_gone = !exists(earlier),
	     rest_kept = exists(other) && exists(link) && exists(kept);
	remove_root();
	CHECK(on, "MESA_SHADER_CACHE_DIR %s, expected %s (0700)", dir ? dir : "(unset)", mine);
	CHECK(earlier_gone, "the earlier boot's directory is still there");
	CHECK(rest_kept, "what is not a boot directory was touched");
	return true;
}

/* The same boot again keeps what it has. */
static bool the_same_boot_keeps_its_cache(void)
{
	char cache[300], mine[400], entry[500];
	if (!make_root())
		return false;
	snprintf(cache, sizeof(cache), "%s/work", root);
	snprintf(mine, sizeof(mine), "%s/boot-" BOOT, cache);
	snprintf(entry, sizeof(entry), "%s/foz_cache.foz", mine);
	CHECK(mkdir(cache, 0700) == 0, "mkdir");
	if (!dir_with_file(mine, "foz_cache.foz"))
		return false;
	struct gh_options o = {.shader_cache = cache, .shader_cache_boot = BOOT};
	gh_shader_cache_prepare(&o, -1);
	bool kept = exists(entry);
	remove_root();
	CHECK(kept, "the boot's own cache was removed");
	return true;
}

/* Only a boot id as Linux writes it: nothing that could name another path. */
static bool boot_ids_are_only_uuids(void)
{
	CHECK(gh_shader_cache_boot_ok(BOOT), "a boot id");
	static const char *const bad[] = {
	        "",
	        "0123abcd-4567-89ab-cdef-0123456789a",
	        "0123abcd-4567-89ab-cdef-0123456789abc",
	        "0123ABCD-4567-89ab-cdef-0123456789ab",
	        "0123abcd_4567-89ab-cdef-0123456789ab",
	        "0123abcd-4567-89ab-cdef-0123456789a/",
	        "../../../../../../../../../../../etc",
	        "0123abcd-4567-89ab-cdef-0123456789\n",
	        "0123abcd04567-89ab-cdef-0123456789ab",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(!gh_shader_cache_boot_ok(bad[i]), "'%s' was taken", bad[i]);
	return true;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		bool (*run)(void);
	} cases[] = {
	        {"unix_peer_gets_a_directory_of_its_own", unix_peer_gets_a_directory_of_its_own},
	        {"tcp_peer_gets_none", tcp_peer_gets_none},
	        {"directory_others_may_write_gets_none", directory_others_may_write_gets_none},
	        {"symbolic_link_gets_none", symbolic_link_gets_none},
	        {"cache_past_its_bound_starts_afresh", cache_past_its_bound_starts_afresh},
	        {"each_boot_gets_its_own_and_earlier_boots_go",
	         each_boot_gets_its_own_and_earlier_boots_go},
	        {"the_same_boot_keeps_its_cache", the_same_boot_keeps_its_cache},
	        {"boot_ids_are_only_uuids", boot_ids_are_only_uuids},
	};
	unsetenv("MESA_SHADER_CACHE_DIR");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (argc == 2 && !strcmp(argv[1], cases[i].name))
			return cases[i].run() ? 0 : 1;
	}
	fprintf(stderr, "usage: %s CASE\n", argv[0]);
	return 2;
}
