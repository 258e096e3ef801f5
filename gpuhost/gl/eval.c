/*
 * glGetMapdv, glGetMapfv, glGetMapiv (the compatibility profile's evaluator
 * queries; glGetnMap*v are the library's, on the same wire): GL passes no
 * size, so the host sizes the answer itself from the target (its
 * components), the query and, for GL_COEFF, the map's order as its driver
 * has it, and has the driver write exactly that through the bounded
 * ARB_robustness forms (glGetnMap*vARB: Mesa 22 knows no core-named
 * glGetnMap*v, and glvnd's stub for one writes nothing). The reply carries
 * the values, which the library copies (proxy/gl/gl-eval.c).
 */
#include <EGL/egl.h>
#include <string.h>

#include <gpupipe/gl-sizes.h>

#include "gles-codec.h"
#include "quota.h"
#include "stream.h"

#define GL_COEFF_ 0x0A00
#define GL_ORDER_ 0x0A01
#define GL_DOMAIN_ 0x0A02
#define GL_MAP1_COLOR_4_ 0x0D90
#define GL_MAP1_VERTEX_4_ 0x0D98

typedef void(GL_APIENTRY *getn_map_fn)(GLenum, GLenum, GLsizei, void *);

/* Values the query answers, 0 after recording GL's error. */
static int64_t values(struct gl_exec *x, uint32_t target, uint32_t query)
{
	bool two = !(target >= GL_MAP1_COLOR_4_ && target <= GL_MAP1_VERTEX_4_);
	int64_t k = gl_eval_components(target, two);
	if (k < 0 || (query != GL_COEFF_ && query != GL_ORDER_ && query != GL_DOMAIN_)) {
		gh_gl_error_record(x->ctx, GL_INVALID_ENUM);
		return 0;
	}
	if (query == GL_ORDER_)
		return two ? 2 : 1;
	if (query == GL_DOMAIN_)
		return two ? 4 : 2;
	/* The order as the driver has it, into room for the most it writes. */
	GLint order[2] = {0, 0};
	gles_host.glGetMapiv(target, GL_ORDER_, order);
	if (!two)
		order[1] = 1;
	for (int i = 0; i < 2; i++) {
		if (order[i] < 1 || order[i] > GL_SIZES_MAX_EVAL_ORDER) {
			gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
			return 0;
		}
	}
	return (int64_t)order[0] * order[1] * k;
}

/* kind: 'd', 'f' or 'i', the variant. */
static bool get_map(struct gl_exec *x, struct gl_reader *r, const char *cmd, const char *arb,
                    char kind)
{
	uint32_t target = gl_rd_u32(r);
	uint32_t query = gl_rd_u32(r);
	if (!gles_reader_end(x, r, cmd))
		return false;
	uint32_t n = (uint32_t)(values(x, target, query) * (kind == 'd' ? 8 : 4));
	uint8_t *p = gl_exec_reply(x, 4 + ((n + 3) & ~3u));
	if (!p)
		return false;
	memcpy(p, &n, 4);
	if (!n)
		return true;
	getn_map_fn getn = (getn_map_fn)eglGetProcAddress(arb);
	if (getn)
		getn(target, query, (GLsizei)n, p + 4);
	else if (kind == 'd')
		gles_host.glGetMapdv(target, query, (GLdouble *)(p + 4));
	else if (kind == 'f')
		gles_host.glGetMapfv(target, query, (GLfloat *)(p + 4));
	else
		gles_host.glGetMapiv(target, query, (GLint *)(p + 4));
	return true;
}

bool gl_exec_special_glGetMapdv(struct gl_exec *x, struct gl_reader *r)
{
	return get_map(x, r, "glGetMapdv", "glGetnMapdvARB", 'd');
}

bool gl_exec_special_glGetMapfv(struct gl_exec *x, struct gl_reader *r)
{
	return get_map(x, r, "glGetMapfv", "glGetnMapfvARB", 'f');
}

bool gl_exec_special_glGetMapiv(struct gl_exec *x, struct gl_reader *r)
{
	return get_map(x, r, "glGetMapiv", "glGetnMapivARB", 'i');
}
