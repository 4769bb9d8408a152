//! RFC 3161 timestamps of signed checkpoints: proof from outside the vault that a checkpoint
//! existed no later than a given time (docs/format.md, "Timestamps and cosignatures").
//!
//! Every DER structure is parsed by the RustCrypto formats crates (`x509-tsp`, `cms`,
//! `x509-cert`, `der`); nothing here reads bytes by hand. A token is accepted only when:
//! its CMS `SignedData` has one signer whose signature (RSA PKCS #1 v1.5 with SHA-256, the one
//! algorithm family supported; others are [`AnchorFault::UnsupportedAlgorithm`]) verifies over
//! the signed attributes; the `messageDigest` attribute is the SHA-256 of the `TSTInfo` and the
//! `contentType` attribute is `id-ct-TSTInfo`; the signer certificate, carried in the token, has
//! the `timeStamping` extended key usage and chains (through certificates the token carries) to
//! a trust anchor the person gave, every certificate of that chain (the trust anchor included)
//! being valid at the token's `genTime` (notBefore <= genTime <= notAfter; revocation is not
//! checked); and the `TSTInfo` message imprint is the SHA-256 of the checkpoint note it is stored
//! for.
//!
//! This module knows nothing of the vault: it makes requests, checks responses and tokens.

pub mod http;

use cms::cert::CertificateChoices;
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier, SignerInfo};
use der::asn1::{Int, OctetString};
use der::oid::ObjectIdentifier;
use der::{Decode, DecodePem, Encode};
use rsa::pkcs8::DecodePublicKey;
use rsa::signature::Verifier;
use sha2::{Digest, Sha256};
use x509_cert::ext::pkix::{ExtendedKeyUsage, SubjectKeyIdentifier};
use x509_cert::spki::AlgorithmIdentifier;
use x509_cert::Certificate;
use x509_tsp::{MessageImprint, TimeStampReq, TimeStampResp, TspVersion, TstInfo};

use crate::error::AnchorFault;

const ID_SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const ID_CT_TST_INFO: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.1.4");
const ID_CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const ID_MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const ID_SHA_256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const SHA256_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
const ID_CE_EXT_KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.37");
const ID_CE_SUBJECT_KEY_ID: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.14");
const ID_KP_TIME_STAMPING: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.8");

/// How many certificates a chain may climb through before it must reach a trust anchor.
const MAX_CHAIN: usize = 8;

/// The largest request, response, token or certificate file read (bounded reads).
pub const DER_MAX: u64 = 1 << 20;

/// A timestamp request made for a checkpoint note.
#[derive(Debug, Clone)]
pub struct Request {
    /// The DER `TimeStampReq` to send to the authority.
    pub der: Vec<u8>,
    /// The request's nonce (the bytes of the positive DER INTEGER).
    pub nonce: Vec<u8>,
    /// SHA-256 of the checkpoint note (the message imprint).
    pub imprint: [u8; 32],
}

/// What a checked token says.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TokenFacts {
    /// `genTime`, seconds since 1970 (UTC).
    pub gen_time: i64,
    /// The signer certificate's subject (RFC 4514 text).
    pub tsa: String,
    /// The token's serial number, hex.
    pub serial: String,
    /// The TSA policy OID.
    pub policy: String,
    /// The nonce, hex (empty when the token has none).
    pub nonce: String,
    /// The message imprint (SHA-256 of the checkpoint note), hex.
    pub imprint: String,
}

/// SHA-256 of a checkpoint note's exact bytes: what a timestamp request asks to be stamped.
pub fn note_imprint(note: &str) -> [u8; 32] {
    Sha256::digest(note.as_bytes()).into()
}

fn unreadable(what: &str, e: impl std::fmt::Display) -> AnchorFault {
    AnchorFault::Unreadable {
        what: what.to_owned(),
        detail: e.to_string(),
    }
}

