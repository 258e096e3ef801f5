/*
 * The vertex state draws are validated against, tracked per context from
 * the commands that change it: buffer bindings and sizes (with a CPU copy
 * of element data), vertex arrays and their attributes, the current
 * program and the attribute locations its executable reads.
 *
 * The generated decoder calls the gl_exec_hook_* functions before the real
 * GL call, so each one decides what GL will do with its arguments (the
 * rules below are GL's own); what only GL knows afterwards (the size it
 * really gave a buffer, a link's result) is read back in
 * gh_gl_after_command.
 */
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>
#include <gpupipe/wire.h>

#include "bindings.h"
#include "context.h"
#include "draws.h"
#include "executor.h"
#include "extensions.h"
#include "gles-codec.h"
#include "map.h"
#include "programs.h"
#include "quota.h"
#include "records.h"
#include "stream.h"

uint32_t gh_gl_attrib_bytes(uint32_t size, uint32_t type)
{
	if (size < 1 || size > 4)
		return 0;
	switch (type) {
	case GL_BYTE:
	case GL_UNSIGNED_BYTE:
		return size;
	case GL_SHORT:
	case GL_UNSIGNED_SHORT:
		return 2 * size;
	case GL_FLOAT:
	case GL_FIXED:
		return 4 * size;
	default:
		return 0;
	}
}

/* The same for the types a GLES 3 host context takes besides (an app may
 * send them: the host's GL decides, so we must know their size). */
static uint32_t es3_attrib_bytes(uint32_t size, uint32_t type)
{
	if (size < 1 || size > 4)
		return 0;
	switch (type) {
	case GH_GL_HALF_FLOAT:
		return 2 * size;
	case GL_INT:
	case GL_UNSIGNED_INT:
		return 4 * size;
	case GH_GL_INT_2_10_10_10_REV:
	case GH_GL_UNSIGNED_INT_2_10_10_10_REV:
		return size == 4 ? 4 : 0;
	default:
		return 0;
	}
}

static bool es3_type(uint32_t type)
{
	return type == GH_GL_HALF_FLOAT || type == GL_INT || type == GL_UNSIGNED_INT ||
	       type == GH_GL_INT_2_10_10_10_REV || type == GH_GL_UNSIGNED_INT_2_10_10_10_REV;
}

/* Every target the context may use is tracked (buffer-targets.c). */
static bool check_target(struct gl_exec *x, uint32_t target)
{
	if (gl_buffer_target(target) < 0)
		return gh_gl_fail(x, "buffer target 0x%x is not tracked", target);
	return true;
}

static void set_buffer(struct gh_gl_buffer **slot, struct gh_gl_buffer *buf)
{
	gh_gl_buffer_ref(buf);
	gh_gl_buffer_unref(*slot);
	*slot = buf;
}

bool gl_exec_hook_glBindBuffer(struct gl_exec *x, GLenum target, GLuint buffer, GLuint app_buffer)
{
	return gh_gl_bind_buffer(x, target, buffer, app_buffer);
}

/* GL refuses any other usage (GL_INVALID_ENUM) and keeps the old store:
 * the record must not take the new data then, or the element copy would
 * lie about what the host's buffer holds. */
static bool usage_ok(const struct gh_gl_context *ctx, GLenum usage)
{
	switch (usage) {
	case GL_STREAM_DRAW:
		return ctx->level.api != GL_API_GLES1; /* not in OpenGL ES 1.1 */
	case GL_STATIC_DRAW:
	case GL_DYNAMIC_DRAW:
		return true;
	case 0x88E1: /* GL_STREAM_READ */
	case 0x88E2: /* GL_STREAM_COPY */
	case 0x88E5: /* GL_STATIC_READ */
	case 0x88E6: /* GL_STATIC_COPY */
	case 0x88E9: /* GL_DYNAMIC_READ */
	case 0x88EA: /* GL_DYNAMIC_COPY */
		return ctx->es3;
	default:
		return false;
	}
}

static void drop_copy(struct gh_gl_buffer *buf)
{
	free(buf->copy);
	buf->copy = NULL;
	buf->complete = false;
	buf->scan.valid = false;
}

