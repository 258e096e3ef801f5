/*
 * glInterleavedArrays (compatibility profile): never sent. It is the
 * pointer and enable commands the GL 4.5 compatibility specification
 * (section 10.3.10) says it is equal to, made here through the library's
 * own entry points, so that each array is kept or sent as any other
 * (gles1.c: client memory travels with the draws, a buffer's offset at
 * once) and both sides track them without knowing this command.
 */
#include <stddef.h>
#include <stdint.h>

#include <GLES/gl.h>

#include "gles-codec.h"
#include "state.h"

enum {
	EDGE_FLAG_ARRAY = 0x8079,
	INDEX_ARRAY = 0x8077,
	FOG_COORD_ARRAY = 0x8457,
	SECONDARY_COLOR_ARRAY = 0x845E,
	V2F = 0x2A20, /* GL_V2F; the formats follow in gl.xml's order */
	T4F_C4F_N3F_V4F = 0x2A2D,
};

/* One row of table 10.6: texture, colour and vertex sizes (0: no array),
 * whether there are normals, the colour's type (unsigned bytes or floats),
 * and the offsets of colour, normal and vertex, in bytes; the stride. */
struct layout {
	uint8_t st, sc, sv;
	bool en, ub;
	uint8_t pc, pn, pv, s;
};

/* f: a float's 4 bytes; c: four unsigned bytes, padded to a float's. */
#define F 4
#define C 4
static const struct layout layouts[T4F_C4F_N3F_V4F - V2F + 1] = {
        {0, 0, 2, false, false, 0, 0, 0, 2 * F},                /* V2F */
        {0, 0, 3, false, false, 0, 0, 0, 3 * F},                /* V3F */
        {0, 4, 2, false, true, 0, 0, C, C + 2 * F},             /* C4UB_V2F */
        {0, 4, 3, false, true, 0, 0, C, C + 3 * F},             /* C4UB_V3F */
        {0, 3, 3, false, false, 0, 0, 3 * F, 6 * F},            /* C3F_V3F */
        {0, 0, 3, true, false, 0, 0, 3 * F, 6 * F},             /* N3F_V3F */
        {0, 4, 3, true, false, 0, 4 * F, 7 * F, 10 * F},        /* C4F_N3F_V3F */
        {2, 0, 3, false, false, 0, 0, 2 * F, 5 * F},            /* T2F_V3F */
        {4, 0, 4, false, false, 0, 0, 4 * F, 8 * F},            /* T4F_V4F */
        {2, 4, 3, false, true, 2 * F, 0, C + 2 * F, C + 5 * F}, /* T2F_C4UB_V3F */
        {2, 3, 3, false, false, 2 * F, 0, 5 * F, 8 * F},        /* T2F_C3F_V3F */
        {2, 0, 3, true, false, 0, 2 * F, 5 * F, 8 * F},         /* T2F_N3F_V3F */
        {2, 4, 3, true, false, 2 * F, 6 * F, 9 * F, 12 * F},    /* T2F_C4F_N3F_V3F */
        {4, 4, 4, true, false, 4 * F, 8 * F, 11 * F, 15 * F},   /* T4F_C4F_N3F_V4F */
};

static void enable(GLenum cap, bool on)
{
	if (on)
		gl_enc_glEnableClientState(cap);
	else
		gl_enc_glDisableClientState(cap);
}

void GL_APIENTRY gl_enc_special_glInterleavedArrays(GLenum format, GLsizei stride,
                                                    const void *pointer)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glInterleavedArrays);
	if (!e)
		return;
	if (stride < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	if (format < V2F || format > T4F_C4F_N3F_V4F) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return;
	}
	const struct layout *l = &layouts[format - V2F];
	GLsizei s = stride ? stride : l->s;
	/* An offset into a GL_ARRAY_BUFFER or client memory: added as numbers. */
	uintptr_t p = (uintptr_t)pointer;
	enable(EDGE_FLAG_ARRAY, false);
	enable(INDEX_ARRAY, false);
	enable(SECONDARY_COLOR_ARRAY, false);
	enable(FOG_COORD_ARRAY, false);
	enable(GL_TEXTURE_COORD_ARRAY, l->st != 0);
	if (l->st)
		gl_enc_special_glTexCoordPointer(l->st, GL_FLOAT, s, (const void *)p);
	enable(GL_COLOR_ARRAY, l->sc != 0);
	if (l->sc)
		gl_enc_special_glColorPointer(l->sc, l->ub ? GL_UNSIGNED_BYTE : GL_FLOAT, s,
		                              (const void *)(p + l->pc));
	enable(GL_NORMAL_ARRAY, l->en);
	if (l->en)
		gl_enc_special_glNormalPointer(GL_FLOAT, s, (const void *)(p + l->pn));
	enable(GL_VERTEX_ARRAY, true);
	gl_enc_special_glVertexPointer(l->sv, GL_FLOAT, s, (const void *)(p + l->pv));
}
