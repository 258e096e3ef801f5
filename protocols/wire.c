#include <gpupipe/wire.h>

const char *wire_type_name(uint32_t type)
{
	static const char *const names[WIRE_TYPE_COUNT] = {
	        [WIRE_HELLO] = "hello",
	        [WIRE_CLOSE] = "close",
	        [WIRE_WAYLAND] = "wayland",
	        [WIRE_SHM_CREATE] = "shm-create",
	        [WIRE_SHM_COPY] = "shm-copy",
	        [WIRE_BLOB] = "blob",
	        [WIRE_PIPE] = "pipe",
	        [WIRE_PIPE_DATA] = "pipe-data",
	        [WIRE_PIPE_CLOSE] = "pipe-close",
	        [WIRE_GL_OPEN] = "gl-open",
	        [WIRE_GL] = "gl",
	        [WIRE_GL_CLOSE] = "gl-close",
	        [WIRE_GL_SHARED] = "gl-shared",
	        [WIRE_FD_PROBE] = "fd-probe",
	};
	if (type < WIRE_TYPE_COUNT && names[type])
		return names[type];
	return "unknown";
}
