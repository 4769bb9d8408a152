//! `declaration.txt`: two drafts for counsel to review, adapt and have signed, never filed as
//! they are: an unsworn declaration under 28 U.S.C. § 1746 for the person who kept the records,
//! and a certification under Federal Rule of Evidence 902(14) describing in plain terms how
//! vault hashes, logs, signs and verifies what it holds. Each incident whose narrative reads as
//! Spanish gets its original text and a certificate-of-translation block for counsel's
//! translator (immigration courts require certified translations, 8 C.F.R. § 1003.33).

use super::model::{msg, View};
use crate::i18n::FluentValue;

/// The marker every draft carries at its top and bottom (tests look for it).
pub const DRAFT_ID: &str = "bundle-packet-decl-draft";

/// The declaration text; `pages[i]` is the page id where incident `i` of the view starts.
pub fn text(view: &View, pages: &[String]) -> String {
    let lang = view.lang;
    let m = |id: &str| msg(lang, id, &[]);
    let rule = "=".repeat(72);
    let mut out = String::new();
    let mut para = |s: &str| {
        out.push_str(s.trim_end());
        out.push_str("\n\n");
    };
    para(&m(DRAFT_ID));
    para(&rule);
    para(&m("bundle-packet-decl-1746-heading"));
    para(&msg(
        lang,
        "bundle-packet-decl-1746-body",
        &[
            ("fingerprint", FluentValue::from(view.fingerprint.clone())),
            ("export", FluentValue::from(view.export_id.clone())),
            ("count", FluentValue::from(view.incidents.len())),
        ],
    ));
    let mut list = String::new();
    for (i, inc) in view.incidents.iter().enumerate() {
        list.push_str(&msg(
            lang,
            "bundle-packet-decl-incident",
            &[
                ("n", FluentValue::from(i + 1)),
                ("when", FluentValue::from(inc.when_text.clone())),
                ("id", FluentValue::from(inc.short.clone())),
                ("revision", FluentValue::from(inc.revision)),
                (
                    "page",
                    FluentValue::from(pages.get(i).cloned().unwrap_or_default()),
                ),
            ],
        ));
        list.push('\n');
    }
    para(&list);
    para(&m("bundle-packet-decl-1746-closing"));
    para(&m("bundle-packet-decl-signature"));
    para(&rule);
    para(&m("bundle-packet-decl-902-heading"));
    para(&msg(
        lang,
        "bundle-packet-decl-902-body",
        &[
            ("fingerprint", FluentValue::from(view.fingerprint.clone())),
            ("export", FluentValue::from(view.export_id.clone())),
            ("vault", FluentValue::from(view.vault_id.clone())),
            ("size", FluentValue::from(view.checkpoint_size)),
            ("date", FluentValue::from(view.exported_text.clone())),
        ],
    ));
    para(&m("bundle-packet-decl-902-signature"));
    let spanish: Vec<(usize, &super::model::IncidentView)> = view
        .incidents
        .iter()
        .enumerate()
        .filter(|(_, i)| i.spanish)
        .collect();
    if !spanish.is_empty() {
        para(&rule);
        para(&m("bundle-packet-decl-translation-heading"));
        for (i, inc) in spanish {
            para(&msg(
                lang,
                "bundle-packet-decl-translation-original",
                &[
                    ("id", FluentValue::from(inc.short.clone())),
                    (
                        "page",
                        FluentValue::from(pages.get(i).cloned().unwrap_or_default()),
                    ),
                ],
            ));
            let mut original = String::new();
            for l in inc.narrative.as_deref().unwrap_or_default().lines() {
                original.push_str("    ");
                original.push_str(l);
                original.push('\n');
            }
            para(&original);
            para(&m("bundle-packet-decl-translation-space"));
            para(&m("bundle-packet-decl-translation-certificate"));
        }
    }
    para(&rule);
    para(&m(DRAFT_ID));
    out
}
