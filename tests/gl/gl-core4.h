/*
 * What gl-core4.c shares with its checks in gl-core4-binds.c.
 */
#ifndef GL_CORE4_H
#define GL_CORE4_H

#include <stdbool.h>

/* A full-target triangle from gl_VertexID (GLSL 4.40, no attributes), and a fragment
 * shader writing green. */
extern const char *const gl4_vs_full;
extern const char *const gl4_fs_green;
/* A fragment shader sampling its texture `t` in the middle. */
extern const char *const gl4_fs_sample;
/* A vertex shader of vec2 positions at location 0. */
extern const char *const gl4_vs_pos;
/* Clears the bound draw framebuffer to opaque black. */
void gl4_clear(void);

/* The checks of gl-core4-binds.c: true when they pass. */
bool gl4_tex_storage_1d(void);
bool gl4_copy_image_1d_rect(void);
bool gl4_multi_bind_buffers(unsigned vao);
bool gl4_multi_bind_textures(unsigned vao);
bool gl4_multi_bind_image_textures(void);
bool gl4_multi_bind_vertex_buffers(void);
bool gl4_attrib_desktop_formats(void);
bool gl4_xfb_draw(void);
/* gl-core4-draws.c */
void gl4_draw_id(void); /* prints its own result */
bool gl4_format_without_buffer(void);

#endif
