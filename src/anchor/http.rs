//! `vault anchor request --tsa URL`: one HTTP POST of a timestamp request to an authority
//! (RFC 3161 §3.4), only when the person asks for it. Never used by any default command.
//!
//! The request goes as `application/timestamp-query`; the answer must come back with status 200
//! and `application/timestamp-reply`, within [`DER_MAX`] bytes and the time given. Redirects are
//! not followed (a 3xx is an unexpected status). https and plain http are both accepted: the
//! answer is signed and fully checked afterwards (`token_of_response`, `verify_token`), so the
//! transport adds privacy, not trust. The proxy variables (`HTTPS_PROXY`, `HTTP_PROXY`,
//! `ALL_PROXY` with `socks5h://` for Tor, `NO_PROXY`) are honoured.

use std::time::Duration;

use ureq::http::Uri;

use super::DER_MAX;
use crate::error::TsaFault;

/// How long the whole exchange (connection, request, answer) may take by default.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The media type of a request (RFC 3161 §3.4).
pub const QUERY_TYPE: &str = "application/timestamp-query";
/// The media type of an answer (RFC 3161 §3.4).
pub const REPLY_TYPE: &str = "application/timestamp-reply";

/// Checks that `url` is an `http://` or `https://` address with a host; returns the host.
/// Called before anything is written or sent.
pub fn check_url(url: &str) -> Result<String, TsaFault> {
    let bad = || TsaFault::BadUrl {
        url: url.to_owned(),
    };
    let uri = Uri::try_from(url).map_err(|_| bad())?;
    match uri.scheme_str().map(str::to_ascii_lowercase).as_deref() {
        Some("http" | "https") => {}
        _ => return Err(bad()),
    }
    match uri.host() {
        Some(host) if !host.is_empty() => Ok(host.to_owned()),
        _ => Err(bad()),
    }
}

/// The media type of a `Content-Type` value, without parameters, in lower case.
fn media_type(value: &str) -> String {
    value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// POSTs the DER `TimeStampReq` to the authority at `url` and returns its answer's bytes (a
/// `TimeStampResp`, not yet checked). Every failure is a [`TsaFault`].
pub fn send(url: &str, request: &[u8], timeout: Duration) -> Result<Vec<u8>, TsaFault> {
    let host = check_url(url)?;
    let secs = timeout.as_secs().max(1);
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .user_agent("vault")
        .build()
        .into();
    let fault = |e: ureq::Error| match e {
        ureq::Error::Timeout(_) => TsaFault::Timeout { secs },
        ureq::Error::Io(io)
            if matches!(
                io.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            ) =>
        {
            TsaFault::Timeout { secs }
        }
        ureq::Error::BodyExceedsLimit(_) => TsaFault::TooLarge { limit: DER_MAX },
        ureq::Error::Io(io) => TsaFault::Unreachable {
            host: host.clone(),
            detail: io.to_string(),
        },
        ureq::Error::HostNotFound => TsaFault::Unreachable {
            host: host.clone(),
            detail: "host not found".to_owned(),
        },
        other => TsaFault::Unreachable {
            host: host.clone(),
            detail: other.to_string(),
        },
    };
    let mut response = agent
        .post(url)
        .header("Content-Type", QUERY_TYPE)
        .header("Accept", REPLY_TYPE)
        .send(request)
        .map_err(fault)?;
    let status = response.status().as_u16();
    if status != 200 {
        return Err(TsaFault::Status { status });
    }
    let found = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(media_type)
        .unwrap_or_default();
    if found != REPLY_TYPE {
        return Err(TsaFault::ContentType { found });
    }
    response
        .body_mut()
        .with_config()
        .limit(DER_MAX)
        .read_to_vec()
        .map_err(fault)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_addresses_with_a_host_are_accepted() {
        assert_eq!(check_url("https://freetsa.org/tsr").unwrap(), "freetsa.org");
        assert_eq!(check_url("http://127.0.0.1:8080/").unwrap(), "127.0.0.1");
        assert_eq!(check_url("HTTP://tsa.example/x").unwrap(), "tsa.example");
        for bad in [
            "ftp://tsa.example/",
            "file:///etc/passwd",
            "tsa.example/tsr",
            "https://",
            "",
            "socks5://127.0.0.1:9050",
            "http://a b/",
        ] {
            assert!(
                matches!(check_url(bad), Err(TsaFault::BadUrl { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_media_type_ignores_parameters_and_case() {
        assert_eq!(
            media_type("Application/Timestamp-Reply; charset=binary"),
            REPLY_TYPE
        );
        assert_eq!(media_type(""), "");
    }
}
