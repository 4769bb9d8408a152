#!/usr/bin/env bash
# Benchmark suite (issues 3, 4 and 8). One command, from the repository root:
#
#     scripts/bench.sh                 # full run: N = 1,000 / 10,000 / 100,000, 1 GiB file
#     BENCH_QUICK=1 scripts/bench.sh   # reduced: N = 1,000 / 10,000, 256 MiB file
#     BENCH_ONLY=bundle scripts/bench.sh   # only the bundle rows (export --all at 1,000 /
#                                          # 10,000 / 100,000, bundle verify at 100,000 and
#                                          # their peers); their section of docs/performance.md
#                                          # is replaced, the rest of the file is kept
#
# It installs what it needs when missing (hyperfine, age, GNU time via apt-get; jrnl via pip;
# rage via cargo install) and skips a peer with a note when that fails. It builds the release
# binary, generates vaults with the examples/bench_gen.rs generator (default Argon2id
# parameters, so unlock timings are real; incidents are logged through the library in batches
# of 5,000 per transaction, and every 100th incident gets a 16 KiB attachment), measures with
# hyperfine (medians, whole processes) and GNU time (peak RSS), and the time beyond the unlock
# as the binary itself reports it (VAULT_TIMINGS=1), prints a table and writes
# docs/performance.md. Scratch space: $BENCH_DIR (default a new directory under /var/tmp),
# removed at the end unless BENCH_KEEP=1.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
QUICK=${BENCH_QUICK:-0}
if [ "$QUICK" = 1 ]; then
    SIZES=(1000 10000)
    BIG_MIB=256
else
    SIZES=(1000 10000 100000)
    BIG_MIB=1024
fi
# Bundles (export --all, bundle verify): the sizes of the issue's targets.
BUNDLE_SIZES=(1000 10000 100000)
[ "$QUICK" = 1 ] && BUNDLE_SIZES=(1000 10000)
# BENCH_ONLY=bundle: the bundle section alone (empty: everything).
ONLY=${BENCH_ONLY:-}
case "$ONLY" in "" | bundle) ;; *) echo "BENCH_ONLY must be empty or bundle" >&2; exit 2 ;; esac
# Overrides for debugging the script itself: BENCH_SIZES="300 500" BENCH_BIG_MIB=16 BENCH_VERIFY_N=500
# BENCH_BUNDLE_SIZES="300 500"; BENCH_BUNDLE_VAULTS=DIR takes DIR/v<N> (made by bench_gen with the
# same arguments and passphrase) instead of generating the bundle rows' vaults again
[ -n "${BENCH_SIZES:-}" ] && read -r -a SIZES <<<"$BENCH_SIZES"
[ -n "${BENCH_BUNDLE_SIZES:-}" ] && read -r -a BUNDLE_SIZES <<<"$BENCH_BUNDLE_SIZES"
BIG_MIB=${BENCH_BIG_MIB:-$BIG_MIB}
VN=${BENCH_VERIFY_N:-10000}
WORK=${BENCH_DIR:-$(mktemp -d /var/tmp/vault-bench.XXXXXX)}
mkdir -p "$WORK"
RES="$WORK/results.tsv"   # name <TAB> median seconds <TAB> peak RSS KiB <TAB> bytes
: >"$RES"
NOTES="$WORK/notes.txt"
: >"$NOTES"
note() { echo "note: $*" | tee -a "$NOTES" >&2; }
log() { echo "== $*" >&2; }

# ---- tools ------------------------------------------------------------------------------
need_apt() {
    command -v "$1" >/dev/null 2>&1 && return 0
    (apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y "$2" >/dev/null 2>&1; }) ||
        note "could not install $2"
    command -v "$1" >/dev/null 2>&1
}
need_apt hyperfine hyperfine || { echo "hyperfine is required" >&2; exit 1; }
[ -x /usr/bin/time ] || need_apt /usr/bin/time time
HAVE_AGE=0; need_apt age age && HAVE_AGE=1
HAVE_JRNL=0
if [ -z "$ONLY" ]; then
    command -v jrnl >/dev/null 2>&1 || pip install jrnl >/dev/null 2>&1 || note "pip install jrnl failed; jrnl skipped"
