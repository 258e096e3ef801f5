/*
 * Frame buffer memory (gpupipe_v1.create_memory): what the compositor
 * shows, owned by the host. shm: a sealed memfd we keep mapped and write
 * frames into. dmabuf: a GBM buffer object, imported into our EGL display
 * as an EGLImage that the present context renders into (present.c).
 *
 * References: the creator's (gh_gl_memory_unref), one per wl_buffer bound
 * to it (gh_gl_memory_bind_buffer / gh_gl_buffer_destroyed).
 */
#include <drm_fourcc.h>
#include <errno.h>
#include <fcntl.h>
#include <gbm.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gpupipe/log.h>

#include "executor.h"
#include "frames.h"
#include "gl.h"
#include "gles-codec.h"
#include "host-egl.h"
#include "map.h"
#include "quota.h"
#include "stream.h"

static bool create_shm(struct gh_gl_memory *mem, struct gh_gl_memory_desc *desc)
{
	mem->stride = mem->width * 4;
	mem->map_size = (size_t)mem->stride * mem->height;
	int fd = memfd_create("gpupipe-frame", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0)
		return false;
	/* The compositor maps it too: it must never shrink under either. */
	if (ftruncate(fd, (off_t)mem->map_size) < 0 || fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK) < 0)
		goto err_fd;
	mem->map = mmap(NULL, mem->map_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (mem->map == MAP_FAILED) {
		mem->map = NULL;
		goto err_fd;
	}
	*desc = (struct gh_gl_memory_desc){
	        .fd = fd,
	        .size = (uint32_t)mem->map_size,
	        .stride = mem->stride,
	        .offset = 0,
	};
	return true;
err_fd:
	gp_log(ERROR, "frame buffer memory of %zu bytes: %s", mem->map_size, strerror(errno));
	close(fd);
	return false;
}

static EGLImageKHR import_dmabuf(struct gh_gl *gl, struct gh_gl_memory *mem, int fd,
                                 uint32_t fourcc, uint32_t offset, uint64_t modifier)
{
	EGLint a[32];
	int n = 0;
	a[n++] = EGL_WIDTH;
	a[n++] = (EGLint)mem->width;
	a[n++] = EGL_HEIGHT;
	a[n++] = (EGLint)mem->height;
	a[n++] = EGL_LINUX_DRM_FOURCC_EXT;
	a[n++] = (EGLint)fourcc;
	a[n++] = EGL_DMA_BUF_PLANE0_FD_EXT;
	a[n++] = fd;
	a[n++] = EGL_DMA_BUF_PLANE0_OFFSET_EXT;
	a[n++] = (EGLint)offset;
	a[n++] = EGL_DMA_BUF_PLANE0_PITCH_EXT;
	a[n++] = (EGLint)mem->stride;
	if (gl->egl.dma_buf_modifiers && modifier != DRM_FORMAT_MOD_INVALID) {
		a[n++] = EGL_DMA_BUF_PLANE0_MODIFIER_LO_EXT;
		a[n++] = (EGLint)(modifier & 0xffffffffu);
		a[n++] = EGL_DMA_BUF_PLANE0_MODIFIER_HI_EXT;
		a[n++] = (EGLint)(modifier >> 32);
	}
	a[n++] = EGL_NONE;
	return gl->egl.CreateImageKHR(gl->egl.dpy, EGL_NO_CONTEXT, EGL_LINUX_DMA_BUF_EXT, NULL, a);
}

static bool create_dmabuf(struct gh_gl *gl, struct gh_gl_memory *mem,
                          struct gh_gl_memory_desc *desc)
{
	uint32_t fourcc = mem->format == 0 ? GBM_FORMAT_ARGB8888 : GBM_FORMAT_XRGB8888;
	mem->bo = gbm_bo_create(gl->egl.gbm, mem->width, mem->height, fourcc, GBM_BO_USE_RENDERING);
	if (!mem->bo || gbm_bo_get_plane_count(mem->bo) != 1) {
		gp_log(ERROR, "GBM cannot allocate a %ux%u frame buffer", mem->width, mem->height);
		return false;
	}
	int fd = gbm_bo_get_fd(mem->bo);
	if (fd < 0)
		return false;
	mem->stride = gbm_bo_get_stride(mem->bo);
	uint32_t offset = gbm_bo_get_offset(mem->bo, 0);
	uint64_t modifier = gbm_bo_get_modifier(mem->bo);
	mem->image = import_dmabuf(gl, mem, fd, fourcc, offset, modifier);
	if (mem->image == EGL_NO_IMAGE_KHR) {
		gp_log(ERROR, "host EGL cannot import its own dmabuf (0x%x)", eglGetError());
		close(fd);
		return false;
	}
	*desc = (struct gh_gl_memory_desc){
	        .fd = fd,
	        .size = 0,
	        .stride = mem->stride,
	        .offset = offset,
	        .fourcc = fourcc,
	        .modifier = modifier,
	};
	return true;
}

