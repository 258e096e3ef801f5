/*
 * gl-core-draw's shared helpers (gl-core-draw.c): an 8x8 RGBA8 framebuffer object,
 * programs of GLSL 3.30 core, pixels read back.
 */
#ifndef GL_CORE_DRAW_H
#define GL_CORE_DRAW_H

#define GL_GLEXT_PROTOTYPES 1
#include <GL/glcorearb.h>
#include <stdbool.h>

#define CD_SIZE 8

/* A program of a vertex and a fragment shader, "pos" at location 0 and "color" at 1;
 * `before_link` (may be NULL) runs between attaching and linking. 0 on failure. */
GLuint cd_program(const char *vs, const char *fs, void (*before_link)(GLuint prog));
/* Each channel of `got` within 3 of `want`'s. */
bool cd_near(unsigned got, unsigned want);
/* Binds a vertex array with `n` vec2 positions at location 0 and `n` vec4 colours at 1
 * (NULL: the array is off), in one new buffer. Returns the vertex array. */
GLuint cd_arrays(const float *pos, const float *color, int n);
/* The framebuffer every draw check draws into (bound, viewport set). */
void cd_bind_target(void);

/* The state and attribute checks (gl-core-draw-state.c). */
void cd_state_checks(void);

#endif
