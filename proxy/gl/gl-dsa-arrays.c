/*
 * OpenGL 4.5 direct state access to vertex arrays: each named command is
 * its bound form with the named vertex array bound for it, then the bound
 * one bound back. The library's vertex array records (state.c) and the
 * host's, which draws are checked against (gpuhost/gl/vertex.c), follow the
 * bound forms as they always do. A core profile has no default vertex
 * array: 0 is GL_INVALID_OPERATION as an unknown name is.
 */
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

static bool vao_begin(struct gl_enc *e, GLuint vaobj, uint32_t *old)
{
	if (!vaobj || !gl_enc_name_known(e, GL_NAMES_VERTEX_ARRAY, vaobj)) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return false;
	}
	*old = e->gl->vao_name;
	if (*old != vaobj)
		gl_enc_glBindVertexArray(vaobj);
	return true;
}

static void vao_end(struct gl_enc *e, GLuint vaobj, uint32_t old)
{
	if (old != vaobj)
		gl_enc_glBindVertexArray(gl_enc_name_known(e, GL_NAMES_VERTEX_ARRAY, old) ? old
		                                                                          : 0);
}

/* A buffer a vertex array is to read: 0 or one the library made. */
static bool buffer_ok(struct gl_enc *e, GLuint buffer)
{
	if (buffer && !gl_enc_name_known(e, GL_NAMES_BUFFER, buffer)) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return false;
	}
	return true;
}

void GL_APIENTRY gl_enc_special_glCreateVertexArrays(GLsizei n, GLuint *arrays)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glCreateVertexArrays);
	if (!e)
		return;
	if (n < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	gl_enc_glGenVertexArrays(n, arrays);
	uint32_t old = e->gl->vao_name;
	for (GLsizei i = 0; i < n; i++)
		gl_enc_glBindVertexArray(arrays[i]);
	if (n)
		gl_enc_glBindVertexArray(old);
}

#define VAO_CALL(op, vaobj, call)                                                                  \
	do {                                                                                       \
		struct gl_enc *e = gl_enc_current_op(op);                                          \
		uint32_t old;                                                                      \
		if (e && vao_begin(e, vaobj, &old)) {                                              \
			call;                                                                      \
			vao_end(e, vaobj, old);                                                    \
		}                                                                                  \
	} while (0)

void GL_APIENTRY gl_enc_special_glEnableVertexArrayAttrib(GLuint vaobj, GLuint index)
{
	VAO_CALL(GLES_OP_glEnableVertexArrayAttrib, vaobj, gl_enc_glEnableVertexAttribArray(index));
}

void GL_APIENTRY gl_enc_special_glDisableVertexArrayAttrib(GLuint vaobj, GLuint index)
{
	VAO_CALL(GLES_OP_glDisableVertexArrayAttrib, vaobj,
	         gl_enc_glDisableVertexAttribArray(index));
}

void GL_APIENTRY gl_enc_special_glVertexArrayAttribFormat(GLuint vaobj, GLuint attribindex,
                                                          GLint size, GLenum type,
                                                          GLboolean normalized,
                                                          GLuint relativeoffset)
{
	VAO_CALL(GLES_OP_glVertexArrayAttribFormat, vaobj,
	         gl_enc_glVertexAttribFormat(attribindex, size, type, normalized, relativeoffset));
}

void GL_APIENTRY gl_enc_special_glVertexArrayAttribIFormat(GLuint vaobj, GLuint attribindex,
                                                           GLint size, GLenum type,
                                                           GLuint relativeoffset)
{
	VAO_CALL(GLES_OP_glVertexArrayAttribIFormat, vaobj,
	         gl_enc_glVertexAttribIFormat(attribindex, size, type, relativeoffset));
}

void GL_APIENTRY gl_enc_special_glVertexArrayAttribLFormat(GLuint vaobj, GLuint attribindex,
                                                           GLint size, GLenum type,
                                                           GLuint relativeoffset)
{
	VAO_CALL(GLES_OP_glVertexArrayAttribLFormat, vaobj,
	         gl_enc_glVertexAttribLFormat(attribindex, size, type, relativeoffset));
}

