#!/usr/bin/env python3
"""Independent check of a decrypted vault bundle, written from docs/bundle-format.md alone.

Usage: verify_bundle.py BUNDLE.zip|FOLDER [--fingerprint]

BUNDLE.zip is the decrypted archive (`age -d -i counsel.key case.age > case.zip`); FOLDER is the
same archive unpacked (`unzip case.zip -d case/`). Age decryption is not done here.

Checks (section numbers of docs/bundle-format.md):
  - the statement's Ed25519 signature with the bundle's key (9.2), and that the statement is
    exactly the one rebuilt from manifest.json and the SHA-256 of every other file (9.1): so no
    file was added, removed or changed;
  - the checkpoint's signature (3), the consistency proof of every earlier checkpoint in
    `history` (2.1), and every record's and attachment's inclusion proof (4.1);
  - every disclosed field against its digest in the ledger entry, and that every field is either
    disclosed or withheld (4.1);
  - every record's earlier revisions: versions 1 to n-1 in order, each proven in the log, each
    disclosed `recorded_at` against its digest, neither logged nor dated after its correction (4.4);
  - every included attachment's SHA-256 (5).
Prints the fingerprint to compare with the sender and "OK", exit 0; or each problem, exit 1.
Needs Python 3.8+ and the `cryptography` package (Ed25519).
"""

import base64
import hashlib
import json
import os
import sys
import zipfile

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

FORMAT = "vault-bundle/2"
CONTEXT = b"vault-bundle-statement/1\n"
OWN = ("STATEMENT.txt", "STATEMENT.sig")


def sha256(b):
    return hashlib.sha256(b).digest()


def no_duplicates(pairs):
    seen = {}
    for k, v in pairs:
        if k in seen:
            raise ValueError("duplicate key %r" % k)
        seen[k] = v
    return seen


def load_json(b):
    return json.loads(b.decode("utf-8"), object_pairs_hook=no_duplicates)


def read_members(path):
    members = {}
    if os.path.isdir(path):
        for root, _dirs, files in os.walk(path):
            for f in files:
                full = os.path.join(root, f)
                rel = os.path.relpath(full, path).replace(os.sep, "/")
                with open(full, "rb") as fh:
                    members[rel] = fh.read()
    else:
        with zipfile.ZipFile(path) as z:
            names = [i.filename for i in z.infolist() if not i.is_dir()]
            if len(names) != len(set(names)):
                raise ValueError("two archive entries share a name")
            for n in names:
                members[n] = z.read(n)
    return members


def names(items):
    items = sorted(items)
    return ",".join(items) if items else "-"


def statement(m, raw_exported_at, files):
    """Section 9.1: the statement rebuilt from the manifest and the files' hashes."""
    lines = [
        "format " + m["format"],
        "kind " + m["kind"],
        "export_id " + m["export_id"],
        "exported_at " + raw_exported_at,
        "supplements " + (m.get("supplements") or "-"),
        "vault " + m["vault"]["id"],
        "public_key " + m["vault"]["public_key"],
        "checkpoint_sha256 " + sha256(m["checkpoint"].encode("utf-8")).hex(),
    ]
    for r in m["records"]:
        lines.append(
            "record %s revision=%d disclosed=%s withheld=%s file=%s"
            % (r["id"], r["revision"], names(r["disclosed"].keys()), names(r["withheld"]), r["file"])
        )
        for e in r.get("earlier", []):
            lines.append(
                "earlier %s revision=%d leaf=%d recorded_at=%s"
                % (
                    r["id"],
                    e["revision"],
                    e["proof"]["leaf_index"],
                    "disclosed" if "recorded_at" in e else "withheld",
                )
            )
    for a in m["attachments"]:
        lines.append(
            "attachment %s record=%s disclosed=%s withheld=%s carries=%s file=%s"
            % (
                a["id"],
                a["record"],
                names(a["disclosed"].keys()),
                names(a["withheld"]),
                a["carries"],
                a.get("file") or "-",
            )
        )
    for path in sorted(files, key=lambda p: p.encode("utf-8")):
        lines.append("file %s %s" % (hashlib.sha256(files[path]).hexdigest(), path))
    return "".join(l + "\n" for l in lines).encode("utf-8")


def fingerprint(pk):
    d = sha256(b"vault-fingerprint-v1" + pk)
    return " ".join("%05d" % (int.from_bytes(d[4 * i : 4 * i + 4], "big") % 100000) for i in range(6))


