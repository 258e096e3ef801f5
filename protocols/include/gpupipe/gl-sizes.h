/*
 * Size helpers for the GLES codec's size expressions
 * (protocols/gles/gles-annotations.txt). Both sides link the same code
 * (protocols/gles/gles-sizes.c), so the app's library and gpupipe-host
 * always agree on how many bytes a pointer argument covers.
 *
 * Every helper returns an int64_t: a count or a byte size (>= 0), or a
 * negative GL_SIZE_* code. The client turns a negative size into the GL
 * error the code names and drops the call; the host ends the link.
 * Only the GLES 2.0 and 1.1 values and those of the extensions we advertise
 * are known: anything else is GL_SIZE_INVALID_ENUM, so a host GL that knows
 * more (ES 3.x) never writes more than the capacity the app sent.
 */
#ifndef GPUPIPE_GL_SIZES_H
#define GPUPIPE_GL_SIZES_H

#include <stdint.h>

#define GL_SIZE_INVALID_VALUE (-1)     /* GL_INVALID_VALUE: negative size, overflow */
#define GL_SIZE_INVALID_ENUM (-2)      /* GL_INVALID_ENUM: unknown pname, format, type */
#define GL_SIZE_INVALID_OPERATION (-3) /* GL_INVALID_OPERATION: format/type mismatch */

/* The values gl_get_count() gives GL_COMPRESSED_TEXTURE_FORMATS and
 * GL_SHADER_BINARY_FORMATS: their real count is another query
 * (GL_NUM_*_FORMATS), so the wire capacity is this fixed cap. The app's
 * library asks with a scratch buffer of this size and copies only the
 * GL_NUM_*_FORMATS values the app's array holds; the host must not
 * advertise more formats than this (it checks at context creation). */
#define GL_SIZES_MAX_FORMATS 256

/* The GL error a negative size stands for (GL_INVALID_VALUE for any other
 * negative value). */
uint32_t gl_size_error(int64_t size);

/* count * elem_bytes for a count from a helper below: a negative count (a
 * GL_SIZE_* code) is returned as it is, so that the code survives the
 * multiplication; an overflow is GL_SIZE_INVALID_VALUE. (Size expressions
 * need no such care for the command's own parameters: the generated code
 * makes any negative signed parameter they name GL_SIZE_INVALID_VALUE.) */
int64_t gl_bytes(int64_t count, int64_t elem_bytes);

/* Values written by glGetIntegerv/Floatv/Booleanv/Fixedv for `pname`
 * (the OpenGL ES 1.1 state too: gl_get_count_es1). */
int64_t gl_get_count(uint32_t pname);
/* Values of glTexParameter*v / glGetTexParameter*v (GL_GENERATE_MIPMAP of
 * OpenGL ES 1.1 too). */
int64_t gl_texparam_count(uint32_t pname);

/* OpenGL ES 1.1 (protocols/gles/gles-sizes-es1.c): the fixed-function
 * state gl_get_count() knows besides GLES 2's, and the values of
 * gl{Get,}Light*v, glLightModel*v, gl{Get,}Material*v, glFog*v,
 * glPointParameter*v and gl{Get,}TexEnv*v (GL_COORD_REPLACE_OES of
 * OES_point_sprite too). */
#define GL_GENERATE_MIPMAP_ES1 0x8191
int64_t gl_get_count_es1(uint32_t pname);
int64_t gl_light_count(uint32_t pname);
int64_t gl_light_model_count(uint32_t pname);
int64_t gl_material_count(uint32_t pname);
int64_t gl_fog_count(uint32_t pname);
int64_t gl_point_param_count(uint32_t pname);
int64_t gl_texenv_count(uint32_t pname);
/* glGetBufferParameteriv, glGetRenderbufferParameteriv,
 * glGetFramebufferAttachmentParameteriv, glGetProgramiv, glGetShaderiv,
 * glGetVertexAttrib{f,i}v. */
int64_t gl_bufparam_count(uint32_t pname);
int64_t gl_rbparam_count(uint32_t pname);
int64_t gl_fb_attachment_count(uint32_t pname);
int64_t gl_program_param_count(uint32_t pname);
int64_t gl_shader_param_count(uint32_t pname);
int64_t gl_vertex_attrib_count(uint32_t pname);

/* Bytes of one index of glDrawElements' `type` (1, 2 or 4). */
int64_t gl_index_size(uint32_t type);
/* Bytes of one pixel of format/type for uploads and readbacks. */
int64_t gl_pixel_size(uint32_t format, uint32_t type);
/* Bytes GL reads (glTex{Sub,}Image2D) or writes (glReadPixels) for a
 * width x height image with rows padded to `alignment` (1, 2, 4, 8): every
 * row but the last is padded, as GL addresses them. 0 when width or
 * height is 0. 64-bit arithmetic with overflow checks: GL_SIZE_INVALID_VALUE
 * for negative sizes, a bad alignment or a result over INT64_MAX. */
int64_t gl_image_size(int64_t width, int64_t height, uint32_t format, uint32_t type,
                      int64_t alignment);

#endif