/// A `TimeStampReq` for `imprint` with a fresh random 128-bit nonce and `certReq` true (so the
/// token carries the authority's certificate).
pub fn make_request(imprint: [u8; 32]) -> Result<Request, AnchorFault> {
    use rand::RngCore;
    let mut nonce = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    // A positive INTEGER in its minimal encoding: the top bit clear, the first byte not zero.
    nonce[0] = (nonce[0] & 0x7f) | 0x40;
    let int = Int::new(&nonce).map_err(|e| unreadable("nonce", e))?;
    let req = TimeStampReq {
        version: TspVersion::V1,
        message_imprint: MessageImprint {
            hash_algorithm: AlgorithmIdentifier {
                oid: ID_SHA_256,
                parameters: Some(der::Any::null()),
            },
            hashed_message: OctetString::new(imprint.to_vec())
                .map_err(|e| unreadable("imprint", e))?,
        },
        req_policy: None,
        nonce: Some(int),
        cert_req: true,
        extensions: None,
    };
    let der = req.to_der().map_err(|e| unreadable("TimeStampReq", e))?;
    Ok(Request {
        der,
        nonce: nonce.to_vec(),
        imprint,
    })
}

/// The nonce and imprint of a stored request (DER `TimeStampReq`).
pub fn read_request(der: &[u8]) -> Result<(Vec<u8>, Vec<u8>), AnchorFault> {
    let req = TimeStampReq::from_der(der).map_err(|e| unreadable("TimeStampReq", e))?;
    let nonce = req.nonce.map(|n| n.as_bytes().to_vec()).unwrap_or_default();
    Ok((
        nonce,
        req.message_imprint.hashed_message.as_bytes().to_vec(),
    ))
}

/// Checks an authority's `TimeStampResp` against the request it answers (status granted,
/// message imprint, nonce, policy when one was asked for) and returns the token's DER.
/// The token's signature and certificate are checked by [`verify_token`].
pub fn token_of_response(resp: &[u8], request: &[u8]) -> Result<Vec<u8>, AnchorFault> {
    let req = TimeStampReq::from_der(request).map_err(|e| unreadable("TimeStampReq", e))?;
    let resp = TimeStampResp::from_der(resp).map_err(|e| unreadable("TimeStampResp", e))?;
    let status = resp.status.status as u8;
    // 0 granted, 1 granted with modifications (RFC 3161 §2.4.2).
    if status > 1 {
        return Err(AnchorFault::NotGranted { status });
    }
    let token = resp
        .time_stamp_token
        .ok_or_else(|| unreadable("TimeStampResp", "no timeStampToken"))?;
    let der = token
        .to_der()
        .map_err(|e| unreadable("TimeStampToken", e))?;
    let tst = tst_info(&signed_data(&der)?)?;
    if tst.message_imprint != req.message_imprint {
        return Err(AnchorFault::OtherCheckpoint);
    }
    if tst.nonce.as_ref().map(Int::as_bytes) != req.nonce.as_ref().map(Int::as_bytes) {
        return Err(AnchorFault::NonceMismatch);
    }
    if let Some(policy) = req.req_policy {
        if tst.policy != policy {
            return Err(unreadable("TSTInfo", "not the policy requested"));
        }
    }
    Ok(der)
}

fn signed_data(token: &[u8]) -> Result<SignedData, AnchorFault> {
    let ci = ContentInfo::from_der(token).map_err(|e| unreadable("TimeStampToken", e))?;
    if ci.content_type != ID_SIGNED_DATA {
        return Err(unreadable("TimeStampToken", "not a CMS SignedData"));
    }
    ci.content
        .decode_as::<SignedData>()
        .map_err(|e| unreadable("SignedData", e))
}

/// The DER bytes of the encapsulated `TSTInfo`.
fn tst_bytes(sd: &SignedData) -> Result<Vec<u8>, AnchorFault> {
    if sd.encap_content_info.econtent_type != ID_CT_TST_INFO {
        return Err(unreadable("SignedData", "content is not a TSTInfo"));
    }
    let content = sd
        .encap_content_info
        .econtent
        .as_ref()
        .ok_or_else(|| unreadable("SignedData", "no content"))?;
    let octets = content
        .decode_as::<OctetString>()
        .map_err(|e| unreadable("SignedData", e))?;
    Ok(octets.as_bytes().to_vec())
}

fn tst_info(sd: &SignedData) -> Result<TstInfo, AnchorFault> {
    TstInfo::from_der(&tst_bytes(sd)?).map_err(|e| unreadable("TSTInfo", e))
}

