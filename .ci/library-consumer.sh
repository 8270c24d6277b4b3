#!/usr/bin/env bash
# Builds a package that depends on Podium by version (a tagged local clone of this checkout, the way
# SwiftPM fetches a released package), and runs a search through the library API over Corpus/.
# SwiftPM refuses a dependency by version whose targets use unsafeFlags, so this also keeps them out.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if grep -n "unsafeFlags" "$ROOT/Package.swift"; then
    echo "library-consumer: Package.swift uses unsafeFlags, which SwiftPM refuses in a package depended on by version" >&2
    exit 1
fi
git clone -q "$ROOT" "$WORK/podium"
git -C "$WORK/podium" -c user.name=ci -c user.email=ci@localhost tag -a 0.1.0 -m "0.1.0"
cp -r "$ROOT/.ci/library-consumer" "$WORK/consumer"
sed -i "s|PODIUM_URL|file://$WORK/podium|" "$WORK/consumer/Package.swift"
cd "$WORK/consumer"
swift build 2>&1 | tail -n 3
.build/debug/PodiumConsumer "$ROOT/Corpus" "$WORK/index" "intellectual property"
echo "library-consumer: a package depending on Podium 0.1.0 built and searched"
