#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

static struct {
	char prog[64];
	enum gp_log_level level;
} logger = {"gpupipe", GP_LOG_WARN};

static const char *const level_names[] = {"error", "warn", "info", "debug"};

static bool parse_level(const char *s, enum gp_log_level *out)
{
	for (size_t i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++) {
		if (strcmp(s, level_names[i]) == 0) {
			*out = (enum gp_log_level)i;
			return true;
		}
	}
	return false;
}

void gp_log_init(const char *prog, int extra_verbosity)
{
	gp_log_set_prog(prog);
	enum gp_log_level level = GP_LOG_WARN;
	const char *env = getenv("GPUPIPE_LOG");
	if (env && *env && !parse_level(env, &level))
		fprintf(stderr, "%s: ignoring GPUPIPE_LOG=%s (use error, warn, info or debug)\n",
		        prog, env);
	int raised = (int)level + extra_verbosity;
	logger.level = raised > GP_LOG_DEBUG ? GP_LOG_DEBUG : (enum gp_log_level)raised;
}

void gp_log_set_prog(const char *prog)
{
	snprintf(logger.prog, sizeof(logger.prog), "%s", prog);
}

bool gp_log_enabled(enum gp_log_level level)
{
	return level <= logger.level;
}

const char *gp_size_text(char *buf, size_t len, double bytes)
{
	/* The unit is chosen by the value as printed, so no "1024 B" nor "1024.0 KiB". */
	if (bytes < 1023.5)
		snprintf(buf, len, "%.0f B", bytes);
	else if (bytes < 1024 * 1023.95)
		snprintf(buf, len, "%.1f KiB", bytes / 1024);
	else
		snprintf(buf, len, "%.2f MiB", bytes / (1024 * 1024));
	return buf;
}

/* Messages quote strings from the other side of the link: control bytes
 * are escaped so that a peer can never start a log line of its own. */
static void escape(const char *in, char *out, size_t cap)
{
	size_t o = 0;
	for (const unsigned char *p = (const unsigned char *)in; *p && o + 5 < cap; p++) {
		if (*p < 0x20 || *p == 0x7f)
			o += (size_t)snprintf(out + o, cap - o, "\\x%02x", *p);
		else
			out[o++] = (char)*p;
	}
	out[o] = '\0';
}

static void vlog(enum gp_log_level level, const char *file, int line, const char *fmt, va_list ap)
{
	const char *base = strrchr(file, '/');
	base = base ? base + 1 : file;

	/* One fprintf per line so that lines of forked children do not
	 * interleave mid-line. */
	char msg[1024], safe[4 * sizeof(msg)];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	escape(msg, safe, sizeof(safe));
	fprintf(stderr, "[%s %s:%d] %s: %s\n", logger.prog, base, line, level_names[level], safe);
}

void gp_log_at(enum gp_log_level level, const char *file, int line, const char *fmt, ...)
{
	if (!gp_log_enabled(level))
		return;
	va_list ap;
	va_start(ap, fmt);
	vlog(level, file, line, fmt, ap);
	va_end(ap);
}

void gp_log_asked_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vlog(GP_LOG_INFO, file, line, fmt, ap);
	va_end(ap);
}
