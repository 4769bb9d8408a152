//! The two HTML reports, rendered with `maud` (compile-time templates; every value is escaped
//! unless it is markup built here): counsel's `report.html` inside a bundle ([`counsel`]) and
//! the owner's unencrypted `vault report` ([`owner`]).
//!
//! Both are files opened in a browser that hold text other people can influence (a planted
//! record, a hostile attachment name), so both share one head ([`page`]): a Content Security
//! Policy that allows no script, no image, no font, no connection and no frame
//! (`default-src 'none'; style-src 'unsafe-inline'`), no referrer, and one stylesheet with
//! print styles. Labels come from the message catalogue (`## report` section and the field
//! labels of [`crate::record::Field`]), so either report can be written in either language.

pub mod counsel;
pub mod owner;

use maud::{html, Markup, PreEscaped, Render, DOCTYPE};

use crate::i18n::{self, FluentArgs, FluentValue, Lang};

/// What the page may load: nothing but its own inline styles.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'";

/// The stylesheet of both reports (screen and print).
const STYLE: &str = "body{font-family:Georgia,serif;max-width:52em;margin:2em auto;padding:0 1em;line-height:1.45;color:#111}\
h1{font-size:1.5em} h2{font-size:1.15em;border-top:1px solid #999;padding-top:.6em;margin-top:1.6em}\
.warn{border:2px solid #a00;padding:.5em .8em;font-weight:bold}\
table{border-collapse:collapse;width:100%} td,th{text-align:left;vertical-align:top;padding:.2em .5em;border-bottom:1px solid #ddd}\
th{width:9em;color:#444;font-weight:normal} .timeline th{width:auto} .timeline td:first-child{white-space:nowrap}\
.withheld{background:#222;color:#fff;padding:0 .3em;font-family:monospace}\
.private{background:#ffe08a;padding:0 .2em} .none{color:#888} .derived{color:#555;font-style:italic}\
ul{margin:0;padding-left:1.2em} code{font-size:.85em;word-break:break-all}\
@media print{body{margin:0;max-width:none} h2{page-break-after:avoid} .incident{page-break-inside:avoid} a{color:inherit;text-decoration:none}}";

/// A whole page: the shared head (charset, CSP, no referrer, title, styles) around `body`.
pub fn page(lang: Lang, title: &str, body: Markup) -> String {
    let doc = html! {
        (DOCTYPE)
        html lang=(lang.tag()) {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CSP);
                meta name="referrer" content="no-referrer";
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body { (body) }
        }
    };
    let mut s = doc.into_string();
    s.push('\n');
    s
}

/// A CSV text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets
/// a leading `'`, so opening the file cannot run anything. Shared by `vault report --format csv`
/// and the court packet's `chronology.csv`.
pub fn csv_cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

/// Text with its line breaks kept as `<br>`.
fn lines(text: &str) -> Markup {
    html! {
        @for (i, line) in text.split('\n').enumerate() {
            @if i > 0 { br; }
            (line)
        }
    }
}

/// A catalogue message in `lang`.
fn text(lang: Lang, id: &str) -> String {
    i18n::text_in(lang, id, None)
}

/// A catalogue message in `lang` with plain arguments (numbers, dates).
fn text_with(lang: Lang, id: &str, args: &[(&str, FluentValue)]) -> String {
    let args = i18n::args(args.iter().map(|(k, v)| (*k, v.clone())));
    i18n::text_in(lang, id, Some(&args))
}

