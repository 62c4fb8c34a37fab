#!/usr/bin/env bash
# Refresh the JavaScript the site vendors from the npm registry (it loads nothing from a CDN).
# Usage: tools/vendor-js.sh   then update the checksums in tests/test_build.py.
# Each line: npm package@version, then the files to copy from it into docs/assets/vendor/<name>/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
vendor() {
  local spec="$1" name="${1%@*}"; shift
  local work; work="$(mktemp -d)"
  (cd "$work" && npm pack --silent "$spec" >/dev/null && tar xzf ./*.tgz)
  mkdir -p "$root/docs/assets/vendor/$name"
  for file in "$@"; do cp "$work/package/$file" "$root/docs/assets/vendor/$name/"; done
  rm -rf "$work"
  echo "vendored $spec"
}
vendor mermaid@11.12.0 dist/mermaid.min.js LICENSE
vendor tablesort@5.7.1 dist/tablesort.min.js dist/sorts/tablesort.number.min.js LICENCE
