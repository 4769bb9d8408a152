//! Snapshot cases of what a person sees: `--help` and the main errors, in English and Spanish
//! (`tests/cmd/*.toml`, run through the real binary with trycmd). After a deliberate change of a
//! message, regenerate with `TRYCMD=overwrite cargo test --test it cli_cases::` and read the diff.

#[test]
fn help_and_errors_in_both_languages() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
