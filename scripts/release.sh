#!/usr/bin/env bash
# Build the release artifacts of the checked-out commit, reproducibly (docs/reproducible-builds.md).
#
#   scripts/release.sh                  # both Linux targets, into dist/
#   TARGETS=x86_64-unknown-linux-musl scripts/release.sh
#   OUT=/tmp/out scripts/release.sh     # another output folder
#   scripts/release.sh --install-tools  # first install the pinned build tools, then build
#
# Per target it writes, into $OUT:
#   vault-VERSION-TARGET.tar.gz      the static binary, README.md, SECURITY.md, the licences (ours and
#                                    those of every crate inside the binary), man pages, completions
#   vault-VERSION-TARGET.cdx.json    the CycloneDX SBOM (the dependency list, as a separate file)
#   vault_VERSION-1_ARCH.deb         binary, man pages and completions for Debian and Ubuntu
# and for all targets SHA256SUMS (the files above and each binary, as vault-VERSION-TARGET/vault)
# and BUILDINFO (commit, SOURCE_DATE_EPOCH, tool versions).
#
# The binaries are static (musl), linked by zig through cargo-zigbuild, and carry their own
# dependency list (cargo-auditable). Two runs of this script on the same commit with the same tool
# versions give the same bytes, whatever the folder or the time: see scripts/reproduce.sh.
# CPU is often shared: every compile runs under `nice -n 19`.
set -euo pipefail

# Pinned tool versions: a rebuild with other versions may differ (BUILDINFO records them).
RUST_VERSION=1.95.0
ZIG_VERSION=0.17.1
ZIGBUILD_VERSION=0.24.1
AUDITABLE_VERSION=0.7.7
DEB_VERSION=3.8.0
CYCLONEDX_VERSION=0.5.9

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT=${OUT:-$ROOT/dist}
TARGETS=${TARGETS:-"x86_64-unknown-linux-musl aarch64-unknown-linux-musl"}
PROFILE=dist

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'release: error: %s\n' "$*" >&2; exit 1; }

install_tools() {
    say "installing the pinned build tools"
    for t in $TARGETS; do rustup target add "$t"; done
    python3 -m pip install "ziglang==$ZIG_VERSION" "cargo-zigbuild==$ZIGBUILD_VERSION"
    nice -n 19 cargo install --locked "cargo-auditable@$AUDITABLE_VERSION"
    nice -n 19 cargo install --locked "cargo-deb@$DEB_VERSION"
    nice -n 19 cargo install --locked "cargo-cyclonedx@$CYCLONEDX_VERSION"
}

if [ "${1:-}" = "--install-tools" ]; then
    install_tools
    shift
fi
[ $# -eq 0 ] || die "unknown argument: $1 (see the comment at the top of this script)"

need() {
    command -v "$1" >/dev/null || die "$1 is missing: run scripts/release.sh --install-tools"
}
need cargo-zigbuild
need cargo-auditable
python3 -m ziglang version >/dev/null 2>&1 || command -v zig >/dev/null ||
    die "zig is missing: run scripts/release.sh --install-tools"

# The release is of a commit: refuse uncommitted changes (ALLOW_DIRTY=1 for trying the script).
if [ -n "$(git status --porcelain --untracked-files=no)" ] && [ "${ALLOW_DIRTY:-0}" != 1 ]; then
    die "the work tree has uncommitted changes; commit them (or ALLOW_DIRTY=1 for a trial build)"
fi

VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
COMMIT=$(git rev-parse HEAD)
RUSTC_VERSION=$(rustc --version | cut -d' ' -f2)
[ "$RUSTC_VERSION" = "$RUST_VERSION" ] ||
    say "warning: rustc $RUSTC_VERSION, the release is built with $RUST_VERSION: the bytes may differ"

# Everything that could differ between two machines or two runs, fixed:
# - time: the commit's own time, for anything that records one (tar, .deb, SBOM);
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
export TZ=UTC LC_ALL=C LANG=C
umask 022
# - paths: the source folder, cargo's registry and the toolchain become fixed names in the binary
#   (panic and debug locations would otherwise carry /home/someone/...);
CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
RUSTUP_HOME=${RUSTUP_HOME:-$HOME/.rustup}
REMAP="--remap-path-prefix=$ROOT=/vault --remap-path-prefix=$CARGO_HOME=/cargo --remap-path-prefix=$RUSTUP_HOME=/rustup"
export RUSTFLAGS="$REMAP"
PREFIX_MAP="-ffile-prefix-map=$ROOT=/vault -ffile-prefix-map=$CARGO_HOME=/cargo"
# - no incremental state, locked dependencies (--locked below), one codegen unit and stripped
#   symbols (the `dist` profile in Cargo.toml).
export CARGO_INCREMENTAL=0
export CARGO_TARGET_DIR=$ROOT/target
# zig's own cache of compiled C inside this checkout's target folder: zig does not key it on
# SOURCE_DATE_EPOCH, so a shared per-user cache would hand back objects stamped by another build.
export ZIG_GLOBAL_CACHE_DIR=$ROOT/target/zig-cache ZIG_LOCAL_CACHE_DIR=$ROOT/target/zig-cache

mkdir -p "$OUT"
ASSETS=$ROOT/target/dist-assets
rm -rf "$ASSETS"
mkdir -p "$ASSETS/man/es" "$ASSETS/completions"

deb_arch() {
    case "$1" in
        x86_64-*) echo amd64 ;;
        aarch64-*) echo arm64 ;;
        *) die "no Debian architecture known for $1" ;;
    esac
}

