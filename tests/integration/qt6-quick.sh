#!/bin/bash
# Qt 6 Quick through gpu-0 (and the baseline natively): see qt/quick.sh.
GP_QT=6
# shellcheck source=qt/quick.sh
. "$(dirname "$0")/qt/quick.sh"
