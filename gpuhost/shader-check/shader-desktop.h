/*
 * Where glslang 12 reads desktop GLSL otherwise than its spec and its
 * extensions' specs (shader-desktop.c): the preamble that gives glslang
 * what the spec gives the shader, and glslang's errors that such a shader
 * earns only for glslang's own reading.
 */
#ifndef GH_SHADER_DESKTOP_H
#define GH_SHADER_DESKTOP_H

#include <stdbool.h>
#include <stddef.h>

#include "shader-check.h"
#include "shader-glslang.h"

/* The extensions a desktop shader enables that a divergence depends on. */
enum gh_shader_desktop_enables {
	GH_DESKTOP_SSBO = 1u << 0,             /* GL_ARB_shader_storage_buffer_object */
	GH_DESKTOP_ATOMIC_COUNTERS = 1u << 1,  /* GL_ARB_shader_atomic_counters */
	GH_DESKTOP_GPU_SHADER5 = 1u << 2,      /* GL_ARB_gpu_shader5 */
	GH_DESKTOP_IMAGE_LOAD_STORE = 1u << 3, /* GL_ARB_shader_image_load_store */
};

/* What a desktop source holds that the divergences depend on. */
struct gh_shader_desktop {
	unsigned enabled;         /* gh_shader_desktop_enables bits: its #extension lines */
	unsigned bindings_ok;     /* binding qualifiers its enabled extensions give it */
	bool binding_other;       /* a binding qualifier on anything else */
	unsigned bindings_met;    /* glslang's binding errors met so far (the caller's) */
	bool calls_atomics;       /* it names an atomic memory function (atomicAdd...) */
	bool blend_func_extended; /* its context has ARB_blend_func_extended (the caller's) */
};

/* *d for `source`: the extensions its #extension lines enable (enable,
 * require or warn; a later disable undoes it), and the layout(binding)
 * qualifiers it spells on its declarations. */
void gh_shader_desktop_scan(const char *source, size_t len, struct gh_shader_desktop *d);

/* Whether glslang's error `msg` (n bytes, after "ERROR: S:L: ") is one
 * that a valid shader of `version` and `stage`, scanned as *d, earns. Set
 * d->bindings_met to 0 before each log read. */
bool gh_shader_desktop_divergence(int version, enum gh_glslang_stage stage,
                                  struct gh_shader_desktop *d, const char *msg, size_t n);

/* Whether glslang's error `line` (n bytes, an "ERROR: S:L: " line of `log`
 * whose message is `msg`, msg_n bytes, L being at_line) in the text it
 * checked (`text`, len bytes) of a shader of `version` scanned as *d is the
 * index of an unsized storage block member that is not the block's last,
 * which the driver refuses at link time only (shader-unsized.c). */
bool gh_shader_unsized_member_divergence(const char *text, size_t len, int version,
                                         const struct gh_shader_desktop *d, const char *log,
                                         const char *line, size_t n, const char *msg, size_t msg_n,
                                         int at_line);

/* Appends to the preamble `out` (NUL-terminated, `size` bytes in all) what
 * glslang lacks for a `stage` shader of `version` and `profile` in a context
 * of `api`, scanned as *d. */
void gh_shader_desktop_preamble(char *out, size_t size, enum gh_shader_api api, int version,
                                enum gh_glslang_profile profile, enum gh_glslang_stage stage,
                                const struct gh_shader_desktop *d);

/* For a shader glslang accepted as `in` (its text, version, preamble),
 * scanned as *d: the verdict on the atomic memory functions' arguments
 * where the preamble declared the functions (below 4.20), from glslang's
 * check of them at 4.20. On GH_SHADER_REFUSED *log is glslang's (malloc'd). */
enum gh_shader_verdict gh_shader_desktop_atomics(const struct gh_glslang_input *in,
                                                 const struct gh_shader_desktop *d, char **log);

#endif
