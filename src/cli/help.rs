//! Help from the message catalogue: every command's about and examples and every argument's
//! help (`help-<command>`, `help-<command>-examples`, `help-<command>-<argument>`, with the
//! root command named `vault`), value names (`cli-value-…`) and clap's own words
//! (`cli-clap-…`), in the process language.
//!
//! The clap definitions (src/cli/args.rs) are passed in, never imported: this module sits
//! under the commands that print help. The doc comments in args.rs stay as code docs; a unit
//! test checks that the English catalogue says the same.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::collections::HashSet;

use clap::Command;
use vault::fl;
use vault::i18n::Lang;

use super::i18n::{lang, quote};

/// The help id of a command (`path` is "" for the root, else subcommand names joined by
/// spaces: "bundle verify").
pub fn command_id(path: &str) -> String {
    let path = if path.is_empty() { "vault" } else { path };
    format!("help-{}", path.replace([' ', '_'], "-"))
}

/// The help id of argument `arg` of the command at `path`.
pub fn arg_id(path: &str, arg: &str) -> String {
    format!("{}-{}", command_id(path), arg.replace('_', "-"))
}

/// The examples id of the command at `path`.
pub fn examples_id(path: &str) -> String {
    format!("{}-examples", command_id(path))
}

/// One language's catalogue, for the lookups of a whole command tree.
struct Catalogue {
    lang: Lang,
    ids: HashSet<String>,
}

impl Catalogue {
    fn new(lang: Lang) -> Catalogue {
        let ids = vault::i18n::message_ids(lang).into_iter().collect();
        Catalogue { lang, ids }
    }

    /// The message `id`, if the catalogue has it.
    fn get(&self, id: &str) -> Option<String> {
        self.ids
            .contains(id)
            .then(|| vault::i18n::text_in(self.lang, id, None))
    }
}

/// The clap command with every help text from the catalogue, in the process language.
/// (Only for printing help, completions or the man page: parsing needs none of it.)
pub fn localize(cmd: Command) -> Command {
    localize_in(cmd, lang())
}

/// The clap command with every help text from the catalogue of `lang`.
pub fn localize_in(cmd: Command, lang: Lang) -> Command {
    localize_at(cmd, "", &Catalogue::new(lang))
}

fn localize_at(mut cmd: Command, path: &str, cat: &Catalogue) -> Command {
    let lookup = |id: &str| cat.get(id);
    if let Some(about) = lookup(&command_id(path)) {
        cmd = cmd.about(about).long_about(None::<&str>);
    }
    if let Some(after) = lookup(&examples_id(path)) {
        cmd = cmd.after_help(after).after_long_help(None::<&str>);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        let help = lookup(&arg_id(path, &id));
        cmd = cmd.mut_arg(&id, |mut a| {
            if let Some(h) = help {
                a = a.help(h).long_help(None::<&str>);
            }
            let names: Vec<String> = match a.get_value_names() {
                Some(ns) => ns.iter().map(|n| n.to_string()).collect(),
                None if a.is_positional() => vec![a.get_id().as_str().to_uppercase()],
                None => vec![],
            };
            let translated: Vec<String> = names.iter().filter_map(|n| value_name(n, cat)).collect();
            if !names.is_empty() && translated.len() == names.len() && translated != names {
                a = a.value_names(translated);
            }
            a
        });
    }
    // clap's own defaults are the English words.
    if cmd.has_subcommands() && cat.lang != Lang::En {
        if let (Some(value), Some(heading)) = (
            lookup("cli-clap-command-value"),
            lookup("cli-clap-commands-heading"),
        ) {
            cmd = cmd
                .subcommand_value_name(value)
                .subcommand_help_heading(heading);
        }
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in subs {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| localize_at(s, &sub_path, cat));
    }
    cmd
}

/// A value name (`FILE`) in the process language (`ARCHIVO`), if the catalogue has it.
fn value_name(name: &str, cat: &Catalogue) -> Option<String> {
    let id = format!("cli-value-{}", name.to_lowercase().replace('_', "-"));
    if !id[10..].chars().all(|c| c.is_ascii_lowercase() || c == '-') {
        return None;
    }
    cat.get(&id)
}

/// clap's fixed English words in help and usage text, with the ids of their translation
/// (longer phrases first: "Print help (…)" before "Print help").
const CLAP_WORDS: &[(&str, &str)] = &[
    ("Usage:", "cli-clap-usage"),
    ("Options:", "cli-clap-options"),
    ("Arguments:", "cli-clap-arguments"),
    ("Commands:", "cli-clap-commands"),
    ("[OPTIONS]", "cli-clap-options-placeholder"),
    ("<COMMAND>", "cli-clap-command-placeholder"),
    ("[COMMAND]", "cli-clap-command-optional"),
    (
        "Print this message or the help of the given subcommand(s)",
        "cli-clap-help-subcommand",
    ),
    ("Print help (see more with '--help')", "cli-clap-help-short"),
    ("Print help (see a summary with '-h')", "cli-clap-help-long"),
    ("Print help", "cli-clap-print-help"),
    ("Print version", "cli-clap-print-version"),
    ("[env:", "cli-clap-env"),
    ("[default:", "cli-clap-default"),
    ("[possible values:", "cli-clap-possible-values"),
    ("For more information, try '--help'.", "cli-clap-more-info"),
];