/// A catalogue message whose placeables include markup: `plain` fills placeables with text or
/// numbers, `parts` fills them with markup (a `<code>` id, a withheld marker). The message's
/// own words and the plain values are escaped; each part is placed where its placeable is.
fn rich(lang: Lang, id: &str, plain: &[(&str, FluentValue)], parts: &[(&str, Markup)]) -> Markup {
    // Each part's placeable gets a private-use character as its value; the catalogue holds
    // none, and every value that came from outside is a part (escaped by maud) or a number.
    const FIRST: u32 = 0xE000;
    let mut args = FluentArgs::new();
    for (k, v) in plain {
        args.set(*k, v.clone());
    }
    for (i, (k, _)) in parts.iter().enumerate() {
        let mark = char::from_u32(FIRST + i as u32).unwrap_or('\u{E000}');
        args.set(*k, FluentValue::from(mark.to_string()));
    }
    let rendered = i18n::text_in(lang, id, Some(&args));
    let mut pieces: Vec<Piece> = Vec::new();
    let mut run = String::new();
    for c in rendered.chars() {
        let index = (c as u32).checked_sub(FIRST).map(|i| i as usize);
        match index.and_then(|i| parts.get(i)) {
            Some((_, markup)) => {
                pieces.push(Piece::Text(std::mem::take(&mut run)));
                pieces.push(Piece::Markup(markup));
            }
            None => run.push(c),
        }
    }
    pieces.push(Piece::Text(run));
    html! { @for p in &pieces { (p) } }
}

enum Piece<'a> {
    Text(String),
    Markup(&'a Markup),
}

impl Render for Piece<'_> {
    fn render_to(&self, buffer: &mut String) {
        match self {
            Piece::Text(t) => t.render_to(buffer),
            Piece::Markup(m) => m.render_to(buffer),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Every real tag of a page (text is escaped, so each `<` opens one): no scripts, images,
    /// frames, forms or links other than `allowed`, and no attribute that points anywhere
    /// outside the page.
    pub(crate) fn assert_only_safe_tags(h: &str, allowed: &[&str]) {
        let lower = h.to_lowercase();
        let tags: Vec<&str> = lower
            .split('<')
            .skip(1)
            .map(|rest| rest.split('>').next().unwrap_or(rest))
            .collect();
        assert!(tags.len() > 10, "too few tags: {h}");
        for tag in tags {
            let name = tag.split_whitespace().next().unwrap_or("");
            let banned = [
                "script", "img", "a", "link", "iframe", "object", "embed", "base", "form", "svg",
            ];
            assert!(
                !banned.contains(&name) || allowed.contains(&name),
                "<{tag}> in {h}"
            );
            for attr in tag.split_whitespace().skip(1) {
                assert!(
                    !attr.starts_with("on")
                        && !attr.starts_with("src=")
                        && !attr.contains("http:")
                        && !attr.contains("https:")
                        && !attr.contains("//"),
                    "<{tag}> refers out or runs code in {h}"
                );
            }
            if let Some(href) = tag.split("href=\"").nth(1) {
                assert!(href.starts_with('#'), "<{tag}> links out in {h}");
            }
        }
    }

    #[test]
    fn the_head_forbids_everything_but_inline_styles() {
        let p = page(Lang::Es, "a <b> & \"c\"", html! { p { "x" } });
        assert!(
            p.starts_with("<!DOCTYPE html><html lang=\"es\"><head>"),
            "{p}"
        );
        assert!(p.contains(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        ));
        assert!(p.contains("<meta name=\"referrer\" content=\"no-referrer\">"));
        assert!(
            p.contains("<title>a &lt;b&gt; &amp; &quot;c&quot;</title>"),
            "{p}"
        );
        assert!(p.contains("@media print"));
        assert!(!p.to_lowercase().contains("url("));
    }

    #[test]
    fn rich_messages_escape_their_words_and_place_markup() {
        let withheld = html! { span.withheld { "[withheld]" } };
        let vault = html! { code { "<v1>" } };
        let m = rich(
            Lang::En,
            "report-counsel-intro",
            &[
                ("date", FluentValue::from("2026-11-20 10:00 UTC")),
                ("incidents", FluentValue::from(1)),
                ("attachments", FluentValue::from(2)),
            ],
            &[
                ("vault", vault),
                ("fingerprint", html! { b { "123" } }),
                ("withheld", withheld),
            ],
        )
        .into_string();
        assert!(
            m.starts_with("Exported 2026-11-20 10:00 UTC from vault <code>&lt;v1&gt;</code>. Signing key fingerprint: <b>123</b>. 1 incident, 2 attachments. Parts marked <span class=\"withheld\">[withheld]</span> were withheld"),
            "{m}"
        );
    }
}