bool gl_exec_hook_glBufferData(struct gl_exec *x, GLenum target, GLsizeiptr size, const void *data,
                               GLenum usage)
{
	if (!check_target(x, target))
		return false;
	struct gh_gl_buffer *buf = gh_gl_bound_buffer(x->ctx, target);
	if (!buf || size < 0 || !usage_ok(x->ctx, usage) || buf->immutable)
		return true; /* a GL error: nothing changes */
	free(buf->copy);
	buf->copy = NULL;
	buf->complete = false;
	buf->scan.valid = false;
	/* Element data is kept to find the largest index of each draw. */
	if (target == GL_ELEMENT_ARRAY_BUFFER && data && !buf->gpu_written) {
		buf->copy = malloc(size ? (size_t)size : 1);
		if (buf->copy) {
			gh_gl_copy_writes(x, buf);
			memcpy(buf->copy, data, (size_t)size);
			buf->complete = true;
		}
	}
	x->after_buffer_data = buf;
	x->after_buffer_target = target;
	x->after_buffer_size = (uint64_t)size;
	return true;
}

/* The GL memory quota, before the driver sees the size: a store that would
 * pass it is never asked for, and the app gets GL_OUT_OF_MEMORY. Charged
 * at the size asked; after_buffer_data corrects it to what GL made. */
enum gl_guard gl_exec_guard_glBufferData(struct gl_exec *x, GLenum target, GLsizeiptr size,
                                         const void *data, GLenum usage)
{
	if (!check_target(x, target))
		return GL_GUARD_FAIL;
	struct gh_gl_buffer *buf = gh_gl_bound_buffer(x->ctx, target);
	if (buf && buf->immutable) {
		/* GL refuses a new store for an immutable one: the driver never
		 * sees the call, so no store can escape the quota. */
		gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
		return GL_GUARD_SKIP;
	}
	if (!buf || size < 0 || !usage_ok(x->ctx, usage))
		return GL_GUARD_CALL; /* a GL error: nothing is allocated */
	if (!gh_gl_quota_charge(buf->quota, buf->charged, (uint64_t)size, "glBufferData")) {
		gh_gl_error_record(x->ctx, GL_OUT_OF_MEMORY);
		return GL_GUARD_SKIP;
	}
	buf->charged = (uint64_t)size;
	return GL_GUARD_CALL;
}

bool gl_exec_hook_glBufferSubData(struct gl_exec *x, GLenum target, GLintptr offset,
                                  GLsizeiptr size, const void *data)
{
	if (!check_target(x, target))
		return false;
	struct gh_gl_buffer *buf = gh_gl_bound_buffer(x->ctx, target);
	if (!buf || offset < 0 || size < 0 || (uint64_t)offset > buf->size ||
	    (uint64_t)size > buf->size - (uint64_t)offset ||
	    (buf->immutable && !(buf->storage_flags & GL_DYNAMIC_STORAGE_BIT_EXT)))
		return true; /* a GL error: nothing changes */
	buf->scan.valid = false;
	/* Mapped without GL_MAP_PERSISTENT_BIT (persist.c): GL refuses the
	 * write (the whole buffer or the range mapped, as the driver reads
	 * it): the copy is left for the driver's store. */
	if (buf->persist && !buf->persist_persistent)
		drop_copy(buf);
	if (buf->copy) {
		gh_gl_copy_writes(x, buf);
		memcpy(buf->copy + offset, data, (size_t)size);
	}
	return true;
}

/* GL_EXT_buffer_storage: an immutable store, charged as glBufferData's.
 * The library checked size and flags (an honest one sends only those GL
 * takes); a second store for the same buffer is the driver's error. */
enum gl_guard gl_exec_guard_glBufferStorageEXT(struct gl_exec *x, GLenum target, GLsizeiptr size,
                                               const void *data, GLbitfield flags)
{
	return gl_exec_guard_glBufferData(x, target, size, data, GL_STATIC_DRAW);
}

