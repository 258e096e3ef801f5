/*
 * GL_KHR_debug as an app sees it (gl-es3-app): messages of the driver (a GL error it
 * reports) and the app's own (glDebugMessageInsertKHR) reach the app, with the right
 * source, type, id, severity and text: in the message log while no callback is set, and in
 * the callback, called in the thread that made the GL call with the context current, once
 * one is. Through gpu-0 the driver is the host's: its messages must cross the link.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <EGL/egl.h>
#include <GLES3/gl31.h>
#include <GLES2/gl2ext.h>

#include "gl-es3-app.h"

#define MAX_SEEN 16
#define MARKER_ID 4242u

struct seen {
	GLenum source, type, severity;
	GLuint id;
	char text[256];
};

struct debug_state {
	pthread_t thread;
	EGLContext context;
	bool wrong_thread, not_current;
	int n;
	struct seen msgs[MAX_SEEN];
};

static struct {
	PFNGLDEBUGMESSAGECALLBACKKHRPROC callback;
	PFNGLDEBUGMESSAGEINSERTKHRPROC insert;
	PFNGLGETDEBUGMESSAGELOGKHRPROC log;
	PFNGLGETPOINTERVKHRPROC get_pointer;
} fn;

static void GL_APIENTRY on_message(GLenum source, GLenum type, GLuint id, GLenum severity,
                                   GLsizei length, const GLchar *text, const void *user)
{
	struct debug_state *s = (struct debug_state *)user;
	s->wrong_thread |= !pthread_equal(pthread_self(), s->thread);
	s->not_current |= eglGetCurrentContext() != s->context;
	if (s->n >= MAX_SEEN)
		return;
	struct seen *m = &s->msgs[s->n++];
	*m = (struct seen){source, type, severity, id, ""};
	snprintf(m->text, sizeof(m->text), "%s", text);
}

/* What the driver itself refuses (the library cannot know pname 0xdead is bad). */
static void driver_error(void)
{
	glTexParameteri(GL_TEXTURE_2D, 0xdead, 0);
}

static void drain_errors(void)
{
	for (int i = 0; i < 16 && glGetError() != GL_NO_ERROR; i++)
		;
}

static void insert_marker(const char *text)
{
	fn.insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_MARKER_KHR, MARKER_ID,
	          GL_DEBUG_SEVERITY_NOTIFICATION_KHR, -1, text);
}

/* Index of the marker with `text`, and of the first API error after it (-1 for none). */
static void find(const struct seen *m, int n, const char *text, int *marker, int *error)
{
	*marker = *error = -1;
	for (int i = 0; i < n; i++) {
		if (*marker < 0 && m[i].source == GL_DEBUG_SOURCE_APPLICATION_KHR &&
		    m[i].type == GL_DEBUG_TYPE_MARKER_KHR && m[i].id == MARKER_ID &&
		    m[i].severity == GL_DEBUG_SEVERITY_NOTIFICATION_KHR &&
		    strcmp(m[i].text, text) == 0)
			*marker = i;
		else if (*marker >= 0 && *error < 0 && m[i].source == GL_DEBUG_SOURCE_API_KHR &&
		         m[i].type == GL_DEBUG_TYPE_ERROR_KHR &&
		         m[i].severity == GL_DEBUG_SEVERITY_HIGH_KHR &&
		         strstr(m[i].text, "GL_INVALID_ENUM"))
			*error = i;
	}
}

static void check_log(struct gp_frame *f)
{
	static const char text[] = "gl-es3-app: into the log";
	struct seen m[MAX_SEEN];
	GLenum sources[MAX_SEEN], types[MAX_SEEN], severities[MAX_SEEN];
	GLuint ids[MAX_SEEN];
	GLsizei lengths[MAX_SEEN];
	char buf[MAX_SEEN * 256];
	insert_marker(text);
	driver_error();
	drain_errors();
	GLint logged = 0;
	glGetIntegerv(GL_DEBUG_LOGGED_MESSAGES_KHR, &logged);
	GLuint n = fn.log(MAX_SEEN, sizeof(buf), sources, types, ids, severities, lengths, buf);
	size_t at = 0;
	for (GLuint i = 0; i < n && i < MAX_SEEN; i++) {
		m[i] = (struct seen){sources[i], types[i], severities[i], ids[i], ""};
		snprintf(m[i].text, sizeof(m[i].text), "%s", buf + at);
		at += (size_t)lengths[i];
	}
	int marker, error;
	find(m, (int)n, text, &marker, &error);
	for (GLuint i = 0; marker < 0 && i < n && i < MAX_SEEN; i++)
		printf("debug-log message %u (length %d): source 0x%x type 0x%x id %u severity "
		       "0x%x: %s\n",
		       i, lengths[i], m[i].source, m[i].type, m[i].id, m[i].severity, m[i].text);
	char why[160];
	snprintf(why, sizeof(why),
	         "%u messages (GL_DEBUG_LOGGED_MESSAGES %d): marker at %d, "
	         "the driver's GL_INVALID_ENUM at %d",
	         n, logged, marker, error);
	ge_result(f, "debug-log", marker >= 0 && error > marker && logged == (GLint)n, why);
}