build() {
    local target=$1 cflags_var
    cflags_var="CFLAGS_${target//-/_}"
    say "building $target (profile $PROFILE, locked, audit data embedded)"
    # The C in the binary (SQLite, mimalloc) gets the same path mapping as the Rust. C compilers
    # take __DATE__/__TIME__ from SOURCE_DATE_EPOCH (mimalloc uses them), and cargo does not
    # rebuild when it changes: the compile uses a fixed epoch, so a cached object from an older
    # commit and a fresh clone agree.
    env "$cflags_var=$PREFIX_MAP" SOURCE_DATE_EPOCH=0 \
        nice -n 19 cargo auditable zigbuild --locked --profile "$PROFILE" --target "$target" --bin vault
}

# Man pages and completions come from the binary itself, so they need one that runs here.
generate_assets() {
    local bin=$1 home
    say "generating man pages and completions with $bin"
    home=$(mktemp -d)
    (
        export HOME=$home COLUMNS=100
        unset VAULT_DIR VAULT_LANG LANGUAGE LC_MESSAGES
        # vault.1 and one page per command (vault-add.1, ...), which vault.1 refers to.
        "$bin" --lang en man --out "$ASSETS/man"
        "$bin" --lang es man --out "$ASSETS/man/es"
        "$bin" --lang en completions bash >"$ASSETS/completions/vault.bash"
        "$bin" --lang en completions zsh >"$ASSETS/completions/_vault"
        "$bin" --lang en completions fish >"$ASSETS/completions/vault.fish"
        "$bin" --lang en completions elvish >"$ASSETS/completions/vault.elv"
        "$bin" --lang en completions powershell >"$ASSETS/completions/_vault.ps1"
    )
    rm -rf "$home"
}

# The licence text of every crate compiled into the binary for $1 (normal dependencies only:
# build scripts and proc-macros run at build time and are not in it).
third_party_licences() {
    local target=$1
    cargo metadata --locked --format-version 1 --filter-platform "$target" |
        python3 -c '
import json, os, sys
meta = json.load(sys.stdin)
pkgs = {p["id"]: p for p in meta["packages"]}
nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
root = meta["resolve"]["root"]
seen, todo = set(), [root]
while todo:
    pid = todo.pop()
    if pid in seen:
        continue
    seen.add(pid)
    for dep in nodes[pid]["deps"]:
        if any(k["kind"] is None for k in dep["dep_kinds"]):
            if "proc-macro" not in pkgs[dep["pkg"]]["targets"][0]["kind"]:
                todo.append(dep["pkg"])
seen.discard(root)
out = ["Licences of the crates compiled into vault (from Cargo.lock; the list inside the binary",
       "itself can be read with `cargo audit bin` or `rust-audit-info`).", ""]
for pid in sorted(seen, key=lambda i: (pkgs[i]["name"], pkgs[i]["version"])):
    p = pkgs[pid]
    d = os.path.dirname(p["manifest_path"])
    out.append("=" * 78)
    out.append("%s %s  (licence: %s)" % (p["name"], p["version"], p.get("license") or p.get("license_file")))
    out.append("=" * 78)
    files = sorted(f for f in os.listdir(d)
                   if f.upper().startswith(("LICENSE", "LICENCE", "COPYING", "COPYRIGHT", "NOTICE", "UNLICENSE")))
    for f in files:
        path = os.path.join(d, f)
        if os.path.isfile(path):
            out.append("--- " + f)
            with open(path, encoding="utf-8", errors="replace") as fh:
                out.append(fh.read().rstrip())
    if not files:
        out.append("(no licence file in the crate; its licence is the SPDX expression above)")
    out.append("")
sys.stdout.write("\n".join(out) + "\n")
'
}

