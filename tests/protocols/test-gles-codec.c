/*
 * The generated GLES codec, both halves in one process (fakes in
 * gles-fakes.c): commands round-trip from the app's entry points through
 * the host's decoder to the (fake) host GL and back; the host refuses
 * malformed commands, naming the command; the client drops invalid calls
 * with the GL error; every entry point of each streamed ES version is
 * implemented and the API model agrees with Khronos' headers; the size
 * helpers are exact and overflow-safe.
 *
 * Arguments: VERSION:HEADER for Khronos' GLES/gl.h (1.1), GLES2/gl2.h,
 * GLES3/gl3.h, gl31.h, gl32.h, independent lists of each OpenGL ES
 * version's entry points.
 */
#include <stdlib.h>
#include <string.h>

#include <gpupipe/gl-stream.h>

#include "gles-fakes.h"
#include "test-gles-codec.h"

void codec_reset(void)
{
	memset(&enc, 0, sizeof(enc));
	memset(&ex, 0, sizeof(ex));
	enc.ps = (struct gl_pixel_state){.pack_alignment = 4, .unpack_alignment = 4};
	ex.ps = enc.ps;
	enc.next_name = 1;
	have_context = host_context = true;
}

/* ---- Round trips ---- */

static void test_scalars(void)
{
	codec_reset();
	gl_enc_glClearColor(0.25f, -1.0f, 3.5f, 1.0f);
	CHECK(host_drain() && strcmp(rec.fn, "glClearColor") == 0);
	CHECK(rec.f[0] == 0.25f && rec.f[1] == -1.0f && rec.f[2] == 3.5f && rec.f[3] == 1.0f);
	gl_enc_glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
	CHECK(host_drain() && rec.e[0] == (GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT));
	gl_enc_glColorMask(2, 0, 1, 0); /* booleans travel as 0/1 */
	CHECK(host_drain() && rec.i[0] == 1 && rec.i[1] == 0 && rec.i[2] == 1);
	have_context = false; /* no current context: nothing queued */
	gl_enc_glClear(GL_COLOR_BUFFER_BIT);
	CHECK(enc.len == enc.decoded);
	CHECK(enc.error == 0);
}

static void test_names(void)
{
	codec_reset();
	GLuint tex[3];
	gl_enc_glGenTextures(3, tex);
	CHECK(tex[0] == 1 && tex[1] == 2 && tex[2] == 3);
	CHECK(enc.replies == 0); /* no round trip */
	CHECK(host_drain() && rec.n == 3);
	GLuint host2 = ex.map[GL_NAMES_TEXTURE][2];
	CHECK(host2 >= 7000);
	gl_enc_glBindTexture(GL_TEXTURE_2D, 2);
	CHECK(host_drain() && strcmp(rec.fn, "glBindTexture") == 0 && rec.names[0] == host2);

	/* Binding a never-generated name generates it first. */
	int hooks = hook_calls;
	gl_enc_glBindBuffer(GL_ARRAY_BUFFER, 77);
	CHECK(host_drain() && strcmp(rec.fn, "glBindBuffer") == 0);
	CHECK(ex.map[GL_NAMES_BUFFER][77] != 0 && rec.names[0] == ex.map[GL_NAMES_BUFFER][77]);
	CHECK(hook_calls == hooks + 1);

	/* Delete: unknown names filtered, a duplicate sent once (0 in its place). */
	GLuint del[4] = {2, 99, 2, 0};
	gl_enc_glDeleteTextures(4, del);
	CHECK(host_drain() && strcmp(rec.fn, "glDeleteTextures") == 0);
	CHECK(rec.n == 2 && rec.names[0] == host2 && rec.names[1] == 0);
	CHECK(!gl_enc_name_known(&enc, GL_NAMES_TEXTURE, 2) && ex.map[GL_NAMES_TEXTURE][2] == 0);
	CHECK(enc.error == 0);

	GLuint buf = 77;
	gl_enc_glDeleteBuffers(1, &buf);
	CHECK(host_drain() && host_deleted_app[0] == 77);

	/* glIs*: a known name asks the host, an unknown one does not. */
	unsigned replies = enc.replies;
	CHECK(gl_enc_glIsTexture(1) == GL_TRUE && enc.replies == replies + 1);
	CHECK(rec.names[0] == ex.map[GL_NAMES_TEXTURE][1]);
	CHECK(gl_enc_glIsTexture(555) == GL_FALSE && enc.replies == replies + 1);
}

static void test_programs(void)
{
	codec_reset();
	GLuint p = gl_enc_glCreateProgram();
	GLuint s = gl_enc_glCreateShader(GL_VERTEX_SHADER);
	CHECK(p && s && p != s && enc.replies == 0);
	CHECK(host_drain() && rec.e[0] == GL_VERTEX_SHADER);
	CHECK(ex.map[GL_NAMES_PROGRAM][p] && ex.map[GL_NAMES_SHADER][s]);
	gl_enc_glAttachShader(p, s);
	CHECK(host_drain() && rec.names[0] == ex.map[GL_NAMES_PROGRAM][p]);
	CHECK(rec.names[1] == ex.map[GL_NAMES_SHADER][s]);

	CHECK(gl_enc_glGetAttribLocation(p, "position") == 3);
	CHECK(strcmp((char *)rec.data, "position") == 0);

	char log[64];
	GLsizei len = -1;
	memset(log, 'x', sizeof(log));
	gl_enc_glGetShaderInfoLog(s, sizeof(log), &len, log);
	CHECK(len == 9 && strcmp(log, "0:1 error") == 0 && log[10] == 'x');
	gl_enc_glGetShaderInfoLog(s, 4, NULL, log);
	CHECK(strcmp(log, "0:1") == 0);

	GLint range[2] = {0, 0}, precision = 0;
	gl_enc_glGetShaderPrecisionFormat(GL_VERTEX_SHADER, GL_HIGH_FLOAT, range, &precision);
	CHECK(range[0] == 127 && range[1] == 126 && precision == 23);

	/* Client-side refusals: nothing is sent. */
	uint32_t queued = enc.len;
	CHECK(gl_enc_glCreateShader(GL_TEXTURE_2D) == 0 && enc.error == GL_INVALID_ENUM);
	enc.error = 0;
	/* No binary format: a shader binary would skip the host's shader checks. */
	static const uint32_t spirv[5] = {0x07230203, 0x10000, 0, 1, 0};
	gl_enc_glShaderBinary(1, &s, 0x9551 /* SPIR-V */, spirv, sizeof(spirv));
	CHECK(enc.error == GL_INVALID_ENUM);
	enc.error = 0;
	gl_enc_glAttachShader(4000, s);
	CHECK(enc.error == GL_INVALID_VALUE);
	enc.error = 0;
	gl_enc_glAttachShader(s, s); /* a shader where a program is expected */
	CHECK(enc.error == GL_INVALID_OPERATION);
	enc.error = 0;
	gl_enc_glAttachShader(0, s);
	CHECK(enc.error == GL_INVALID_VALUE);
	CHECK(enc.len == queued);
}