bool gl_exec_hook_glBufferStorageEXT(struct gl_exec *x, GLenum target, GLsizeiptr size,
                                     const void *data, GLbitfield flags)
{
	struct gh_gl_buffer *buf =
	        check_target(x, target) ? gh_gl_bound_buffer(x->ctx, target) : NULL;
	if (!buf || buf->immutable)
		return gl_exec_hook_glBufferData(x, target, size, data, GL_STATIC_DRAW);
	if (!gl_exec_hook_glBufferData(x, target, size, data, GL_STATIC_DRAW))
		return false;
	buf->immutable = true;
	buf->storage_flags = flags;
	return true;
}

bool gl_exec_hook_glDeleteBuffers(struct gl_exec *x, GLsizei n, const GLuint *buffers,
                                  const GLuint *app_buffers)
{
	return true; /* gl_exec_names_remove did the bookkeeping (name-hooks.c) */
}

bool gl_exec_hook_glPixelStorei(struct gl_exec *x, GLenum pname, GLint param)
{
	/* The library checks the same: an honest one sends only what GL takes. */
	if (!gl_pixel_store_set(&x->ctx->ps, pname, param))
		return gh_gl_fail(x, "glPixelStorei(0x%x, %d) is refused by GL", pname, param);
	return true;
}

bool gl_exec_hook_glBindVertexArray(struct gl_exec *x, GLuint array, GLuint app_array)
{
	return gl_exec_hook_glBindVertexArrayOES(x, array, app_array);
}

bool gl_exec_hook_glBindVertexArrayOES(struct gl_exec *x, GLuint array, GLuint app_array)
{
	struct gh_gl_vao *vao = &x->ctx->default_vao;
	if (array) {
		vao = gh_gl_map_get_ptr(&x->ctx->vaos, array);
		if (!vao)
			return gh_gl_fail(x, "vertex array %u has no host object", app_array);
	}
	x->ctx->vao = vao;
	return true;
}

static bool attrib_index(struct gl_exec *x, GLuint index, bool *valid)
{
	*valid = index < x->gl->host_max_attribs;
	if (*valid && index >= x->gl->max_attribs)
		return gh_gl_fail(x, "attribute %u is over the %u gpupipe tracks", index,
		                  x->gl->max_attribs);
	return true;
}

bool gl_exec_hook_glEnableVertexAttribArray(struct gl_exec *x, GLuint index)
{
	bool valid;
	if (!attrib_index(x, index, &valid))
		return false;
	if (valid)
		x->ctx->vao->attribs[index].enabled = true;
	return true;
}

bool gl_exec_hook_glDisableVertexAttribArray(struct gl_exec *x, GLuint index)
{
	bool valid;
	if (!attrib_index(x, index, &valid))
		return false;
	if (valid)
		x->ctx->vao->attribs[index].enabled = false;
	return true;
}

/* A binding point GL may take (its own limit) that we track, as
 * attrib_index does for attributes. */
static bool binding_index(struct gl_exec *x, GLuint index, bool *valid)
{
	*valid = index < x->gl->host_max_bindings;
	if (*valid && index >= x->gl->max_bindings)
		return gh_gl_fail(x, "vertex binding %u is over the %u gpupipe tracks", index,
		                  x->gl->max_bindings);
	return true;
}

/* OpenGL ES 3.1: the attribute reads binding point `index`, whose divisor
 * this is (glVertexAttribBinding + glVertexBindingDivisor). */
bool gl_exec_hook_glVertexAttribDivisor(struct gl_exec *x, GLuint index, GLuint divisor)
{
	bool valid;
	if (!attrib_index(x, index, &valid))
		return false;
	/* index < max_attribs <= GH_GL_MAX_ATTRIBS: a binding point we have. */
	if (valid) {
		x->ctx->vao->attribs[index].binding = index;
		x->ctx->vao->bindings[index].divisor = divisor;
	}
	return true;
}

bool gh_gl_attrib_integer_type(uint32_t type)
{
	return type == GL_BYTE || type == GL_UNSIGNED_BYTE || type == GL_SHORT ||
	       type == GL_UNSIGNED_SHORT || type == GL_INT || type == GL_UNSIGNED_INT;
}

