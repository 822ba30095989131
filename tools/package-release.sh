#!/usr/bin/env bash
# Packs one release archive (发布包) of assess, as the release workflow
# (.github/workflows/release.yml) does for each platform:
#
#   assess-VERSION-TARGET/
#     assess (assess.exe on Windows)
#     README.md  docs/  examples/2020/
#     completions/  assess.bash _assess (zsh) assess.fish _assess.ps1 assess.elv
#     man/man1/assess.1 (English)  man/zh_CN/man1/assess.1 (Chinese)
#
# as assess-VERSION-TARGET.zip for Windows targets, else .tar.gz, with
# ARCHIVE.sha256 beside it.
#
# Usage: tools/package-release.sh --target TARGET --bin BINARY [--gen BINARY] [--out DIR]
#   --bin  the binary built for TARGET, put in the archive
#   --gen  a binary that runs here, to write the completions and the man page
#          (default: --bin; give a host build when TARGET is cross-compiled)
#   --out  where to write (default: target/dist)
# Prints the path of the archive on its last line. Runs under bash on
# Linux, macOS and Windows (Git Bash); needs tar, and 7z or python for .zip.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
target="" bin="" gen="" out="$root/target/dist"
while [ $# -gt 0 ]; do
    case "$1" in
        --target) target=${2:?}; shift 2 ;;
        --bin) bin=${2:?}; shift 2 ;;
        --gen) gen=${2:?}; shift 2 ;;
        --out) out=${2:?}; shift 2 ;;
        -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "package-release.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done
if [ -z "$target" ] || [ -z "$bin" ]; then
    echo "package-release.sh: --target and --bin are needed" >&2
    exit 2
fi
[ -f "$bin" ] || { echo "package-release.sh: no binary at $bin" >&2; exit 2; }
gen=${gen:-$bin}

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
name="assess-$version-$target"
mkdir -p "$out"
out=$(cd "$out" && pwd)
stage="$out/$name"
rm -rf "$stage"
mkdir -p "$stage/completions" "$stage/man/man1" "$stage/man/zh_CN/man1" "$stage/examples"

case "$target" in
    *windows*) exe=assess.exe ;;
    *) exe=assess ;;
esac
cp "$bin" "$stage/$exe"
chmod 755 "$stage/$exe"
cp "$root/README.md" "$stage/"
cp -R "$root/docs" "$stage/docs"
cp -R "$root/examples/2020" "$stage/examples/2020"

# Completions carry the help texts: Chinese, the program's own language.
"$gen" completions bash --lang zh >"$stage/completions/assess.bash"
"$gen" completions zsh --lang zh >"$stage/completions/_assess"
"$gen" completions fish --lang zh >"$stage/completions/assess.fish"
"$gen" completions powershell --lang zh >"$stage/completions/_assess.ps1"
"$gen" completions elvish --lang zh >"$stage/completions/assess.elv"
"$gen" man --lang en >"$stage/man/man1/assess.1"
"$gen" man --lang zh >"$stage/man/zh_CN/man1/assess.1"

case "$target" in
    *windows*)
        archive="$out/$name.zip"
        rm -f "$archive"
        if command -v 7z >/dev/null; then
            (cd "$out" && 7z a -tzip -bso0 -bsp0 "$name.zip" "$name")
        else
            py=$(command -v python || command -v python3)
            (cd "$out" && "$py" -m zipfile -c "$name.zip" "$name")
        fi
        ;;
    *)
        archive="$out/$name.tar.gz"
        tar -C "$out" -czf "$archive" "$name"
        ;;
esac
rm -rf "$stage"

base=$(basename "$archive")
if command -v sha256sum >/dev/null; then
    (cd "$out" && sha256sum "$base" >"$base.sha256")
else
    (cd "$out" && shasum -a 256 "$base" >"$base.sha256")
fi
echo "$archive"