static void test_data(void)
{
	codec_reset();
	const uint8_t rgb[21] = {1, 2,  3,  4,  5,  6,  7,  8,  9,  0, 0,
	                         0, 10, 11, 12, 13, 14, 15, 16, 17, 18};
	gl_enc_glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB, 3, 2, 0, GL_RGB, GL_UNSIGNED_BYTE, rgb);
	CHECK(host_drain() && rec.i[0] == 3 && rec.i[1] == 2 && !rec.null_ptr);
	/* Alignment 1 on both sides through glPixelStorei and the host hook. */
	const uint8_t packed[18] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
	gl_enc_glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
	enc.ps.unpack_alignment = 1; /* what the library's special tracks */
	gl_enc_glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB, 3, 2, 0, GL_RGB, GL_UNSIGNED_BYTE, packed);
	CHECK(host_drain() && ex.ps.unpack_alignment == 1 && memcmp(rec.data, packed, 18) == 0);
	gl_enc_glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB, 64, 64, 0, GL_RGB, GL_UNSIGNED_BYTE, NULL);
	CHECK(host_drain() && rec.null_ptr);

	const GLfloat v[4] = {1, 2, 3, 4};
	gl_enc_glUniform4fv(5, 1, v);
	CHECK(host_drain() && rec.i[0] == 5 && rec.n == 1 && memcmp(rec.f, v, 16) == 0);
	gl_enc_glVertexAttrib4fv(2, v);
	CHECK(host_drain() && rec.i[0] == 2 && memcmp(rec.f, v, 16) == 0);

	int hooks = hook_calls, host_hooks = host_buffer_data_hooks;
	gl_enc_glBufferData(GL_ARRAY_BUFFER, 5, "abcd", GL_STATIC_DRAW);
	CHECK(host_drain() && rec.big[0] == 5 && memcmp(rec.data, "abcd", 5) == 0);
	CHECK(hook_calls == hooks + 100 && host_buffer_data_hooks == host_hooks + 1);
	gl_enc_glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)1 << 40, NULL, GL_STATIC_DRAW);
	CHECK(host_drain() && rec.big[0] == (int64_t)1 << 40 && rec.null_ptr && enc.error == 0);
	gl_enc_glBufferSubData(GL_ARRAY_BUFFER, (GLintptr)1 << 33, 4, "xyz");
	CHECK(host_drain() && rec.big[0] == (int64_t)1 << 33 && rec.big[1] == 4);

	/* A guard runs before the hook and may drop the call (a quota's
	 * GL_OUT_OF_MEMORY) without ending the link, or end the link. */
	int guards = guard_calls;
	host_hooks = host_buffer_data_hooks;
	guard_answer = GL_GUARD_SKIP;
	rec.fn = NULL;
	gl_enc_glBufferData(GL_ARRAY_BUFFER, 3, "ab", GL_STATIC_DRAW);
	CHECK(host_drain() && rec.fn == NULL && guard_calls == guards + 1);
	CHECK(host_buffer_data_hooks == host_hooks);
	guard_answer = GL_GUARD_FAIL;
	gl_enc_glBufferData(GL_ARRAY_BUFFER, 3, "ab", GL_STATIC_DRAW);
	CHECK(!host_drain() && strstr(ex.reason, "refused by the guard") && rec.fn == NULL);
	enc.decoded = enc.len;
	guard_answer = GL_GUARD_CALL;
	gl_enc_glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	CHECK(host_drain() && strcmp(rec.fn, "glTexImage2D") == 0 && guard_calls == guards + 3);

	/* New names are reserved against the quota before GL makes them. */
	GLuint more[3];
	names_left = 2;
	rec.fn = NULL;
	gl_enc_glGenTextures(3, more);
	CHECK(!host_drain() && strstr(ex.reason, "names quota: 3 more") && rec.fn == NULL);
	enc.decoded = enc.len;
	names_left = UINT32_MAX;

	const GLenum att[2] = {GL_COLOR_EXT, GL_DEPTH_EXT};
	gl_enc_glDiscardFramebufferEXT(GL_FRAMEBUFFER, 2, att);
	CHECK(host_drain() && rec.n == 2 && rec.e[0] == GL_COLOR_EXT && rec.e[1] == GL_DEPTH_EXT);

	GLint param = 0;
	gl_enc_glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, &param);
	CHECK(param == GL_LINEAR);
	CHECK(gl_enc_glGetError() == GL_OUT_OF_MEMORY);
	/* A query the host's GL refuses writes nothing (an empty out blob): the app's
	 * memory keeps what it held. */
	param = 12345;
	ex.query_fails = true;
	gl_enc_glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, &param);
	ex.query_fails = false;
	CHECK(param == 12345 && enc.error == 0);
	gl_enc_glGetError();
	unsigned replies = enc.replies, flushes = enc.flushes;
	gl_enc_glFinish();
	CHECK(enc.replies == replies + 1 && strcmp(rec.fn, "glFinish") == 0);
	gl_enc_glFlush();
	CHECK(enc.flushes == flushes + 1 && host_drain() && strcmp(rec.fn, "glFlush") == 0);
	CHECK(enc.error == 0);

	/* Client-side refusals. */
	uint32_t queued = enc.len;
	gl_enc_glUniform4fv(5, -1, v);
	CHECK(enc.error == GL_INVALID_VALUE);
	enc.error = 0;
	gl_enc_glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB, 3, 2, 0, 0x1234, GL_UNSIGNED_BYTE, rgb);
	CHECK(enc.error == GL_INVALID_ENUM);
	enc.error = 0;
	gl_enc_glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB, 3, 2, 0, GL_RGB, GL_UNSIGNED_SHORT_4_4_4_4,
	                    rgb);
	CHECK(enc.error == GL_INVALID_OPERATION);
	enc.error = 0;
	gl_enc_glBufferSubData(GL_ARRAY_BUFFER, 0, 4, NULL);
	CHECK(enc.error == GL_INVALID_VALUE);
	enc.error = 0;
	gl_enc_glGetTexParameteriv(GL_TEXTURE_2D, 0x9999, &param);
	CHECK(enc.error == GL_INVALID_ENUM);
	enc.error = 0;
	gl_enc_glBindBuffer(0x9999, 0);
	CHECK(enc.error == GL_INVALID_ENUM);
	enc.error = 0;
	static const GLchar *const one[] = {"v"};
	gl_enc_glTransformFeedbackVaryings(1, GL_MAX_STRINGS + 1, one, GL_INTERLEAVED_ATTRIBS);
	CHECK(enc.error == GL_OUT_OF_MEMORY); /* more strings than the host takes */
	CHECK(enc.len == queued);
}

/* ---- Replies that break the rules read as a lost link: zeros ---- */

