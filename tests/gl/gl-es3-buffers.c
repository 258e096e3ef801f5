/*
 * gl-es3-app's features that move data through buffers: a compute dispatch (ES 3.1) that
 * writes an image from an SSBO, a readback into a pixel-pack buffer read with
 * glMapBufferRange, and a texture upload from a pixel-unpack buffer. Each shows its result
 * as a region of the frame.
 */
#include <stdio.h>
#include <string.h>

#include "gl-es3-app.h"

static const float corners[] = {0, 0, 1, 0, 0, 1, 1, 1};

static const char quad_vs[] = "#version 300 es\n"
                              "layout(location = 0) in vec2 corner;\n"
                              "uniform vec4 rect;\n"
                              "out vec2 uv;\n"
                              "void main() {\n"
                              "  uv = corner;\n"
                              "  gl_Position = vec4(rect.xy + corner * rect.zw, 0.0, 1.0);\n"
                              "}\n";
static const char texture_fs[] = "#version 300 es\n"
                                 "precision mediump float;\n"
                                 "uniform sampler2D tex;\n"
                                 "in vec2 uv;\n"
                                 "out vec4 o;\n"
                                 "void main() { o = vec4(texture(tex, uv).rgb, 1.0); }\n";
static const char colour_fs[] = "#version 300 es\n"
                                "precision mediump float;\n"
                                "uniform vec3 colour;\n"
                                "out vec4 o;\n"
                                "void main() { o = vec4(colour, 1.0); }\n";

void ge_draw_quad(struct gp_frame *f, const char *what, GLuint prog, struct ge_rect r)
{
	float ndc[4];
	ge_rect_ndc(r, ndc);
	GLuint vao, buf;
	glGenVertexArrays(1, &vao);
	glBindVertexArray(vao);
	glGenBuffers(1, &buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	glBufferData(GL_ARRAY_BUFFER, sizeof(corners), corners, GL_STATIC_DRAW);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, 0);
	glEnableVertexAttribArray(0);
	glUseProgram(prog);
	glUniform4fv(glGetUniformLocation(prog, "rect"), 1, ndc);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	glBindVertexArray(0);
	glDeleteVertexArrays(1, &vao);
	glDeleteBuffers(1, &buf);
	gp_expect_no_error(f, what);
}

void ge_draw_texture(struct gp_frame *f, const char *what, GLuint tex, struct ge_rect r)
{
	GLuint prog = ge_program(f, what, quad_vs, texture_fs, NULL, 0);
	if (!prog)
		return;
	glActiveTexture(GL_TEXTURE0);
	glBindTexture(GL_TEXTURE_2D, tex);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	glUseProgram(prog);
	glUniform1i(glGetUniformLocation(prog, "tex"), 0);
	ge_draw_quad(f, what, prog, r);
	glBindTexture(GL_TEXTURE_2D, 0);
	glDeleteProgram(prog);
}

void ge_draw_colour(struct gp_frame *f, const char *what, uint32_t rgb, struct ge_rect r)
{
	GLuint prog = ge_program(f, what, quad_vs, colour_fs, NULL, 0);
	if (!prog)
		return;
	glUseProgram(prog);
	glUniform3f(glGetUniformLocation(prog, "colour"), (float)(rgb >> 16 & 0xff) / 255.0f,
	            (float)(rgb >> 8 & 0xff) / 255.0f, (float)(rgb & 0xff) / 255.0f);
	ge_draw_quad(f, what, prog, r);
	glDeleteProgram(prog);
}

/* --- compute: 4 x 4 work groups of 4 x 4 invocations write a 16 x 16 image --- */

/* Every invocation stores the SSBO's colour into its texel and counts itself in the SSBO;
 * the texture starts black, so a work group that did not run leaves a black block (each
 * block gets a probe), and the count read back with glMapBufferRange must be 256. */