/// Help or usage text rendered by clap, with clap's own words in the process language.
pub fn clap_text(text: &str) -> String {
    clap_text_in(lang(), text)
}

fn clap_text_in(lang: Lang, text: &str) -> String {
    let mut out = text.to_owned();
    for (en, id) in CLAP_WORDS {
        out = replace_wrapped(&out, en, &vault::i18n::text_in(lang, id, None));
    }
    out
}

/// Replaces every `phrase` in `text`, also where clap wrapped it onto the next line (a space of
/// the phrase may be a line break and indentation in the text).
fn replace_wrapped(text: &str, phrase: &str, with: &str) -> String {
    let words: Vec<&str> = phrase.split(' ').collect();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(words[0]) {
        let mut end = at + words[0].len();
        let matched = words[1..].iter().all(|w| {
            let gap = rest[end..].len() - rest[end..].trim_start().len();
            if gap == 0 || !rest[end + gap..].starts_with(w) {
                return false;
            }
            end += gap + w.len();
            true
        });
        if matched {
            out.push_str(&rest[..at]);
            out.push_str(with);
            rest = &rest[end..];
        } else {
            let next = at + words[0].len();
            out.push_str(&rest[..next]);
            rest = &rest[next..];
        }
    }
    out.push_str(rest);
    out
}

fn ctx_string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A clap parse error (not help or version) in the process language, ending in a newline.
/// (English uses clap's own rendering.)
pub fn clap_error(e: &clap::Error) -> String {
    let arg = ctx_string(e, ContextKind::InvalidArg)
        .or_else(|| ctx_string(e, ContextKind::InvalidSubcommand))
        .unwrap_or_default();
    let value = ctx_string(e, ContextKind::InvalidValue).unwrap_or_default();
    let main = match e.kind() {
        ErrorKind::UnknownArgument => fl!("cli-clap-unknown-argument", arg = quote(&arg)),
        ErrorKind::InvalidSubcommand => fl!("cli-clap-invalid-subcommand", arg = quote(&arg)),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            fl!("cli-clap-invalid-value", value = quote(&value), arg = arg)
        }
        ErrorKind::MissingRequiredArgument => fl!("cli-clap-missing-required", arg = arg),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            fl!("cli-clap-missing-subcommand")
        }
        ErrorKind::ArgumentConflict => {
            let other = ctx_string(e, ContextKind::PriorArg).unwrap_or_default();
            if other == arg {
                fl!("cli-clap-repeated", arg = arg)
            } else {
                fl!("cli-clap-conflict", arg = arg, other = other)
            }
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            fl!("cli-clap-value-count", arg = arg)
        }
        _ => fl!("cli-clap-other"),
    };
    let mut out = format!("vault: {}: {main}\n", fl!("cli-error-prefix"));
    let suggestion = ctx_string(e, ContextKind::SuggestedSubcommand)
        .or_else(|| ctx_string(e, ContextKind::SuggestedArg))
        .or_else(|| ctx_string(e, ContextKind::SuggestedValue));
    if let Some(s) = suggestion {
        out.push_str(&fl!("cli-clap-did-you-mean", suggestion = quote(&s)));
        out.push('\n');
    }
    if let Some(values) = ctx_string(e, ContextKind::ValidValue) {
        out.push_str(&fl!("cli-clap-possible", values = values));
        out.push('\n');
    }
    if let Some(usage) = ctx_string(e, ContextKind::Usage) {
        out.push('\n');
        out.push_str(&clap_text(usage.trim_end()));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&fl!("cli-clap-more-info"));
    out.push('\n');
    out
}

/// Section headings clap_mangen writes (`EXTRA` holds our examples; `Comandos` is the
/// subcommand heading set above), with the ids of what the page shows.
pub const MAN_HEADINGS: &[(&str, &str)] = &[
    ("NAME", "cli-man-name"),
    ("SYNOPSIS", "cli-man-synopsis"),
    ("DESCRIPTION", "cli-man-description"),
    ("OPTIONS", "cli-man-options"),
    ("SUBCOMMANDS", "cli-man-commands"),
    ("Comandos", "cli-man-commands"),
    ("EXTRA", "cli-man-examples"),
    ("VERSION", "cli-man-version"),
    ("AUTHORS", "cli-man-authors"),
];

#[cfg(test)]
mod tests {
    use super::super::args::Cli;
    use super::*;
    use clap::CommandFactory;
    use vault::i18n::{message_ids, text_in};

