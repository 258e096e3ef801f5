/*
 * The host's trackers of what the compatibility profile changes behind the
 * commands that name it: glBegin/glEnd, display lists (what a list compiles,
 * charges and binds by name), the attribute stack's textures, and the
 * feedback and selection buffers. Part of the GL executor's private
 * interface (executor.h lists its headers).
 */
#ifndef GH_GL_COMPAT_TRACKERS_H
#define GH_GL_COMPAT_TRACKERS_H

#include <stdbool.h>
#include <stdint.h>

#include <wayland-util.h>

#include "gles-list-prims.h"

struct gh_gl;
struct gh_gl_context;
struct gh_gl_share;
struct gh_gl_storage;
struct gl_exec;

/* gh_gl_lists.mode of a list being made in GL_COMPILE mode (not run). */
#define GH_GL_LIST_COMPILE 0x1300u /* GL_COMPILE */

/* What a listable bind makes by name where the name has no object, once
 * compiled into a display list (lists.c, "Objects a list binds by name"). */
enum gh_gl_list_bind_kind {
	GH_GL_LIST_TEXTURE,     /* glBindTexture */
	GH_GL_LIST_ARB_PROGRAM, /* glBindProgramARB */
	GH_GL_LIST_BIND_KINDS,
};

/* ---- array-element.c: glArrayElement, glBegin/glEnd ---- */

/* Between glBegin and glEnd (x->ctx->begin_end): false (after ending the
 * link) for command `op` (a GLES opcode or GL_OP_*), which the driver
 * would refuse there while the host's trackers followed it. In a list
 * being made in GL_COMPILE_AND_EXECUTE it also takes the commands of
 * gles_compiled_in_primitive: compiled, run only to fail, followed by
 * neither side whatever the driver does. */
bool gh_gl_begin_end_allows(struct gl_exec *x, uint32_t op);
/* Where glBegin/glEnd stands (x->ctx->begin_end and begin_end_unknown), as
 * gles-list-prims.h names it, and setting it after a list call. */
enum gles_prim gh_gl_prim(const struct gh_gl_context *ctx);
void gh_gl_prim_set(struct gh_gl_context *ctx, enum gles_prim p);

/* ---- compat-state.c: state the compatibility profile changes behind the trackers ---- */

/* Re-reads the active texture unit and every tracked texture binding from
 * the driver (after glPopAttrib). */
void gh_gl_textures_resync(struct gl_exec *x);

/* ---- list-record.c: what a display list being made is told; lists.c: the lists ---- */

/* A listable command the host tracks goes by: true when a GL_COMPILE list
 * is being made, or a GL_COMPILE_AND_EXECUTE one between glBegin and glEnd
 * (the command is compiled, and not run or run only to fail: the caller
 * skips its bookkeeping); notes that lists change tracked state. */
bool gh_gl_list_compiles(struct gh_gl_context *ctx);
/* A texture image of `bytes` goes by: in a list being made it is charged
 * to the list (false: refused for the quota, the GL error recorded, the
 * command dropped); *compiled says the command is not run (GL_COMPILE). */
bool gh_gl_list_image(struct gl_exec *x, uint64_t bytes, bool *compiled);
/* A glBindTexture or glBindProgramARB of host name `host` (nonzero) of
 * `kind` goes by: in a list being made, the list keeps the name (false:
 * the link ends). */
bool gh_gl_list_bind(struct gl_exec *x, enum gh_gl_list_bind_kind kind, uint32_t host);
/* The app deleted host name `host` of `kind`: a list may bind it again
 * (out of memory: the link ends). */
void gh_gl_lists_name_deleted(struct gl_exec *x, enum gh_gl_list_bind_kind kind, uint32_t host);
/* Transform feedback and query begin/end, the indirect draws and
 * glDispatchComputeIndirect in a list being made: refused (true: recorded
 * GL_INVALID_OPERATION, drop the command). */
bool gh_gl_list_refuses(struct gl_exec *x, const char *what);
/* The context goes: the charge of the list it was making is given back. */
void gh_gl_lists_finish(struct gh_gl *gl, struct gh_gl_context *ctx);
/* The share group goes: its lists' charges and names are given back. */
void gh_gl_share_lists_finish(struct gh_gl_share *share);
/* The display list names charged (gh_gl_share.lists.ranges): names first ..
 * first + count - 1 (count >= 1), sorted, none adjacent. add: *added, the
 * names not there before; remove: *removed, the names that were there (a
 * range may split); false: out of memory, nothing changed. */
struct gh_gl_list_range {
	uint32_t first, count;
};
bool gh_gl_list_ranges_holds(struct wl_array *ranges, uint32_t name);
bool gh_gl_list_ranges_add(struct wl_array *ranges, uint32_t first, uint32_t count,
                           uint64_t *added);
bool gh_gl_list_ranges_remove(struct wl_array *ranges, uint32_t first, uint64_t count,
                              uint64_t *removed);

/* ---- attrib-stack.c: the textures glPushAttrib saved ---- */

/* After glPopAttrib or a display list ran: the entries over the driver's
 * depth are given back; with `unknown` (a list that holds glPushAttrib or
 * glPopAttrib ran) every entry may have been pushed again by the list. */
bool gh_gl_attrib_sync(struct gl_exec *x, bool unknown);
/* Texture st leaves its share group's map (glDeleteTextures): kept
 * referenced (charged) by every context whose attribute stack may hold it
 * without the host knowing (false after failing the link). */
bool gh_gl_attrib_texture_deleted(struct gl_exec *x, struct gh_gl_storage *st);
/* The context goes (its driver stack with it). */
void gh_gl_attrib_finish(struct gh_gl_context *ctx);
/* compat-state.c: the images of every texture of the context's share group
 * and its default textures, as the driver now has them (after a list ran). */
void gh_gl_storage_reread_all(struct gl_exec *x);
/* storage.c: st's images become `images` (taken), charged as GL made them. */
void gh_gl_storage_reread(struct gh_gl_storage *st, struct wl_array *images);
/* What an image of `bytes` at `level` makes the driver allocate (storage.c). */
uint64_t gh_gl_storage_implied(struct gl_exec *x, uint64_t bytes, uint32_t w, uint32_t h,
                               uint32_t level, bool cube);

/* ---- feedback.c ---- */

/* The context's feedback and selection buffers go (it is destroyed). */
void gh_gl_feedback_finish(struct gh_gl_context *ctx);

#endif