/// Reads a certificate file: PEM (`-----BEGIN CERTIFICATE-----`) or DER.
pub fn read_certificate(bytes: &[u8]) -> Result<Vec<u8>, AnchorFault> {
    let cert = if bytes.starts_with(b"-----") || bytes.iter().take(64).all(u8::is_ascii) {
        let text = std::str::from_utf8(bytes).map_err(|e| AnchorFault::BadCertificate {
            detail: e.to_string(),
        })?;
        // The first certificate of the file (a bundle file may hold several).
        let start = text.find("-----BEGIN CERTIFICATE-----").unwrap_or(0);
        let end = text[start..]
            .find("-----END CERTIFICATE-----")
            .map_or(text.len(), |e| {
                start + e + "-----END CERTIFICATE-----".len()
            });
        Certificate::from_pem(&text[start..end])
    } else {
        Certificate::from_der(bytes)
    }
    .map_err(|e| AnchorFault::BadCertificate {
        detail: e.to_string(),
    })?;
    cert.to_der().map_err(|e| AnchorFault::BadCertificate {
        detail: e.to_string(),
    })
}

/// The subject of a certificate (DER), as RFC 4514 text.
pub fn certificate_subject(der: &[u8]) -> Result<String, AnchorFault> {
    let cert = Certificate::from_der(der).map_err(|e| AnchorFault::BadCertificate {
        detail: e.to_string(),
    })?;
    Ok(cert.tbs_certificate.subject.to_string())
}

fn rsa_verify(cert: &Certificate, message: &[u8], signature: &[u8]) -> Result<(), AnchorFault> {
    let spki = &cert.tbs_certificate.subject_public_key_info;
    if spki.algorithm.oid != RSA_ENCRYPTION {
        return Err(AnchorFault::UnsupportedAlgorithm {
            oid: spki.algorithm.oid.to_string(),
        });
    }
    let spki_der = spki.to_der().map_err(|e| unreadable("certificate", e))?;
    let key = rsa::RsaPublicKey::from_public_key_der(&spki_der)
        .map_err(|e| unreadable("certificate", e))?;
    let key = rsa::pkcs1v15::VerifyingKey::<Sha256>::new(key);
    let sig =
        rsa::pkcs1v15::Signature::try_from(signature).map_err(|_| AnchorFault::BadSignature)?;
    key.verify(message, &sig)
        .map_err(|_| AnchorFault::BadSignature)
}

/// True when `issuer`'s key signed `cert` (sha256WithRSAEncryption) and names match.
fn issued_by(cert: &Certificate, issuer: &Certificate) -> Result<bool, AnchorFault> {
    if cert.tbs_certificate.issuer != issuer.tbs_certificate.subject {
        return Ok(false);
    }
    if cert.signature_algorithm.oid != SHA256_WITH_RSA {
        return Err(AnchorFault::UnsupportedAlgorithm {
            oid: cert.signature_algorithm.oid.to_string(),
        });
    }
    let tbs = cert
        .tbs_certificate
        .to_der()
        .map_err(|e| unreadable("certificate", e))?;
    let sig = cert
        .signature
        .as_bytes()
        .ok_or_else(|| unreadable("certificate", "signature with unused bits"))?;
    Ok(rsa_verify(issuer, &tbs, sig).is_ok())
}

fn is_signer(cert: &Certificate, sid: &SignerIdentifier) -> bool {
    match sid {
        SignerIdentifier::IssuerAndSerialNumber(ias) => {
            cert.tbs_certificate.issuer == ias.issuer
                && cert.tbs_certificate.serial_number == ias.serial_number
        }
        SignerIdentifier::SubjectKeyIdentifier(ski) => cert
            .tbs_certificate
            .extensions
            .iter()
            .flatten()
            .filter(|e| e.extn_id == ID_CE_SUBJECT_KEY_ID)
            .any(|e| {
                SubjectKeyIdentifier::from_der(e.extn_value.as_bytes())
                    .is_ok_and(|own| own.0 == ski.0)
            }),
    }
}

fn attribute(si: &SignerInfo, oid: ObjectIdentifier) -> Result<der::Any, AnchorFault> {
    let attrs = si.signed_attrs.as_ref().ok_or(AnchorFault::BadSignature)?;
    let mut found = attrs.iter().filter(|a| a.oid == oid);
    match (found.next(), found.next()) {
        (Some(a), None) if a.values.len() == 1 => {
            a.values.get(0).cloned().ok_or(AnchorFault::BadSignature)
        }
        _ => Err(AnchorFault::BadSignature),
    }
}