static void test_bad_replies(void)
{
	codec_reset();
	GLint range[2] = {5, 5}, precision = 5;
	const uint32_t short_reply[3] = {8, 1, 2}; /* no precision blob */
	enc.canned = (const uint8_t *)short_reply;
	enc.canned_size = sizeof(short_reply);
	gl_enc_glGetShaderPrecisionFormat(GL_VERTEX_SHADER, GL_HIGH_FLOAT, range, &precision);
	CHECK(range[0] == 0 && range[1] == 0 && precision == 0);

	GLuint s = gl_enc_glCreateShader(GL_FRAGMENT_SHADER);
	char log[8] = "abcdefg";
	const uint32_t long_reply[5] = {GL_BLOB_NULL, 12, 0x41414141, 0x41414141, 0x41414141};
	enc.canned = (const uint8_t *)long_reply;
	enc.canned_size = sizeof(long_reply);
	gl_enc_glGetShaderInfoLog(s, sizeof(log), NULL, log);
	CHECK(log[0] == 0 && log[7] == 0);

	/* An `upto` out: the reply's length, not the capacity, is copied. */
	GLuint prog = gl_enc_glCreateProgram();
	GLfloat u[16] = {9, 9, 9};
	const float two[2] = {1.5f, -2.0f};
	uint32_t upto_reply[3] = {8};
	memcpy(upto_reply + 1, two, 8);
	enc.canned = (const uint8_t *)upto_reply;
	enc.canned_size = sizeof(upto_reply);
	gl_enc_glGetUniformfv(prog, 0, u);
	CHECK(u[0] == 1.5f && u[1] == -2.0f && u[2] == 9);

	const uint32_t trailing[2] = {1, 0};
	enc.canned = (const uint8_t *)trailing;
	enc.canned_size = sizeof(trailing);
	CHECK(gl_enc_glGetError() == 0);

	enc.canned = NULL;
	enc.lost = true; /* the library's begin fails: nothing, zeros */
	GLint param = 7;
	gl_enc_glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, &param);
	CHECK(param == 7 && gl_enc_glGetError() == 0);
}

/* ---- The host refuses malformed commands ---- */

static uint32_t cmd[64];

/* A command of `n` payload words; true when the host accepted it. */
bool codec_host_cmd(uint32_t op, const uint32_t *words, uint32_t n)
{
	cmd[0] = 8 + 4 * n;
	cmd[1] = op;
	if (n)
		memcpy(cmd + 2, words, 4 * n);
	return host_run((const uint8_t *)cmd, cmd[0]);
}

void codec_refused(uint32_t op, const uint32_t *words, uint32_t n, const char *why)
{
	bool ok = codec_host_cmd(op, words, n);
	CHECK(!ok);
	CHECK(strstr(ex.reason, why) != NULL);
	if (ok || !strstr(ex.reason, why))
		fprintf(stderr, "  expected \"%s\", got \"%s\"\n", why, ex.reason);
	else
		printf("refused: %s\n", ex.reason);
}

static void test_host_refuses(void)
{
	codec_reset();
	GLuint p = gl_enc_glCreateProgram(), s = gl_enc_glCreateShader(GL_VERTEX_SHADER);
	GLuint tex;
	gl_enc_glGenTextures(1, &tex);
	CHECK(host_drain());

	CHECK(codec_host_cmd(GLES_OP_glUniform4fv, (uint32_t[]){0, 1, 16, 1, 2, 3, 4}, 7));
	codec_refused(GLES_OP_glUniform4fv, (uint32_t[]){0, 2, 16, 1, 2, 3, 4}, 7,
	              "glUniform4fv: value is 16 bytes, its arguments say 32");
	codec_refused(GLES_OP_glUniform4fv, (uint32_t[]){0, 1, 16, 1, 2}, 5,
	              "glUniform4fv: command size");
	codec_refused(GLES_OP_glClear, (uint32_t[]){GL_COLOR_BUFFER_BIT, 0}, 2,
	              "glClear: command size does not match");
	codec_refused(GLES_OP_glClearColor, (uint32_t[]){0, 0, 0}, 3, "glClearColor: command size");
	codec_refused(GLES_OP_END, NULL, 0, "unknown GLES opcode");
	codec_refused(GL_OP_GLES_BASE - 1, NULL, 0, "unknown GLES opcode");
	codec_refused(GLES_OP_glGetString, (uint32_t[]){GL_VENDOR}, 1, "glGetString (opcode");
	codec_refused(GLES_OP_glBufferSubData,
	              (uint32_t[]){GL_ARRAY_BUFFER, 0, 0, 4, 0, GL_BLOB_NULL}, 6,
	              "glBufferSubData: data is NULL");
	codec_refused(GLES_OP_glBufferSubData,
	              (uint32_t[]){GL_ARRAY_BUFFER, 0, 0, 13, 0, 13, 0, 0, 0, 0}, 10,
	              "refused by the hook");
	codec_refused(GLES_OP_glBindTexture, (uint32_t[]){GL_TEXTURE_2D, 4000}, 2,
	              "unknown name 4000");
	codec_refused(GLES_OP_glAttachShader, (uint32_t[]){p, p}, 2,
	              "unknown name"); /* class misuse */
	codec_refused(GLES_OP_glAttachShader, (uint32_t[]){s, s}, 2, "unknown name");
	codec_refused(GLES_OP_glGetAttribLocation, (uint32_t[]){p, 4, 0x64636261}, 3,
	              "glGetAttribLocation: name is not a NUL-terminated string");
	codec_refused(GLES_OP_glBindBuffer, (uint32_t[]){0x9999, 0}, 2,
	              "glBindBuffer: gl_buffer_target(target) >= 0");
	codec_refused(GLES_OP_glGetShaderInfoLog,
	              (uint32_t[]){s, 0x7fffffff, GL_BLOB_NULL, 0x7fffffff}, 4,
	              "glGetShaderInfoLog: infoLog is over the command limit");
	codec_refused(GLES_OP_glGenTextures, (uint32_t[]){1, 4, tex}, 3, "bad new name");
	codec_refused(GLES_OP_glShaderBinary, (uint32_t[]){1, 0x9551, 4, 4, s, 4, 0}, 7,
	              "glShaderBinary: GL_FALSE does not hold");
	codec_refused(
	        GLES_OP_glTexImage2D,
	        (uint32_t[]){GL_TEXTURE_2D, 0, GL_RGB, 3, 2, 0, GL_RGB, 0x1401, 20, 0, 0, 0, 0, 0},
	        14, "glTexImage2D: pixels is 20 bytes, its arguments say 21");
	codec_refused(
	        GLES_OP_glTexImage2D,
	        (uint32_t[]){GL_TEXTURE_2D, 0, GL_RGB, -3, 2, 0, GL_RGB, 0x1401, GL_BLOB_NULL}, 9,
	        "glTexImage2D: pixels: invalid arguments");
	host_context = false;
	codec_refused(GLES_OP_glClear, (uint32_t[]){GL_COLOR_BUFFER_BIT}, 1,
	              "glClear with no current context");
	host_context = true;
	unsigned specials = host_specials;
	CHECK(codec_host_cmd(GLES_OP_glDrawArrays, (uint32_t[]){GL_TRIANGLES, 0, 3}, 3));
	CHECK(host_specials == specials + 1);
}

/* Desktop OpenGL 3.0-3.3's commands ES lacks (a core 3.3 context): integer, packed and
 * 64-bit data round-trip; names map; the client refuses what GL refuses and the host
 * what an honest client never sends; ES contexts have none of them. */