/* Desktop OpenGL's ARB_vertex_array_bgra (core 3.2): size GL_BGRA, four components in
 * one GL_UNSIGNED_BYTE each or in a packed type's 4 bytes (normalized: GL refuses it
 * otherwise, with no state change). */
static uint32_t bgra_attrib_bytes(const struct gh_gl_context *ctx, uint32_t size, uint32_t type)
{
	bool desktop = gl_api_desktop(ctx->level.api);
	bool ok = type == GL_UNSIGNED_BYTE || type == GH_GL_INT_2_10_10_10_REV ||
	          type == GH_GL_UNSIGNED_INT_2_10_10_10_REV;
	return desktop && size == GH_GL_BGRA && ok ? 4 : 0;
}

/* Desktop OpenGL's float formats ES lacks: GL_DOUBLE components (OpenGL 2.0's
 * glVertexAttribPointer converts them to float), and ARB_vertex_type_10f_11f_11f_rev's
 * three packed floats in 4 bytes, size 3 only, in a context of 4.4 or later (the
 * extension is not offered below). */
static uint32_t desktop_attrib_bytes(const struct gh_gl_context *ctx, uint32_t size, uint32_t type)
{
	if (!gl_api_desktop(ctx->level.api))
		return 0;
	if (type == GH_GL_DOUBLE && size >= 1 && size <= 4)
		return 8 * size;
	bool packed_float = ctx->level.version >= GL_VERSION_CODE(4, 4);
	return packed_float && type == GH_GL_UNSIGNED_INT_10F_11F_11F_REV && size == 3 ? 4 : 0;
}

uint32_t gh_gl_any_attrib_bytes(struct gh_gl_context *ctx, uint32_t size, uint32_t type)
{
	if (size == GH_GL_BGRA)
		return bgra_attrib_bytes(ctx, size, type);
	uint32_t bytes = gh_gl_attrib_bytes(size, type);
	if (!bytes && ctx->es3)
		bytes = es3_attrib_bytes(size, type);
	if (!bytes)
		bytes = desktop_attrib_bytes(ctx, size, type);
	return bytes ? bytes : gh_gl_ext_attrib_bytes(ctx, size, type);
}

/* The bytes of one vertex of size x type as glVertexAttrib{,I}Pointer or
 * glVertexAttrib{,I}Format take it, 0 for what we cannot size; *known
 * false for a type we do not know at all, which GL is then given as 0 for
 * the same GL_INVALID_ENUM with no state change (an extension's type the
 * host takes would leave a format we cannot check). */
static uint32_t format_bytes(struct gh_gl_context *ctx, GLint size, GLenum type, bool integer,
                             bool *known)
{
	*known = integer ? gh_gl_attrib_integer_type(type)
	                 : gh_gl_attrib_bytes(1, type) || (ctx->es3 && es3_type(type)) ||
	                           desktop_attrib_bytes(ctx, 1, type) ||
	                           desktop_attrib_bytes(ctx, 3, type) ||
	                           gh_gl_ext_attrib_bytes(ctx, 1, type);
	uint32_t bytes = gh_gl_any_attrib_bytes(ctx, (uint32_t)size, type);
	return integer && !gh_gl_attrib_integer_type(type) ? 0 : bytes;
}

/* After GL took a format: one we could not size means our checks would
 * be wrong (never from GL's own types). */
static bool set_format(struct gl_exec *x, GLuint index, GLint size, GLenum type, uint32_t bytes,
                       uint32_t relative)
{
	if (!bytes)
		return gh_gl_fail(x,
		                  "GL took attribute %u of %d x type 0x%x, which gpupipe cannot "
		                  "size",
		                  index, size, type);
	struct gh_gl_attrib *a = &x->ctx->vao->attribs[index];
	a->size = (uint32_t)size;
	a->type = type;
	a->bytes = bytes;
	a->relative = relative;
	return true;
}

/* glVertexAttribPointer and glVertexAttribIPointer: u32 index, i32 size,
 * u32 type, [u32 normalized,] i32 stride, u64 offset into the bound
 * GL_ARRAY_BUFFER. As ES 3.1 defines them: the attribute's format with
 * relative offset 0, binding point `index` holding the array buffer at
 * that offset with that stride (0: tightly packed). What GL refused
 * changes nothing. */
