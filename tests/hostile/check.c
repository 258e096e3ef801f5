/* What every case checks after its malformed input, and small senders. */
#include <stdarg.h>
#include <string.h>

#include "hostile.h"

static void put_request(struct hl_link *l, uint32_t object, uint16_t opcode, unsigned n, va_list ap)
{
	size_t msg = hl_msg_begin(&l->out, object, opcode);
	for (unsigned i = 0; i < n; i++)
		hl_put_u32(&l->out, va_arg(ap, uint32_t));
	hl_msg_end(&l->out, msg);
}

void hl_request(struct hl_link *l, uint32_t object, uint16_t opcode, unsigned n, ...)
{
	va_list ap;
	va_start(ap, n);
	put_request(l, object, opcode, n, ap);
	va_end(ap);
}

bool hl_send_request(struct hl_link *l, uint32_t object, uint16_t opcode, unsigned n, ...)
{
	size_t frame = hl_frame_begin(&l->out, WIRE_WAYLAND, 0);
	va_list ap;
	va_start(ap, n);
	put_request(l, object, opcode, n, ap);
	va_end(ap);
	hl_frame_end(&l->out, frame);
	return hl_link_flush(l);
}

void hl_bind(struct hl_link *l, uint32_t name, const char *interface, uint32_t version, uint32_t id)
{
	size_t msg = hl_msg_begin(&l->out, 2, WIRE_WL_REGISTRY_REQ_BIND);
	hl_put_u32(&l->out, name);
	hl_put_string(&l->out, interface);
	hl_put_u32(&l->out, version);
	hl_put_u32(&l->out, id);
	hl_msg_end(&l->out, msg);
}

bool hl_send_shm_create(struct hl_link *l, uint32_t handle, uint32_t size)
{
	struct wire_shm_create c = {.handle = handle, .size = size};
	hl_put_frame(&l->out, WIRE_SHM_CREATE, 0, &c, sizeof(c));
	return hl_link_flush(l);
}

bool hl_open_with_registry(struct hl_env *e, struct hl_link *l, struct hl_globals *g)
{
	return hl_link_open(e, l, true) && hl_registry_roundtrip(l, g);
}

bool hl_still_serving(struct hl_env *e)
{
	CHECKF(hl_alive(e->host, "gpupipe-host"), "the gpupipe-host listener is gone");
	CHECKF(hl_alive(e->weston, "weston"), "weston is gone");
	struct hl_link l;
	struct hl_globals g;
	bool served = hl_open_with_registry(e, &l, &g);
	if (served) {
		static const char bye[] = "test done";
		hl_put_frame(&l.out, WIRE_CLOSE, 0, bye, sizeof(bye) - 1);
		served = hl_link_flush(&l);
	}
	unsigned index = l.index;
	hl_link_close(&l);
	CHECKF(served, "a well-behaved link (number %u) was not served", index);

	pid_t pid = hl_link_pid(e, index);
	CHECK(pid > 0);
	int status = hl_link_exit_status(e, pid);
	CHECKF(status == 0, "the well-behaved link's process %d exited with %d", (int)pid, status);
	CHECK(hl_wait_no_host_children(e));
	CHECKF(hl_alive(e->host, "gpupipe-host"), "the gpupipe-host listener is gone");
	return true;
}

bool hl_refused(struct hl_env *e, struct hl_link *l, const char *phrase)
{
	struct hl_ending end;
	hl_read_until_end(l, &end);
	unsigned index = l->index;
	hl_link_close(l);
	/* How the link's process ended first: a crash explains everything
	 * else that is missing. */
	pid_t pid = hl_link_pid(e, index);
	CHECK(pid > 0);
	int status = end.ended ? hl_link_exit_status(e, pid) : HL_NO_EXIT;
	CHECKF(status != -1, "link process %d was killed by a signal (a crash)", (int)pid);
	CHECKF(end.ended, "the host did not end the link within %d ms", HL_WAIT_MS);
	CHECKF(end.closed, "the host ended the link without a WIRE_CLOSE");
	fprintf(stderr, "# close reason: %s\n", end.reason);
	CHECKF(strstr(end.reason, phrase), "the close reason does not say \"%s\"", phrase);
	CHECKF(!end.long_reason, "the close reason is over WIRE_MAX_REASON");
	CHECKF(!end.after_close, "the host sent frames after WIRE_CLOSE");
	CHECKF(end.hellos == 0, "the host answered a hello it refused");
	CHECKF(status == 1, "link process %d exited with %d, not 1 (an error)", (int)pid, status);

	CHECK(hl_link_logged(e, pid, "error: closing link: ", phrase, NULL));
	CHECKF(hl_pid_gone(pid), "link process %d still exists", (int)pid);
	return hl_still_serving(e);
}