/// Checks a token (DER `ContentInfo`) completely: see the module documentation. `anchors` are
/// the DER certificates trusted as roots (or as the TSA certificate itself); `imprint` is the
/// SHA-256 of the checkpoint note the token must stamp.
pub fn verify_token(
    token: &[u8],
    anchors: &[Vec<u8>],
    imprint: &[u8; 32],
) -> Result<TokenFacts, AnchorFault> {
    let sd = signed_data(token)?;
    let tst_der = tst_bytes(&sd)?;
    let tst = TstInfo::from_der(&tst_der).map_err(|e| unreadable("TSTInfo", e))?;
    let mut signers = sd.signer_infos.0.iter();
    let si = match (signers.next(), signers.next()) {
        (Some(si), None) => si,
        _ => return Err(unreadable("SignedData", "not exactly one signer")),
    };
    if si.digest_alg.oid != ID_SHA_256 {
        return Err(AnchorFault::UnsupportedAlgorithm {
            oid: si.digest_alg.oid.to_string(),
        });
    }
    if si.signature_algorithm.oid != RSA_ENCRYPTION && si.signature_algorithm.oid != SHA256_WITH_RSA
    {
        return Err(AnchorFault::UnsupportedAlgorithm {
            oid: si.signature_algorithm.oid.to_string(),
        });
    }
    // The signed attributes bind the content: its type and its SHA-256 (RFC 5652 §5.4).
    let content_type = attribute(si, ID_CONTENT_TYPE)?
        .decode_as::<ObjectIdentifier>()
        .map_err(|_| AnchorFault::BadSignature)?;
    let digest = attribute(si, ID_MESSAGE_DIGEST)?
        .decode_as::<OctetString>()
        .map_err(|_| AnchorFault::BadSignature)?;
    if content_type != ID_CT_TST_INFO || digest.as_bytes() != Sha256::digest(&tst_der).as_slice() {
        return Err(AnchorFault::BadSignature);
    }
    let certs: Vec<Certificate> = sd
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .filter_map(|c| match c {
            CertificateChoices::Certificate(c) => Some(c.clone()),
            CertificateChoices::Other(_) => None,
        })
        .collect();
    let signer = certs
        .iter()
        .find(|c| is_signer(c, &si.sid))
        .ok_or(AnchorFault::NoSignerCertificate)?;
    let signed_attrs = si
        .signed_attrs
        .as_ref()
        .ok_or(AnchorFault::BadSignature)?
        .to_der()
        .map_err(|_| AnchorFault::BadSignature)?;
    rsa_verify(signer, &signed_attrs, si.signature.as_bytes())?;
    let timestamping = signer
        .tbs_certificate
        .extensions
        .iter()
        .flatten()
        .filter(|e| e.extn_id == ID_CE_EXT_KEY_USAGE)
        .any(|e| {
            ExtendedKeyUsage::from_der(e.extn_value.as_bytes())
                .is_ok_and(|eku| eku.0.contains(&ID_KP_TIME_STAMPING))
        });
    if !timestamping {
        return Err(AnchorFault::NotTimestamping);
    }
    let tsa = signer.tbs_certificate.subject.to_string();
    let gen_time = i64::try_from(tst.gen_time.to_unix_duration().as_secs()).unwrap_or(i64::MAX);
    chain_to_anchor(signer, &certs, anchors, gen_time).map_err(|e| match e {
        AnchorFault::Untrusted { .. } => AnchorFault::Untrusted { tsa: tsa.clone() },
        other => other,
    })?;
    if tst.message_imprint.hash_algorithm.oid != ID_SHA_256
        || tst.message_imprint.hashed_message.as_bytes() != imprint.as_slice()
    {
        return Err(AnchorFault::OtherCheckpoint);
    }
    Ok(TokenFacts {
        gen_time,
        tsa,
        serial: hex::encode(tst.serial_number.as_bytes()),
        policy: tst.policy.to_string(),
        nonce: tst
            .nonce
            .as_ref()
            .map(|n| hex::encode(n.as_bytes()))
            .unwrap_or_default(),
        imprint: hex::encode(tst.message_imprint.hashed_message.as_bytes()),
    })
}

