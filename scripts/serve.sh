#!/usr/bin/env bash
# Builds the web app and serves it on localhost. PORT=8080 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build-web.sh
port=${PORT:-8080}
echo
echo "yibao is served at http://127.0.0.1:${port}/  (Ctrl-C to stop)"
exec python3 -m http.server --bind 127.0.0.1 --directory dist "$port"
