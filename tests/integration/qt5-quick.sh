#!/bin/bash
# Qt 5 Quick through gpu-0 (and the baseline natively): see qt/quick.sh.
GP_QT=5
# shellcheck source=qt/quick.sh
. "$(dirname "$0")/qt/quick.sh"