def open_checkpoint(note, vault_id, pk):
    """Section 3: a C2SP signed note with one Ed25519 signature; returns (size, root)."""
    name = "vault/" + vault_id
    body, sep, sigs = note.partition("\n\n")
    if not sep:
        raise ValueError("no blank line in the checkpoint note")
    body += "\n"
    lines = body.split("\n")
    if lines[0] != name or len(lines) != 4:
        raise ValueError("checkpoint origin or body is wrong")
    size = int(lines[1])
    root = base64.b64decode(lines[2], validate=True)
    key_id = sha256(name.encode() + b"\n\x01" + pk)[:4]
    for line in sigs.split("\n"):
        prefix = "\u2014 " + name + " "
        if line.startswith(prefix):
            raw = base64.b64decode(line[len(prefix) :], validate=True)
            if raw[:4] == key_id and len(raw) == 68:
                Ed25519PublicKey.from_public_bytes(pk).verify(raw[4:], body.encode())
                return size, root
    raise ValueError("no signature by the bundle's key on the checkpoint")


def inclusion_ok(leaf, index, size, proof, root):
    """RFC 9162, section 2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = sha256(b"\x01" + p + r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = sha256(b"\x01" + r + p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def consistency_ok(first, second, first_root, second_root, proof):
    """RFC 9162, section 2.1.4.2."""
    if first == second:
        return not proof and first_root == second_root
    if first < 1 or first > second or not proof:
        return False
    if first & (first - 1) == 0:
        proof = [first_root] + proof
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = sha256(b"\x01" + c + fr)
            sr = sha256(b"\x01" + c + sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = sha256(b"\x01" + sr + c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == first_root and sr == second_root


def b64url_nopad(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def decode_disclosure(d):
    return json.loads(base64.urlsafe_b64decode(d + "=" * (-len(d) % 4)).decode("utf-8"))


def utc_key(t):
    """An RFC 3339 UTC time (`Z`, up to nine fractional digits) as a comparable tuple."""
    if not t.endswith("Z"):
        raise ValueError("recorded_at %r is not UTC" % t)
    whole, _, frac = t[:-1].partition(".")
    return (whole, int((frac + "000000000")[:9]))


def check_earlier(r, size, root, problems):
    """Section 4.4: the earlier revisions of a record, their proofs, times and order."""
    label = "record %s" % r["id"]
    earlier = r.get("earlier", [])
    # None at all: a bundle written before earlier versions were carried (it proves less,
    # nothing false). A partial list is a problem.
    if earlier and [e["revision"] for e in earlier] != list(range(1, r["revision"])):
        problems.append("%s: earlier revisions are not 1 to %d in order" % (label, r["revision"] - 1))
    seen = []
    for e in earlier:
        elabel = "%s revision %d" % (label, e["revision"])
        entry_bytes = base64.b64decode(e["proof"]["entry"], validate=True)
        if size is not None:
            proof = [base64.b64decode(h, validate=True) for h in e["proof"]["inclusion_proof"]]
            leaf = sha256(b"\x00" + entry_bytes)
            if not inclusion_ok(leaf, e["proof"]["leaf_index"], size, proof, root):
                problems.append("%s: inclusion proof does not lead to the checkpoint" % elabel)
        entry = load_json(entry_bytes)
        if entry.get("type") != "record" or entry.get("id") != r["id"] or entry.get("revision") != e["revision"]:
            problems.append("%s: the ledger entry is not this revision" % elabel)
            entry = {"fields": {}}
        t = None
        if "recorded_at" in e:
            d = e["recorded_at"]
            _, name, value = decode_disclosure(d)
            if name != "recorded_at":
                problems.append("%s: disclosure of recorded_at names another field" % elabel)
            elif entry["fields"].get("recorded_at") != b64url_nopad(sha256(d.encode("ascii"))):
                problems.append("%s: recorded_at does not match its signed digest" % elabel)
            else:
                t = utc_key(value)
        seen.append((e["revision"], e["proof"]["leaf_index"], t))
    if earlier:
        cur = None
        d = r["disclosed"].get("recorded_at")
        if d is not None:
            cur = utc_key(decode_disclosure(d)[2])
        seen.append((r["revision"], r["proof"]["leaf_index"], cur))
    for (rev, leaf, _), (nxt, nleaf, _) in zip(seen, seen[1:]):
        if leaf >= nleaf:
            problems.append("%s revision %d: logged after revision %d" % (label, rev, nxt))
    timed = [(rev, t) for rev, _, t in seen if t is not None]
    for (rev, t), (nxt, nt) in zip(timed, timed[1:]):
        if t > nt:
            problems.append("%s revision %d: recorded after revision %d (back-dated)" % (label, rev, nxt))


def check(path):
    problems = []
    members = read_members(path)
    raw_manifest = members.get("manifest.json")
    if raw_manifest is None:
        return ["manifest.json is missing"], None
    m = load_json(raw_manifest)
    if m.get("format") != FORMAT:
        return ["format is %r, not %s" % (m.get("format"), FORMAT)], None
    pk = base64.b64decode(m["vault"]["public_key"], validate=True)
    key = Ed25519PublicKey.from_public_bytes(pk)
    fp = fingerprint(pk)

    # 9. The statement and its signature.
    st = members.get("STATEMENT.txt")
    sig = members.get("STATEMENT.sig")
    if st is None or sig is None:
        problems.append("STATEMENT.txt or STATEMENT.sig is missing")
    else:
        try:
            if not sig.endswith(b"\n"):
                raise InvalidSignature()
            key.verify(base64.b64decode(sig[:-1], validate=True), CONTEXT + st)
        except (InvalidSignature, ValueError):
            problems.append("the statement's signature is not valid")
        # exported_at exactly as written in manifest.json.
        raw_at = json.loads(raw_manifest.decode("utf-8"))["exported_at"]
        files = {p: b for p, b in members.items() if p not in OWN}
        want = statement(m, raw_at, files)
        if want != st:
            got_lines = st.decode("utf-8", "replace").splitlines()
            want_lines = want.decode("utf-8", "replace").splitlines()
            for l in sorted(set(got_lines) ^ set(want_lines)):
                side = "signed" if l in got_lines else "found"
                problems.append("statement differs (%s): %s" % (side, l))

    # 3. The checkpoint.
    try:
        size, root = open_checkpoint(m["checkpoint"], m["vault"]["id"], pk)
    except (ValueError, InvalidSignature) as e:
        problems.append("checkpoint: %s" % e)
        size, root = None, None

    # 2.1. Every earlier checkpoint in `history` is extended by this one.
    if size is not None:
        for h in m.get("history", []):
            proof = [base64.b64decode(x, validate=True) for x in h["consistency_proof"]]
            old_root = base64.b64decode(h["root"], validate=True)
            if not consistency_ok(h["size"], size, old_root, root, proof):
                problems.append("history: the checkpoint does not extend the one of size %d" % h["size"])

    # 4.4. Every record's earlier revisions.
    for r in m["records"]:
        check_earlier(r, size, root, problems)

    # 4 and 5. Records and attachments: inclusion proofs and disclosures.
    for kind, items in (("record", m["records"]), ("attachment", m["attachments"])):
        for it in items:
            label = "%s %s" % (kind, it["id"])
            entry_bytes = base64.b64decode(it["proof"]["entry"], validate=True)
            if size is not None:
                proof = [base64.b64decode(h, validate=True) for h in it["proof"]["inclusion_proof"]]
                leaf = sha256(b"\x00" + entry_bytes)
                if not inclusion_ok(leaf, it["proof"]["leaf_index"], size, proof, root):
                    problems.append("%s: inclusion proof does not lead to the checkpoint" % label)
            entry = load_json(entry_bytes)
            if entry.get("type") != kind or entry.get("id") != it["id"]:
                problems.append("%s: the ledger entry is not this %s" % (label, kind))
                continue
            fields = entry["fields"]
            for name, d in it["disclosed"].items():
                salt_name_value = decode_disclosure(d)
                if salt_name_value[1] != name:
                    problems.append("%s: disclosure of %s names another field" % (label, name))
                if fields.get(name) != b64url_nopad(sha256(d.encode("ascii"))):
                    problems.append("%s: %s does not match its signed digest" % (label, name))
            accounted = set(it["disclosed"]) | set(it["withheld"])
            if accounted != set(fields):
                problems.append("%s: disclosed and withheld fields do not cover the entry" % label)
            if kind == "attachment" and it.get("file"):
                data = members.get(it["file"])
                if data is None:
                    problems.append("%s: %s is missing" % (label, it["file"]))
                elif hashlib.sha256(data).hexdigest() != it.get("file_sha256"):
                    problems.append("%s: %s does not match file_sha256" % (label, it["file"]))
    return problems, fp


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        problems, fp = check(argv[1])
    except (ValueError, KeyError, TypeError, zipfile.BadZipFile, json.JSONDecodeError) as e:
        print("NOT VERIFIED: malformed bundle: %s" % e)
        return 1
    if fp:
        print("fingerprint: %s (compare it with the sender's, by phone or in person)" % fp)
    if problems:
        print("NOT VERIFIED: %d problem(s)" % len(problems))
        for p in problems:
            print("  - " + p)
        return 1
    print("OK: the statement, the checkpoint, every proof, disclosure and file hash verify")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
