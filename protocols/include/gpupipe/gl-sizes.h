/*
 * Size helpers for the GLES codec's size expressions
 * (protocols/gles/gles-annotations.txt). Both sides link the same code
 * (protocols/gles/gles-sizes*.c), so the app's library and gpupipe-host
 * always agree on how many bytes a pointer argument covers.
 *
 * Every helper returns an int64_t: a count or a byte size (>= 0), or a
 * negative GL_SIZE_* code. The client turns a negative size into the GL
 * error the code names and drops the call; the host ends the link.
 * The values of OpenGL ES 1.1, 2.0, 3.0, 3.1, 3.2 and of the ES extensions
 * Mesa offers are known, with their exact counts: the host allocates what
 * a helper says, so a count too small would let its driver write past the
 * buffer. Anything else is GL_SIZE_INVALID_ENUM, so a host GL that knows
 * more never writes more than the capacity the app sent (some values are
 * refused on purpose; gles-sizes-get.c says which and why).
 */
#ifndef GPUPIPE_GL_SIZES_H
#define GPUPIPE_GL_SIZES_H

#include <stdbool.h>
#include <stdint.h>

struct gl_pixel_state; /* <gpupipe/gl-codec.h> */

#define GL_SIZE_INVALID_VALUE (-1)     /* GL_INVALID_VALUE: negative size, overflow */
#define GL_SIZE_INVALID_ENUM (-2)      /* GL_INVALID_ENUM: unknown pname, format, type */
#define GL_SIZE_INVALID_OPERATION (-3) /* GL_INVALID_OPERATION: format/type mismatch */

/* The values gl_get_count() gives GL_COMPRESSED_TEXTURE_FORMATS,
 * GL_PROGRAM_BINARY_FORMATS and GL_SHADER_BINARY_FORMATS: their real count
 * is another query (GL_NUM_*_FORMATS), so the wire capacity is this cap. The app's
 * library asks with a scratch buffer of this size and copies only the
 * GL_NUM_*_FORMATS values the app's array holds; the host must not
 * advertise more formats than this (it checks at context creation). */
#define GL_SIZES_MAX_FORMATS 256

/* The GL error a negative size stands for (GL_INVALID_VALUE for any other
 * negative value). */
uint32_t gl_size_error(int64_t size);

/* count * elem_bytes for a count from a helper below: a negative count (a
 * GL_SIZE_* code) is returned as it is, so that the code survives the
 * multiplication; an overflow is GL_SIZE_INVALID_VALUE. (Size expressions
 * need no such care for the command's own parameters: the generated code
 * makes any negative signed parameter they name GL_SIZE_INVALID_VALUE.) */
int64_t gl_bytes(int64_t count, int64_t elem_bytes);

/* ---- Queries: how many values a command reads or writes ----
 * A count of values; the caller multiplies by the element size (4 for
 * ints and floats, 8 for int64, 1 for booleans) with gl_bytes(). */

/* glGetIntegerv/Integer64v/Floatv/Booleanv/Fixedv (the OpenGL ES 1.1 state too:
 * gl_get_count_es1). */
int64_t gl_get_count(uint32_t pname);
/* glGetIntegeri_v/Integer64i_v/Booleani_v/Floati_v, for one index. */
int64_t gl_get_indexed_count(uint32_t target);
/* glTexParameter{i,f,Ii,Iui}v and glGetTexParameter*v (GL_GENERATE_MIPMAP of ES 1.1
 * too). */
int64_t gl_texparam_count(uint32_t pname);
/* glGetTexLevelParameter{i,f}v (ES 3.1). */
int64_t gl_texlevelparam_count(uint32_t pname);
/* glSamplerParameter*v and glGetSamplerParameter*v. */
int64_t gl_sampler_param_count(uint32_t pname);
/* glGetBufferParameteriv/i64v, glGetRenderbufferParameteriv,
 * glGetFramebufferAttachmentParameteriv, glGetFramebufferParameteriv and
 * glFramebufferParameteri's pnames (ES 3.1). */