static bool attrib_pointer(struct gl_exec *x, struct gl_reader *r, bool integer)
{
	const char *cmd = integer ? "glVertexAttribIPointer" : "glVertexAttribPointer";
	GLuint index = gl_rd_u32(r);
	GLint size = (GLint)gl_rd_u32(r);
	GLenum type = gl_rd_u32(r);
	GLboolean normalized = integer ? GL_FALSE : gl_rd_u32(r) != 0;
	GLsizei stride = (GLsizei)gl_rd_u32(r);
	uint64_t offset = gl_rd_u64(r);
	bool valid, known;
	if (!gles_reader_end(x, r, cmd) || !attrib_index(x, index, &valid))
		return false;
	uint32_t bytes = format_bytes(x->ctx, size, type, integer, &known);
	/* Without a buffer, only a vertex array object's NULL pointer: GL sets the format and
	 * no buffer (glVertexAttribBinding may point the attribute at one later). A client
	 * array's pointer is the app's address: those travel as GL_OP_CLIENT_ARRAY. */
	bool format_only = x->ctx->vao != &x->ctx->default_vao && offset == 0;
	if (valid && bytes && stride >= 0 && !x->ctx->array_buffer && !format_only)
		return gh_gl_fail(x, "no GL_ARRAY_BUFFER bound (client arrays travel as "
		                     "GL_OP_CLIENT_ARRAY)");
	gh_gl_errors_stash(x->ctx);
	if (integer)
		gles_host.glVertexAttribIPointer(index, size, known ? type : 0, stride,
		                                 (const void *)(uintptr_t)offset);
	else
		gles_host.glVertexAttribPointer(index, size, known ? type : 0, normalized, stride,
		                                (const void *)(uintptr_t)offset);
	/* Refused (a bad value, or a stride over GL_MAX_VERTEX_ATTRIB_STRIDE):
	 * the old pointer stays, maybe a host address left by a deleted
	 * buffer, and so does our record of it. */
	if (gh_gl_command_failed(x->ctx) || !valid)
		return true;
	if (!set_format(x, index, size, type, bytes, 0))
		return false;
	struct gh_gl_vao *vao = x->ctx->vao;
	vao->attribs[index].binding = index;
	struct gh_gl_binding *b = &vao->bindings[index];
	b->offset = offset;
	b->stride = stride ? (uint32_t)stride : bytes;
	set_buffer(&b->buffer, x->ctx->array_buffer);
	return true;
}

/* glVertexAttribLPointer (desktop OpenGL 4.1): u32 index, i32 size, u32
 * type, i32 stride, u64 offset into the bound GL_ARRAY_BUFFER. Doubles
 * only (GL_DOUBLE, 8 bytes a component); otherwise as glVertexAttribPointer
 * above, in a core profile, where every array is in a buffer. */
bool gl_exec_special_glVertexAttribLPointer(struct gl_exec *x, struct gl_reader *r)
{
	const char *cmd = "glVertexAttribLPointer";
	GLuint index = gl_rd_u32(r);
	GLint size = (GLint)gl_rd_u32(r);
	GLenum type = gl_rd_u32(r);
	GLsizei stride = (GLsizei)gl_rd_u32(r);
	uint64_t offset = gl_rd_u64(r);
	bool valid;
	if (!gles_reader_end(x, r, cmd) || !attrib_index(x, index, &valid))
		return false;
	bool known = type == 0x140A; /* GL_DOUBLE */
	uint32_t bytes = known && size >= 1 && size <= 4 ? (uint32_t)size * 8u : 0;
	if (valid && bytes && stride >= 0 && !x->ctx->array_buffer)
		return gh_gl_fail(x, "%s: no GL_ARRAY_BUFFER bound", cmd);
	gh_gl_errors_stash(x->ctx);
	gles_host.glVertexAttribLPointer(index, size, known ? type : 0, stride,
	                                 (const void *)(uintptr_t)offset);
	if (gh_gl_command_failed(x->ctx) || !valid)
		return true;
	if (!set_format(x, index, size, type, bytes, 0))
		return false;
	struct gh_gl_vao *vao = x->ctx->vao;
	vao->attribs[index].binding = index;
	struct gh_gl_binding *b = &vao->bindings[index];
	b->offset = offset;
	b->stride = stride ? (uint32_t)stride : bytes;
	set_buffer(&b->buffer, x->ctx->array_buffer);
	return true;
}

