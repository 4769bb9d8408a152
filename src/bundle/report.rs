//! The readable parts of a bundle: `report.html` (self-contained, printable, no scripts, no
//! external resources) and `VERIFY.txt` (how an expert checks everything by hand).

use std::fmt::Write as _;

use super::manifest::{Manifest, RecordFile};

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const WITHHELD: &str = "<span class=\"withheld\">[withheld]</span>";

fn value_html(v: &serde_json::Value) -> String {
    if v.get("withheld") == Some(&serde_json::Value::Bool(true))
        && v.as_object().is_some_and(|o| o.len() == 1)
    {
        return WITHHELD.into();
    }
    match v {
        serde_json::Value::Null => "<span class=\"none\">—</span>".into(),
        serde_json::Value::String(s) => escape(s).replace('\n', "<br>"),
        serde_json::Value::Array(items) if items.is_empty() => {
            "<span class=\"none\">—</span>".into()
        }
        serde_json::Value::Array(items) => format!(
            "<ul>{}</ul>",
            items
                .iter()
                .map(|i| format!("<li>{}</li>", value_html(i)))
                .collect::<String>()
        ),
        serde_json::Value::Object(map) => map
            .iter()
            .map(|(k, v)| format!("<b>{}</b>: {}", escape(k), value_html(v)))
            .collect::<Vec<_>>()
            .join("; "),
        other => escape(&other.to_string()),
    }
}

fn narrative_html(text: &str) -> String {
    // Placeholders `[[private N]]` mark withheld spans.
    let mut out = escape(text).replace('\n', "<br>");
    for n in 1..=100 {
        let ph = format!("[[private {n}]]");
        if !out.contains(&ph) {
            break;
        }
        out = out.replace(
            &ph,
            "<span class=\"withheld\">[private part withheld]</span>",
        );
    }
    out
}

