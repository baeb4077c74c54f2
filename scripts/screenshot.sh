#!/usr/bin/env bash
# Take the README screenshot of the sample report: import the English sample, replay its sources
# from samples/sources.warc.gz, review three claims, render HTML and photograph it in headless Chromium.
# Usage: scripts/screenshot.sh [BUILD_DIR] [OUT.png]   (defaults: build, docs/report-screenshot.png)
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${1:-build}
out=${2:-docs/report-screenshot.png}
claimtrack="$build_dir/claimtrack"
chromium=${CLAIMTRACK_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -x "$claimtrack" ] || { echo "screenshot: error: $claimtrack not found; run scripts/setup.sh first" >&2; exit 1; }
[ -n "$chromium" ] || { echo "screenshot: error: chromium not found; apt-get install chromium" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/samples.db"
ct() { "$claimtrack" --db "$db" "$@"; }

ct import samples/article-en-chips.txt --date 2025-11-10 >/dev/null
ct fetch --from-warc samples/sources.warc.gz >/dev/null
ct link >/dev/null
# Pick claims by their text, so the script survives changes in claim numbering.
claim_with() { ct claims | awk -v needle="$1" 'index($0, needle) && $1 ~ /^[0-9]+$/ { print $1; exit }'; }
share=$(claim_with "38% to 21%")
jobs=$(claim_with "cut 4,000 jobs")
deal=$(claim_with "billion")
evidence=$(ct evidence "$share" | awk '/^ *\[[0-9]+\] supports/ { gsub(/[^0-9]/, "", $1); print $1; exit }')
ct verify "$share" ${evidence:+--evidence "$evidence"} --note "same figures in the market analysis" --by lin >/dev/null
ct dispute "$jobs" --note "the wire report says 2,600 jobs, not 4,000" --by lin >/dev/null
[ -z "$deal" ] || ct mark "$deal" unverifiable --note "the blog post that reported the deal is gone" --by wu >/dev/null
ct report --format html --out "$work/report.html" 2>/dev/null

HOME="$work" timeout --kill-after=5 30 "$chromium" --headless --no-sandbox --disable-gpu \
  --disable-background-networking --no-first-run --disable-dev-shm-usage --user-data-dir="$work/profile" \
  --hide-scrollbars --force-device-scale-factor=1 --window-size=1200,1600 \
  --screenshot="$work/shot.png" "file://$work/report.html" >/dev/null 2>&1
mkdir -p "$(dirname "$out")"
cp "$work/shot.png" "$out"
echo "screenshot: wrote $out ($(stat -c %s "$out") bytes)" >&2