/* OpenGL ES 1.1 (protocols/gles/gles-sizes-es1.c): the fixed-function
 * state gl_get_count() knows besides GLES 2's, and the values of
 * gl{Get,}Light*v, glLightModel*v, gl{Get,}Material*v, glFog*v,
 * glPointParameter*v and gl{Get,}TexEnv*v (GL_COORD_REPLACE_OES of
 * OES_point_sprite too). */
#define GL_GENERATE_MIPMAP_ES1 0x8191
#define GL_TEXTURE_CROP_RECT_OES_ES1 0x8B9D /* OES_draw_texture: glTexParameter*v, 4 values */
int64_t gl_get_count_es1(uint32_t pname);
/* The values of the compatibility profile's client-array and pixel-rectangle pnames
 * (line and polygon stipple, pixel zoom, transfer and map sizes, the client attribute
 * stack, the compatibility arrays' state): gles-pixels-compat.c. */
int64_t gl_get_count_compat_arrays(uint32_t pname);
int64_t gl_light_count(uint32_t pname);
int64_t gl_light_model_count(uint32_t pname);
int64_t gl_material_count(uint32_t pname);
int64_t gl_fog_count(uint32_t pname);
int64_t gl_point_param_count(uint32_t pname);
int64_t gl_texenv_count(uint32_t pname);
/* gl{Get,}TexGen*vOES (OES_texture_cube_map). */
int64_t gl_texgen_count(uint32_t pname);
/* Desktop OpenGL's compatibility profile, fixed-function state
 * (protocols/gles/gles-sizes-compat-ff.c): in a context of desktop OpenGL
 * (ps->desktop, set from the context's API), the pnames desktop OpenGL adds to
 * ES 1.1's glFog*v, glLightModel*v, glMaterial*v; glTexGen*v's
 * (GL_OBJECT_PLANE, GL_EYE_PLANE); and the compatibility state glGet*
 * answers (raster position, current index, texture generation enables,
 * transposed matrices), which gl_get_count_es1() falls back on. */
int64_t gl_fog_count_ps(const struct gl_pixel_state *ps, uint32_t pname);
int64_t gl_light_model_count_ps(const struct gl_pixel_state *ps, uint32_t pname);
int64_t gl_material_count_ps(const struct gl_pixel_state *ps, uint32_t pname);
int64_t gl_texgen_count_ps(const struct gl_pixel_state *ps, uint32_t pname);
int64_t gl_get_count_compat_ff(uint32_t pname);
/* Desktop OpenGL's own texture, sampler and framebuffer parameters
 * (protocols/gles/gles-sizes-desktop.c): in a context of desktop OpenGL
 * (ps->desktop) GL_TEXTURE_SWIZZLE_RGBA (4 values), GL_TEXTURE_LOD_BIAS,
 * GL_TEXTURE_TARGET, GL_TEXTURE_CUBE_MAP_SEAMLESS (textures and samplers), the compatibility
 * profile's GL_TEXTURE_PRIORITY, GL_TEXTURE_RESIDENT and GL_DEPTH_TEXTURE_MODE, and OpenGL 4.5's
 * framebuffer-dependent state of glGet*FramebufferParameteriv (GL_DOUBLEBUFFER,
 * GL_STEREO, GL_SAMPLES, GL_SAMPLE_BUFFERS, GL_IMPLEMENTATION_COLOR_READ_*);
 * else ES's helpers' answers. */
