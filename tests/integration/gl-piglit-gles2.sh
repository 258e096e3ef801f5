#!/bin/bash
# The piglit GLES 2 tests that tests/gl/piglit-es.list (gl-piglit-es.sh) does not hold
# (tests/gl/piglit-gles2.list says which and how they were chosen), natively and on gpu-0:
# every test that passes natively must pass on gpu-0, with no exception. GP_GL_MODE=native
# (native-gl-piglit-gles2.sh) runs only the native half and requires every test to pass
# there: the list is chosen to, so a failure means the list is out of date for the machine.
# tests/gl/piglit-es-run runs them, several at a time.
here=$(dirname "$0")
where=both
[[ ${GP_GL_MODE:-gpu0} == native ]] && where=native
exec "$here/../gl/piglit-es-run" --list "$here/../gl/piglit-gles2.list" --exceptions /dev/null \
	--where "$where" --check "$@"