static void test_gl3(void)
{
	fake_api = GL_API_GL_CORE;
	fake_version = GL_VERSION_CODE(3, 3);
	codec_reset();
	install_fakes_gl3();
	const GLshort sv[4] = {-300, 301, -302, 303};
	gl_enc_glVertexAttribI4sv(2, sv);
	CHECK(host_drain() && strcmp(rec.fn, "glVertexAttribI4sv") == 0 && rec.i[0] == 2);
	CHECK(rec.data_len == 8 && memcmp(rec.data, sv, 8) == 0);
	const GLuint packed = 0xc00003ffu;
	gl_enc_glVertexAttribP3uiv(1, GL_INT_2_10_10_10_REV, GL_TRUE, &packed);
	CHECK(host_drain() && rec.e[0] == GL_INT_2_10_10_10_REV && rec.i[1] == 1);
	CHECK(rec.data_len == 4 && memcmp(rec.data, &packed, 4) == 0);

	/* A timestamp is queued, no round trip; its 64-bit result comes back whole. */
	GLuint q;
	gl_enc_glGenQueries(1, &q);
	unsigned replies = enc.replies;
	gl_enc_glQueryCounter(q, GL_TIMESTAMP);
	CHECK(enc.replies == replies);
	CHECK(host_drain() && rec.names[0] == ex.map[GL_NAMES_QUERY][q] &&
	      rec.e[0] == GL_TIMESTAMP);
	GLuint64 t = 0;
	gl_enc_glGetQueryObjectui64v(q, GL_QUERY_RESULT, &t);
	CHECK(t == 0x123456789abcull && enc.replies == replies + 1);
	gl_enc_glGetQueryObjectui64v(q, GL_TEXTURE_2D, &t); /* no such pname: not sent */
	CHECK(enc.error == GL_INVALID_ENUM && enc.replies == replies + 1);
	enc.error = 0;
	gl_enc_glQueryCounter(900, GL_TIMESTAMP); /* never generated */
	CHECK(enc.error == GL_INVALID_OPERATION && enc.len == enc.decoded);
	enc.error = 0;
	/* glBeginQuery of a name never generated: GL_INVALID_OPERATION in a core context; a
	 * compatibility context makes the object (piglit's occlusion_query2-render), the
	 * host generating the name first. 0 stays an error there. */
	gl_enc_glBeginQuery(GL_ANY_SAMPLES_PASSED, 901);
	CHECK(enc.error == GL_INVALID_OPERATION && enc.len == enc.decoded);
	enc.error = 0;
	fake_api = GL_API_GL_COMPAT;
	gl_enc_glBeginQuery(GL_ANY_SAMPLES_PASSED, 0);
	CHECK(enc.error == GL_INVALID_OPERATION && enc.len == enc.decoded);
	enc.error = 0;
	gl_enc_glBeginQuery(GL_ANY_SAMPLES_PASSED, 901);
	CHECK(host_drain() && strcmp(rec.fn, "glBeginQuery") == 0 && enc.error == 0);
	CHECK(gl_enc_name_known(&enc, GL_NAMES_QUERY, 901));
	CHECK(ex.map[GL_NAMES_QUERY][901] != 0 && rec.names[0] == ex.map[GL_NAMES_QUERY][901]);
	gl_enc_glEndQuery(GL_ANY_SAMPLES_PASSED);
	CHECK(host_drain());
	fake_api = GL_API_GL_CORE;

	GLuint p = gl_enc_glCreateProgram();
	gl_enc_glBindFragDataLocationIndexed(p, 0, 1, "src1");
	CHECK(host_drain() && rec.names[0] == ex.map[GL_NAMES_PROGRAM][p] && rec.i[1] == 1);
	CHECK(strcmp((const char *)rec.data, "src1") == 0);
	char name[8] = "xxxxxxx";
	GLsizei len = -1;
	gl_enc_glGetActiveUniformName(p, 0, 5, &len, name);
	CHECK(len == 4 && strcmp(name, "tint") == 0 && name[5] == 'x');

	/* What an honest client never sends. */
	codec_refused(GLES_OP_glVertexAttribI4sv, (uint32_t[]){2, 4, 0}, 3,
	              "glVertexAttribI4sv: v is 4 bytes, its arguments say 8");
	codec_refused(GLES_OP_glVertexAttribP4uiv,
	              (uint32_t[]){2, GL_INT_2_10_10_10_REV, 1, 8, 0, 0}, 6,
	              "glVertexAttribP4uiv: value is 8 bytes, its arguments say 4");
	codec_refused(GLES_OP_glGetQueryObjecti64v, (uint32_t[]){q, GL_QUERY_RESULT, 4}, 3,
	              "glGetQueryObjecti64v: params");
	codec_refused(GLES_OP_glBindFragDataLocation, (uint32_t[]){p, 0, 4, 0x64636261}, 4,
	              "glBindFragDataLocation: name is not a NUL-terminated string");
	codec_refused(GLES_OP_glQueryCounter, (uint32_t[]){777, GL_TIMESTAMP}, 2,
	              "unknown name 777");
	codec_refused(GLES_OP_glBeginConditionalRender, (uint32_t[]){p, GL_QUERY_WAIT}, 2,
	              "unknown name");

	/* OpenGL ES contexts have none of them. */
	fake_api = GL_API_GLES2;
	fake_version = 0;
	gl_enc_glQueryCounter(q, GL_TIMESTAMP);
	CHECK(enc.error == GL_INVALID_OPERATION && enc.len == enc.decoded);
	enc.error = 0;
	codec_refused(GLES_OP_glQueryCounter, (uint32_t[]){q, GL_TIMESTAMP}, 2, "glQueryCounter");
	codec_reset();
}

/* OpenGL 4.5 core contexts: glClipControl's scalars and glCreateQueries' names round-trip
 * (made by the client, no round trip); a query target GL lacks is the client's
 * GL_INVALID_ENUM and ends the link on the host; glGetQueryBufferObjectuiv maps both
 * names, refuses a negative offset on both sides and an unknown buffer on the host. */
static void test_core_dsa(void)
{
	fake_api = GL_API_GL_CORE;
	fake_version = GL_VERSION_CODE(4, 5); /* not offered yet: its landing version */
	codec_reset();
	install_dsa_fakes();
	gl_enc_glClipControl(GL_UPPER_LEFT_EXT, GL_ZERO_TO_ONE_EXT);
	CHECK(host_drain() && strcmp(rec.fn, "glClipControl") == 0);
	CHECK(rec.e[0] == GL_UPPER_LEFT_EXT && rec.e[1] == GL_ZERO_TO_ONE_EXT);
	GLuint q[2];
	gl_enc_glCreateQueries(GL_ANY_SAMPLES_PASSED, 2, q);
	CHECK(enc.replies == 0 && q[0] && q[1] && q[0] != q[1]);
	CHECK(host_drain() && strcmp(rec.fn, "glCreateQueries") == 0 && rec.n == 2);
	CHECK(rec.e[0] == GL_ANY_SAMPLES_PASSED && ex.map[GL_NAMES_QUERY][q[1]] != 0);
	GLuint bad;
	gl_enc_glCreateQueries(0x1234, 1, &bad);
	CHECK(enc.error == GL_INVALID_ENUM && enc.len == enc.decoded);
	enc.error = 0;
	GLuint buf;
	gl_enc_glGenBuffers(1, &buf);
	gl_enc_glGetQueryBufferObjectuiv(q[0], buf, GL_QUERY_RESULT, 8);
	CHECK(host_drain() && strcmp(rec.fn, "glGetQueryBufferObjectuiv") == 0);
	CHECK(rec.names[0] == ex.map[GL_NAMES_QUERY][q[0]] &&
	      rec.names[1] == ex.map[GL_NAMES_BUFFER][buf] && rec.big[0] == 8);
	gl_enc_glGetQueryBufferObjectuiv(q[0], buf, GL_QUERY_RESULT, -4);
	CHECK(enc.error == GL_INVALID_VALUE && enc.len == enc.decoded);
	enc.error = 0;
	gl_enc_glGetQueryBufferObjectuiv(q[0], 999, GL_QUERY_RESULT, 0);
	CHECK(enc.error == GL_INVALID_OPERATION && enc.len == enc.decoded);
	enc.error = 0;
	codec_refused(GLES_OP_glCreateQueries, (uint32_t[]){0x1234, 1, 4, 77}, 4,
	              "glCreateQueries: gl_query_target_ok(target) does not hold");
	codec_refused(GLES_OP_glGetQueryBufferObjectuiv,
	              (uint32_t[]){q[0], buf, GL_QUERY_RESULT, 0xfffffffc, 0xffffffff}, 5,
	              "glGetQueryBufferObjectuiv: offset >= 0 does not hold");
	codec_refused(GLES_OP_glGetQueryBufferObjectuiv,
	              (uint32_t[]){q[0], 999, GL_QUERY_RESULT, 0, 0}, 5, "unknown name 999");
	fake_api = GL_API_GLES2;
	fake_version = 0;
	codec_reset();
}