int64_t gl_texparam_count_ps(const struct gl_pixel_state *ps, uint32_t pname);
int64_t gl_sampler_param_count_ps(const struct gl_pixel_state *ps, uint32_t pname);
int64_t gl_framebuffer_param_count_ps(const struct gl_pixel_state *ps, uint32_t pname);
int64_t gl_bufparam_count(uint32_t pname);
int64_t gl_rbparam_count(uint32_t pname);
int64_t gl_fb_attachment_count(uint32_t pname);
int64_t gl_framebuffer_param_count(uint32_t pname);
/* glGetProgramiv, glGetShaderiv, glGetProgramPipelineiv (ES 3.1),
 * glGetProgramInterfaceiv (ES 3.1), glGetVertexAttrib{f,i,Ii,Iui}v. */
int64_t gl_program_param_count(uint32_t pname);
int64_t gl_shader_param_count(uint32_t pname);
int64_t gl_program_pipeline_param_count(uint32_t pname);
int64_t gl_program_interface_param_count(uint32_t pname);
int64_t gl_vertex_attrib_count(uint32_t pname);
/* glGetActiveUniformBlockiv. GL_UNIFORM_BLOCK_ACTIVE_UNIFORM_INDICES is
 * GL_SIZE_INVALID_OPERATION here: its length is the block's
 * GL_UNIFORM_BLOCK_ACTIVE_UNIFORMS, another query the host answers itself. */
int64_t gl_uniform_block_param_count(uint32_t pname);
/* glGetQueryiv, and glGetQueryObjectuiv (and EXT_disjoint_timer_query's
 * i/i64/ui64 forms). */
int64_t gl_query_param_count(uint32_t pname);
int64_t gl_query_object_count(uint32_t pname);
/* glPatchParameterfv (desktop OpenGL 4.0): GL_PATCH_DEFAULT_OUTER_LEVEL is
 * 4 values, GL_PATCH_DEFAULT_INNER_LEVEL 2. */
int64_t gl_patch_param_count(uint32_t pname);
/* glGetActiveSubroutineUniformiv (desktop OpenGL 4.0): one value, or for
 * GL_COMPATIBLE_SUBROUTINES up to GL_SIZES_MAX_COMPATIBLE (the host answers as many as
 * GL_NUM_COMPATIBLE_SUBROUTINES says, `upto`). */
#define GL_SIZES_MAX_COMPATIBLE 1024
int64_t gl_subroutine_uniform_count(uint32_t pname);
/* glGetActiveAtomicCounterBufferiv (desktop OpenGL 4.2): one value, or for
 * GL_ATOMIC_COUNTER_BUFFER_ACTIVE_ATOMIC_COUNTER_INDICES up to GL_SIZES_MAX_BUFFER_COUNTERS
 * (as many as GL_ATOMIC_COUNTER_BUFFER_ACTIVE_ATOMIC_COUNTERS says). */
#define GL_SIZES_MAX_BUFFER_COUNTERS 4096
int64_t gl_atomic_buffer_param_count(uint32_t pname);
/* glGetMultisamplefv (ES 3.1): GL_SAMPLE_POSITION is x and y. */
int64_t gl_multisample_count(uint32_t pname);
/* glClearBuffer{i,ui,f}v: GL_COLOR 4, GL_DEPTH 1, GL_STENCIL 1. */
int64_t gl_clear_buffer_count(uint32_t buffer);

/* ---- Desktop OpenGL's values that the ES headers these files use lack
 * (the names of <GL/glcorearb.h>, suffixed) ---- */
