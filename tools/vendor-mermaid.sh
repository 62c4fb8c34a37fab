#!/usr/bin/env bash
# Refresh the vendored Mermaid bundle from the npm registry (the site loads nothing from a CDN).
# Usage: tools/vendor-mermaid.sh [VERSION]; then update MERMAID_VERSION in tests/test_build.py.
set -euo pipefail
version="${1:-11.12.0}"
dest="$(cd "$(dirname "$0")/.." && pwd)/docs/assets/vendor/mermaid"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "mermaid@${version}" >/dev/null && tar xzf mermaid-*.tgz)
cp "$work/package/dist/mermaid.min.js" "$work/package/LICENSE" "$dest/"
echo "vendored mermaid ${version} into ${dest}"
