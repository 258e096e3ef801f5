/*
 * Size helpers for the pnames desktop OpenGL adds to queries both APIs share
 * (see <gpupipe/gl-sizes.h>): in a context of desktop OpenGL (ps->desktop) the
 * texture, sampler and framebuffer parameters of OpenGL 4.5's core and
 * compatibility profiles besides OpenGL ES's; a context of OpenGL ES keeps ES's
 * lists exactly (gles-sizes.c refuses these there on purpose).
 * tests/gpuhost/test-gl-sizes-desktop.c checks each count against a real driver.
 */
#include <stdbool.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>

/* Desktop OpenGL's enums (GL/glcorearb.h, GL/gl.h), which the GLES headers lack. */
enum {
	TEXTURE_TARGET = 0x1006,            /* 4.5, glGetTex*Parameter* only */
	TEXTURE_PRIORITY = 0x8066,          /* compatibility profile */
	TEXTURE_RESIDENT = 0x8067,          /* compatibility profile, queries only */
	TEXTURE_LOD_BIAS = 0x8501,          /* 1.4 */
	DEPTH_TEXTURE_MODE = 0x884B,        /* compatibility profile */
	TEXTURE_CUBE_MAP_SEAMLESS = 0x884F, /* ARB_seamless_cubemap_per_texture */
	TEXTURE_SWIZZLE_RGBA = 0x8E46,      /* 3.3: the four swizzles at once */
	DOUBLEBUFFER = 0x0C32,              /* 4.5's framebuffer-dependent state */
	STEREO = 0x0C33,
	SAMPLE_BUFFERS = 0x80A8,
	SAMPLES = 0x80A9,
	IMPLEMENTATION_COLOR_READ_TYPE = 0x8B9A,
	IMPLEMENTATION_COLOR_READ_FORMAT = 0x8B9B,
};

int64_t gl_texparam_count_ps(const struct gl_pixel_state *ps, uint32_t pname)
{
	if (ps && ps->desktop) {
		switch (pname) {
		case TEXTURE_TARGET:
		case TEXTURE_PRIORITY:
		case TEXTURE_RESIDENT:
		case TEXTURE_LOD_BIAS:
		case DEPTH_TEXTURE_MODE:
		case TEXTURE_CUBE_MAP_SEAMLESS:
			return 1;
		case TEXTURE_SWIZZLE_RGBA:
			return 4;
		}
	}
	return gl_texparam_count(pname);
}

int64_t gl_sampler_param_count_ps(const struct gl_pixel_state *ps, uint32_t pname)
{
	if (ps && ps->desktop && (pname == TEXTURE_LOD_BIAS || pname == TEXTURE_CUBE_MAP_SEAMLESS))
		return 1;
	return gl_sampler_param_count(pname);
}

int64_t gl_framebuffer_param_count_ps(const struct gl_pixel_state *ps, uint32_t pname)
{
	if (ps && ps->desktop) {
		switch (pname) {
		case DOUBLEBUFFER:
		case STEREO:
		case SAMPLE_BUFFERS:
		case SAMPLES:
		case IMPLEMENTATION_COLOR_READ_TYPE:
		case IMPLEMENTATION_COLOR_READ_FORMAT:
			return 1;
		}
	}
	return gl_framebuffer_param_count(pname);
}