#define GL_PACK_SWAP_BYTES_DESKTOP 0x0D00
#define GL_PACK_LSB_FIRST_DESKTOP 0x0D01
#define GL_UNPACK_SWAP_BYTES_DESKTOP 0x0CF0
#define GL_UNPACK_LSB_FIRST_DESKTOP 0x0CF1
#define GL_PACK_SKIP_IMAGES_DESKTOP 0x806B
#define GL_PACK_IMAGE_HEIGHT_DESKTOP 0x806C
#define GL_DRAW_BUFFER_DESKTOP 0x0C01
#define GL_POINT_SPRITE_COORD_ORIGIN_DESKTOP 0x8CA0
#define GL_TEXTURE_1D_DESKTOP 0x0DE0
#define GL_TEXTURE_1D_ARRAY_DESKTOP 0x8C18
#define GL_TEXTURE_RECTANGLE_DESKTOP 0x84F5
#define GL_TEXTURE_BINDING_1D_DESKTOP 0x8068
#define GL_TEXTURE_BINDING_1D_ARRAY_DESKTOP 0x8C1C
#define GL_TEXTURE_BINDING_RECTANGLE_DESKTOP 0x84F6
#define GL_MAX_RECTANGLE_TEXTURE_SIZE_DESKTOP 0x84F8
/* NV_texture_env_combine4's glTexEnv pnames. */
#define GL_SOURCE3_RGB_NV 0x8583
#define GL_SOURCE3_ALPHA_NV 0x858B
#define GL_OPERAND3_RGB_NV 0x8593
#define GL_OPERAND3_ALPHA_NV 0x859B
#define GL_POINT_SIZE_GRANULARITY_DESKTOP 0x0B13 /* GL_SMOOTH_POINT_SIZE_GRANULARITY */
#define GL_LINE_WIDTH_GRANULARITY_DESKTOP 0x0B23 /* GL_SMOOTH_LINE_WIDTH_GRANULARITY */

/* ---- Vertex and pixel data ---- */

/* Bytes of one index of glDrawElements' `type` (1, 2 or 4). */
int64_t gl_index_size(uint32_t type);

/* Primitive restart as a draw's indices see it: each way GL has to restart,
 * as one side knows it (the host asks its driver at each draw; the library
 * knows NV_primitive_restart's client state only). */
struct gl_restart {
	bool fixed;          /* GL_PRIMITIVE_RESTART_FIXED_INDEX (ES 3, desktop 4.3) */
	bool core;           /* GL_PRIMITIVE_RESTART (desktop 3.1) ... */
	uint32_t core_index; /* ... and glPrimitiveRestartIndex's index */
	bool nv;             /* GL_PRIMITIVE_RESTART_NV (client state) ... */
	uint32_t nv_index;   /* ... and glPrimitiveRestartIndexNV's index */
};
#define GL_NO_RESTART UINT64_MAX
/* The index value at which a draw of `mode` with indices of `isize` bytes
 * restarts (and fetches no vertex), GL_NO_RESTART for none: the one rule
 * both sides skip indices by. The fixed index overrides the others;
 * patches restart nowhere (GL_PRIMITIVE_RESTART_FOR_PATCHES_SUPPORTED may be
 * false: the driver then fetches the index); GL_PRIMITIVE_RESTART and
 * GL_PRIMITIVE_RESTART_NV both on with different indices restart nowhere
 * either (drivers differ: Mesa keeps one enable and one index for both, a
 * driver keeping two may restart at either), so every index is checked. */
uint64_t gl_restart_index(const struct gl_restart *r, uint32_t isize, uint32_t mode);
/* Bytes of one pixel of format/type for uploads and readbacks: every
 * combination of ES 3.2's table 8.2 and of the ES extensions Mesa offers.
 * GL_SIZE_INVALID_ENUM for a format or type GL does not know,
 * GL_SIZE_INVALID_OPERATION for a known pair that does not go together. */
int64_t gl_pixel_size(uint32_t format, uint32_t type);
/* gl_pixel_size for a context of desktop OpenGL (desktop true): OpenGL
 * 4.6's tables 8.3 to 8.5 too (GL_BGRA, GL_GREEN, the _INTEGER forms of
 * those, the 3_3_2, _REV and 8_8_8_8 packed types, depth and stencil of
 * every plain type); ES's pairs when false. The size helpers below take
 * the API from their pixel state (ps->desktop). */
int64_t gl_pixel_size_api(uint32_t format, uint32_t type, bool desktop);
/* gl_pixel_size_api in the API the pixel state says (its `desktop` flag): the
 * size of one texel of glClearTexImage's data. */
