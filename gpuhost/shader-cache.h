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

/* A cache past this while links use it ends the links that see it, and is removed: a link
 * adds what it compiles (far less), but a compromised one writes what it likes into the
 * files Mesa holds open for it, and only a process outside its sandbox can stop that
 * (stdio-link.c, listener.c watch their links). */
#define GH_SHADER_CACHE_LINK_BYTES (2 * GH_SHADER_CACHE_MAX_BYTES)

/* The directory of the peer of the link on `link_fd` (written into `dir`), without making
 * it: false when that link gets none (no --shader-cache, a peer not told apart, a path too
 * long). */
bool gh_shader_cache_dir(const struct gh_options *options, int link_fd, char *dir, size_t size);

/* In the link process, before its GL starts: points Mesa's cache at the peer's directory
 * (made if missing, 0700; emptied first if past GH_SHADER_CACHE_MAX_BYTES) for a link on
 * `link_fd`, so that Mesa opens its files as the display is initialised, before the
 * sandbox. With --peer-boot the directory is DIR/boot-ID, and the other boot-* directories
 * in DIR (the peer's earlier boots) are removed first. A peer the host cannot tell apart
 * (no --shader-cache, or a listener's link that is not on a unix socket) gets none, nor
 * does a link whose directory cannot be made (logged): Mesa's cache stays off, and the
 * link goes on. Returns the directory (valid until the next call), or NULL for none. */
const char *gh_shader_cache_prepare(const struct gh_options *options, int link_fd);

/* Bytes in the files below `dir` (their sizes; symbolic links not followed), for the
 * watch of GH_SHADER_CACHE_LINK_BYTES. */
uint64_t gh_shader_cache_bytes(const char *dir);

/* Removes `dir` and what is below it (symbolic links are not followed): true when it is
 * gone. */
bool gh_shader_cache_remove(const char *dir);

#endif
