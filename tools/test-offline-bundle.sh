#!/usr/bin/env bash
# CI test of the offline source bundle: makes it (tools/offline-bundle.sh),
# unpacks it into a temporary folder and builds it there with the network
# off (--offline --locked, CARGO_NET_OFFLINE=true) and CARGO_HOME pointing at
# an EMPTY folder, so that no crate cached on this machine can help: the build
# succeeds only if the bundle is complete. A debug build is enough for that
# (the release build compiles the same crates). Then runs the built binary:
# --version, and a score of the example year, compared with the published
# results of that year (assess verify).
#
# Usage: tools/test-offline-bundle.sh [--keep]   (--keep: leave the temporary folder)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
keep=0
[ "${1:-}" = "--keep" ] && keep=1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/assess-offline-test.XXXXXX")
cleanup() {
    if [ "$keep" = 1 ]; then echo "kept: $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

start=$(date +%s)
step() { echo "== [$(($(date +%s) - start))s] $*"; }

step "making the bundle"
bundle=$("$root/tools/offline-bundle.sh" --out "$tmp/out" | tail -n 1)
case "$bundle" in *.tar.gz) ;; *) echo "no bundle made" >&2; exit 1 ;; esac
echo "$(basename "$bundle"): $(du -h "$bundle" | cut -f1)"

step "unpacking"
mkdir "$tmp/unpacked"
tar -C "$tmp/unpacked" -xzf "$bundle"
src="$tmp/unpacked/$(basename "$bundle" .tar.gz)"
test -f "$src/Cargo.lock" -a -d "$src/vendor" -a -f "$src/.cargo/config.toml"

# The real cargo of the toolchain, not rustup's proxy, which looks for its
# settings under CARGO_HOME.
cargo_bin=$(rustup which cargo 2>/dev/null || command -v cargo)
mkdir "$tmp/empty-cargo-home"

step "building offline with an empty CARGO_HOME"
(
    cd "$src"
    # Nothing from this machine's cargo settings or caches, nothing from the network.
    unset CARGO_TARGET_DIR CARGO_BUILD_TARGET_DIR RUSTC_WRAPPER CARGO_BUILD_RUSTC_WRAPPER
    export CARGO_HOME="$tmp/empty-cargo-home" CARGO_NET_OFFLINE=true CARGO_TERM_COLOR=never
    "$cargo_bin" build --offline --locked --quiet
)
# Still empty but for what cargo writes itself: no registry was read.
if [ -d "$tmp/empty-cargo-home/registry" ]; then
    echo "the offline build used a registry" >&2
    exit 1
fi

step "running the binary built from the bundle"
bin="$src/target/debug/assess"
"$bin" --version
ex="$src/examples/2020"
inputs=(--annual "$ex/annual-office.csv" --annual "$ex/annual-lead.csv"
    --annual "$ex/annual-service-center.csv" --daily "$ex/daily.csv")
"$bin" score --lang en --format csv "${inputs[@]}" >"$tmp/score.csv"
echo "score: $(($(wc -l <"$tmp/score.csv") - 1)) units scored"
"$bin" verify --lang en "${inputs[@]}" --published "$ex/published.csv"

step "offline bundle: built and ran"