    /// Every (id, English text from the clap definitions) of a command and what is under it.
    fn help_texts(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
        out.push((
            command_id(path),
            cmd.get_about().map(|s| s.to_string()).unwrap_or_default(),
        ));
        if let Some(after) = cmd.get_after_help() {
            out.push((examples_id(path), after.to_string()));
        }
        for a in cmd.get_arguments() {
            out.push((
                arg_id(path, a.get_id().as_str()),
                a.get_help().map(|s| s.to_string()).unwrap_or_default(),
            ));
        }
        for s in cmd.get_subcommands() {
            let p = if path.is_empty() {
                s.get_name().to_owned()
            } else {
                format!("{path} {}", s.get_name())
            };
            help_texts(s, &p, out);
        }
    }

    #[test]
    fn every_command_and_argument_has_help_in_both_catalogues() {
        let mut need = Vec::new();
        help_texts(&Cli::command(), "", &mut need);
        let en = message_ids(Lang::En);
        let es = message_ids(Lang::Es);
        for (id, doc) in &need {
            assert!(!doc.is_empty(), "{id}: no doc comment in args.rs");
            assert!(en.contains(id), "add {id} to i18n/en/vault.ftl");
            assert!(es.contains(id), "add {id} to i18n/es/vault.ftl");
            // The doc comments in args.rs and the English catalogue say the same.
            assert_eq!(&text_in(Lang::En, id, None), doc, "{id}");
        }
        let ids: Vec<&String> = need.iter().map(|(id, _)| id).collect();
        let stale: Vec<&String> = en
            .iter()
            .filter(|id| id.starts_with("help-") && !ids.contains(id))
            .collect();
        assert!(stale.is_empty(), "help ids that match nothing: {stale:?}");
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "two helps share an id");
        // Every command has examples in its --help; a nested one may rely on its parent's.
        let with_examples = |path: &str| en.contains(&examples_id(path));
        let cmd = Cli::command();
        let mut no_examples = Vec::new();
        for sub in cmd.get_subcommands() {
            let name = sub.get_name();
            if !with_examples(name) {
                no_examples.push(name.to_owned());
            }
            for nested in sub.get_subcommands() {
                let path = format!("{name} {}", nested.get_name());
                if !with_examples(&path) && !with_examples(name) {
                    no_examples.push(path);
                }
            }
        }
        assert!(
            no_examples.is_empty(),
            "commands without examples: {no_examples:?}"
        );
    }

    #[test]
    fn english_help_is_unchanged_and_spanish_help_builds() {
        // Every command's help and the man page, in English, as the doc comments say them.
        let mut paths = vec![vec![]];
        for sub in Cli::command().get_subcommands() {
            paths.push(vec![sub.get_name().to_owned()]);
            for nested in sub.get_subcommands() {
                paths.push(vec![
                    sub.get_name().to_owned(),
                    nested.get_name().to_owned(),
                ]);
            }
        }
        let mut plain = Cli::command();
        plain.build();
        let mut english = localize_in(Cli::command(), Lang::En);
        english.build();
        for path in &paths {
            let find = |cmd: &mut Command| {
                let mut at = cmd.clone();
                for name in path {
                    at = at
                        .find_subcommand(name)
                        .cloned()
                        .unwrap_or_else(|| panic!("{path:?}"));
                }
                at.render_long_help().to_string()
            };
            assert_eq!(find(&mut plain), find(&mut english), "{path:?}");
        }
        let man = |cmd: Command| {
            let mut page = Vec::new();
            clap_mangen::Man::new(cmd).render(&mut page).unwrap();
            page
        };
        assert_eq!(
            man(Cli::command()),
            man(localize_in(Cli::command(), Lang::En))
        );
        let cmd = localize_in(Cli::command(), Lang::Es);
        cmd.clone().debug_assert();
        let mut cmd = cmd;
        let help = clap_text_in(Lang::Es, &cmd.render_help().to_string());
        assert!(
            help.contains("Uso:") && help.contains("Comandos:"),
            "{help}"
        );
        assert!(!help.contains("Options:"), "{help}");
        for path in &paths {
            let mut at = localize_in(Cli::command(), Lang::Es);
            at.build();
            for name in path {
                at = at
                    .find_subcommand(name)
                    .cloned()
                    .unwrap_or_else(|| panic!("{path:?}"));
            }
            for width in [60, 80, 100] {
                let text = clap_text_in(
                    Lang::Es,
                    &at.clone().term_width(width).render_help().to_string(),
                );
                for (english, _) in CLAP_WORDS {
                    let first = english.split(' ').next().unwrap_or(english);
                    let cut_phrase =
                        english.contains(' ') && first.len() > 5 && text.contains(first);
                    assert!(
                        !text.contains(english) && !cut_phrase,
                        "{path:?} at {width} columns still says {english:?}:\n{text}"
                    );
                }
            }
        }
        assert_eq!(
            replace_wrapped(
                "a [possible\n      values: en]",
                "[possible values:",
                "[valores:"
            ),
            "a [valores: en]"
        );
    }
}