struct gl_pixel_state;
int64_t gl_pixel_size_ps(const struct gl_pixel_state *ps, uint32_t format, uint32_t type);
/* Bytes GL reads from the app's pointer for glTex{Sub,}Image2D (three_d
 * false, depth 1) and glTex{Sub,}Image3D (three_d true): from the pointer to
 * the end of the last byte read, as ES 3.2 section 8.4.4.1 addresses an
 * image with the unpack state of `ps` (ALIGNMENT, ROW_LENGTH, SKIP_PIXELS,
 * SKIP_ROWS; IMAGE_HEIGHT and SKIP_IMAGES only when three_d). 0 when a
 * dimension is 0. GL_SIZE_INVALID_VALUE for a negative dimension or
 * pixel-store value, an alignment not 1, 2, 4 or 8, or a result over
 * INT64_MAX. */
int64_t gl_unpack_size(const struct gl_pixel_state *ps, int64_t width, int64_t height,
                       int64_t depth, uint32_t format, uint32_t type, bool three_d);
/* The compatibility profile's pixel rectangles (gles-pixels-compat.c):
 * glDrawPixels' bytes with the unpack state (gl_unpack_size's, with
 * GL_COLOR_INDEX, GL_LUMINANCE, GL_LUMINANCE_ALPHA, GL_ALPHA and the
 * GL_BITMAP type of GL_COLOR_INDEX and GL_STENCIL_INDEX), and a width x
 * height bitmap's (glBitmap, the polygon stipple: one bit per pixel, rows
 * padded to the alignment) with the unpack or the pack state. */
int64_t gl_draw_pixels_size(const struct gl_pixel_state *ps, int64_t width, int64_t height,
                            uint32_t format, uint32_t type);
int64_t gl_bitmap_unpack_size(const struct gl_pixel_state *ps, int64_t width, int64_t height);
int64_t gl_bitmap_pack_size(const struct gl_pixel_state *ps, int64_t width, int64_t height);
/* Bytes glReadPixels writes from the pointer with the pack state of `ps`
 * (PACK_ALIGNMENT, PACK_ROW_LENGTH, PACK_SKIP_PIXELS, PACK_SKIP_ROWS). */
int64_t gl_pack_size(const struct gl_pixel_state *ps, int64_t width, int64_t height,
                     uint32_t format, uint32_t type);
/* Bytes glGetTexImage writes for a width x height x depth level: as
 * gl_pack_size, with PACK_IMAGE_HEIGHT and PACK_SKIP_IMAGES for depth
 * (three_d: 3D and array levels; a 1D array's layers are its rows). */
int64_t gl_pack_size_3d(const struct gl_pixel_state *ps, int64_t width, int64_t height,
                        int64_t depth, uint32_t format, uint32_t type, bool three_d);
/* gl_pack_scatter for gl_pack_size_3d's layout. */
void gl_pack_scatter_3d(const struct gl_pixel_state *ps, int64_t width, int64_t height,
                        int64_t depth, uint32_t format, uint32_t type, bool three_d,
                        const void *src, void *dst);
/* ---- Compressed images in blocks (GL 4.2, ARB_compressed_texture_pixel_storage) ----
 * With the block pnames set, GL reads a compressed upload and writes a
 * compressed readback as rows of blocks spaced by the row length, images
 * spaced by the image height, after the skips (GL 4.6 core, 8.4.4.1 and
 * 8.7; the pack side 8.11). As the host's driver (Mesa) does, each
 * dimension's pnames apply where its block pname and the block size are
 * set: width (row length, skip pixels), height in 2D and 3D images (skip
 * rows, image height), depth in 3D ones (skip images). The dimension count
 * of a target: gl_texture_dims. */