# A tarball whose bytes depend only on its contents: sorted names, fixed owner, mode and time.
det_tar() {
    local archive=$1 dir=$2
    tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
        --mode='u+rwX,go+rX,go-w' --format=gnu -C "$(dirname "$dir")" -cf - "$(basename "$dir")" |
        gzip -n -9 >"$archive"
}

host_target() {
    case "$(uname -m)" in
        x86_64) echo x86_64-unknown-linux-musl ;;
        aarch64) echo aarch64-unknown-linux-musl ;;
        *) echo none ;;
    esac
}

# Build every target first; the assets come from the one that runs on this machine.
for t in $TARGETS; do build "$t"; done
HOST_T=$(host_target)
case " $TARGETS " in
    *" $HOST_T "*) generate_assets "$CARGO_TARGET_DIR/$HOST_T/$PROFILE/vault" ;;
    *)
        # Only foreign targets asked for: build the host's binary just to write the assets.
        build "$HOST_T"
        generate_assets "$CARGO_TARGET_DIR/$HOST_T/$PROFILE/vault"
        ;;
esac

SUMS=()
for t in $TARGETS; do
    name=vault-$VERSION-$t
    stage=$OUT/$name
    bin=$CARGO_TARGET_DIR/$t/$PROFILE/vault
    say "packaging $name"
    rm -rf "$stage"
    mkdir -p "$stage"
    install -m 755 "$bin" "$stage/vault"
    install -m 644 README.md SECURITY.md LICENSE-APACHE LICENSE-MIT "$stage/"
    third_party_licences "$t" >"$stage/THIRD-PARTY-LICENSES.txt"
    cp -r "$ASSETS/man" "$ASSETS/completions" "$stage/"
    chmod -R u+rwX,go+rX,go-w "$stage"
    find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
    det_tar "$OUT/$name.tar.gz" "$stage"
    SUMS+=("$name.tar.gz" "$name/vault")

    say "Debian package for $t"
    need cargo-deb
    deb=$(nice -n 19 cargo deb --no-build --no-strip --locked --target "$t" --profile "$PROFILE" \
        --output "$OUT" | tail -n 1)
    SUMS+=("$(basename "$deb")")
    say "SBOM for $t"
    need cargo-cyclonedx
    nice -n 19 cargo cyclonedx --format json --spec-version 1.5 --target "$t" \
        --override-filename "$name.cdx" >/dev/null
    # cargo-cyclonedx stamps the current time, a random serial number and this folder's path:
    # replace them with the commit's time, a serial number derived from the release, and /vault.
    python3 - "$ROOT/$name.cdx.json" "$OUT/$name.cdx.json" "$ROOT" "$COMMIT" "$t" <<'PY'
import json, sys, time, uuid
src, dst, root, commit, target = sys.argv[1:]
with open(src, encoding="utf-8") as f:
    text = f.read()
text = text.replace(root, "/vault")
bom = json.loads(text)
epoch = int(__import__("os").environ["SOURCE_DATE_EPOCH"])
bom["serialNumber"] = "urn:uuid:%s" % uuid.uuid5(uuid.NAMESPACE_URL, "vault/%s/%s" % (commit, target))
bom.setdefault("metadata", {})["timestamp"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))
with open(dst, "w", encoding="utf-8") as f:
    json.dump(bom, f, indent=2, sort_keys=True, ensure_ascii=False)
    f.write("\n")
PY
    rm -f "$ROOT/$name.cdx.json"
    SUMS+=("$name.cdx.json")

done

say "checksums"
(
    cd "$OUT"
    sha256sum "${SUMS[@]}" >SHA256SUMS
    {
        echo "commit $COMMIT"
        echo "version $VERSION"
        echo "SOURCE_DATE_EPOCH $SOURCE_DATE_EPOCH"
        echo "profile $PROFILE"
        echo "targets $TARGETS"
        echo "rustc $(rustc --version)"
        echo "cargo $(cargo --version)"
        echo "zig $(python3 -m ziglang version 2>/dev/null || zig version)"
        echo "$(cargo-zigbuild --version 2>/dev/null | head -n 1)"
        echo "cargo-auditable $AUDITABLE_VERSION (pinned)"
        echo "$(cargo deb --version 2>/dev/null | head -n 1)"
        echo "$(cargo cyclonedx --version 2>/dev/null | head -n 1)"
    } >BUILDINFO
    cat SHA256SUMS
)
say "done: $OUT"