/* ---- Every entry point of every streamed ES version is implemented ---- */

/* The GL_APICALL entry points of a Khronos header ("2.0:/usr/include/GLES2/gl2.h"):
 * every one is implemented, and a context of exactly that version has exactly
 * them (each header lists its version's whole API). */
/* OpenGL ES 1.1 contexts: fixed-function commands with GLfixed and GLubyte
 * scalars and pname-sized arrays round-trip; commands shared with ES 2 are
 * the same opcodes; each API's commands are refused in the other's
 * contexts (GL_INVALID_OPERATION on the client, the link on the host). */
static void test_gles1(void)
{
	codec_reset();
	fake_api = GL_API_GLES1;
	const GLfloat pos[4] = {1, 2, 3, 0};
	gl_enc_glLightfv(GL_LIGHT0, GL_POSITION, pos);
	CHECK(host_drain() && strcmp(rec.fn, "glLightfv") == 0 && rec.e[0] == GL_LIGHT0);
	CHECK(rec.data_len == 16 && memcmp(rec.data, pos, 16) == 0);
	gl_enc_glLightfv(GL_LIGHT0, GL_TEXTURE_2D, pos); /* no such light parameter */
	CHECK(enc.error == GL_INVALID_ENUM && enc.len == enc.decoded);
	enc.error = 0;
	gl_enc_glTranslatex(-65536, 1 << 30, -(1 << 30)); /* GLfixed is signed */
	CHECK(host_drain() && rec.i[0] == -65536 && rec.i[1] == 1 << 30 && rec.i[2] == -(1 << 30));
	gl_enc_glColor4ub(255, 0, 128, 1);
	CHECK(host_drain() && rec.i[0] == 255 && rec.i[2] == 128 && rec.i[3] == 1);
	GLfixed m[16];
	for (int i = 0; i < 16; i++)
		m[i] = (i % 5 == 0) << 16;
	gl_enc_glLoadMatrixx(m);
	CHECK(host_drain() && rec.data_len == 64 && memcmp(rec.data, m, 64) == 0);
	GLfixed mv[16] = {0};
	gl_enc_glGetFixedv(GL_MODELVIEW_MATRIX, mv);
	CHECK(rec.e[0] == GL_MODELVIEW_MATRIX && mv[0] == 1 << 16 && mv[15] == 16 << 16);
	/* A shared command: the one opcode of both APIs. */
	GLuint tex;
	gl_enc_glGenTextures(1, &tex);
	gl_enc_glBindTexture(GL_TEXTURE_2D, tex);
	CHECK(host_drain() && strcmp(rec.fn, "glBindTexture") == 0);
	/* A pointer in a buffer travels as an offset; the host's hook checks it. */
	gl_enc_glVertexPointer(3, GL_FIXED, 12, (const void *)(uintptr_t)24);
	CHECK(host_drain() && rec.i[0] == 3 && rec.e[0] == GL_FIXED && rec.big[0] == 24);
	gl_enc_glVertexPointer(3, GL_FIXED, 12, (const void *)(uintptr_t)13);
	CHECK(!host_drain() && strstr(ex.reason, "glVertexPointer"));
	codec_reset();
	/* ES 2 only in ES 1, and the reverse. */
	CHECK(gl_enc_glCreateShader(GL_VERTEX_SHADER) == 0 && enc.error == GL_INVALID_OPERATION);
	fake_api = GL_API_GLES2;
	codec_reset();
	gl_enc_glLightfv(GL_LIGHT0, GL_POSITION, pos);
	CHECK(enc.error == GL_INVALID_OPERATION && enc.len == 0);
	fake_api = GL_API_GLES1;
	gl_enc_glLightfv(GL_LIGHT0, GL_POSITION, pos);
	fake_api = GL_API_GLES2;
	CHECK(!host_drain() && strstr(ex.reason, "glLightfv is not part of"));
	/* ES 1 values in the shared size helpers. */
	CHECK(gl_texparam_count(GL_GENERATE_MIPMAP) == 1 && gl_get_count(GL_MAX_LIGHTS) == 1);
	CHECK(gl_get_count(GL_PROJECTION_MATRIX) == 16 && gl_get_count(GL_LIGHT7) == 1);
	CHECK(gl_get_count(GL_LIGHT0 + 8) == GL_SIZE_INVALID_ENUM);
	CHECK(gl_texenv_count(GL_TEXTURE_ENV_COLOR) == 4 && gl_material_count(GL_SHININESS) == 1);
	CHECK(gl_point_param_count(GL_POINT_DISTANCE_ATTENUATION) == 3);
	codec_reset();
}

/* Desktop OpenGL core contexts (batch gl-a's commands of GL 1.0 to 2.0): GLdouble scalars
 * and arrays, GLshort and GLubyte scalars, desktop pixel transfers ES refuses, and their
 * refusal in ES contexts on both sides. */