struct gl_block_layout {
	int64_t skip;      /* bytes before the first block */
	int64_t row_bytes; /* of each row of blocks GL reads or writes */
	int64_t stride;    /* from one row of blocks to the next */
	int64_t rows;      /* rows of blocks of each image */
	int64_t image;     /* from one image to the next */
	int64_t images;
};
enum gl_blocks {
	GL_BLOCKS_OFF,    /* no block pname applies: imageSize bytes, dense */
	GL_BLOCKS_ON,     /* laid out in blocks: *l */
	GL_BLOCKS_PARTLY, /* some apply, not width's (or not height's in 2D and 3D): spaced by
	                   * the format's own blocks, which only the host knows */
};
enum gl_blocks gl_blocks_layout(const struct gl_pixel_state *ps, bool pack, int dims, int64_t width,
                                int64_t height, int64_t depth, struct gl_block_layout *l);
/* Bytes from the pointer to the end of the last block (0 for an empty
 * image), GL_SIZE_INVALID_VALUE when that overflows. */
int64_t gl_blocks_size(const struct gl_block_layout *l);
/* The bytes a compressed upload reads: imageSize, or laid out in blocks. */
int64_t gl_compressed_unpack_size(const struct gl_pixel_state *ps, int dims, int64_t width,
                                  int64_t height, int64_t depth, int64_t image_size);
/* The blocks GL writes, copied from src to dst, both laid out by l (whose
 * gl_blocks_size must be >= 0); dst keeps what lies between them. */
void gl_blocks_scatter(const struct gl_block_layout *l, const void *src, void *dst);
/* 1 for 1D textures, 3 for 3D, 2D array and cube map array ones, else 2. */
int gl_texture_dims(uint32_t target);

/* The bytes of a readback GL writes, copied from `src` to `dst`, both laid
 * out by the pack state of `ps` (gl_pack_size bytes, which must be >= 0):
 * the row padding, row length and skips between them are not GL's to
 * write, so `dst` keeps what the app had there. */
void gl_pack_scatter(const struct gl_pixel_state *ps, int64_t width, int64_t height,
                     uint32_t format, uint32_t type, const void *src, void *dst);
/* True when a readback writes every byte of its gl_pack_size (one row, or
 * rows with no padding and no skips): gl_pack_scatter is a plain copy. */
bool gl_pack_is_dense(const struct gl_pixel_state *ps, int64_t width, int64_t height,
                      uint32_t format, uint32_t type);
/* Bytes glReadnPixels writes: gl_pack_size, GL_SIZE_INVALID_OPERATION when
 * that is over buf_size (KHR_robustness: nothing is written then). */
int64_t gl_readn_size(const struct gl_pixel_state *ps, int64_t width, int64_t height,
                      uint32_t format, uint32_t type, int64_t buf_size);
/* A width x height image with rows padded to `alignment` and no other
 * pixel-store state: gl_unpack_size with only the alignment set. */
int64_t gl_image_size(int64_t width, int64_t height, uint32_t format, uint32_t type,
                      int64_t alignment);

/* Uniform indices one glGetActiveUniformBlockiv may return (its capacity
 * for GL_UNIFORM_BLOCK_ACTIVE_UNIFORM_INDICES; the host answers with what
 * the block has). */
#define GL_SIZES_MAX_BLOCK_UNIFORMS 16384

/* ---- State both sides track the same way (gles-state.c) ---- */

/* The buffer targets both sides track, as indices 0..GL_BUFFER_TARGETS-1
 * (GL_ELEMENT_ARRAY_BUFFER's binding is the vertex array's);
 * GL_SIZE_INVALID_ENUM for anything else. */
#define GL_BUFFER_TARGETS 13
int64_t gl_buffer_target(uint32_t target);
/* Whether GL takes command `op` between glBegin and glEnd (the library
 * refuses the others there with GL_INVALID_OPERATION, as GL does; the
 * host ends the link on them, as only a hostile stream sends one). */
