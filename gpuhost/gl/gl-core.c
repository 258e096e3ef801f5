/*
 * Desktop OpenGL's own commands of versions 1.0 to 2.0 that need the
 * host's hand (gl-annotations.txt, batch gl-a); the texture readbacks are
 * in teximage.c, the 1D images' quota in storage.c.
 */
#include <gpupipe/log.h>

#include "gles-codec.h"
#include "records.h"
#include "stream.h"

/* The array's buffer comes back as the app's name, as glGetVertexAttribiv's
 * does (query.c). */
bool gl_exec_wrap_glGetVertexAttribdv(struct gl_exec *x, GLuint index, GLenum pname,
                                      GLdouble *params)
{
	gles_host.glGetVertexAttribdv(index, pname, params);
	if (pname == GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING)
		params[0] = (GLdouble)gh_gl_reverse(x, GL_NAMES_BUFFER, (uint32_t)params[0]);
	return true;
}
