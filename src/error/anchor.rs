//! Why an RFC 3161 timestamp or a witness cosignature was refused (src/anchor/, src/witness/).

use super::{args, s, Message};
use crate::i18n::{FluentArgs, Lang};

/// What is wrong with a timestamp (RFC 3161) or a cosignature (C2SP tlog-cosignature).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AnchorFault {
    /// The bytes are not the DER structure expected (`what` names it; `detail` is the parser's).
    Unreadable { what: String, detail: String },
    /// The authority did not grant the request (`status` as RFC 3161 numbers it).
    NotGranted { status: u8 },
    /// A digest or signature algorithm this program does not check (SHA-256 with RSA only).
    UnsupportedAlgorithm { oid: String },
    /// The CMS signature over the signed attributes does not verify, or the message digest or
    /// content type attribute does not match: the token was changed.
    BadSignature,
    /// The token carries no certificate for its signer (request it with certReq).
    NoSignerCertificate,
    /// The signer certificate may not sign timestamps (no timeStamping extended key usage).
    NotTimestamping,
    /// The signer certificate does not chain to the trust anchor given.
    Untrusted { tsa: String },
    /// The token timestamps something else than the checkpoint it is stored for.
    OtherCheckpoint,
    /// The token's nonce is not the request's (a replayed or foreign response).
    NonceMismatch,
    /// No timestamp request is waiting for this response (none made, or already imported).
    NoPendingRequest,
    /// The vault has no signed checkpoint to timestamp.
    NoCheckpoint,
    /// A certificate of the token's chain (`subject`) was not valid at the token's time:
    /// `gen_time` is before its `not_before` or after its `not_after` (seconds since 1970, UTC).
    OutsideValidity {
        subject: String,
        not_before: i64,
        not_after: i64,
        gen_time: i64,
    },
    /// A certificate file that is neither PEM nor DER.
    BadCertificate { detail: String },
    /// A cosignature line or witness key that cannot be read.
    BadCosignature { detail: String },
    /// The witness refuses: the checkpoint does not extend the last one it cosigned.
    Inconsistent { previous: u64, size: u64 },
    /// The request's consistency proof starts from another size than the witness's last one.
    ProofFrom { from: u64, needed: u64 },
}

impl Message for AnchorFault {
    fn id(&self) -> &'static str {
        match self {
            AnchorFault::Unreadable { .. } => "core-anchor-unreadable",
            AnchorFault::NotGranted { .. } => "core-anchor-not-granted",
            AnchorFault::UnsupportedAlgorithm { .. } => "core-anchor-unsupported-algorithm",
            AnchorFault::BadSignature => "core-anchor-bad-signature",
            AnchorFault::NoSignerCertificate => "core-anchor-no-signer-certificate",
            AnchorFault::NotTimestamping => "core-anchor-not-timestamping",
            AnchorFault::Untrusted { .. } => "core-anchor-untrusted",
            AnchorFault::OtherCheckpoint => "core-anchor-other-checkpoint",
            AnchorFault::NonceMismatch => "core-anchor-nonce-mismatch",
            AnchorFault::NoPendingRequest => "core-anchor-no-pending-request",
            AnchorFault::NoCheckpoint => "core-anchor-no-checkpoint",
            AnchorFault::OutsideValidity { .. } => "core-anchor-outside-validity",
            AnchorFault::BadCertificate { .. } => "core-anchor-bad-certificate",
            AnchorFault::BadCosignature { .. } => "core-anchor-bad-cosignature",
            AnchorFault::Inconsistent { .. } => "core-anchor-inconsistent",
            AnchorFault::ProofFrom { .. } => "core-anchor-proof-from",
        }
    }

    fn args(&self) -> FluentArgs<'static> {
        match self {
            AnchorFault::Unreadable { what, detail } => {
                args([("what", s(what)), ("detail", s(detail))])
            }
            AnchorFault::NotGranted { status } => args([("status", s(status))]),
            AnchorFault::UnsupportedAlgorithm { oid } => args([("oid", s(oid))]),
            AnchorFault::Untrusted { tsa } => args([("tsa", s(tsa))]),
            AnchorFault::OutsideValidity {
                subject,
                not_before,
                not_after,
                gen_time,
            } => args([
                ("subject", s(subject)),
                ("from", s(utc(*not_before))),
                ("to", s(utc(*not_after))),
                ("time", s(utc(*gen_time))),
            ]),
            AnchorFault::BadCertificate { detail } | AnchorFault::BadCosignature { detail } => {
                args([("detail", s(detail))])
            }
            AnchorFault::Inconsistent { previous, size } => {
                args([("previous", s(previous)), ("size", s(size))])
            }
            AnchorFault::ProofFrom { from, needed } => {
                args([("from", s(from)), ("needed", s(needed))])
            }
            _ => FluentArgs::new(),
        }
    }
}

/// A time as `2026-11-03 14:02:05 UTC` (the seconds themselves when out of range).
fn utc(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_else(|| secs.to_string())
}

impl AnchorFault {
    /// The text in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        Message::text_in(self, lang)
    }
}

/// Why `vault anchor request --tsa URL` got no usable answer from the authority (nothing is
/// stored; the pending request stays usable offline).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TsaFault {
    /// The address is not an `http://` or `https://` URL with a host.
    BadUrl { url: String },
    /// No connection (name not found, refused, TLS failed): `detail` is the client's words.
    Unreachable { host: String, detail: String },
    /// The authority answered with an HTTP status other than 200.
    Status { status: u16 },
    /// The answer's media type is not `application/timestamp-reply` (`found`, maybe empty).
    ContentType { found: String },
    /// The answer is longer than `limit` bytes.
    TooLarge { limit: u64 },
    /// No complete answer within `secs` seconds.
    Timeout { secs: u64 },
}

impl Message for TsaFault {
    fn id(&self) -> &'static str {
        match self {
            TsaFault::BadUrl { .. } => "core-tsa-bad-url",
            TsaFault::Unreachable { .. } => "core-tsa-unreachable",
            TsaFault::Status { .. } => "core-tsa-status",
            TsaFault::ContentType { .. } => "core-tsa-content-type",
            TsaFault::TooLarge { .. } => "core-tsa-too-large",
            TsaFault::Timeout { .. } => "core-tsa-timeout",
        }
    }

    fn args(&self) -> FluentArgs<'static> {
        match self {
            TsaFault::BadUrl { url } => args([("url", super::q(url))]),
            TsaFault::Unreachable { host, detail } => {
                args([("host", super::q(host)), ("detail", s(detail))])
            }
            TsaFault::Status { status } => args([("status", s(status))]),
            TsaFault::ContentType { found } => args([("found", super::q(found))]),
            TsaFault::TooLarge { limit } => args([("limit", s(super::size_text(*limit)))]),
            TsaFault::Timeout { secs } => args([(
                "secs",
                super::n(usize::try_from(*secs).unwrap_or(usize::MAX)),
            )]),
        }
    }
}

impl TsaFault {
    /// The text in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        Message::text_in(self, lang)
    }
}