bool gl_begin_end_allows(uint32_t op);
/* 1 for a glBufferData usage of OpenGL ES 3 (the ES 2 ones included), else 0. */
int64_t gl_buffer_usage_ok(uint32_t usage);
/* 1 for a shader type of OpenGL ES up to 3.2: vertex, fragment, compute,
 * geometry, tessellation control and evaluation (the host's glslang
 * checks each: gpuhost/shader-check/shader-check.c), else 0. */
int64_t gl_shader_type_ok(uint32_t type);
/* 1 for a query target of desktop OpenGL 4.5 (glCreateQueries), else 0. */
int64_t gl_query_target_ok(uint32_t target);
/* The targets of glGetTexImage and glGetCompressedTexImage (desktop
 * OpenGL: 1D, 2D, 3D, rectangle, the arrays, cube map faces), and those of
 * them whose levels have a depth (3D, 2D array, cube map array). */
bool gl_teximage_target_ok(uint32_t target);
bool gl_teximage_target_3d(uint32_t target);
/* False for a glGetTexImage of a 1D array with a GL_PACK_IMAGE_HEIGHT above
 * 1: Mesa (22) then spaces the layers by the image height, past the rows
 * its own bounds check counts (and GL's layout), so gpupipe refuses it
 * (GL_INVALID_OPERATION in the library; the host ends the link). An image
 * height of 1 spaces them a row apart, as GL's layout does (piglit's
 * arb_get_texture_sub_image-get leaves 1 set from its 3D case). */
bool gl_teximage_pack_ok(const struct gl_pixel_state *ps, uint32_t target);

/* ---- The compatibility profile: evaluators (display lists, feedback,
 * selection: gles-sizes-eval.c) ---- */

/* The largest evaluator order the codec carries: Mesa's GL_MAX_EVAL_ORDER
 * (GL's minimum is 8). GL refuses a larger order with GL_INVALID_VALUE
 * before it reads anything; so does gpupipe, so that a hostile order never
 * sizes a blob. */
#define GL_SIZES_MAX_EVAL_ORDER 30
/* Values in one control point of a glMap1/glMap2 target (GL_MAP1_VERTEX_3:
 * 3, ...), GL_SIZE_INVALID_ENUM for another target; `two` picks GL_MAP2_*. */
int64_t gl_eval_components(uint32_t target, bool two);
/* The values glMap1{f,d} reads: order points `stride` values apart, each of
 * the target's components: (order - 1) * stride + components. Errors as
 * GL's: an unknown target GL_SIZE_INVALID_ENUM, an order outside
 * 1..GL_SIZES_MAX_EVAL_ORDER or a stride below the components
 * GL_SIZE_INVALID_VALUE. */
int64_t gl_map1_count(uint32_t target, int64_t stride, int64_t order);
/* The same for glMap2{f,d}: uorder x vorder points. */
int64_t gl_map2_count(uint32_t target, int64_t ustride, int64_t uorder, int64_t vstride,
                      int64_t vorder);
/* glGet* of the state of accumulation, the name stack, the render mode, the
 * attribute stack, evaluators and display lists (gl_get_count asks it), else
 * GL_SIZE_INVALID_ENUM. */
int64_t gl_get_count_eval(uint32_t pname);

/* ---- Display lists (gles-sizes-lists.c) ---- */
/* The bytes of glCallLists' `n` names of `type`: GL_BYTE, GL_UNSIGNED_BYTE
 * one each, GL_SHORT, GL_UNSIGNED_SHORT, GL_2_BYTES two, GL_3_BYTES three,
 * GL_INT, GL_UNSIGNED_INT, GL_FLOAT, GL_4_BYTES four; another type is GL's
 * GL_SIZE_INVALID_ENUM. Both sides size the blob with it, so the host's
 * driver never reads past what travelled. */
int64_t gl_call_lists_bytes(int64_t n, uint32_t type);
/* The offset name i of glCallLists' `lists` of `type` gives (added to the
 * list base); the caller checked the bytes with gl_call_lists_bytes. */
uint32_t gl_call_lists_offset(uint32_t type, const void *lists, uint32_t i);

#endif