static void test_gl_core(void)
{
	install_gl_core_fakes();
	fake_api = GL_API_GL_CORE;
	codec_reset();
	enc.ps.desktop = ex.ps.desktop = true;
	gl_enc_glClearDepth(0.1);
	CHECK(host_drain() && strcmp(rec.fn, "glClearDepth") == 0 && rec_d[0] == 0.1);
	gl_enc_glDepthRange(0.25, 1.0 / 3);
	CHECK(host_drain() && rec_d[0] == 0.25 && rec_d[1] == 1.0 / 3);
	const GLdouble dv[4] = {0.5, -1e300, 3.25, 1.0 / 7};
	gl_enc_glVertexAttrib4dv(3, dv);
	CHECK(host_drain() && rec.i[0] == 3 && memcmp(rec_d, dv, 32) == 0);
	gl_enc_glVertexAttrib2s(1, -2, 32767);
	CHECK(host_drain() && rec.i[0] == 1 && rec.i[1] == -2 && rec.i[2] == 32767);
	gl_enc_glVertexAttrib4Nub(2, 255, 0, 1, 128);
	CHECK(host_drain() && rec.i[0] == 255 && rec.i[2] == 1 && rec.i[3] == 128);
	const GLshort sv[4] = {-1, 2, -3, 4};
	gl_enc_glVertexAttrib4sv(0, sv);
	CHECK(host_drain() && rec.data_len == 8 && memcmp(rec.data, sv, 8) == 0);
	GLdouble got[4] = {0};
	gl_enc_glGetVertexAttribdv(0, GL_CURRENT_VERTEX_ATTRIB, got);
	CHECK(got[0] == 0.5 && got[3] == 3.5);
	gl_enc_glGetVertexAttribdv(0, 0x9999, got);
	CHECK(enc.error == GL_INVALID_ENUM);
	enc.error = 0;
	GLint result = 0;
	gl_enc_glGetQueryObjectiv(77, GL_QUERY_RESULT, &result);
	CHECK(enc.error == GL_INVALID_OPERATION && result == 0);
	enc.error = 0;
	GLuint q;
	gl_enc_glGenQueries(1, &q);
	gl_enc_glGetQueryObjectiv(q, GL_QUERY_RESULT, &result);
	CHECK(result == -5 && rec.names[0] == ex.map[GL_NAMES_QUERY][q]);
	/* GL_BGRA with GL_UNSIGNED_INT_8_8_8_8_REV: 4 bytes a texel on desktop GL. */
	const uint8_t texels[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
	gl_enc_glTexImage1D(0x0DE0, 0, GL_RGBA8, 3, 0, 0x80E1, 0x8367, texels);
	CHECK(host_drain() && rec.i[0] == 3 && rec.data_len == 12 && !memcmp(rec.data, texels, 12));
	gl_enc_glTexImage1D(0x0DE0, 0, GL_RGBA8, 3, 0, GL_RGB, 0x8367, texels);
	CHECK(enc.error == GL_INVALID_OPERATION);
	enc.error = 0;
	const GLint origin = 0x8CA1; /* GL_LOWER_LEFT */
	gl_enc_glPointParameteriv(0x8CA0, &origin);
	CHECK(host_drain() && rec.e[0] == 0x8CA0 && rec.i[0] == origin);
	/* A 1D image past its blob ends the link. */
	codec_refused(GLES_OP_glTexImage1D,
	              (uint32_t[]){0x0DE0, 0, GL_RGBA8, 3, 0, GL_RGBA, GL_UNSIGNED_BYTE, 8, 0, 0},
	              10, "glTexImage1D: pixels is 8 bytes, its arguments say 12");
	CHECK(enc.error == 0);
	/* ES contexts: neither desktop GL's commands nor its pixel pairs. */
	fake_api = GL_API_GLES2;
	codec_reset();
	gl_enc_glClearDepth(0.5);
	CHECK(enc.error == GL_INVALID_OPERATION && enc.len == 0);
	enc.error = 0;
	gl_enc_glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 1, 1, 0, 0x80E1, 0x8367, texels);
	CHECK(enc.error == GL_INVALID_ENUM && enc.len == 0);
	codec_refused(GLES_OP_glClearDepth, (uint32_t[]){0, 0}, 2, "glClearDepth is not part of");
	codec_reset();
}

static void check_header(const char *arg)
{
	unsigned major, minor;
	const char *path = strchr(arg, ':');
	if (sscanf(arg, "%u.%u:", &major, &minor) != 2 || !path) {
		fprintf(stderr, "expected VERSION:HEADER, got %s\n", arg);
		failures++;
		return;
	}
	path++;
	/* OpenGL ES 1.x is its own API (GLES/gl.h declares with GL_API). */
	uint32_t api = major == 1 ? GL_API_GLES1 : GL_API_GLES2;
	struct gles_level level = {.api = api, .version = GL_VERSION_CODE(major, minor)};
	/* ES 1.1 requires OES_point_size_array, whose command gl.h declares. */
	if (api == GL_API_GLES1)
		gles_level_add_extension(&level, gles_extension_index("GL_OES_point_size_array"));
	if (level.version > gles_streamed_version[api]) {
		printf("%s: OpenGL ES %u.%u is not streamed yet\n", path, major, minor);
		return;
	}
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		failures++;
		return;
	}
	char line[512];
	unsigned total = 0, found = 0, in_level = 0;
	while (fgets(line, sizeof(line), f)) {
		char *at = strstr(line, "GL_APIENTRY gl");
		if (!(strstr(line, "GL_APICALL") || strncmp(line, "GL_API ", 7) == 0) || !at)
			continue;
		char name[128];
		if (sscanf(at + strlen("GL_APIENTRY "), "%127[A-Za-z0-9_]", name) != 1)
			continue;
		total++;
		if (gl_gles_lookup(name))
			found++;
		else
			fprintf(stderr, "not implemented: %s\n", name);
	}
	fclose(f);
	for (uint32_t op = GL_OP_GLES_BASE; op < GLES_OP_END; op++)
		in_level += gles_level_has(&level, op);
	CHECK(total > 0 && found == total && in_level == total);
	printf("%s %u.%u entry points in %s: %u, implemented %u, in the API model %u\n",
	       gl_api_name(api), major, minor, path, total, found, in_level);
}

static void test_coverage(int n_headers, char **headers)
{
	for (uint32_t op = GL_OP_GLES_BASE; op < GLES_OP_END; op++) {
		const char *name = gles_command_name(op);
		CHECK(name && gl_gles_lookup(name));
	}
	CHECK(gles_command_name(GLES_OP_END) == NULL && gl_gles_lookup("glFooBar") == NULL);
	CHECK(gl_gles_lookup("glBindVertexArrayOES") && gl_gles_lookup("glDiscardFramebufferEXT"));
	for (int i = 0; i < n_headers; i++)
		check_header(headers[i]);

	/* An extension's commands need the extension; core ones the version. */
	struct gles_level es2 = {.api = GL_API_GLES2, .version = GL_VERSION_CODE(2, 0)};
	CHECK(gles_level_has(&es2, GLES_OP_glClear) &&
	      !gles_level_has(&es2, GLES_OP_glBindVertexArrayOES));
	gles_level_add_extension(&es2, gles_extension_index("GL_OES_vertex_array_object"));
	CHECK(gles_level_has(&es2, GLES_OP_glBindVertexArrayOES));
	/* A command several extensions bring (gl.xml): any one of them is enough. */
	struct gles_level vp = {.api = GL_API_GLES2, .version = GL_VERSION_CODE(3, 1)};
	CHECK(!gles_level_has(&vp, GLES_OP_glEnableiOES));
	gles_level_add_extension(&vp, gles_extension_index("GL_OES_viewport_array"));
	CHECK(gles_level_has(&vp, GLES_OP_glEnableiOES));
	struct gles_level dbi = {.api = GL_API_GLES2, .version = GL_VERSION_CODE(3, 1)};
	gles_level_add_extension(&dbi, gles_extension_index("GL_OES_draw_buffers_indexed"));
	CHECK(gles_level_has(&dbi, GLES_OP_glEnableiOES) &&
	      !gles_level_has(&dbi, GLES_OP_glViewportArrayvOES));
	struct gles_level es1 = {.api = GL_API_GLES1, .version = GL_VERSION_CODE(1, 1)};
	CHECK(!gles_level_has(&es1, GLES_OP_glCreateShader));
	CHECK(gles_extension_index("GL_FOO_bar") == -1);

	CHECK(gles_host_load(fake_getproc, NULL) && asked_alias);
	CHECK((void *)gles_host.glBindVertexArrayOES == (void *)fake_Flush);
	CHECK(gles_host_extension_ok("GL_OES_vertex_array_object"));
	CHECK(gles_host_extension_ok("GL_OES_depth24") && !gles_host_extension_ok("GL_FOO_bar"));
	const char *missing = NULL;
	CHECK(!gles_host_load(missing_getproc, &missing) && missing &&
	      strcmp(missing, "glStencilOp") == 0);
	CHECK(!gles_host_extension_ok("GL_OES_mapbuffer"));
	CHECK(gl_gles_extensions[0] && strstr(GLES_EXTENSIONS, "GL_OES_element_index_uint"));
	install_fakes();
}

