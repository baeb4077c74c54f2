#!/usr/bin/env bash
# Set up and build, then run the main job on the samples: import each sample article, load its
# sources from the sample WARC archive (no network), link evidence and print the sourcing report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build -DCLAIMTRACK_TESTS=OFF -DCLAIMTRACK_BENCH=OFF
db=build/samples.db
for article in samples/article-zh-chips.txt samples/article-en-chips.txt; do
  echo "== $article" >&2
  build/claimtrack --db "$db" check "$article" --date 2025-11-10 --from-warc samples/sources.warc.gz
done
echo "The database is $db: try  build/claimtrack --db $db claims" >&2
