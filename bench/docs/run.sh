#!/bin/sh
# Docs benchmark: generates a synthetic project (default 5,000 models + 50 source tables) and times
# `sluice docs generate`: the whole-project lineage laid out with ELK and drawn as SVG, one page per node, the search
# index and trees. Not part of the test suite. Usage: bench/docs/run.sh [models] [work-dir]
set -eu
HERE=$(cd "$(dirname "$0")" && pwd -P)
ROOT=$(cd "$HERE/../.." && pwd -P)
MODELS=${1:-5000}
WORK=${2:-$(mktemp -d /tmp/sluice-bench-docs.XXXXXX)}
java "$HERE/GenerateProject.java" "$WORK" "$MODELS"
cd "$WORK"
echo "== docs generate --no-compile --empty-catalog (parse, layout, render, site)"
start=$(date +%s.%N)
"$ROOT/sluice" docs generate --project-dir "$WORK" --no-compile --empty-catalog
end=$(date +%s.%N)
echo "wall time: $(echo "$end - $start" | bc) s"
echo "site: $(find "$WORK/target/docs" -type f | wc -l) files, $(du -sh "$WORK/target/docs" | cut -f1);" \
     "lineage.js $(du -h "$WORK/target/docs/data/lineage.js" | cut -f1), nav.js $(du -h "$WORK/target/docs/data/nav.js" | cut -f1)"
echo "project left in $WORK"