/* ---- OpenGL ES 3.1 vertex attribute bindings: GL decides, we record
 * what it took. ---- */

static bool attrib_format(struct gl_exec *x, GLuint index, GLint size, GLenum type,
                          GLboolean normalized, GLuint relative, bool integer)
{
	bool valid, known;
	if (!attrib_index(x, index, &valid))
		return false;
	uint32_t bytes = format_bytes(x->ctx, size, type, integer, &known);
	gh_gl_errors_stash(x->ctx);
	if (integer)
		gles_host.glVertexAttribIFormat(index, size, known ? type : 0, relative);
	else
		gles_host.glVertexAttribFormat(index, size, known ? type : 0, normalized, relative);
	if (gh_gl_command_failed(x->ctx) || !valid)
		return true;
	return set_format(x, index, size, type, bytes, relative);
}

bool gl_exec_wrap_glVertexAttribFormat(struct gl_exec *x, GLuint attribindex, GLint size,
                                       GLenum type, GLboolean normalized, GLuint relativeoffset)
{
	return attrib_format(x, attribindex, size, type, normalized, relativeoffset, false);
}

bool gl_exec_wrap_glVertexAttribIFormat(struct gl_exec *x, GLuint attribindex, GLint size,
                                        GLenum type, GLuint relativeoffset)
{
	return attrib_format(x, attribindex, size, type, GL_FALSE, relativeoffset, true);
}

/* Desktop OpenGL 4.1's 64-bit attributes: GL_DOUBLE only, 8 bytes a
 * component, which the draw checks fetch as any other format. */
bool gl_exec_wrap_glVertexAttribLFormat(struct gl_exec *x, GLuint attribindex, GLint size,
                                        GLenum type, GLuint relativeoffset)
{
	bool valid;
	if (!attrib_index(x, attribindex, &valid))
		return false;
	bool known = type == 0x140A; /* GL_DOUBLE */
	uint32_t bytes = known && size >= 1 && size <= 4 ? (uint32_t)size * 8u : 0;
	gh_gl_errors_stash(x->ctx);
	gles_host.glVertexAttribLFormat(attribindex, size, known ? type : 0, relativeoffset);
	if (gh_gl_command_failed(x->ctx) || !valid)
		return true;
	return set_format(x, attribindex, size, type, bytes, relativeoffset);
}

bool gl_exec_wrap_glVertexAttribBinding(struct gl_exec *x, GLuint attribindex, GLuint bindingindex)
{
	bool valid, valid_binding;
	if (!attrib_index(x, attribindex, &valid) ||
	    !binding_index(x, bindingindex, &valid_binding))
		return false;
	gh_gl_errors_stash(x->ctx);
	gles_host.glVertexAttribBinding(attribindex, bindingindex);
	if (!gh_gl_command_failed(x->ctx) && valid && valid_binding)
		x->ctx->vao->attribs[attribindex].binding = bindingindex;
	return true;
}

bool gl_exec_wrap_glBindVertexBuffer(struct gl_exec *x, GLuint bindingindex, GLuint buffer,
                                     GLintptr offset, GLsizei stride, GLuint app_buffer)
{
	bool valid;
	if (!binding_index(x, bindingindex, &valid))
		return false;
	struct gh_gl_buffer *buf = NULL;
	if (buffer && !(buf = gh_gl_map_get_ptr(&x->ctx->share->buffers, buffer)))
		return gh_gl_fail(x, "buffer %u has no host object", app_buffer);
	gh_gl_errors_stash(x->ctx);
	gles_host.glBindVertexBuffer(bindingindex, buffer, offset, stride);
	if (gh_gl_command_failed(x->ctx) || !valid)
		return true;
	/* GL took a negative offset or stride as an error above. */
	struct gh_gl_binding *b = &x->ctx->vao->bindings[bindingindex];
	b->offset = (uint64_t)offset;
	b->stride = (uint32_t)stride;
	set_buffer(&b->buffer, buf);
	return true;
}

