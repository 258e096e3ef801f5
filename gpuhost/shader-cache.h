/*
 * --shader-cache DIR: Mesa's shader cache for the link processes, one directory per peer, so
 * that an app's links stop compiling afresh the shader variants its earlier links compiled.
 * Off by default; the installed qrexec service turns it on for callers that name their boot
 * (--peer-boot). (doc/performance.md, "Shaders compiled afresh in every link"; man
 * gpupipe-host, --shader-cache.)
 */
#ifndef GH_SHADER_CACHE_H
#define GH_SHADER_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct gh_options;

/* Whether `id` is a boot id as Linux gives it (/proc/sys/kernel/random/boot_id: a UUID in
 * lower-case hex, 36 characters): all --peer-boot takes. */
bool gh_shader_cache_boot_ok(const char *id);

/* A peer's cache past this when a link starts is removed, and starts afresh. */
#define GH_SHADER_CACHE_MAX_BYTES (256ull << 20)

/* A cache past this while links use it ends them, and is removed (shader-cache-watch.h):
 * a link adds what it compiles (far less: glmark2's whole run caches about 0.5 MiB). */
#define GH_SHADER_CACHE_LINK_BYTES (2 * GH_SHADER_CACHE_MAX_BYTES)

/* Makes the directory of the link on `link_fd`'s peer (into `dir`): made if missing, 0700,
 * the host user's alone, emptied first if past GH_SHADER_CACHE_MAX_BYTES; with --peer-boot
 * DIR/boot-ID, the other boot-* directories in DIR (the peer's earlier boots) removed. False
 * (logged) when that link gets none: no --shader-cache, a peer the host cannot tell apart
 * (a listener's link not on a unix socket), a directory that cannot be made or is not the
 * host user's alone; Mesa's cache then stays off and the link goes on. Runs where the link
 * is watched from (shader-cache-watch.h), before the link process starts. */
bool gh_shader_cache_make(const struct gh_options *options, int link_fd, char *dir, size_t size);

/* In the link process, before its GL starts: points Mesa's cache at `dir`, in its
 * single-file form alone, so that Mesa opens its files as the display is initialised,
 * before the sandbox. */
void gh_shader_cache_use(const char *dir);

/* Both, for a link watched from the process it runs in (tests): the directory (valid until
 * the next call), or NULL for none. */
const char *gh_shader_cache_prepare(const struct gh_options *options, int link_fd);

/* Removes `dir` and what is below it (symbolic links are not followed): true when it is
 * gone. */
bool gh_shader_cache_remove(const char *dir);

#endif
