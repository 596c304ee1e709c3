#!/bin/bash
# Install what gireport needs (Debian 12, as root), then build and install it.
#   scripts/setup.sh            build and install the extension
#   GIR_EXTRA_PACKAGES="..."    more Debian packages to install if missing
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for pkg in postgresql-15 postgresql-server-dev-15 libpcre2-dev pkg-config make gcc perl ${GIR_EXTRA_PACKAGES:-}; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
	echo "== installing: ${need[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "== building gireport"
make -s PG_CFLAGS="${PG_CFLAGS:-}" >/dev/null
make -s install >/dev/null