bool gl_exec_wrap_glVertexBindingDivisor(struct gl_exec *x, GLuint bindingindex, GLuint divisor)
{
	bool valid;
	if (!binding_index(x, bindingindex, &valid))
		return false;
	gh_gl_errors_stash(x->ctx);
	gles_host.glVertexBindingDivisor(bindingindex, divisor);
	if (!gh_gl_command_failed(x->ctx) && valid)
		x->ctx->vao->bindings[bindingindex].divisor = divisor;
	return true;
}

void gh_gl_vao_init(struct gh_gl_vao *vao, uint32_t host)
{
	*vao = (struct gh_gl_vao){.host = host};
	/* GL's initial format: four floats (16 bytes a vertex, what a draw fetches from an
	 * attribute the app enables with no format of its own), at binding point i. */
	for (uint32_t i = 0; i < GH_GL_MAX_ATTRIBS; i++)
		vao->attribs[i] = (struct gh_gl_attrib){
		        .size = 4, .type = GL_FLOAT, .bytes = 16, .binding = i};
}

bool gl_exec_special_glVertexAttribPointer(struct gl_exec *x, struct gl_reader *r)
{
	return attrib_pointer(x, r, false);
}

bool gl_exec_special_glVertexAttribIPointer(struct gl_exec *x, struct gl_reader *r)
{
	return attrib_pointer(x, r, true);
}

bool gh_gl_use_program(struct gl_exec *x, GLuint program, GLuint app_program)
{
	struct gh_gl_program *prog = NULL;
	if (program) {
		prog = gh_gl_map_get_ptr(&x->ctx->share->programs, program);
		if (!prog)
			return gh_gl_fail(x, "program %u has no host object", app_program);
		GLint linked = GL_FALSE;
		gles_host.glGetProgramiv(program, GL_LINK_STATUS, &linked);
		if (!linked)
			return true; /* GL_INVALID_OPERATION: the current program stays */
		prog->refs++;
	}
	gh_gl_program_unref(x->ctx->program);
	x->ctx->program = prog;
	return true;
}

bool gh_gl_link_program(struct gl_exec *x, GLuint program, GLuint app_program)
{
	struct gh_gl_program *prog = gh_gl_map_get_ptr(&x->ctx->share->programs, program);
	if (!prog)
		return gh_gl_fail(x, "program %u has no host object", app_program);
	x->after_link = prog;
	return true;
}

/* Attribute locations a type takes (matrices take one per column). */
static uint32_t type_slots(GLenum type)
{
	switch (type) {
	case GL_FLOAT_MAT2:
		return 2;
	case GL_FLOAT_MAT3:
		return 3;
	case GL_FLOAT_MAT4:
		return 4;
	case 0x8B65: /* GL_FLOAT_MAT2x3 */
	case 0x8B66: /* GL_FLOAT_MAT2x4 */
		return 2;
	case 0x8B67: /* GL_FLOAT_MAT3x2 */
	case 0x8B68: /* GL_FLOAT_MAT3x4 */
		return 3;
	case 0x8B69: /* GL_FLOAT_MAT4x2 */
	case 0x8B6A: /* GL_FLOAT_MAT4x3 */
		return 4;
	default:
		return 1;
	}
}

struct program_user {
	const struct gh_gl_program *prog;
	const struct gh_gl_context *self;
	bool found;
};

static void find_program_user(uint32_t key, uintptr_t val, void *data)
{
	struct program_user *user = data;
	const struct gh_gl_context *ctx = (const struct gh_gl_context *)val;
	if (ctx != user->self && ctx->program == user->prog)
		user->found = true;
}

