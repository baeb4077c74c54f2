#!/bin/sh
# Rebuild make_sample_warc and archive the sample articles' sources into samples/sources.warc.gz.
# The pages come from samples/sources/ through a local server; nothing leaves the machine.
# Usage: samples/regenerate.sh [BUILD_DIR]   (default: build/ in the repository)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build}
cmake -S "$repo" -B "$build" >/dev/null
cmake --build "$build" --target make_sample_warc -j "$(nproc 2>/dev/null || echo 2)"
"$build/tools/make_sample_warc" "$repo/samples" "$repo/samples/sources.warc.gz"
