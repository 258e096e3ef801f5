/*
 * The compatibility profile's texture residence on the library's side:
 * glPrioritizeTextures and glAreTexturesResident take arrays of texture names, and the
 * host maps every name it gets (an unknown one ends the link). GL's own rules for names
 * that are 0 or name no texture differ from the generic client check's
 * (GL_INVALID_OPERATION), so the library applies them here: glPrioritizeTextures ignores
 * such names (only the known ones travel, with their priorities), glAreTexturesResident
 * is GL_INVALID_VALUE for any.
 */
#include <stdint.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

/* Names sent per glPrioritizeTextures command (the app's array is sent in runs). */
#define RUN 64

void GL_APIENTRY gl_enc_special_glPrioritizeTextures(GLsizei n, const GLuint *textures,
                                                     const GLfloat *priorities)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glPrioritizeTextures);
	if (!e)
		return;
	if (n < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	GLuint names[RUN];
	GLfloat prio[RUN];
	GLsizei k = 0;
	for (GLsizei i = 0; i < n; i++) {
		if (!textures[i] || !gl_enc_name_known(e, GL_NAMES_TEXTURE, textures[i]))
			continue;
		names[k] = textures[i];
		prio[k] = priorities[i];
		if (++k == RUN) {
			gl_enc_glPrioritizeTextures(k, names, prio);
			k = 0;
		}
	}
	if (k)
		gl_enc_glPrioritizeTextures(k, names, prio);
}

GLboolean GL_APIENTRY gl_enc_special_glAreTexturesResident(GLsizei n, const GLuint *textures,
                                                           GLboolean *residences)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glAreTexturesResident);
	if (!e)
		return GL_FALSE;
	if (n < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return GL_FALSE;
	}
	for (GLsizei i = 0; i < n; i++) {
		if (!textures[i] || !gl_enc_name_known(e, GL_NAMES_TEXTURE, textures[i])) {
			gl_enc_error(e, GL_INVALID_VALUE);
			return GL_FALSE;
		}
	}
	return gl_enc_glAreTexturesResident(n, textures, residences);
}