/* Which locations the linked executable reads. */
static void read_attribs(struct gl_exec *x, struct gh_gl_program *prog)
{
	GLint n = 0, max_len = 0;
	gles_host.glGetProgramiv(prog->host, GL_ACTIVE_ATTRIBUTES, &n);
	gles_host.glGetProgramiv(prog->host, GL_ACTIVE_ATTRIBUTE_MAX_LENGTH, &max_len);
	char *name = malloc(max_len > 0 ? (size_t)max_len + 1 : 1);
	uint64_t mask = 0;
	bool beyond = false;
	for (GLint i = 0; name && i < n; i++) {
		GLint size = 0;
		GLenum type = 0;
		name[0] = 0;
		gles_host.glGetActiveAttrib(prog->host, (GLuint)i, max_len + 1, NULL, &size, &type,
		                            name);
		GLint loc = gles_host.glGetAttribLocation(prog->host, name);
		if (loc < 0)
			continue; /* a built-in (gl_VertexID...) */
		uint64_t end = (uint64_t)loc + (uint64_t)type_slots(type) * (size > 0 ? size : 1);
		for (uint64_t l = (uint64_t)loc; l < end; l++) {
			if (l < x->gl->max_attribs)
				mask |= 1ull << l;
			else
				beyond = true;
		}
	}
	if (!name)
		beyond = true; /* unknown: no draw with it passes */
	free(name);
	/* Another context may still run the previous executable (GL installs
	 * a relinked one there at its next glUseProgram): check both. Any
	 * context counts, current on a stream now or not (it may be later). */
	struct program_user user = {.prog = prog, .self = x->ctx};
	gh_gl_map_for_each(&x->gl->contexts, find_program_user, &user);
	for (uint32_t i = 0; i <= WIRE_MAX_GL_CHANNEL; i++) {
		struct gl_exec *s = x->gl->streams[i];
		if (s && s->ctx)
			find_program_user(0, (uintptr_t)s->ctx, &user);
	}
	bool elsewhere = user.found || prog->in_pipeline;
	prog->attribs = mask | (elsewhere ? prog->attribs : 0);
	prog->beyond = beyond || (elsewhere && prog->beyond);
}

void gh_gl_copy_writes(struct gl_exec *x, struct gh_gl_buffer *buf)
{
	gh_gl_errors_stash(x->ctx);
	x->after_copy_write = buf;
}

static void after_buffer_data(struct gl_exec *x)
{
	struct gh_gl_buffer *buf = x->after_buffer_data;
	GLint size = 0, immutable = GL_FALSE;
	/* A glBufferStorageEXT the driver refused (out of memory) leaves the
	 * buffer mutable: a later glBufferData must be charged. */
	if (buf->immutable) {
		gles_host.glGetBufferParameteriv(x->after_buffer_target,
		                                 GL_BUFFER_IMMUTABLE_STORAGE_EXT, &immutable);
		buf->immutable = immutable == GL_TRUE;
	}
	gles_host.glGetBufferParameteriv(x->after_buffer_target, GL_BUFFER_SIZE, &size);
	if (size >= 0 && (uint64_t)size == x->after_buffer_size) {
		buf->size = x->after_buffer_size;
		return;
	}
	/* GL made a different store (out of memory, or over what GLint can
	 * say): draws may read only what it reports, and the copy is stale.
	 * The quota then counts what GL reports, unless GLint cannot say it. */
	buf->size = size > 0 ? (uint64_t)size : 0;
	if (size < INT32_MAX) {
		gh_gl_quota_adjust(buf->quota, buf->charged, buf->size);
		buf->charged = buf->size;
	}
	drop_copy(buf);
}

void gh_gl_after_command(struct gl_exec *x)
{
	if (!x->gl->failed && x->ctx) {
		/* The driver refused the write (a mapped buffer, a store it does
		 * not let change, no memory): the copy no longer says its bytes. */
		if (x->after_copy_write && gh_gl_command_failed(x->ctx))
			drop_copy(x->after_copy_write);
		if (x->after_buffer_data)
			after_buffer_data(x);
		if (x->after_link) {
			GLint linked = GL_FALSE;
			gles_host.glGetProgramiv(x->after_link->host, GL_LINK_STATUS, &linked);
			if (linked)
				read_attribs(x, x->after_link);
		}
	}
	x->after_buffer_data = NULL;
	x->after_copy_write = NULL;
	x->after_link = NULL;
}