/* Desktop OpenGL 4.0 to 4.4 (a core 4.4 context): an ES extension's command under its core
 * name is that command's entry point and opcode, offered from the core version; doubles and
 * pname-sized arrays round-trip; the client drops what it can tell is wrong, the host
 * refuses a blob its arguments do not size. */
static void test_core4(void)
{
	codec_reset();
	install_core4_fakes();
	CHECK(gl_gles_lookup("glBufferStorage") == gl_gles_lookup("glBufferStorageEXT"));
	CHECK(gl_gles_lookup("glViewportArrayv") == gl_gles_lookup("glViewportArrayvOES"));
	CHECK(gl_gles_lookup("glTextureView") == gl_gles_lookup("glTextureViewOES"));
	CHECK(gl_gles_lookup("glDepthRangeArrayv") != gl_gles_lookup("glDepthRangeArrayfvOES"));
	struct gles_level core = {.api = GL_API_GL_CORE, .version = GL_VERSION_CODE(4, 3)};
	CHECK(gles_level_has(&core, GLES_OP_glViewportArrayvOES) &&
	      gles_level_has(&core, GLES_OP_glTextureViewOES) &&
	      !gles_level_has(&core, GLES_OP_glBufferStorageEXT));
	core.version = GL_VERSION_CODE(4, 4);
	CHECK(gles_level_has(&core, GLES_OP_glBufferStorageEXT));
	struct gles_level es32 = {.api = GL_API_GLES2, .version = GL_VERSION_CODE(3, 2)};
	CHECK(!gles_level_has(&es32, GLES_OP_glBufferStorageEXT) &&
	      !gles_level_has(&es32, GLES_OP_glDepthRangeArrayv));

	fake_api = GL_API_GL_CORE;
	fake_version = GL_VERSION_CODE(4, 4);
	const GLdouble ranges[4] = {0, 1, 0.25, 0.75};
	gl_enc_glDepthRangeArrayv(2, 2, ranges);
	CHECK(host_drain() && strcmp(rec.fn, "glDepthRangeArrayv") == 0 && rec.i[0] == 2);
	CHECK(rec.n == 2 && memcmp(rec.data, ranges, 32) == 0);
	gl_enc_glDepthRangeIndexed(3, 0.125, 1.0 / 3.0);
	GLdouble got[2] = {0};
	CHECK(host_drain() && rec.i[0] == 3);
	memcpy(got, rec.data, 16);
	CHECK(got[0] == 0.125 && got[1] == 1.0 / 3.0);
	const GLdouble m[6] = {1, 2, 3, 4, 5, 6.5};
	gl_enc_glUniformMatrix2x3dv(7, 1, GL_FALSE, m);
	CHECK(host_drain() && rec.i[0] == 7 && rec.data_len == 48 && memcmp(rec.data, m, 48) == 0);
	const GLfloat outer[4] = {1, 2, 3, 4};
	gl_enc_glPatchParameterfv(0x8E74 /* GL_PATCH_DEFAULT_OUTER_LEVEL */, outer);
	CHECK(host_drain() && rec.data_len == 16 && memcmp(rec.data, outer, 16) == 0);
	GLint64 fmt[3] = {0, 0, -1};
	gl_enc_glGetInternalformati64v(GL_TEXTURE_2D, GL_RGBA8, GL_SAMPLES, 2, fmt);
	CHECK(rec.n == 2 && fmt[0] == (GLint64)1 << 40 && fmt[1] == ((GLint64)1 << 40 | 1));
	CHECK(fmt[2] == -1);
	/* The transform feedback draws travel to the host's checks (xfb-draw.c). */
	unsigned specials = host_specials;
	gl_enc_glDrawTransformFeedback(GL_POINTS, 0);
	gl_enc_glDrawTransformFeedbackStream(GL_POINTS, 0, 1);
	gl_enc_glDrawTransformFeedbackInstanced(GL_TRIANGLES, 0, 3);
	gl_enc_glDrawTransformFeedbackStreamInstanced(GL_LINES, 0, 2, 4);
	CHECK(host_drain() && host_specials == specials + 4);
	GLuint p = gl_enc_glCreateProgram();
	CHECK(gl_enc_glGetSubroutineIndex(p, GL_FRAGMENT_SHADER, "blue") == 5);
	CHECK(strcmp((const char *)rec.data, "blue") == 0 &&
	      rec.names[0] == ex.map[GL_NAMES_PROGRAM][p]);

	/* The client drops what it can tell is wrong. */
	uint32_t queued = enc.len;
	gl_enc_glPatchParameterfv(GL_TEXTURE_2D, outer);
	CHECK(enc.error == GL_INVALID_ENUM);
	enc.error = 0;
	gl_enc_glDepthRangeArrayv(GL_MAX_VIEWPORT_INDEX, 1, ranges);
	CHECK(enc.error == GL_INVALID_VALUE);
	enc.error = 0;
	gl_enc_glUniform2dv(0, -1, ranges);
	CHECK(enc.error == GL_INVALID_VALUE && enc.len == queued);
	enc.error = 0;

	/* The host refuses a blob its arguments do not size. */
	codec_refused(GLES_OP_glDepthRangeArrayv, (uint32_t[]){0, 2, 16, 0, 0, 0, 0}, 7,
	              "glDepthRangeArrayv: v is 16 bytes, its arguments say 32");
	codec_refused(GLES_OP_glDepthRangeArrayv,
	              (uint32_t[]){GL_MAX_VIEWPORT_INDEX - 1, 2, 32, 0, 0, 0, 0, 0, 0, 0, 0}, 11,
	              "glDepthRangeArrayv: (int64_t)first + count <= GL_MAX_VIEWPORT_INDEX");
	codec_refused(GLES_OP_glUniform3dv, (uint32_t[]){0, 1, 16, 0, 0, 0, 0}, 7,
	              "glUniform3dv: value is 16 bytes, its arguments say 24");
	codec_refused(GLES_OP_glPatchParameterfv, (uint32_t[]){0x8E73, 16, 0, 0, 0, 0}, 6,
	              "glPatchParameterfv: values is 16 bytes, its arguments say 8");
	codec_refused(GLES_OP_glGetInternalformati64v,
	              (uint32_t[]){GL_TEXTURE_2D, GL_RGBA8, GL_SAMPLES, 2, 8}, 5,
	              "glGetInternalformati64v: params");
	fake_api = GL_API_GLES2;
	fake_version = 0;
	codec_refused(GLES_OP_glDepthRangeIndexed, (uint32_t[]){0, 0, 0, 0, 0}, 5,
	              "glDepthRangeIndexed is not part of");
	install_fakes();
}

