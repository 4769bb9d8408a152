#!/usr/bin/env bash
# Rebuild the release of the checked-out commit and compare it with a published SHA256SUMS
# (docs/reproducible-builds.md).
#
#   git clone <vault repository> vault && cd vault && git checkout v0.1.0
#   scripts/release.sh --install-tools        # once: the pinned build tools (then it builds too)
#   scripts/reproduce.sh ~/Downloads/SHA256SUMS
#   TARGETS=x86_64-unknown-linux-musl scripts/reproduce.sh SHA256SUMS   # one target only
#
# Without an argument it only rebuilds and prints the SHA-256 of every file, for comparing by
# hand (or with another rebuild). Exit status: 0 every compared file matches, 1 a file differs,
# 2 nothing could be compared (no file of the SHA256SUMS was rebuilt).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PUBLISHED=${1:-}
if [ -n "$PUBLISHED" ]; then
    [ -f "$PUBLISHED" ] || { echo "reproduce: error: no such file: $PUBLISHED" >&2; exit 2; }
    PUBLISHED=$(cd "$(dirname "$PUBLISHED")" && pwd)/$(basename "$PUBLISHED")
fi
OUT=${REPRO_OUT:-$ROOT/dist-reproduce}
rm -rf "$OUT"

OUT=$OUT "$ROOT/scripts/release.sh"

echo
echo "Rebuilt from commit $(git -C "$ROOT" rev-parse HEAD) in $ROOT:"
(cd "$OUT" && cat SHA256SUMS)

[ -n "$PUBLISHED" ] || exit 0

echo
echo "Compared with $PUBLISHED:"
same=0 differ=0
while read -r sum name; do
    name=${name#\*}
    [ -f "$OUT/$name" ] || continue
    mine=$(sha256sum "$OUT/$name" | cut -d' ' -f1)
    if [ "$mine" = "$sum" ]; then
        printf '  same     %s\n' "$name"
        same=$((same + 1))
    else
        printf '  DIFFERS  %s (published %s, rebuilt %s)\n' "$name" "$sum" "$mine"
        differ=$((differ + 1))
    fi
done <"$PUBLISHED"

if [ "$differ" -gt 0 ]; then
    echo "reproduce: $differ file(s) differ from the published ones: see docs/reproducible-builds.md" >&2
    exit 1
fi
if [ "$same" -eq 0 ]; then
    echo "reproduce: no file of $PUBLISHED was rebuilt (other version or targets?)" >&2
    exit 2
fi
echo "reproduce: all $same rebuilt files are identical to the published ones"
