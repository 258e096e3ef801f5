/*
 * One logger per binary: `[prog file:line] level: message` on stderr.
 * Quiet by default (errors and warnings); -v raises it, as does
 * GPUPIPE_LOG=error|warn|info|debug.
 */
#ifndef GPUPIPE_LOG_H
#define GPUPIPE_LOG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

enum gp_log_level {
	GP_LOG_ERROR,
	GP_LOG_WARN,
	GP_LOG_INFO,
	GP_LOG_DEBUG,
};

/* prog: short name shown in each line; extra_verbosity: number of -v. */
void gp_log_init(const char *prog, int extra_verbosity);
/* Changes the name shown, e.g. "gpupipe-host[link 3]" in a forked child. */
void gp_log_set_prog(const char *prog);
bool gp_log_enabled(enum gp_log_level level);
/* "12.3 KiB": a byte count in a unit that keeps it short, for log lines; returns buf. */
const char *gp_size_text(char *buf, size_t len, double bytes);

void gp_log_at(enum gp_log_level level, const char *file, int line, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

#define gp_log(level, ...) gp_log_at(GP_LOG_##level, __FILE__, __LINE__, __VA_ARGS__)

/* A line at info that is written whatever the level: figures a user asked for (--stats,
 * SIGUSR1), which must not need -v as well. */
void gp_log_asked_at(const char *file, int line, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
#define gp_log_asked(...) gp_log_asked_at(__FILE__, __LINE__, __VA_ARGS__)
/* Figures: written whatever the level when `asked`, else at info (the totals a process logs
 * as a link or an app ends, which nobody asked for). */
#define gp_log_figures(asked, ...) ((asked) ? gp_log_asked(__VA_ARGS__) : gp_log(INFO, __VA_ARGS__))

#endif