void GL_APIENTRY gl_enc_special_glVertexArrayAttribBinding(GLuint vaobj, GLuint attribindex,
                                                           GLuint bindingindex)
{
	VAO_CALL(GLES_OP_glVertexArrayAttribBinding, vaobj,
	         gl_enc_glVertexAttribBinding(attribindex, bindingindex));
}

void GL_APIENTRY gl_enc_special_glVertexArrayBindingDivisor(GLuint vaobj, GLuint bindingindex,
                                                            GLuint divisor)
{
	VAO_CALL(GLES_OP_glVertexArrayBindingDivisor, vaobj,
	         gl_enc_glVertexBindingDivisor(bindingindex, divisor));
}

void GL_APIENTRY gl_enc_special_glVertexArrayVertexBuffer(GLuint vaobj, GLuint bindingindex,
                                                          GLuint buffer, GLintptr offset,
                                                          GLsizei stride)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glVertexArrayVertexBuffer);
	uint32_t old;
	if (e && buffer_ok(e, buffer) && vao_begin(e, vaobj, &old)) {
		gl_enc_glBindVertexBuffer(bindingindex, buffer, offset, stride);
		vao_end(e, vaobj, old);
	}
}

/* ARB_multi_bind's form: each binding point in turn (NULL buffers: none). */
void GL_APIENTRY gl_enc_special_glVertexArrayVertexBuffers(GLuint vaobj, GLuint first,
                                                           GLsizei count, const GLuint *buffers,
                                                           const GLintptr *offsets,
                                                           const GLsizei *strides)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glVertexArrayVertexBuffers);
	if (!e)
		return;
	if (count < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	for (GLsizei i = 0; buffers && i < count; i++)
		if (!buffer_ok(e, buffers[i]))
			return;
	uint32_t old;
	if (!vao_begin(e, vaobj, &old))
		return;
	for (GLsizei i = 0; i < count; i++) {
		if (buffers)
			gl_enc_glBindVertexBuffer(first + (GLuint)i, buffers[i], offsets[i],
			                          strides[i]);
		else
			gl_enc_glBindVertexBuffer(first + (GLuint)i, 0, 0, 16);
	}
	vao_end(e, vaobj, old);
}

void GL_APIENTRY gl_enc_special_glVertexArrayElementBuffer(GLuint vaobj, GLuint buffer)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glVertexArrayElementBuffer);
	uint32_t old;
	if (e && buffer_ok(e, buffer) && vao_begin(e, vaobj, &old)) {
		gl_enc_glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buffer);
		vao_end(e, vaobj, old);
	}
}

/* The element buffer is the library's to know: no round trip. */
void GL_APIENTRY gl_enc_special_glGetVertexArrayiv(GLuint vaobj, GLenum pname, GLint *param)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetVertexArrayiv);
	if (!e)
		return;
	if (!vaobj || !gl_enc_name_known(e, GL_NAMES_VERTEX_ARRAY, vaobj)) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return;
	}
	if (pname != GL_ELEMENT_ARRAY_BUFFER_BINDING) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return;
	}
	uint32_t old;
	if (vao_begin(e, vaobj, &old)) {
		*param = (GLint)e->gl->vao->element_buffer;
		vao_end(e, vaobj, old);
	}
}

void GL_APIENTRY gl_enc_special_glGetVertexArrayIndexediv(GLuint vaobj, GLuint index, GLenum pname,
                                                          GLint *param)
{
	VAO_CALL(GLES_OP_glGetVertexArrayIndexediv, vaobj,
	         gl_enc_glGetVertexAttribiv(index, pname, param));
}

/* Its one pname, GL_VERTEX_BINDING_OFFSET, is the indexed state of the
 * bound vertex array. */
void GL_APIENTRY gl_enc_special_glGetVertexArrayIndexed64iv(GLuint vaobj, GLuint index,
                                                            GLenum pname, GLint64 *param)
{
	struct gl_enc *cur = gl_enc_current_op(GLES_OP_glGetVertexArrayIndexed64iv);
	if (cur && pname != GL_VERTEX_BINDING_OFFSET) {
		gl_enc_error(cur, GL_INVALID_ENUM);
		return;
	}
	VAO_CALL(GLES_OP_glGetVertexArrayIndexed64iv, vaobj,
	         gl_enc_glGetInteger64i_v(pname, index, param));
}