/// The printable report.
pub fn html(m: &Manifest, records: &[RecordFile]) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
<title>Incident records: export {id}</title><style>\
body{{font-family:Georgia,serif;max-width:50em;margin:2em auto;line-height:1.45;color:#111}}\
h1{{font-size:1.5em}} h2{{font-size:1.15em;border-top:1px solid #999;padding-top:.6em;margin-top:1.6em}}\
table{{border-collapse:collapse;width:100%}} td,th{{text-align:left;vertical-align:top;padding:.2em .5em;border-bottom:1px solid #ddd}}\
th{{width:9em;color:#444;font-weight:normal}} .withheld{{background:#222;color:#fff;padding:0 .3em;font-family:monospace}}\
.none{{color:#888}} code{{font-size:.85em;word-break:break-all}} .derived{{color:#555;font-style:italic}}\
@media print{{body{{margin:0}} h2{{page-break-after:avoid}}}}</style></head><body>\n",
        id = escape(&m.export_id)
    );
    let _ = write!(
        s,
        "<h1>Incident records{}</h1>\n<p>Exported {} from vault <code>{}</code>. Signing key fingerprint: <b>{}</b>. \
{} incident(s), {} attachment(s). Parts marked {} were withheld by the person who kept these records; \
each withheld part is still committed to by a salted digest, so it cannot be changed later without detection.</p>\n",
        if m.kind == "disclosure" { ": later disclosure" } else { "" },
        m.exported_at.format("%Y-%m-%d %H:%M UTC"),
        escape(&m.vault.id),
        escape(&m.vault.fingerprint),
        m.records.len(),
        m.attachments.len(),
        WITHHELD
    );
    let labels = [
        ("when", "When"),
        ("kind", "Kind"),
        ("location", "Where"),
        ("agents", "Agents"),
        ("vehicles", "Vehicles"),
        ("witnesses", "Witnesses"),
        ("tags", "Tags"),
        ("recorded_at", "Recorded"),
    ];
    for r in records {
        let _ = write!(
            s,
            "<h2>Incident <code>{}</code> (revision {})</h2>\n<table>\n",
            escape(&r.id),
            r.revision
        );
        for (key, label) in labels {
            if let Some(v) = r.fields.get(key) {
                let _ = writeln!(s, "<tr><th>{label}</th><td>{}</td></tr>", value_html(v));
            }
        }
        for (key, v) in &r.derived {
            let _ = writeln!(
                s,
                "<tr><th>{} (derived)</th><td class=\"derived\">{}</td></tr>",
                escape(key),
                value_html(v)
            );
        }
        if let Some(v) = r.fields.get("narrative") {
            let text = match v {
                serde_json::Value::String(t) => narrative_html(t),
                other => value_html(other),
            };
            let _ = writeln!(s, "<tr><th>What happened</th><td>{text}</td></tr>");
        }
        let atts: Vec<_> = m.attachments.iter().filter(|a| a.record == r.id).collect();
        for (i, a) in atts.iter().enumerate() {
            let name = a
                .file
                .as_deref()
                .map(escape)
                .unwrap_or_else(|| WITHHELD.into());
            let what = match a.carries.as_str() {
                "original" => "original file, byte for byte".to_owned(),
                "stripped" => "copy with identifying metadata removed".to_owned(),
                _ => "file not included".to_owned(),
            };
            let _ = writeln!(
                s,
                "<tr><th>Attachment {}</th><td>{name}<br>{what}{}</td></tr>",
                i + 1,
                a.file_sha256
                    .as_deref()
                    .map(|h| format!("<br>SHA-256 of included file: <code>{h}</code>"))
                    .unwrap_or_default()
            );
        }
        s.push_str("</table>\n");
    }
    let _ = write!(
        s,
        "<h2>How to verify</h2>\n<p>Run <code>vault bundle verify BUNDLE --identity KEY</code>, or follow <code>VERIFY.txt</code> \
in this archive with standard tools. Confirm the fingerprint <b>{}</b> with the person who kept these records, by phone or in person.</p>\n\
<p>Signed checkpoint:</p><pre>{}</pre>\n</body></html>\n",
        escape(&m.vault.fingerprint),
        escape(&m.checkpoint)
    );
    s
}

/// Step-by-step instructions for checking a bundle with standard tools.
pub fn verify_txt(m: &Manifest) -> String {
    format!(
        "HOW TO VERIFY THIS BUNDLE BY HAND
=================================

Bundle format {format}; export {id}; vault {vault}; signing key fingerprint {fp}.
The full specification is docs/bundle-format.md in the vault source. In short:

0. Confirm the fingerprint with the person who kept these records (phone or in
   person). Compute it yourself from the Ed25519 public key below: the number
   written in this file ({fp}) is only what the bundle claims.
   fingerprint = six groups of five digits; group i = big-endian u32 of bytes
   4i..4i+4 of SHA-256(\"vault-fingerprint-v1\" || public key), mod 100000.
   public key (base64): {pk}

1. The checkpoint (manifest.json \"checkpoint\") is a C2SP signed note. Its body
   is the text up to and including the line before the blank line:
       <origin>\\n<tree size>\\n<base64 root hash>\\n
   The signature line is \"— <origin> <base64(4-byte key id || 64-byte Ed25519 signature)>\".
   Check the signature over the body bytes, e.g. with OpenSSL 3:
       printf '%s\\n%s\\n%s\\n' ORIGIN SIZE ROOT > body.txt
       (signature bytes 5..68 of the base64-decoded value) > sig.bin
       openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in body.txt -sigfile sig.bin
   where pub.pem wraps the 32-byte public key in the Ed25519 SPKI prefix
   302a300506032b6570032100 (hex).

2. For every record and attachment in manifest.json:
   a. entry = base64-decode(proof.entry)   (exact bytes of the ledger leaf)
   b. leaf hash = SHA-256(0x00 || entry)
   c. fold proof.inclusion_proof into the leaf hash with the RFC 9162 section
      2.1.3.2 algorithm, using proof.leaf_index and the checkpoint's tree size
      (node hash = SHA-256(0x01 || left || right)); the result must equal the
      checkpoint's root hash.
   d. entry is JSON; its \"fields\" map each field name to a digest.
   e. every value in \"disclosed\" is base64url(JSON [salt, name, value]);
      base64url(SHA-256(that text as ASCII)) must equal fields[name], and the
      name inside must be the same name. Every name in \"withheld\" must be in
      fields too, so you know exactly what was withheld.
   f. records/<id>.json must show the same values (withheld ones as
      {{\"withheld\": true}}).
3. For every attachment with a \"file\": sha256sum of the file must equal
   \"file_sha256\". When \"carries\" is \"original\", it must also equal the
   disclosed \"sha256\" field (the hash taken when the file entered the vault).
   When it is \"stripped\", the file is a copy with identifying metadata removed
   and the disclosed \"sha256\" is the original's.
4. Refuse the bundle if anything appears twice: an archive entry name
   (`zipinfo -1 case.zip | sort | uniq -d` must print nothing), a key inside
   any JSON object, or a record, attachment or leaf_index in manifest.json.
   Different tools keep different copies of a repeated item.

Shell helpers: `base64 -d`, `sha256sum`, `xxd -r -p`, `openssl`.
",
        format = m.format,
        id = m.export_id,
        vault = m.vault.id,
        fp = m.vault.fingerprint,
        pk = m.vault.public_key,
    )
}
