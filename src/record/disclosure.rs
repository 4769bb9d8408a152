//! Salted per-field disclosures (the SD-JWT / RFC 9901 construction) and the narrative's
//! private-span markers.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::crypto::{random_bytes, sha256};
use crate::error::{Damage, Input};
use crate::{Error, Result};

/// Opening marker of a private narrative span.
pub const PRIVATE_OPEN: &str = "[[";
/// Closing marker of a private narrative span.
pub const PRIVATE_CLOSE: &str = "]]";

/// A fresh 128-bit salt, base64url without padding.
pub fn new_salt() -> String {
    URL_SAFE_NO_PAD.encode(random_bytes::<16>())
}

/// `base64url(UTF-8 JSON array [salt, name, value])`, compact JSON with sorted object keys.
pub fn encode(salt: &str, name: &str, value: &serde_json::Value) -> String {
    let array = serde_json::Value::Array(vec![
        serde_json::Value::String(salt.to_owned()),
        serde_json::Value::String(name.to_owned()),
        value.clone(),
    ]);
    URL_SAFE_NO_PAD.encode(array.to_string())
}

/// `base64url(SHA-256(ASCII(disclosure)))`.
pub fn digest(disclosure: &str) -> String {
    URL_SAFE_NO_PAD.encode(sha256(disclosure.as_bytes()))
}

/// Field name -> disclosure for every field of `values`, each with its salt from `salts`.
/// `owner` names the record or attachment in the error when a salt is missing.
pub fn encode_all(
    values: std::collections::BTreeMap<String, serde_json::Value>,
    salts: &std::collections::BTreeMap<String, String>,
    owner: &str,
) -> Result<std::collections::BTreeMap<String, String>> {
    values
        .into_iter()
        .map(|(name, value)| {
            let salt = salts.get(&name).ok_or_else(|| {
                Error::Damage(Damage::NoSalt {
                    owner: owner.to_owned(),
                    field: name.clone(),
                })
            })?;
            Ok((name.clone(), encode(salt, &name, &value)))
        })
        .collect()
}

/// Field name -> digest of each disclosure.
pub fn digest_all(
    disclosures: std::collections::BTreeMap<String, String>,
) -> std::collections::BTreeMap<String, String> {
    disclosures
        .into_iter()
        .map(|(n, d)| (n, digest(&d)))
        .collect()
}

/// Decodes a disclosure into (salt, name, value), strictly.
pub fn decode(disclosure: &str) -> Result<(String, String, serde_json::Value)> {
    let bytes = URL_SAFE_NO_PAD
        .decode(disclosure)
        .map_err(|_| Error::Input(Input::DisclosureNotBase64))?;
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|_| Error::Input(Input::DisclosureNotJson))?;
    match value {
        serde_json::Value::Array(mut items) if items.len() == 3 => {
            let v = items.pop().unwrap_or_default();
            let name = items.pop().and_then(|n| n.as_str().map(str::to_owned));
            let salt = items.pop().and_then(|s| s.as_str().map(str::to_owned));
            match (salt, name) {
                (Some(s), Some(n))
                    if URL_SAFE_NO_PAD
                        .decode(&s)
                        .map(|b| b.len() >= 16)
                        .unwrap_or(false) =>
                {
                    Ok((s, n, v))
                }
                _ => Err(Error::Input(Input::DisclosureSaltOrName)),
            }
        }
        _ => Err(Error::Input(Input::DisclosureShape)),
    }
}

/// Field name of the n-th (1-based) private narrative span.
pub fn private_field_name(n: usize) -> String {
    format!("narrative.private.{n}")
}

/// The placeholder left in the public narrative for the n-th private span.
pub fn private_placeholder(n: usize) -> String {
    format!("[[private {n}]]")
}

/// Splits a narrative into its public text (each `[[...]]` span replaced by `[[private N]]`) and
/// the span texts. Unbalanced markers are an error: guessing could disclose what was meant to be
/// private.
pub fn split_private(narrative: &str) -> Result<(String, Vec<String>)> {
    let mut public = String::with_capacity(narrative.len());
    let mut spans = Vec::new();
    let mut rest = narrative;
    while let Some(start) = rest.find(PRIVATE_OPEN) {
        let close_before_open = rest[..start].find(PRIVATE_CLOSE);
        if close_before_open.is_some() {
            return Err(Error::Input(Input::NarrativeUnopened));
        }
        public.push_str(&rest[..start]);
        let after = &rest[start + PRIVATE_OPEN.len()..];
        let end = after
            .find(PRIVATE_CLOSE)
            .ok_or_else(|| Error::Input(Input::NarrativeUnclosed))?;
        let span = &after[..end];
        if span.contains(PRIVATE_OPEN) {
            return Err(Error::Input(Input::NarrativeNested));
        }
        spans.push(span.to_owned());
        public.push_str(&private_placeholder(spans.len()));
        rest = &after[end + PRIVATE_CLOSE.len()..];
    }
    if rest.contains(PRIVATE_CLOSE) {
        return Err(Error::Input(Input::NarrativeUnopened));
    }
    public.push_str(rest);
    Ok((public, spans))
}

/// Rebuilds the full narrative from its public text and the span texts (for counsel's view of a
/// later disclosure). Spans not given stay as placeholders.
pub fn join_private(public: &str, spans: &[(usize, String)]) -> String {
    let mut out = public.to_owned();
    for (n, text) in spans {
        out = out.replacen(&private_placeholder(*n), &format!("[[{text}]]"), 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_marks_spans_and_rejects_unbalanced() {
        let (p, s) = split_private("Met [[Ana at her house]] then [[Luis]].").unwrap();
        assert_eq!(p, "Met [[private 1]] then [[private 2]].");
        assert_eq!(s, vec!["Ana at her house", "Luis"]);
        assert!(split_private("a [[b").is_err());
        assert!(split_private("a ]] b").is_err());
        assert!(split_private("a [[b [[c]] d]]").is_err());
        assert_eq!(split_private("plain").unwrap(), ("plain".into(), vec![]));
        assert_eq!(
            join_private(&p, &[(2, "Luis".into())]),
            "Met [[private 1]] then [[Luis]]."
        );
    }

    #[test]
    fn disclosure_round_trip_and_digest_binds_every_part() {
        let salt = new_salt();
        let d = encode(&salt, "witnesses", &serde_json::json!(["Ana"]));
        let (s, n, v) = decode(&d).unwrap();
        assert_eq!((s.as_str(), n.as_str()), (salt.as_str(), "witnesses"));
        assert_eq!(v, serde_json::json!(["Ana"]));
        let other = encode(&salt, "witnesses", &serde_json::json!(["Ane"]));
        assert_ne!(digest(&d), digest(&other));
        assert!(decode("not base64!").is_err());
        assert!(decode(&URL_SAFE_NO_PAD.encode("[\"short\",\"n\",1]")).is_err());
    }
}
