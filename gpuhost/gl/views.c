/*
 * Texture views (GL_OES_texture_view, GL_EXT_texture_view): a view is a
 * texture that shares the immutable storage of its origin. The driver
 * checks what GL asks of both names (the view generated and never bound,
 * the origin immutable, levels, layers and formats compatible); the host
 * only follows the outcome in its storage records (storage.c): the view
 * charges the GL memory quota nothing of its own and holds a reference to
 * its origin's record, so the origin's bytes stay charged while any view of
 * it lives, as GL keeps the storage alive for it after the origin's name
 * is deleted.
 */
#include <gpupipe/log.h>

#include "context.h"
#include "gles-codec.h"
#include "map.h"
#include "quota.h"
#include "records.h"
#include "storage.h"
#include "stream.h"

typedef void (*texture_view_fn)(GLuint, GLenum, GLuint, GLenum, GLuint, GLuint, GLuint, GLuint);

static bool texture_view(struct gl_exec *x, texture_view_fn fn, GLuint texture, GLenum target,
                         GLuint origtexture, GLenum internalformat, GLuint minlevel,
                         GLuint numlevels, GLuint minlayer, GLuint numlayers, GLuint app_texture,
                         GLuint app_origtexture)
{
	struct gh_gl_map *textures = &x->ctx->share->textures;
	struct gh_gl_storage *view = gh_gl_map_get_ptr(textures, texture);
	struct gh_gl_storage *origin = gh_gl_map_get_ptr(textures, origtexture);
	if (!view || !origin)
		return gh_gl_fail(x, "texture view %u of %u: a texture has no host object",
		                  app_texture, app_origtexture);
	gh_gl_errors_stash(x->ctx);
	fn(texture, target, origtexture, internalformat, minlevel, numlevels, minlayer, numlayers);
	if (gh_gl_command_failed(x->ctx))
		return true;
	/* GL took it: the view was never bound (so it has no images and no
	 * other origin) and now has the target it was made with. */
	if (view->shares || view->bytes)
		return gh_gl_fail(x,
		                  "texture view %u: the host made a view of a texture with "
		                  "storage",
		                  app_texture);
	view->target = target;
	view->shares = gh_gl_storage_ref(origin);
	return true;
}

bool gl_exec_wrap_glTextureViewOES(struct gl_exec *x, GLuint texture, GLenum target,
                                   GLuint origtexture, GLenum internalformat, GLuint minlevel,
                                   GLuint numlevels, GLuint minlayer, GLuint numlayers,
                                   GLuint app_texture, GLuint app_origtexture)
{
	return texture_view(x, gles_host.glTextureViewOES, texture, target, origtexture,
	                    internalformat, minlevel, numlevels, minlayer, numlayers, app_texture,
	                    app_origtexture);
}

bool gl_exec_wrap_glTextureViewEXT(struct gl_exec *x, GLuint texture, GLenum target,
                                   GLuint origtexture, GLenum internalformat, GLuint minlevel,
                                   GLuint numlevels, GLuint minlayer, GLuint numlayers,
                                   GLuint app_texture, GLuint app_origtexture)
{
	return texture_view(x, gles_host.glTextureViewEXT, texture, target, origtexture,
	                    internalformat, minlevel, numlevels, minlayer, numlayers, app_texture,
	                    app_origtexture);
}
