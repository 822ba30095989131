#!/usr/bin/env bash
# Makes the offline source bundle (离线源码包) of assess: the project's source,
# every dependency from Cargo.lock in vendor/ (`cargo vendor --locked`), and
# .cargo/config.toml that makes cargo take crates from vendor/ instead of the
# registry. On a machine with Rust (1.85 or later) and no network:
#
#   tar xzf assess-VERSION-src.tar.gz
#   cd assess-VERSION-src
#   cargo build --release --offline --locked     # -> target/release/assess
#   # or: cargo install --offline --locked --path .
#
# Usage: tools/offline-bundle.sh [--out DIR] [--no-tar]
#   --out DIR   where to write (default: target/offline-bundle, git-ignored)
#   --no-tar    leave the folder DIR/assess-VERSION-src only, no .tar.gz
#
# Prints the path of the .tar.gz (or of the folder with --no-tar) on its last
# line. Needs git, tar and cargo; the crates are taken from cargo's cache, or
# downloaded once from the registry by `cargo vendor` when not cached.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/target/offline-bundle"
make_tar=1
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out=${2:?--out needs a folder}; shift 2 ;;
        --out=*) out=${1#--out=}; shift ;;
        --no-tar) make_tar=0; shift ;;
        -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "offline-bundle.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done

cd "$root"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ -n "$version" ] || { echo "offline-bundle.sh: no version in Cargo.toml" >&2; exit 2; }
name="assess-$version-src"
mkdir -p "$out"
out=$(cd "$out" && pwd)
stage="$out/$name"
rm -rf "$stage" "$out/$name.tar.gz"
mkdir -p "$stage"

# 1. The source: every file git knows of (tracked, or new and not ignored),
#    as it is in the work tree; no target/, no editor leftovers.
git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do
        # A file deleted but not yet committed is listed by git, not on disk.
        if [ -f "$f" ]; then printf '%s\0' "$f"; fi
    done |
    tar --null -T - -cf - | tar -C "$stage" -xf -

# 2. The dependencies, exactly as Cargo.lock pins them, and the config that
#    uses them. A config the project already has is kept; the vendoring
#    lines are added after it.
mkdir -p "$stage/.cargo"
# (Its progress goes to a log, shown if it fails; --quiet would drop the config too.)
if ! (cd "$stage" && cargo vendor --locked --versioned-dirs vendor) \
    >"$stage/.cargo/vendor.toml" 2>"$out/vendor.log"; then
    cat "$out/vendor.log" >&2
    exit 1
fi
rm -f "$out/vendor.log"
{
    if [ -f "$stage/.cargo/config.toml" ]; then
        cat "$stage/.cargo/config.toml"
        echo
    fi
    echo "# Written by tools/offline-bundle.sh: every crate comes from vendor/,"
    echo "# so this folder builds with --offline on a machine without network."
    cat "$stage/.cargo/vendor.toml"
} >"$stage/.cargo/config.toml.new"
mv "$stage/.cargo/config.toml.new" "$stage/.cargo/config.toml"
rm "$stage/.cargo/vendor.toml"
grep -q 'replace-with = "vendored-sources"' "$stage/.cargo/config.toml" || {
    echo "offline-bundle.sh: cargo vendor wrote no source replacement" >&2
    exit 1
}

cat >"$stage/OFFLINE-BUILD.txt" <<EOF
assess $version 离线源码包 / offline source bundle

本目录含 assess 的全部源码、vendor/ 下的全部依赖包和 .cargo/config.toml，
在装有 Rust（1.85 及以上）但不能联网的电脑上即可编译：

    cargo build --release --offline --locked
    # 程序在 target/release/assess（Windows 上为 assess.exe）
    # 或安装到 ~/.cargo/bin：cargo install --offline --locked --path .

This folder holds the source of assess, every dependency in vendor/ and
.cargo/config.toml that points cargo at them. On a machine with Rust 1.85 or
later and no network:

    cargo build --release --offline --locked
    # the program is target/release/assess (assess.exe on Windows)
    # or install it into ~/.cargo/bin: cargo install --offline --locked --path .
EOF

if [ "$make_tar" = 1 ]; then
    # Same bytes for the same tree where GNU tar allows it (owner, order, times).
    opts=()
    if tar --version 2>/dev/null | grep -q 'GNU tar'; then
        epoch=$(git log -1 --format=%ct 2>/dev/null || date +%s)
        opts=(--sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch")
    fi
    tar -C "$out" "${opts[@]}" -cf - "$name" | gzip -n -9 >"$out/$name.tar.gz"
    rm -rf "$stage"
    echo "$out/$name.tar.gz"
else
    echo "$stage"
fi