#define COMPUTE_RGB 0x7040d0
#define COMPUTE_SIZE 16
#define COMPUTE_GROUP 4

static const char compute_cs[] =
        "#version 310 es\n"
        "layout(local_size_x = 4, local_size_y = 4) in;\n"
        "layout(rgba8, binding = 0) writeonly uniform highp image2D dst;\n"
        "layout(std430, binding = 1) buffer Data { vec4 colour; uint invocations; } data;\n"
        "void main() {\n"
        "  imageStore(dst, ivec2(gl_GlobalInvocationID.xy), data.colour);\n"
        "  atomicAdd(data.invocations, 1u);\n"
        "}\n";

static void compute_count(struct gp_frame *f, GLuint ssbo)
{
	glBindBuffer(GL_SHADER_STORAGE_BUFFER, ssbo);
	const GLuint *count =
	        glMapBufferRange(GL_SHADER_STORAGE_BUFFER, 16, sizeof(GLuint), GL_MAP_READ_BIT);
	char why[80];
	if (!count) {
		snprintf(why, sizeof(why), "glMapBufferRange of the SSBO failed (0x%04x)",
		         glGetError());
		ge_result(f, "compute-invocations", false, why);
		return;
	}
	snprintf(why, sizeof(why), "%u invocations counted, expected 256", *count);
	ge_result(f, "compute-invocations", *count == 256, why);
	glUnmapBuffer(GL_SHADER_STORAGE_BUFFER);
	glBindBuffer(GL_SHADER_STORAGE_BUFFER, 0);
	gp_expect_no_error(f, "compute: mapping the SSBO");
}

void ge_draw_compute(struct gp_frame *f)
{
	GLuint prog = ge_compute_program(f, "compute", compute_cs);
	if (!prog)
		return;
	static const GLubyte black[COMPUTE_SIZE * COMPUTE_SIZE * 4];
	GLuint tex, ssbo;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, COMPUTE_SIZE, COMPUTE_SIZE);
	glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, COMPUTE_SIZE, COMPUTE_SIZE, GL_RGBA,
	                GL_UNSIGNED_BYTE, black);
	glBindTexture(GL_TEXTURE_2D, 0);
	GLfloat data[8] = {(float)(COMPUTE_RGB >> 16 & 0xff) / 255.0f,
	                   (float)(COMPUTE_RGB >> 8 & 0xff) / 255.0f,
	                   (float)(COMPUTE_RGB & 0xff) / 255.0f, 1.0f};
	glGenBuffers(1, &ssbo);
	glBindBuffer(GL_SHADER_STORAGE_BUFFER, ssbo);
	glBufferData(GL_SHADER_STORAGE_BUFFER, sizeof(data), data, GL_DYNAMIC_READ);
	glBindBuffer(GL_SHADER_STORAGE_BUFFER, 0);
	gp_expect_no_error(f, "compute: image and SSBO");

	glUseProgram(prog);
	glBindImageTexture(0, tex, 0, GL_FALSE, 0, GL_WRITE_ONLY, GL_RGBA8);
	glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 1, ssbo);
	glDispatchCompute(COMPUTE_SIZE / COMPUTE_GROUP, COMPUTE_SIZE / COMPUTE_GROUP, 1);
	glMemoryBarrier(GL_SHADER_IMAGE_ACCESS_BARRIER_BIT | GL_TEXTURE_FETCH_BARRIER_BIT |
	                GL_BUFFER_UPDATE_BARRIER_BIT);
	gp_expect_no_error(f, "compute: glDispatchCompute");
	glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 1, 0);
	compute_count(f, ssbo);

	struct ge_rect r = ge_region_rect(GE_COMPUTE);
	ge_draw_texture(f, "compute: drawing the image", tex, r);
	int groups = COMPUTE_SIZE / COMPUTE_GROUP;
	for (int gy = 0; gy < groups; gy++)
		for (int gx = 0; gx < groups; gx++)
			ge_probe(f, "compute", r, ((float)gx + 0.5f) / (float)groups,
			         ((float)gy + 0.5f) / (float)groups, COMPUTE_RGB);
	glDeleteTextures(1, &tex);
	glDeleteBuffers(1, &ssbo);
	glDeleteProgram(prog);
	gp_expect_no_error(f, "compute: clean-up");
}

