#!/usr/bin/env bash
# Builds the web app and serves it on localhost (PORT=8080 by default): every file sent as
# the build compressed it (Content-Encoding br or gzip), the city pages at their folders
# (/jining/, /jining/resident/). The server is serve/ (tower-http's ServeDir).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build-web.sh
echo
exec target/ssr/debug/yibao-serve dist
