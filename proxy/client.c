/*
 * What every part of an app's process may do to its client: end it, telling the app why,
 * and resume what waited for room on the link once a flush made some. It calls no
 * dispatcher: the event loop that reads the app and the link is client-run.c's.
 */
#include <stdarg.h>
#include <stdio.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>

#include "client.h"

/* The app learns why as a protocol error on wl_display, which every
 * libwayland client prints, instead of a bare broken pipe. */
static void tell_app(struct px_client *client, const char *reason)
{
	char text[600];
	snprintf(text, sizeof(text), "gpupipe: %s", reason);
	struct wire_msg msg = {
	        .object = 1,
	        .opcode = WIRE_WL_DISPLAY_EVT_ERROR,
	        .desc = &wire_iface_wl_display.events[WIRE_WL_DISPLAY_EVT_ERROR],
	};
	msg.args[0].u = 1;
	msg.args[1].u = 3; /* wl_display.error.implementation */
	msg.args[2].s = text;
	uint8_t *out =
	        client->app.fd >= 0 ? wire_conn_reserve(&client->app, WIRE_WL_MAX_MESSAGE) : NULL;
	client->app_told = out != NULL;
	if (out)
		wire_conn_unreserve(&client->app,
		                    WIRE_WL_MAX_MESSAGE - wire_msg_encode(&msg, WIRE_FORM_SOCKET,
		                                                          out,
		                                                          WIRE_WL_MAX_MESSAGE));
}

void px_client_close(struct px_client *client, bool error, const char *fmt, ...)
{
	if (client->done)
		return;
	char reason[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	if (error) {
		gp_log(WARN, "closing: %s", reason);
		tell_app(client, reason);
	} else {
		gp_log(INFO, "closing: %s", reason);
	}
	client->done = true;
	client->exit_status = error ? 1 : 0;
}

static void resume_if_drained(struct wire_conn *drained, struct wire_conn *paused)
{
	if (!paused->reading && wire_conn_pending(drained) < PX_BACKPRESSURE_BYTES / 2)
		wire_conn_set_reading(paused, true);
}

void px_client_link_flushed(struct px_client *client)
{
	if (wire_conn_pending(&client->link) >= PX_BACKPRESSURE_BYTES / 2)
		return;
	resume_if_drained(&client->link, &client->app);
	wl_signal_emit(&client->link_room, client);
	wire_pipes_resume(&client->pipes);
}

void px_client_app_flushed(struct px_client *client)
{
	resume_if_drained(&client->app, &client->link);
}