/* --- readback into a pixel-pack buffer --- */

/* An 8 x 8 renderbuffer, left half PACK_LEFT, right half PACK_RIGHT, read with glReadPixels
 * into a pixel-pack buffer at PACK_OFFSET; the bytes before it must stay as they were. The
 * region then shows PBO_READBACK_RGB when every byte matched, PBO_MISMATCH_RGB when not. */
#define PACK_SIZE 8
#define PACK_OFFSET 64
#define PACK_LEFT 0x112233
#define PACK_RIGHT 0xcc8844
#define PBO_READBACK_RGB 0x30c0b0
#define PBO_MISMATCH_RGB 0xff00ff

static void clear_rgb(uint32_t rgb)
{
	glClearColor((float)(rgb >> 16 & 0xff) / 255.0f, (float)(rgb >> 8 & 0xff) / 255.0f,
	             (float)(rgb & 0xff) / 255.0f, 1.0f);
	glClear(GL_COLOR_BUFFER_BIT);
}

/* Checks the mapped pack buffer: guard bytes, then PACK_SIZE^2 RGBA pixels. */
static bool pack_matches(const GLubyte *p, char *why, size_t why_size)
{
	for (int i = 0; i < PACK_OFFSET; i++) {
		if (p[i] != 0xa5) {
			snprintf(why, why_size, "byte %d before the pack offset was written", i);
			return false;
		}
	}
	p += PACK_OFFSET;
	for (int i = 0; i < PACK_SIZE * PACK_SIZE; i++) {
		uint32_t want = i % PACK_SIZE < PACK_SIZE / 2 ? PACK_LEFT : PACK_RIGHT;
		uint32_t got =
		        (uint32_t)p[4 * i] << 16 | (uint32_t)p[4 * i + 1] << 8 | p[4 * i + 2];
		if (got != want || p[4 * i + 3] != 0xff) {
			snprintf(why, why_size, "pixel %d is %06x/%02x, expected %06x/ff", i, got,
			         p[4 * i + 3], want);
			return false;
		}
	}
	return true;
}

static bool pack_read(struct gp_frame *f, char *why, size_t why_size)
{
	GLuint fbo, rb, pbo;
	glGenFramebuffers(1, &fbo);
	glBindFramebuffer(GL_FRAMEBUFFER, fbo);
	glGenRenderbuffers(1, &rb);
	glBindRenderbuffer(GL_RENDERBUFFER, rb);
	glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, PACK_SIZE, PACK_SIZE);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
	bool ok = false;
	snprintf(why, why_size, "the renderbuffer is incomplete");
	if (glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE) {
		glViewport(0, 0, PACK_SIZE, PACK_SIZE);
		clear_rgb(PACK_LEFT);
		glEnable(GL_SCISSOR_TEST);
		glScissor(PACK_SIZE / 2, 0, PACK_SIZE / 2, PACK_SIZE);
		clear_rgb(PACK_RIGHT);
		glDisable(GL_SCISSOR_TEST);
		enum { SIZE = PACK_OFFSET + PACK_SIZE * PACK_SIZE * 4 };
		GLubyte fill[SIZE];
		memset(fill, 0xa5, sizeof(fill));
		glGenBuffers(1, &pbo);
		glBindBuffer(GL_PIXEL_PACK_BUFFER, pbo);
		glBufferData(GL_PIXEL_PACK_BUFFER, SIZE, fill, GL_STREAM_READ);
		glReadPixels(0, 0, PACK_SIZE, PACK_SIZE, GL_RGBA, GL_UNSIGNED_BYTE,
		             (void *)PACK_OFFSET);
		gp_expect_no_error(f, "pbo-readback: glReadPixels into the pack buffer");
		const GLubyte *p = glMapBufferRange(GL_PIXEL_PACK_BUFFER, 0, SIZE, GL_MAP_READ_BIT);
		snprintf(why, why_size, "glMapBufferRange failed (0x%04x)", glGetError());
		if (p) {
			ok = pack_matches(p, why, why_size);
			glUnmapBuffer(GL_PIXEL_PACK_BUFFER);
		}
		glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
		glDeleteBuffers(1, &pbo);
	}
	glBindFramebuffer(GL_FRAMEBUFFER, 0);
	glDeleteFramebuffers(1, &fbo);
	glDeleteRenderbuffers(1, &rb);
	glViewport(0, 0, f->width, f->height);
	gp_expect_no_error(f, "pbo-readback: mapping the pack buffer");
	return ok;
}