/* The rest of 4.2-4.5 (batch gl4-rest): glTexStorage1D is generic with a guard; the multi-binds
 * are local (their single binds travel), so their opcodes end the link; the sub-image
 * readbacks are hand-encoded (gpuhost/gl/subimage.c). */
static void test_gl4_rest(void)
{
	codec_reset();
	install_gl4_rest_fakes();
	struct gles_level core = {.api = GL_API_GL_CORE, .version = GL_VERSION_CODE(4, 1)};
	CHECK(!gles_level_has(&core, GLES_OP_glTexStorage1D));
	core.version = GL_VERSION_CODE(4, 2);
	CHECK(gles_level_has(&core, GLES_OP_glTexStorage1D) &&
	      !gles_level_has(&core, GLES_OP_glBindTextures));
	core.version = GL_VERSION_CODE(4, 4);
	CHECK(gles_level_has(&core, GLES_OP_glBindBuffersRange) &&
	      gles_level_has(&core, GLES_OP_glBindVertexBuffers) &&
	      !gles_level_has(&core, GLES_OP_glGetTextureSubImage));
	core.version = GL_VERSION_CODE(4, 5);
	CHECK(gles_level_has(&core, GLES_OP_glGetTextureSubImage) &&
	      gles_level_has(&core, GLES_OP_glGetCompressedTextureSubImage) &&
	      gles_level_has(&core, GLES_OP_glTextureStorage1D));
	struct gles_level es32 = {.api = GL_API_GLES2, .version = GL_VERSION_CODE(3, 2)};
	CHECK(!gles_level_has(&es32, GLES_OP_glTexStorage1D) &&
	      !gles_level_has(&es32, GLES_OP_glBindTextures));

	fake_api = GL_API_GL_CORE;
	fake_version = GL_VERSION_CODE(4, 5);
	gl_enc_glTexStorage1D(0x0DE0 /* GL_TEXTURE_1D */, 3, GL_RGBA8, 16);
	CHECK(host_drain() && rec.fn && strcmp(rec.fn, "glTexStorage1D") == 0);
	CHECK(rec.i[0] == 0x0DE0 && rec.i[1] == 3 && rec.i[2] == GL_RGBA8 && rec.i[3] == 16);
	codec_refused(GLES_OP_glTexStorage1D, (uint32_t[]){0x0DE0, 1, GL_RGBA8}, 3,
	              "glTexStorage1D");
	codec_refused(GLES_OP_glBindTextures, (uint32_t[]){0, 1, 4, 1}, 4, "is never sent");
	codec_refused(GLES_OP_glBindBuffersRange, (uint32_t[]){GL_UNIFORM_BUFFER, 0, 0}, 3,
	              "is never sent");
	codec_refused(GLES_OP_glTextureStorage1D, (uint32_t[]){1, 1, GL_RGBA8, 4}, 4,
	              "is never sent");
	fake_api = GL_API_GLES2;
	fake_version = 0;
	codec_refused(GLES_OP_glTexStorage1D, (uint32_t[]){0x0DE0, 1, GL_RGBA8, 16}, 4,
	              "glTexStorage1D is not part of");
	install_fakes();
}

/* Batch compatext's extensions: the NV/EXT names of core commands are the core entry
 * points, available through the extension below the core version; ARB_viewport_array
 * brings its core 4.1 commands but not gl.xml's glDepthRangeArraydvNV and
 * glDepthRangeIndexeddNV (its interaction with NV_depth_buffer_float, which no context of
 * ours has); NV_texture_env_combine4's and ARB_texture_float's pnames are sized. */
static void test_compatext(void)
{
	CHECK(gl_gles_lookup("glTextureBarrierNV") == gl_gles_lookup("glTextureBarrier"));
	CHECK(gl_gles_lookup("glProvokingVertexEXT") == gl_gles_lookup("glProvokingVertex"));
	CHECK(!gl_gles_lookup("glDepthRangeArraydvNV") &&
	      !gl_gles_lookup("glDepthRangeIndexeddNV"));
	struct gles_level core = {.api = GL_API_GL_CORE, .version = GL_VERSION_CODE(3, 2)};
	CHECK(!gles_level_has(&core, GLES_OP_glDepthRangeArrayv) &&
	      !gles_level_has(&core, GLES_OP_glTextureBarrier));
	gles_level_add_extension(&core, gles_extension_index("GL_ARB_viewport_array"));
	gles_level_add_extension(&core, gles_extension_index("GL_NV_texture_barrier"));
	CHECK(gles_level_has(&core, GLES_OP_glDepthRangeArrayv) &&
	      gles_level_has(&core, GLES_OP_glViewportArrayvOES) &&
	      gles_level_has(&core, GLES_OP_glTextureBarrier));
	struct gles_level compat = {.api = GL_API_GL_COMPAT, .version = GL_VERSION_CODE(2, 1)};
	CHECK(!gles_level_has(&compat, GLES_OP_glProvokingVertex));
	gles_level_add_extension(&compat, gles_extension_index("GL_EXT_provoking_vertex"));
	CHECK(gles_level_has(&compat, GLES_OP_glProvokingVertex));
	/* EXT_provoking_vertex is desktop's compatibility profile's alone (gl.xml). */
	struct gles_level es32 = {.api = GL_API_GLES2, .version = GL_VERSION_CODE(3, 2)};
	gles_level_add_extension(&es32, gles_extension_index("GL_EXT_provoking_vertex"));
	CHECK(!gles_level_has(&es32, GLES_OP_glProvokingVertex));
	CHECK(gl_texenv_count(GL_SOURCE3_RGB_NV) == 1 &&
	      gl_texenv_count(GL_OPERAND3_ALPHA_NV) == 1);
	CHECK(gl_texenv_count(0x8584) == GL_SIZE_INVALID_ENUM); /* one past GL_SOURCE3_RGB_NV */
	CHECK(gl_texlevelparam_count(0x8C14 /* GL_TEXTURE_LUMINANCE_TYPE_ARB */) == 1 &&
	      gl_texlevelparam_count(0x8060 /* GL_TEXTURE_LUMINANCE_SIZE */) == 1);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s GLES2/gl2.h\n", argv[0]);
		return 2;
	}
	test_coverage(argc - 1, argv + 1); /* loads gles_host, then installs the fakes */
	test_sizes();
	test_scalars();
	test_names();
	test_programs();
	test_data();
	test_bad_replies();
	test_host_refuses();
	test_gles1();
	test_core_dsa();
	test_gl_core();
	test_core4();
	test_gl3();
	test_gl4_rest();
	test_compat_ff();
	test_compat();
	test_compat_ls();
	test_arb_program_names();
	test_compatext();
	test_compat_restart_nv();
	if (failures)
		fprintf(stderr, "%d checks failed\n", failures);
	else
		printf("all checks passed\n");
	return failures ? 1 : 0;
}
