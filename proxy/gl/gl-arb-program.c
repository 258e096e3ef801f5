/*
 * ARB_vertex_program/ARB_fragment_program's program text: glProgramStringARB
 * waits for the host's answer (the host checks the text before its driver
 * sees it: gpuhost/gl/arb-program.c, which has the wire), whose reply
 * carries the error position and string the app sees after the call; the
 * library keeps them for glGetIntegerv(GL_PROGRAM_ERROR_POSITION_ARB) and
 * glGetString(GL_PROGRAM_ERROR_STRING_ARB). glGetProgramStringARB's reply
 * carries the bound program's text, which GL lets the app size with
 * GL_PROGRAM_LENGTH_ARB first.
 */
#include <stdlib.h>
#include <string.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

#define PROGRAM_ERROR_POSITION_ 0x864B
#define PROGRAM_ERROR_STRING_ 0x8874

/* The most bytes of an error string the host passes on (arb-program.c). */
#define MAX_ERROR_STRING 1024u

static bool has_programs(const struct ge_gl_state *gl)
{
	const struct gles_level *l = &gl->api->level;
	return gles_level_has_extension(l, gles_extension_index("GL_ARB_vertex_program")) ||
	       gles_level_has_extension(l, gles_extension_index("GL_ARB_fragment_program"));
}

void GL_APIENTRY gl_enc_special_glProgramStringARB(GLenum target, GLenum format, GLsizei len,
                                                   const void *string)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glProgramStringARB);
	if (!e)
		return;
	if (len < 0 || (len && !string)) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	uint64_t payload = 8 + (uint64_t)ge_blob_size((uint32_t)len);
	if (payload > (uint64_t)GL_MAX_COMMAND - 8) {
		gl_enc_error(e, GL_OUT_OF_MEMORY);
		return;
	}
	uint8_t *p = gl_enc_begin(e, GLES_OP_glProgramStringARB, (uint32_t)payload);
	if (!p)
		return;
	p = ge_put_u32(p, target);
	p = ge_put_u32(p, format);
	ge_put_blob(p, string, (uint32_t)len);
	gl_enc_end(e);
	uint32_t size = 0, head[3];
	const uint8_t *reply = gl_enc_reply(e, GLES_OP_glProgramStringARB, &size);
	if (!reply || size < 12)
		return;
	memcpy(head, reply, 12);
	if (head[2] > MAX_ERROR_STRING || size != 8 + ge_blob_size(head[2]) ||
	    memchr(reply + 12, 0, head[2])) {
		ge_stream_lose(e, "glProgramStringARB: a reply of the wrong size");
		return;
	}
	if (!head[0])
		return;
	struct ge_gl_state *gl = e->gl;
	char *text = malloc(head[2] + 1);
	if (!text) {
		gl_enc_error(e, GL_OUT_OF_MEMORY);
		return;
	}
	memcpy(text, reply + 12, head[2]);
	text[head[2]] = '\0';
	free(gl->arb_error_string);
	gl->arb_error_string = text;
	gl->arb_error_position = (int32_t)head[1];
}

void GL_APIENTRY gl_enc_special_glGetProgramStringARB(GLenum target, GLenum pname, void *string)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetProgramStringARB);
	if (!e)
		return;
	uint8_t *p = gl_enc_begin(e, GLES_OP_glGetProgramStringARB, 8);
	if (!p)
		return;
	p = ge_put_u32(p, target);
	ge_put_u32(p, pname);
	gl_enc_end(e);
	uint32_t size = 0, n;
	const uint8_t *reply = gl_enc_reply(e, GLES_OP_glGetProgramStringARB, &size);
	if (!reply || size < 4)
		return;
	memcpy(&n, reply, 4);
	if (size != ge_blob_size(n)) {
		ge_stream_lose(e, "glGetProgramStringARB: a reply of the wrong size");
		return;
	}
	/* GL writes GL_PROGRAM_LENGTH_ARB bytes, which the app sized. */
	if (n && string)
		memcpy(string, reply + 4, n);
}

bool ge_arb_program_value(const struct ge_gl_state *gl, uint32_t pname, float *v)
{
	if (pname != PROGRAM_ERROR_POSITION_ || !has_programs(gl))
		return false;
	v[0] = (float)gl->arb_error_position;
	return true;
}

const char *ge_arb_program_string(const struct ge_gl_state *gl, uint32_t name)
{
	if (name != PROGRAM_ERROR_STRING_ || !has_programs(gl))
		return NULL;
	return gl->arb_error_string ? gl->arb_error_string : "";
}