void ge_draw_pbo_readback(struct gp_frame *f)
{
	char why[96];
	bool ok = pack_read(f, why, sizeof(why));
	ge_result(f, "pbo-readback-values", ok, why);
	struct ge_rect r = ge_region_rect(GE_PBO_READBACK);
	ge_draw_colour(f, "pbo-readback: drawing the verdict",
	               ok ? PBO_READBACK_RGB : PBO_MISMATCH_RGB, r);
	ge_probe(f, "pbo-readback", r, 0.5f, 0.5f, PBO_READBACK_RGB);
}

/* --- upload from a pixel-unpack buffer --- */

/* A 4 x 4 texture uploaded from an unpack buffer at UNPACK_OFFSET; the bytes before it are
 * a decoy colour, so an upload that ignored the offset shows it. */
#define UNPACK_SIZE 4
#define UNPACK_OFFSET 32
#define PBO_UPLOAD_RGB 0xe0e040
#define UNPACK_DECOY_RGB 0xff00ff

void ge_draw_pbo_upload(struct gp_frame *f)
{
	enum { SIZE = UNPACK_OFFSET + UNPACK_SIZE * UNPACK_SIZE * 4 };
	GLubyte data[SIZE];
	for (int i = 0; i < SIZE / 4; i++) {
		uint32_t rgb = i * 4 < UNPACK_OFFSET ? UNPACK_DECOY_RGB : PBO_UPLOAD_RGB;
		data[4 * i] = rgb >> 16 & 0xff;
		data[4 * i + 1] = rgb >> 8 & 0xff;
		data[4 * i + 2] = rgb & 0xff;
		data[4 * i + 3] = 0xff;
	}
	GLuint pbo, tex;
	glGenBuffers(1, &pbo);
	glBindBuffer(GL_PIXEL_UNPACK_BUFFER, pbo);
	glBufferData(GL_PIXEL_UNPACK_BUFFER, SIZE, data, GL_STATIC_DRAW);
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, UNPACK_SIZE, UNPACK_SIZE);
	glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, UNPACK_SIZE, UNPACK_SIZE, GL_RGBA, GL_UNSIGNED_BYTE,
	                (const void *)UNPACK_OFFSET);
	glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
	gp_expect_no_error(f, "pbo-upload: glTexSubImage2D from the unpack buffer");
	struct ge_rect r = ge_region_rect(GE_PBO_UPLOAD);
	ge_draw_texture(f, "pbo-upload: drawing the texture", tex, r);
	ge_probe(f, "pbo-upload", r, 0.25f, 0.25f, PBO_UPLOAD_RGB);
	ge_probe(f, "pbo-upload", r, 0.75f, 0.75f, PBO_UPLOAD_RGB);
	glDeleteTextures(1, &tex);
	glDeleteBuffers(1, &pbo);
	gp_expect_no_error(f, "pbo-upload: clean-up");
}