fi
command -v jrnl >/dev/null 2>&1 && HAVE_JRNL=1
HAVE_RAGE=0
command -v rage >/dev/null 2>&1 || cargo install rage >/dev/null 2>&1 || note "cargo install rage failed; rage skipped"
command -v rage >/dev/null 2>&1 && HAVE_RAGE=1
command -v openssl >/dev/null 2>&1 || need_apt openssl openssl

log "building the release binary"
cargo build --release --bin vault --example bench_gen >&2 || exit 1
TARGET=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
VAULT="$TARGET/release/vault"
GEN="$TARGET/release/examples/bench_gen"
PASS="$WORK/pass.txt"
echo "benchmark passphrase for vault tests" >"$PASS"
export NO_COLOR=1

# ---- measurement helpers ----------------------------------------------------------------
# measure NAME RUNS BYTES [--prepare CMD] -- COMMAND...  (median of hyperfine, RSS of one run)
measure() {
    local name=$1 runs=$2 bytes=$3; shift 3
    local prep=()
    if [ "$1" = --prepare ]; then prep=(--prepare "$2"); shift 2; fi
    [ "$1" = -- ] && shift
    # One argument: a shell command line as is; several: a command and its arguments, quoted.
    local cmd
    if [ $# -eq 1 ]; then cmd=$1; else cmd=$(printf '%q ' "$@"); fi
    local json="$WORK/hf.json"
    if ! hyperfine -N --style none --runs "$runs" "${prep[@]}" --export-json "$json" "$cmd" >/dev/null 2>"$WORK/hf.err"; then
        # -N (no shell) cannot run pipelines or redirections; retry through the shell.
        hyperfine --style none --runs "$runs" "${prep[@]}" --export-json "$json" "$cmd" >/dev/null 2>"$WORK/hf.err" ||
            { note "$name failed: $(tail -1 "$WORK/hf.err")"; return 1; }
    fi
    local median
    median=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$json")
    [ ${#prep[@]} -gt 0 ] && bash -c "${prep[1]}"
    local rss
    rss=$(/usr/bin/time -f '%M' -o "$WORK/rss" bash -c "$cmd" >/dev/null 2>&1; tail -1 "$WORK/rss")
    printf '%s\t%s\t%s\t%s\n' "$name" "$median" "$rss" "$bytes" >>"$RES"
    printf '%-40s %10.4f s %10s KiB\n' "$name" "$median" "$rss" >&2
}

# measure_beyond NAME RUNS -- COMMAND... : runs the command RUNS times with VAULT_TIMINGS=1 and
# records the median, fastest and slowest of the time it spent beyond its own unlock (the
# binary times its unlock and its whole run, so no two noisy medians are subtracted).
BEYOND="$WORK/beyond.tsv"   # name <TAB> median s <TAB> min s <TAB> max s <TAB> median unlock s
: >"$BEYOND"
measure_beyond() {
    local name=$1 runs=$2; shift 2
    [ "$1" = -- ] && shift
    local out="$WORK/beyond.runs"
    : >"$out"
    for _ in $(seq "$runs"); do
        VAULT_TIMINGS=1 "$@" 2>&1 >/dev/null | sed -n 's/^vault-timing: //p' >>"$out"
    done
    python3 - "$name" "$out" >>"$BEYOND" <<'PY' || note "$name: no timing lines"
import statistics, sys
name, path = sys.argv[1], sys.argv[2]
rows = [dict(kv.split("=") for kv in line.split()) for line in open(path) if line.strip()]
if not rows:
    sys.exit(1)
b = [float(r["beyond_unlock_ms"]) / 1000 for r in rows]
u = [float(r["unlock_ms"]) / 1000 for r in rows]
print(f"{name}\t{statistics.median(b)}\t{min(b)}\t{max(b)}\t{statistics.median(u)}")
PY
    tail -1 "$BEYOND" | awk -F'\t' '{printf "%-40s %10.4f s beyond unlock (min %.4f, max %.4f)\n", $1, $2, $3, $4}' >&2
}

mkjrnl() { # mkjrnl DIR N : an encrypted jrnl journal of N entries
    local d=$1 n=$2
    mkdir -p "$d/config/jrnl"
    cat >"$d/config/jrnl/jrnl.yaml" <<EOF
colors: {body: none, date: none, tags: none, title: none}
default_hour: 9
default_minutes: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: $d/journal.txt
    encrypt: false
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
EOF
    python3 - "$n" >"$d/journal.txt" <<'EOF'
import random, sys
random.seed(42)
W = "grey suv agents door street parked photographed followed clinic badge vest unmarked van".split()
for i in range(int(sys.argv[1])):
    words = " ".join(random.choice(W) for _ in range(random.randint(20, 60)))
    print(f"[{2020 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}] incident {i}: {words}.\n")
EOF
    printf 'jrnl-bench-pw\njrnl-bench-pw\nn\n' | XDG_CONFIG_HOME="$d/config" XDG_DATA_HOME="$d/data" \
        PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring jrnl --encrypt >/dev/null 2>&1
    printf 'jrnl-bench-pw\n' >"$d/pw"
}
jr() { # jr DIR ARGS... : a shell command line running jrnl on DIR with the password on stdin
    local d=$1; shift
    echo "XDG_CONFIG_HOME=$d/config XDG_DATA_HOME=$d/data PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring jrnl $* <$d/pw >/dev/null 2>&1"
}

# ---- machine ----------------------------------------------------------------------------
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cpus: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
    echo "memory: $(free -m | awk '/Mem:/ {print $2}') MiB"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "vault: $(git rev-parse --short HEAD 2>/dev/null) (+ working tree)"
    echo "quick: $QUICK"
    [ -n "$ONLY" ] && echo "only: $ONLY"
} >"$WORK/machine.txt"

HAS_SEARCH=0
"$VAULT" search --help >/dev/null 2>&1 && HAS_SEARCH=1
[ $HAS_SEARCH = 1 ] || note "vault search does not exist in this build; skipped"

# ---- scale: N incidents -------------------------------------------------------------------
[ -n "$ONLY" ] && SIZES=()
for N in "${SIZES[@]}"; do
    D="$WORK/v$N"
    log "generating a vault of $N incidents"
    start=$(date +%s.%N)
    ID=$("$GEN" "$D" "$PASS" "$N" 100 16384 2>/dev/null) || { note "generating N=$N failed"; continue; }
    echo "gen_$N $(echo "$(date +%s.%N) - $start" | bc)" >>"$WORK/gen.txt"
    V="$VAULT --vault $D --passphrase-file $PASS"
    RUNS=10; [ "$N" -ge 100000 ] && RUNS=5
    measure "unlock N=$N" 10 0 -- "$GEN" --unlock "$D" "$PASS"
    measure "vault add N=$N" 20 0 -- $V add --kind followed --when now --where 'Main St' --what 'bench entry'
    # First listing builds the cache (measured separately), later ones use it.
    measure "vault list (cold cache) N=$N" 1 0 --prepare "$GEN --drop-cache $D" -- $V list
    measure "vault list N=$N" $RUNS 0 -- $V list
    [ $HAS_SEARCH = 1 ] && measure "vault search N=$N" $RUNS 0 -- $V search grey
    measure "vault show N=$N" $RUNS 0 -- $V show "$ID"
    VR=3; [ "$N" -ge 100000 ] && VR=2
    measure "vault verify N=$N" $VR 0 -- $VAULT --vault $D verify
    measure "vault verify --full N=$N" $VR 0 -- $V verify --full
    measure_beyond "vault list N=$N" 10 -- $V list
    [ $HAS_SEARCH = 1 ] && measure_beyond "vault search N=$N" 10 -- $V search grey
    measure_beyond "vault show N=$N" 10 -- $V show "$ID"
    measure_beyond "vault verify --full N=$N" 3 -- $V verify --full
    if [ $HAVE_JRNL = 1 ]; then
        J="$WORK/j$N"
        log "jrnl journal of $N entries"
        mkjrnl "$J" "$N"
        # jrnl reads and decrypts the whole journal for every command: at 100,000 entries one
        # run of each takes a minute or more, so fewer runs there.
        JR=3; JA=5; [ "$N" -ge 100000 ] && { JR=1; JA=1; }
        measure "jrnl add N=$N" $JA 0 -- "$(jr "$J" "'bench entry added now.'")"
        measure "jrnl list N=$N" $JR 0 -- "$(jr "$J" -from 1900-01-01)"
        measure "jrnl search N=$N" $JR 0 -- "$(jr "$J" -contains grey)"
        rm -rf "$J"
    fi
    [ "$N" = "${SIZES[-1]}" ] || [ "$N" = "$VN" ] || rm -rf "$D"
done

# ---- bundles at scale: export --all, bundle verify ----------------------------------------
# Each vault as above (every 100th incident with a 16 KiB attachment). `export --all` writes
# every incident, its inclusion proof and the attachments into one age-encrypted bundle; the
# peer is age (and rage) encrypting a random file of the bundle's size to the same key: the
# floor for writing that many encrypted bytes. `bundle verify` is counsel's check of the
# largest bundle; its peer is age decrypting the same bundle.
bundle_rows() {
    local KEY="$WORK/counsel.key"
    "$VAULT" --json keygen --out "$KEY" >"$WORK/counsel.json" 2>/dev/null || { note "keygen failed; bundle rows skipped"; return; }
    local TO
    TO=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["recipient"])' "$WORK/counsel.json")
    local N D V OUT ER BYTES
    for N in "${BUNDLE_SIZES[@]}"; do
        D="$WORK/b$N"
        if [ -n "${BENCH_BUNDLE_VAULTS:-}" ] && [ -d "$BENCH_BUNDLE_VAULTS/v$N" ]; then
            # Vaults made earlier by bench_gen with the same arguments (and $BENCH_DIR/pass.txt).
            cp -a "$BENCH_BUNDLE_VAULTS/v$N" "$D"
        else
            log "bundles: generating a vault of $N incidents"
            "$GEN" "$D" "$PASS" "$N" 100 16384 >/dev/null 2>&1 || { note "generating N=$N for bundles failed"; continue; }
        fi
        V="$VAULT --vault $D --passphrase-file $PASS -q"
        OUT="$WORK/b$N.bundle"
        ER=3; [ "$N" -ge 100000 ] && ER=1
        measure "vault export --all N=$N" $ER 0 --prepare "rm -f $OUT" -- \
            $V export --all --to "$TO" --out "$OUT" || continue
        BYTES=$(stat -c %s "$OUT")
        sed -i "\$s/\t0\$/\t$BYTES/" "$RES" # the bundle's size on the row just written
        head -c "$BYTES" /dev/urandom >"$WORK/same.bin"
        [ $HAVE_AGE = 1 ] && measure "age -e (bundle size) N=$N" 3 $BYTES --prepare "rm -f $WORK/same.age" -- \
            age -e -r "$TO" -o "$WORK/same.age" "$WORK/same.bin"
        [ $HAVE_RAGE = 1 ] && measure "rage -e (bundle size) N=$N" 3 $BYTES --prepare "rm -f $WORK/same.age" -- \
            rage -e -r "$TO" -o "$WORK/same.age" "$WORK/same.bin"
        rm -f "$WORK/same.bin" "$WORK/same.age"
        if [ "$N" = "${BUNDLE_SIZES[-1]}" ]; then
            measure "vault bundle verify N=$N" 3 $BYTES -- \
                "$VAULT" -q bundle verify "$OUT" --identity "$KEY"
            [ $HAVE_AGE = 1 ] && measure "age -d (same bundle) N=$N" 3 $BYTES -- \
                "age -d -i $KEY $OUT >/dev/null"
            [ $HAVE_RAGE = 1 ] && measure "rage -d (same bundle) N=$N" 3 $BYTES -- \
                "rage -d -i $KEY $OUT >/dev/null"
        fi
        # The court packet (PDF included, target 30 s at 10,000): counsel's `bundle exhibit`
        # makes it again from the bundle (verifying the bundle first, then cover, chronology,
        # every incident, the hash table). Its peer reads the same PDF back: pdftotext
        # extracting every page's text (the floor for going through that many pages).
        if [ "$N" = 10000 ]; then
            measure "vault bundle exhibit N=$N" 3 0 --prepare "rm -rf $WORK/exhibit" -- \
                "$VAULT" -q bundle exhibit "$OUT" --identity "$KEY" --out "$WORK/exhibit" &&
                command -v pdftotext >/dev/null &&
                measure "pdftotext (same exhibit.pdf) N=$N" 3 "$(stat -c %s "$WORK/exhibit/exhibit.pdf")" -- \
                    pdftotext "$WORK/exhibit/exhibit.pdf" "$WORK/exhibit.txt"
            rm -rf "$WORK/exhibit" "$WORK/exhibit.txt"
        fi
        rm -rf "$D" "$OUT"
    done
}
bundle_rows

if [ -n "$ONLY" ]; then
    echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$WORK/machine.txt"
    python3 "$ROOT/scripts/bench_report.py" --only bundle "$WORK" "$ROOT/docs/performance.md"
    [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$WORK"
    exit 0
fi

# ---- attachments: one big random file -----------------------------------------------------
BIG="$WORK/big.bin"
BYTES=$((BIG_MIB * 1024 * 1024))
log "attach/extract of a ${BIG_MIB} MiB random file"
head -c "$BYTES" /dev/urandom >"$BIG"
A="$WORK/att"
"$GEN" "$A.tpl" "$PASS" 1 0 >"$WORK/att.id" 2>/dev/null
AID=$(cat "$WORK/att.id")
"$VAULT" --vault "$A.tpl" --passphrase-file "$PASS" key export --out "$WORK/master.key" 2>/dev/null
RECIP=$("$VAULT" --vault "$A.tpl" --json info | python3 -c 'import json,sys; print(json.load(sys.stdin)["master_recipient"])')
measure "vault attach ${BIG_MIB}MiB" 3 $BYTES --prepare "rm -rf $A; cp -a $A.tpl $A" -- \
    "$VAULT" --vault "$A" -q attach "$AID" "$BIG"
[ $HAVE_RAGE = 1 ] && measure "rage -e ${BIG_MIB}MiB" 3 $BYTES --prepare "rm -f $WORK/big.rage" -- \
    rage -e -r "$RECIP" -o "$WORK/big.rage" "$BIG"
[ $HAVE_AGE = 1 ] && measure "age -e ${BIG_MIB}MiB" 3 $BYTES --prepare "rm -f $WORK/big.age" -- \
    age -e -r "$RECIP" -o "$WORK/big.age" "$BIG"
# vault attach fsyncs its output before committing (a crash must not leave a committed but
# unwritten attachment); the peers do not. The same peers with an fsync of their output:
[ $HAVE_RAGE = 1 ] && measure "rage -e, then fsync, ${BIG_MIB}MiB" 3 $BYTES --prepare "rm -f $WORK/big.rage" -- \
    "rage -e -r $RECIP -o $WORK/big.rage $BIG && sync $WORK/big.rage"
[ $HAVE_AGE = 1 ] && measure "age -e, then fsync, ${BIG_MIB}MiB" 3 $BYTES --prepare "rm -f $WORK/big.age" -- \
    "age -e -r $RECIP -o $WORK/big.age $BIG && sync $WORK/big.age"
rm -rf "$A"; cp -a "$A.tpl" "$A"; "$VAULT" --vault "$A" -q attach "$AID" "$BIG" >/dev/null
measure "vault extract ${BIG_MIB}MiB" 3 $BYTES --prepare "rm -f $WORK/big.out" -- \
    "$VAULT" --vault "$A" --passphrase-file "$PASS" -q extract "$AID" --out "$WORK/big.out"
measure "unlock (extract vault)" 3 0 -- "$GEN" --unlock "$A" "$PASS"
[ $HAVE_RAGE = 1 ] && measure "rage -d ${BIG_MIB}MiB" 3 $BYTES --prepare "rm -f $WORK/big.out" -- \
    rage -d -i "$WORK/master.key" -o "$WORK/big.out" "$WORK/big.rage"
[ $HAVE_AGE = 1 ] && measure "age -d ${BIG_MIB}MiB" 3 $BYTES --prepare "rm -f $WORK/big.out" -- \
    age -d -i "$WORK/master.key" -o "$WORK/big.out" "$WORK/big.age"
[ $HAVE_RAGE = 1 ] && measure "rage -d, then fsync, ${BIG_MIB}MiB" 3 $BYTES --prepare "rm -f $WORK/big.out" -- \
    "rage -d -i $WORK/master.key -o $WORK/big.out $WORK/big.rage && sync $WORK/big.out"
rm -f "$WORK/big.out" "$WORK/big.rage" "$WORK/big.age"
rm -rf "$A" "$A.tpl"

# ---- verify: 10,000 incidents and 1 GiB (quick: 256 MiB) of attachments ------------------
log "verify on 10,000 incidents with ${BIG_MIB} MiB of attachments"
VD="$WORK/vv"
if [ -d "$WORK/v$VN" ]; then
    mv "$WORK/v$VN" "$VD"
    VID=$("$VAULT" --vault "$VD" --passphrase-file "$PASS" --json list | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
    PART=$((BYTES / 8))
    for k in 1 2 3 4 5 6 7 8; do
        head -c "$PART" "$BIG" >"$WORK/part.bin"
        "$VAULT" --vault "$VD" -q attach "$VID" "$WORK/part.bin" >/dev/null
    done
    rm -f "$WORK/part.bin"
    "$VAULT" --vault "$VD" --passphrase-file "$PASS" -q list >/dev/null
    BLOBBYTES=$(du -cb "$VD"/blobs/* | tail -1 | cut -f1)
    measure "vault verify (10k + ${BIG_MIB}MiB)" 3 $BLOBBYTES -- "$VAULT" --vault "$VD" verify
    measure "vault verify --full (10k + ${BIG_MIB}MiB)" 3 $BLOBBYTES -- "$VAULT" --vault "$VD" --passphrase-file "$PASS" verify --full
    measure "unlock (verify vault)" 3 0 -- "$GEN" --unlock "$VD" "$PASS"
    measure_beyond "vault verify --full (10k + ${BIG_MIB}MiB)" 5 -- "$VAULT" --vault "$VD" --passphrase-file "$PASS" verify --full
    measure "openssl dgst -sha256 (same blobs)" 3 $BLOBBYTES -- "cat $VD/blobs/* | openssl dgst -sha256"
    "$VAULT" --vault "$VD" --passphrase-file "$PASS" key export --out "$WORK/vv.key" 2>/dev/null
    [ $HAVE_RAGE = 1 ] && measure "rage -d (same blobs)" 5 $BLOBBYTES -- \
        "for f in $VD/blobs/*; do rage -d -i $WORK/vv.key \$f >/dev/null; done"
    # The row above gives rage the blobs alone. A full verification also opens every record
    # ciphertext and attachment description in vault.db; rage takes one file per process, so
    # over the very same ciphertexts it runs once per item, as a person checking them would.
    python3 - "$VD/vault.db" "$WORK/cts" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
os.makedirs(sys.argv[2], exist_ok=True)
rows = db.execute("SELECT ciphertext FROM records UNION ALL SELECT meta FROM attachments")
for i, (ct,) in enumerate(rows):
    with open(os.path.join(sys.argv[2], f"{i:06d}.age"), "wb") as f:
        f.write(ct)
PY
    ALLBYTES=$(du -cb "$VD"/blobs/* "$WORK"/cts/* | tail -1 | cut -f1)
    [ $HAVE_RAGE = 1 ] && measure "rage -d (same bytes: blobs, records, descriptions)" 1 $ALLBYTES -- \
        "for f in $VD/blobs/* $WORK/cts/*; do rage -d -i $WORK/vv.key \$f >/dev/null; done"
    rm -rf "$WORK/cts"
else
    note "the 10,000-incident vault is missing; verify-with-attachments skipped"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$WORK/machine.txt"

# ---- report -------------------------------------------------------------------------------
python3 "$ROOT/scripts/bench_report.py" "$WORK" "$ROOT/docs/performance.md"
[ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$WORK"