bool gh_gl_frame_memory_fits(struct gh_gl *gl, uint32_t width, uint32_t height)
{
	uint64_t bytes = (uint64_t)width * height * 4;
	uint64_t limit = gl->quota.limits.frame_memory;
	if (gl->memory_bytes <= limit && bytes <= limit - gl->memory_bytes)
		return true;
	gp_log(WARN,
	       "frame memory quota: a %ux%u frame buffer would pass the link's %llu bytes (it "
	       "holds %llu, --quota-frame-memory)",
	       width, height, (unsigned long long)limit, (unsigned long long)gl->memory_bytes);
	return false;
}

struct gh_gl_memory *gh_gl_memory_create(struct gh_gl *gl, uint32_t width, uint32_t height,
                                         uint32_t shm_format, struct gh_gl_memory_desc *desc)
{
	uint64_t bytes = (uint64_t)width * height * 4;
	if (!gh_gl_frame_memory_fits(gl, width, height))
		return NULL;
	struct gh_gl_memory *mem = calloc(1, sizeof(*mem));
	if (!mem)
		return NULL;
	mem->gl = gl;
	mem->bytes = bytes;
	gl->memory_bytes += bytes;
	mem->refs = 1;
	mem->width = width;
	mem->height = height;
	mem->format = shm_format;
	wl_list_init(&mem->link);
	bool ok = gl->present == GH_GL_PRESENT_DMABUF ? create_dmabuf(gl, mem, desc)
	                                              : create_shm(mem, desc);
	if (!ok) {
		gh_gl_memory_unref(mem);
		return NULL;
	}
	wl_list_insert(&gl->memories, &mem->link);
	return mem;
}

void gh_gl_memory_bind_buffer(struct gh_gl *gl, struct gh_gl_memory *mem, uint32_t buffer_id)
{
	uintptr_t old;
	bool had = gh_gl_map_get(&gl->buffers, buffer_id, &old);
	if (!gh_gl_map_put(&gl->buffers, buffer_id, (uintptr_t)mem)) {
		gh_gl_fail_link(gl, "more than %u GL frame buffers", gl->buffers.max);
		return;
	}
	mem->refs++;
	if (had)
		gh_gl_memory_unref((struct gh_gl_memory *)old);
}

void gh_gl_buffer_destroyed(struct gh_gl *gl, uint32_t buffer_id)
{
	uintptr_t v;
	if (gh_gl_map_remove(&gl->buffers, buffer_id, &v))
		gh_gl_memory_unref((struct gh_gl_memory *)v);
}

uint32_t gh_gl_buffer_bottom_up(struct gh_gl *gl, uint32_t buffer_id)
{
	const struct gh_gl_memory *mem = gh_gl_map_get_ptr(&gl->buffers, buffer_id);
	return mem && mem->bottom_up ? mem->height : 0;
}

/* The GL and EGL objects, while the executor lives. */
void gh_gl_memory_release_gl(struct gh_gl_memory *mem)
{
	struct gh_gl *gl = mem->gl;
	if (!gl)
		return;
	if ((mem->fbo || mem->rb) && gl->egl.surfaceless &&
	    gh_egl_make_current(&gl->egl, gl->frames.present_ctx, EGL_NO_SURFACE, EGL_NO_SURFACE)) {
		gles_host.glDeleteFramebuffers(1, &mem->fbo);
		gles_host.glDeleteRenderbuffers(1, &mem->rb);
	}
	mem->fbo = mem->rb = 0;
	if (mem->image != EGL_NO_IMAGE_KHR)
		gl->egl.DestroyImageKHR(gl->egl.dpy, mem->image);
	mem->image = EGL_NO_IMAGE_KHR;
	if (mem->bo)
		gbm_bo_destroy(mem->bo);
	mem->bo = NULL;
}

void gh_gl_memory_unref(struct gh_gl_memory *mem)
{
	if (!mem || --mem->refs)
		return;
	if (mem->gl)
		mem->gl->memory_bytes -= mem->bytes;
	gh_gl_memory_release_gl(mem);
	if (mem->map)
		munmap(mem->map, mem->map_size);
	wl_list_remove(&mem->link);
	free(mem);
}