static void check_callback(struct gp_frame *f)
{
	static const char text[] = "gl-es3-app: to the callback";
	static struct debug_state s;
	s = (struct debug_state){.thread = pthread_self(), .context = eglGetCurrentContext()};
	fn.callback(on_message, &s);
	void *got_fn = NULL, *got_user = NULL;
	fn.get_pointer(GL_DEBUG_CALLBACK_FUNCTION_KHR, &got_fn);
	fn.get_pointer(GL_DEBUG_CALLBACK_USER_PARAM_KHR, &got_user);
	ge_result(f, "debug-callback-pointers",
	          got_fn == (void *)on_message && got_user == (void *)&s,
	          "glGetPointervKHR does not give the callback and its user parameter");
	insert_marker(text);
	driver_error();
	/* Both must have arrived by the time a round trip returns. */
	GLenum err = glGetError();
	drain_errors();
	int marker, error;
	find(s.msgs, s.n, text, &marker, &error);
	char why[160];
	snprintf(why, sizeof(why),
	         "%d messages: marker at %d, the driver's GL_INVALID_ENUM at %d "
	         "(glGetError 0x%04x)",
	         s.n, marker, error, err);
	ge_result(f, "debug-callback", marker >= 0 && error > marker && err == GL_INVALID_ENUM,
	          why);
	/* An error the library finds itself (a vertex array never generated) is a message too. */
	int before = s.n;
	glBindVertexArray(0xbeef);
	drain_errors();
	bool found = false;
	for (int i = before; i < s.n; i++)
		found |= s.msgs[i].source == GL_DEBUG_SOURCE_API_KHR &&
		         s.msgs[i].type == GL_DEBUG_TYPE_ERROR_KHR &&
		         s.msgs[i].severity == GL_DEBUG_SEVERITY_HIGH_KHR &&
		         strstr(s.msgs[i].text, "GL_INVALID_OPERATION") != NULL;
	ge_result(f, "debug-callback-api-error", found,
	          "no GL_INVALID_OPERATION message for glBindVertexArray of an unknown name");
	ge_result(f, "debug-callback-thread", s.n > 0 && !s.wrong_thread && !s.not_current,
	          "the callback ran in another thread or without the context current");
	GLuint left = fn.log(MAX_SEEN, 0, NULL, NULL, NULL, NULL, NULL, NULL);
	ge_result(f, "debug-callback-no-log", left == 0,
	          "messages went to the log while a callback was set");
	fn.callback(NULL, NULL);
}

void ge_check_debug(struct gp_frame *f)
{
	const char *exts = (const char *)glGetString(GL_EXTENSIONS);
	fn.callback =
	        (PFNGLDEBUGMESSAGECALLBACKKHRPROC)eglGetProcAddress("glDebugMessageCallbackKHR");
	fn.insert = (PFNGLDEBUGMESSAGEINSERTKHRPROC)eglGetProcAddress("glDebugMessageInsertKHR");
	fn.log = (PFNGLGETDEBUGMESSAGELOGKHRPROC)eglGetProcAddress("glGetDebugMessageLogKHR");
	fn.get_pointer = (PFNGLGETPOINTERVKHRPROC)eglGetProcAddress("glGetPointervKHR");
	if (!exts || !strstr(exts, "GL_KHR_debug") || !fn.callback || !fn.insert || !fn.log ||
	    !fn.get_pointer) {
		ge_result(f, "debug-offered", false, "no GL_KHR_debug in GL_EXTENSIONS");
		return;
	}
	glEnable(GL_DEBUG_OUTPUT_KHR);
	/* What came before is not this test's. */
	while (fn.log(MAX_SEEN, 0, NULL, NULL, NULL, NULL, NULL, NULL))
		;
	check_log(f);
	check_callback(f);
	glDisable(GL_DEBUG_OUTPUT_KHR);
	drain_errors();
}
