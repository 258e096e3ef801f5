#!/bin/bash
# gl-uploads.sh with gpupipe-proxy --no-fd-passing: the same uploads and checks with every
# byte in the GL stream, as between two VMs, and none through shared memory.
GP_UPLOADS_NO_FD_PASSING=1
# shellcheck source=gl-uploads.sh
. "$(dirname "$0")/gl-uploads.sh"