/// The certificates (DER) a token carries: to read what an untrusted token says, never to
/// trust it.
pub fn carried_certificates(token: &[u8]) -> Result<Vec<Vec<u8>>, AnchorFault> {
    let sd = signed_data(token)?;
    Ok(sd
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .filter_map(|c| match c {
            CertificateChoices::Certificate(c) => c.to_der().ok(),
            CertificateChoices::Other(_) => None,
        })
        .collect())
}

/// The nonce (hex) a token carries, without checking anything else.
pub fn token_nonce(token: &[u8]) -> Result<String, AnchorFault> {
    let tst = tst_info(&signed_data(token)?)?;
    Ok(tst
        .nonce
        .as_ref()
        .map(|n| hex::encode(n.as_bytes()))
        .unwrap_or_default())
}

/// Seconds since 1970 of an X.509 time (before 1970: negative).
fn unix_secs(t: &x509_cert::time::Time) -> i64 {
    i64::try_from(t.to_unix_duration().as_secs()).unwrap_or(i64::MAX)
}

/// The certificate was valid at `gen_time`: notBefore <= genTime <= notAfter (RFC 5280 §4.1.2.5;
/// both bounds inclusive).
fn valid_at(cert: &Certificate, gen_time: i64) -> Result<(), AnchorFault> {
    let validity = &cert.tbs_certificate.validity;
    let (not_before, not_after) = (
        unix_secs(&validity.not_before),
        unix_secs(&validity.not_after),
    );
    if not_before <= gen_time && gen_time <= not_after {
        Ok(())
    } else {
        Err(AnchorFault::OutsideValidity {
            subject: cert.tbs_certificate.subject.to_string(),
            not_before,
            not_after,
            gen_time,
        })
    }
}

/// The signer chains to a trust anchor, and every certificate on the way (the signer's, the
/// intermediates' and the trust anchor's) was valid at `gen_time`. The dates are checked once
/// the chain is known to reach an anchor: an untrusted token is reported as untrusted, whatever
/// its dates.
fn chain_to_anchor(
    signer: &Certificate,
    carried: &[Certificate],
    anchors: &[Vec<u8>],
    gen_time: i64,
) -> Result<(), AnchorFault> {
    let anchors: Vec<Certificate> = anchors
        .iter()
        .filter_map(|a| Certificate::from_der(a).ok())
        .collect();
    let mut path: Vec<Certificate> = vec![signer.clone()];
    for _ in 0..MAX_CHAIN {
        let Some(current) = path.last().cloned() else {
            break;
        };
        let reached = if anchors.contains(&current) {
            true
        } else {
            let mut found = None;
            for anchor in &anchors {
                if issued_by(&current, anchor)? {
                    found = Some(anchor.clone());
                    break;
                }
            }
            match found {
                Some(anchor) => {
                    path.push(anchor);
                    true
                }
                None => false,
            }
        };
        if reached {
            return path.iter().try_for_each(|c| valid_at(c, gen_time));
        }
        let next = carried
            .iter()
            .filter(|c| !path.contains(c))
            .find(|c| issued_by(&current, c).unwrap_or(false))
            .cloned();
        match next {
            Some(c) => path.push(c),
            None => break,
        }
    }
    Err(AnchorFault::Untrusted { tsa: String::new() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_carries_the_imprint_a_positive_nonce_and_cert_req() {
        let imprint = note_imprint("vault/x\n3\nroot\n\n— sig\n");
        let req = make_request(imprint).unwrap();
        let (nonce, got) = read_request(&req.der).unwrap();
        assert_eq!(nonce, req.nonce);
        assert_eq!(got, imprint.to_vec());
        assert!(nonce[0] < 0x80 && nonce[0] != 0);
        let parsed = TimeStampReq::from_der(&req.der).unwrap();
        assert!(parsed.cert_req);
        let other = make_request(imprint).unwrap();
        assert_ne!(other.nonce, req.nonce, "each request has its own nonce");
    }

    #[test]
    fn garbage_is_unreadable_not_a_panic() {
        for bytes in [&b""[..], b"\x30\x03\x02\x01", b"not der at all"] {
            assert!(matches!(
                verify_token(bytes, &[], &[0; 32]),
                Err(AnchorFault::Unreadable { .. })
            ));
            assert!(token_of_response(bytes, bytes).is_err());
        }
        assert!(matches!(
            read_certificate(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"),
            Err(AnchorFault::BadCertificate { .. })
        ));
    }
}
