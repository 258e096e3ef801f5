/*
 * The executor of one link: created when the app first binds gpupipe_v1,
 * destroyed with the session. See gl.h and executor.h.
 */
#include <stdlib.h>

#include <gpupipe/log.h>
#include <gpupipe/wire.h>

#include "context.h"
#include "executor.h"
#include "frames.h"
#include "gl.h"
#include "gles-codec.h"
#include "host-egl.h"
#include "map.h"
#include "quota.h"
#include "records.h"
#include "shader-check.h"
#include "shared.h"
#include "stream.h"
#include "surface.h"

/* The host GL's entry points: the generated table (gles_host), and the
 * few the executor calls itself that GLES 2 lacks (gh_gl_fns). */
static bool load_host_gl(struct gh_gl *gl)
{
	const char *missing = NULL;
	if (!gles_host_load((void *(*)(const char *))eglGetProcAddress, &missing)) {
		gp_log(ERROR, "host GLES lacks %s", missing ? missing : "a GLES 2.0 function");
		return false;
	}
	struct gh_gl_fns *f = &gl->fns;
	f->BlitFramebuffer = (void *)eglGetProcAddress("glBlitFramebuffer");
	f->MapBufferRange = (void *)eglGetProcAddress("glMapBufferRange");
	f->UnmapBuffer = (void *)eglGetProcAddress("glUnmapBuffer");
	f->GetTexLevelParameteriv = (void *)eglGetProcAddress("glGetTexLevelParameteriv");
	/* ES 3.2 (or OES_draw_elements_base_vertex): indirect draws with a base
	 * vertex run as this direct draw (indirect.c). */
	f->DrawElementsInstancedBaseVertex =
	        (void *)eglGetProcAddress("glDrawElementsInstancedBaseVertex");
	if (!f->DrawElementsInstancedBaseVertex)
		f->DrawElementsInstancedBaseVertex =
		        (void *)eglGetProcAddress("glDrawElementsInstancedBaseVertexOES");
	f->EGLImageTargetRenderbufferStorageOES =
	        (void *)eglGetProcAddress("glEGLImageTargetRenderbufferStorageOES");
	return true;
}

struct gh_gl *gh_gl_create_with_sink(const struct gh_gl_sink *sink, void *data,
                                     bool use_render_node, unsigned offer)
{
	/* glslang's process-wide set-up: the executor is made during the
	 * link's setup, before its sandbox (a second call does nothing). */
	if (!gh_shader_check_init()) {
		gp_log(ERROR, "glslang cannot initialise: no shader checks, no GL");
		return NULL;
	}
	struct gh_gl *gl = calloc(1, sizeof(*gl));
	if (!gl)
		return NULL;
	gl->sink = sink;
	gl->sink_data = data;
	gl->name_hooks = gh_gl_name_hooks;
	gh_egl_init(&gl->egl);
	gl->frames.present_ctx = EGL_NO_CONTEXT;
	gl->frames.readback_ctx = EGL_NO_CONTEXT;
	gl->offer = offer;
	gh_gl_quota_init(&gl->quota);
	gh_gl_map_init(&gl->contexts, GH_GL_MAX_EGL_OBJECTS);
	gh_gl_map_init(&gl->surfaces, GH_GL_MAX_EGL_OBJECTS);
	gh_gl_map_init(&gl->syncs, GH_GL_MAX_EGL_OBJECTS);
	gh_gl_map_init(&gl->images, GH_GL_MAX_EGL_OBJECTS);
	gh_gl_map_init(&gl->buffers, GH_GL_MAX_BUFFERS);
	wl_list_init(&gl->memories);
	bool ok =
	        gh_gl_counts_init(gl) && gh_egl_open(&gl->egl, use_render_node) && load_host_gl(gl);
	gl->present = gl->egl.dmabuf ? GH_GL_PRESENT_DMABUF : GH_GL_PRESENT_SHM;
	if (!ok || !gh_gl_present_init(gl)) {
		gh_gl_destroy(gl);
		return NULL;
	}
	return gl;
}

enum gh_gl_present gh_gl_choose_present(struct gh_gl *gl, bool compositor_has_dmabuf)
{
	if (gl->present == GH_GL_PRESENT_DMABUF && !compositor_has_dmabuf) {
		gp_log(INFO, "the compositor offers no zwp_linux_dmabuf_v1: frames go through shm");
		gl->present = GH_GL_PRESENT_SHM;
	}
	return gl->present;
}

enum gh_gl_present gh_gl_present_mode(struct gh_gl *gl)
{
	return gl->present;
}

static void unref_context_entry(uint32_t key, uintptr_t val, void *data)
{
	gh_gl_context_unref((struct gh_gl_context *)val);
}

static void unref_surface_entry(uint32_t key, uintptr_t val, void *data)
{
	gh_gl_surface_unref((struct gh_gl_surface *)val);
}

static void unref_memory_entry(uint32_t key, uintptr_t val, void *data)
{
	gh_gl_memory_unref((struct gh_gl_memory *)val);
}

/* What the app made: streams, contexts, surfaces, syncs, images and the
 * wl_buffers bound to frame buffer memory. The maps are left finished. */
static void forget_app_objects(struct gh_gl *gl)
{
	for (uint32_t i = 0; i <= WIRE_MAX_GL_CHANNEL; i++) {
		if (gl->streams[i])
			gh_gl_stream_free(gl->streams[i]);
	}
	gh_gl_shared_link_finish(gl);
	gh_gl_quota_report(&gl->quota);
	gh_gl_map_for_each(&gl->contexts, unref_context_entry, NULL);
	gh_gl_map_finish(&gl->contexts);
	gh_gl_map_for_each(&gl->surfaces, unref_surface_entry, NULL);
	gh_gl_map_finish(&gl->surfaces);
	gh_gl_syncs_finish(gl);
	gh_gl_images_finish(gl);
	gh_gl_map_for_each(&gl->buffers, unref_memory_entry, NULL);
	gh_gl_map_finish(&gl->buffers);
}

void gh_gl_reset(struct gh_gl *gl)
{
	forget_app_objects(gl);
	gh_gl_map_init(&gl->contexts, GH_GL_MAX_EGL_OBJECTS);
	gh_gl_map_init(&gl->surfaces, GH_GL_MAX_EGL_OBJECTS);
	gh_gl_map_init(&gl->syncs, GH_GL_MAX_EGL_OBJECTS);
	gh_gl_map_init(&gl->images, GH_GL_MAX_EGL_OBJECTS);
	gh_gl_map_init(&gl->buffers, GH_GL_MAX_BUFFERS);
	gl->failed = false;
}

void gh_gl_destroy(struct gh_gl *gl)
{
	if (!gl)
		return;
	forget_app_objects(gl);
	/* Memory the session still holds outlives us without its GL part. */
	struct gh_gl_memory *mem, *tmp;
	wl_list_for_each_safe(mem, tmp, &gl->memories, link)
	{
		gh_gl_memory_release_gl(mem);
		wl_list_remove(&mem->link);
		wl_list_init(&mem->link);
		mem->gl = NULL;
	}
	gh_gl_present_finish(gl);
	gh_egl_close(&gl->egl);
	free(gl->configs);
	free(gl->init_reply);
	gh_gl_counts_finish(gl);
	free(gl);
}
