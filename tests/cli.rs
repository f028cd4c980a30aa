//! The command line as scripts use it: output formats, exit codes, one-line errors.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code may panic

mod common;

use assert_cmd::Command;
use common::{diverge, scratch, stderr_of, write};

const REUTERS: &str = "tests/fixtures/reuters.txt";
const STRAITS_TIMES: &str = "tests/fixtures/straits_times.txt";

/// Runs and expects exit `code`; returns stdout.
fn stdout_with(cmd: &mut Command, code: i32) -> String {
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn stdout_of(cmd: &mut Command) -> String {
    stdout_with(cmd, 0)
}

/// `diverge diff` of versions that differ: diff(1)'s status 1.
fn diff_of(cmd: &mut Command) -> String {
    stdout_with(cmd, 1)
}

/// Runs and expects exit 1 with exactly one line on stderr; returns that line.
fn one_line_error(cmd: &mut Command) -> String {
    one_line_error_with(cmd, 1)
}

/// `diverge diff` in trouble: diff(1)'s status 2, one line on stderr.
fn diff_error(cmd: &mut Command) -> String {
    one_line_error_with(cmd, 2)
}

fn one_line_error_with(cmd: &mut Command, code: i32) -> String {
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = stderr_of(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    err.trim_end().to_string()
}

/// The two texts the JSON ops of `doc` rebuild: all but the insertions on the left, all
/// but the deletions on the right.
fn rebuilt(doc: &serde_json::Value) -> (String, String) {
    let ops = doc["ops"].as_array().unwrap();
    let side = |skip: &str| -> String {
        ops.iter()
            .filter(|op| op["op"] != skip)
            .map(|op| op["text"].as_str().unwrap())
            .collect()
    };
    (side("insert"), side("delete"))
}

#[test]
fn json_ops_rebuild_both_inputs_byte_for_byte() {
    let out = diff_of(diverge().args(["diff", REUTERS, STRAITS_TIMES, "--format", "json"]));
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let (left, right) = rebuilt(&doc);
    assert_eq!(left, std::fs::read_to_string(REUTERS).unwrap());
    assert_eq!(right, std::fs::read_to_string(STRAITS_TIMES).unwrap());
    assert_eq!(doc["left"]["name"], "reuters");
    assert_eq!(doc["right"]["name"], "straits_times");
    assert!(doc["left"]["words"].as_u64().unwrap() > 300);
    let similarity = doc["similarity"].as_f64().unwrap();
    assert!(similarity > 0.7 && similarity < 1.0, "{similarity}");
}

/// Files long enough to be read side by side (one on another thread) give the same
/// diff, and a bad file is still named, the left one first.
#[test]
fn long_files_are_read_side_by_side_and_errors_name_the_file() {
    let dir = scratch("long-pair");
    let para = |i: usize| format!("Paragraph {i} tells how the talks went on for {i} hours.");
    let left: Vec<String> = (0..6000).map(para).collect();
    let mut right = left.clone();
    right[1234] = right[1234].replace("talks", "long talks");
    let (left, right) = (left.join("\n\n"), right.join("\n\n"));
    assert!(left.len() > 300_000);
    let a = write(&dir, "a.txt", left.as_bytes());
    let b = write(&dir, "b.txt", right.as_bytes());
    let out = diff_of(
        diverge()
            .arg("diff")
            .args([&a, &b])
            .args(["--format", "json"]),
    );
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rebuilt(&doc), (left, right.clone()));
    assert_eq!(doc["hunks"], 1);
    let mut bad = right.into_bytes();
    bad[300_000] = 0xff;
    let bad = write(&dir, "bad.txt", &bad);
    let err = diff_error(diverge().arg("diff").args([&a, &bad]));
    assert!(err.contains("bad.txt") && err.contains("UTF-8"), "{err}");
    let missing = dir.join("missing.txt");
    let err = diff_error(diverge().arg("diff").args([&missing, &bad]));
    assert!(
        err.contains("missing.txt") && !err.contains("bad.txt"),
        "{err}"
    );
}

/// A hard-wrapped text and the same text wrapped elsewhere, with one word changed: only
/// the word is a change, in every format, and the JSON still rebuilds both files, the
/// reflow kept as ops marked `"style": true`.
#[test]
fn a_reflowed_text_shows_only_its_changed_word() {
    let dir = scratch("reflow");
    let left = "This License applies to any program or other\nwork which contains a notice placed by the\ncopyright holder.\n\nSecond  paragraph stays.\n";
    let right = "This License applies to any program or\nother work which contains a notice put by\nthe copyright holder.\n\nSecond paragraph stays.\n";
    let (a, b) = (
        write(&dir, "a.txt", left.as_bytes()),
        write(&dir, "b.txt", right.as_bytes()),
    );
    let plain = diverge()
        .args(["diff", "--format", "plain"])
        .args([&a, &b])
        .output()
        .unwrap();
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert_eq!(plain.matches("[-").count(), 1, "{plain}");
    assert!(plain.contains("[-placed-]{+put+}"), "{plain}");

    let out = diverge()
        .args(["diff", "--format", "json"])
        .args([&a, &b])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["hunks"], 1);
    assert_eq!(doc["style_hunks"], 0);
    let ops = doc["ops"].as_array().unwrap();
    assert_eq!(rebuilt(&doc), (left.to_string(), right.to_string()));
    let reflow = ops
        .iter()
        .filter(|op| op["op"] != "equal" && op["style"] == true)
        .count();
    assert!(reflow >= 4, "{ops:?}");
}

#[test]
fn json_paragraphs_pair_the_seed_versions() {
    let out = diff_of(diverge().args(["diff", REUTERS, STRAITS_TIMES, "--format", "json"]));
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let paras = doc["paragraphs"].as_array().unwrap();
    let kind_of = |left: serde_json::Value| {
        paras
            .iter()
            .find(|p| p["left"] == left)
            .map(|p| p["kind"].as_str().unwrap().to_string())
    };
    // "Lee took office … Lee has since spoken …" is one Reuters paragraph, two in ST.
    assert_eq!(kind_of(serde_json::json!(6)).as_deref(), Some("split"));
    assert_eq!(kind_of(serde_json::json!(3)).as_deref(), Some("left_only"));
    let right_only: Vec<u64> = paras
        .iter()
        .filter(|p| p["kind"] == "right_only")
        .map(|p| p["right"].as_u64().unwrap())
        .collect();
    assert_eq!(right_only, vec![8, 11]);
}

#[test]
fn plain_reads_like_wdiff_with_whole_phrases() {
    let out = diff_of(diverge().args(["diff", REUTERS, STRAITS_TIMES, "--format", "plain"]));
    assert!(
        out.contains("pledged on [-Tuesday-]{+June 10+} to work"),
        "{out}"
    );
    assert!(out.contains("[-Sign up here.\n-]"), "{out}");
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn normalize_hides_style_but_keeps_substance() {
    let out = diff_of(diverge().args([
        "diff",
        REUTERS,
        STRAITS_TIMES,
        "--format",
        "plain",
        "--normalize",
    ]));
    assert!(!out.contains("{+Mr +}"), "{out}");
    assert!(!out.contains("[-U.S.-]"), "{out}");
    assert!(out.contains("[-Tuesday-]{+June 10+}"), "{out}");
    assert!(out.contains("{+Mr Xi urged the two countries"), "{out}");
}

#[test]
fn ansi_uses_colour_only_when_asked() {
    let coloured = diff_of(diverge().args([
        "diff",
        REUTERS,
        STRAITS_TIMES,
        "--format",
        "ansi",
        "--color",
        "always",
    ]));
    assert!(coloured.contains("\x1b[31;9m"));
    let never = diff_of(diverge().args([
        "diff",
        REUTERS,
        STRAITS_TIMES,
        "--format",
        "ansi",
        "--color",
        "never",
    ]));
    assert!(!never.contains("\x1b[31"), "colour despite --color never");
    assert!(never.contains("\x1b[9m"), "attributes still mark deletions");
    let no_color = diff_of(diverge().env("NO_COLOR", "1").args([
        "diff",
        REUTERS,
        STRAITS_TIMES,
        "--format",
        "ansi",
    ]));
    assert!(!no_color.contains("\x1b[31"));
}

#[test]
fn piped_output_defaults_to_plain() {
    let out = diff_of(diverge().args(["diff", REUTERS, STRAITS_TIMES]));
    assert!(out.contains("[-Tuesday-]{+June 10+}"));
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn escape_sequences_from_input_never_reach_stdout() {
    let dir = scratch("escape");
    let a = write(
        &dir,
        "a.txt",
        b"Plain \x1b]0;pwned\x07 title \x1b[2J here.\n",
    );
    // U+009B is the one-character CSI of C1 controls.
    let b = write(
        &dir,
        "b.txt",
        "Plain \u{1b}[31m red \u{9b}2J text.\n".as_bytes(),
    );
    for format in ["plain", "ansi"] {
        let out = diff_of(
            diverge()
                .args(["diff", "--color", "never", "--format", format])
                .arg(&a)
                .arg(&b),
        );
        let without_own_styles = out
            .replace("\x1b[9m", "")
            .replace("\x1b[4;1m", "")
            .replace("\x1b[0m", "");
        assert!(!without_own_styles.contains('\u{1b}'), "{format}: {out:?}");
        assert!(!without_own_styles.contains('\u{9b}'), "{format}: {out:?}");
        assert!(!without_own_styles.contains('\u{7}'), "{format}: {out:?}");
        assert!(out.contains('\u{241b}'), "{format}: ESC shown as a picture");
    }
}

#[test]
fn check_reports_each_good_file_on_one_line() {
    let dir = scratch("check-ok");
    let story = write(
        &dir,
        "story.json",
        br#"{"title":"T","reports":[{"outlet":"A","body":["x y"]},{"outlet":"B","body":[]}]}"#,
    );
    let out = stdout_of(diverge().arg("check").arg(&story).arg(REUTERS));
    assert_eq!(out.lines().count(), 2);
    assert!(
        out.contains("ok (story \"T\", 2 reports, 1 paragraph)"),
        "{out}"
    );
}

#[test]
fn stats_lists_reports_and_pairs() {
    let dir = scratch("stats");
    let story = write(
        &dir,
        "story.json",
        br#"{"title":"T","reports":[{"outlet":"A","body":["one two three"]},{"outlet":"B","body":["one two four"]}]}"#,
    );
    let out = stdout_of(
        diverge()
            .arg("stats")
            .arg(&story)
            .args(["--format", "json"]),
    );
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["reports"][0]["words"], 3);
    assert_eq!(doc["pairs"][0]["words_added"], 1);
    assert!(stdout_of(diverge().arg("stats").arg(&story)).contains("similarity"));
}

/// The one-line error `diverge check` gives for a story file holding `json`.
fn check_error(test: &str, json: &str) -> String {
    let dir = scratch(test);
    let f = write(&dir, "s.json", json.as_bytes());
    one_line_error(diverge().arg("check").arg(&f))
}

#[test]
fn malformed_json_names_file_line_and_column() {
    let err = check_error("malformed", "{\"title\": \"T\",\n  \"reports\": [ }");
    assert!(err.contains("s.json:2:16: expected value"), "{err}");
}

#[test]
fn wrong_type_says_what_was_expected() {
    let err = check_error(
        "wrong-type",
        r#"{"title": "T", "reports": [{"outlet": "A", "body": "text"}]}"#,
    );
    assert!(
        err.contains("s.json:1:") && err.contains("expected a sequence"),
        "{err}"
    );
}

#[test]
fn missing_field_is_named() {
    let err = check_error("missing", r#"{"reports": []}"#);
    assert!(err.contains("missing field `title`"), "{err}");
}

#[test]
fn unknown_field_is_named() {
    let err = check_error(
        "unknown",
        r#"{"title": "T", "reports": [], "author": "me"}"#,
    );
    assert!(err.contains("unknown field `author`"), "{err}");
}

#[test]
fn duplicate_outlets_are_refused() {
    let err = check_error(
        "dup",
        "{\"title\": \"T\", \"reports\": [\n {\"outlet\": \"Reuters\", \"body\": []},\n {\"outlet\": \"REUTERS\", \"body\": []}]}",
    );
    assert!(
        err.contains("s.json:3:3: duplicate outlet \"REUTERS\""),
        "{err}"
    );
}

#[test]
fn the_same_text_file_twice_is_refused() {
    let dir = scratch("dup-stems");
    let a = write(&dir, "a.txt", b"one");
    let err = one_line_error(diverge().arg(&a).arg(&a));
    assert!(err.contains("duplicate outlet \"a\""), "{err}");
}

#[test]
fn missing_file_is_named() {
    let err = diff_error(diverge().args(["diff", "no/such/file.txt", REUTERS]));
    assert!(err.contains("no/such/file.txt: cannot read"), "{err}");
}

#[test]
fn unreadable_path_is_named() {
    let dir = scratch("unreadable");
    // A directory cannot be read as a file, even by root.
    let err = diff_error(diverge().args(["diff"]).arg(&dir).arg(REUTERS));
    assert!(
        err.contains("unreadable: not read: it is a directory"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_gives_byte_offset_and_position() {
    let dir = scratch("utf8");
    let f = write(&dir, "latin1.txt", b"first line\ncaf\xe9 au lait\n");
    let err = diff_error(diverge().args(["diff"]).arg(&f).arg(REUTERS));
    assert!(
        err.contains("latin1.txt:2:4: invalid UTF-8 at byte offset 14"),
        "{err}"
    );
}

#[test]
fn empty_file_is_refused() {
    let dir = scratch("empty");
    let f = write(&dir, "empty.txt", b"  \n\n");
    let err = diff_error(diverge().args(["diff"]).arg(&f).arg(REUTERS));
    assert!(err.contains("empty.txt: file is empty"), "{err}");
    let j = write(&dir, "empty.json", b"");
    let err = one_line_error(diverge().arg("check").arg(&j));
    assert!(err.contains("empty.json: file is empty"), "{err}");
}

#[test]
fn bad_flag_is_a_usage_error() {
    let out = diverge()
        .args(["diff", REUTERS, STRAITS_TIMES, "--format", "pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_fails_when_any_file_fails() {
    let out = diverge()
        .args(["check", REUTERS, "missing.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

#[test]
fn stats_without_files_describes_the_bundled_story() {
    let out = stdout_of(diverge().args(["stats", "--format", "json"]));
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["reports"].as_array().map(Vec::len), Some(5));
    assert_eq!(doc["pairs"].as_array().map(Vec::len), Some(10));
    let reprint = doc["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["left"] == "Reuters" && p["right"] == "The Straits Times")
        .unwrap();
    assert!(reprint["similarity"].as_f64().unwrap() > 0.8);
}

#[test]
fn a_missing_file_gives_its_reason_once() {
    let err = one_line_error(diverge().arg("check").arg("no-such-file.txt"));
    assert_eq!(err.matches("No such file").count(), 1, "{err}");
    let err = one_line_error(diverge().args(["stats", "missing-a.txt", "missing-b.txt"]));
    assert_eq!(err.matches("No such file").count(), 1, "{err}");
}

#[test]
fn check_reads_a_breakdown_page_as_the_reader_does() {
    let out = stdout_of(diverge().args(["check", "tests/fixtures/breakdown-seed.txt"]));
    assert!(out.contains("ok (page, 5 reports)"), "{out}");
}

#[test]
fn versions_with_the_same_file_name_are_named_by_their_folders() {
    let dir = scratch("same-stem");
    std::fs::create_dir_all(dir.join("v1")).unwrap();
    std::fs::create_dir_all(dir.join("v2")).unwrap();
    let a = write(&dir, "v1/article.txt", b"Lee met Xi on Tuesday.");
    let b = write(&dir, "v2/article.txt", b"Lee met Xi on Wednesday.");
    let out = stdout_of(diverge().arg("stats").arg(&a).arg(&b));
    assert!(
        out.contains("v1/article") && out.contains("v2/article"),
        "{out}"
    );
}

#[test]
fn a_story_file_with_other_files_is_refused_in_one_line() {
    let dir = scratch("json-and-text");
    let story = write(
        &dir,
        "story.json",
        br#"{"title":"T","reports":[{"outlet":"A","body":["x"]},{"outlet":"B","body":["y"]}]}"#,
    );
    let err = one_line_error(diverge().arg("stats").arg(&story).arg(REUTERS));
    assert!(
        err.contains("story.json: a story file opens on its own"),
        "{err}"
    );
}

#[test]
fn a_page_opened_directly_says_how_to_name_its_unnamed_reports() {
    let out = diverge()
        .args(["stats", "tests/fixtures/breakdown-seed.txt"])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert!(err.contains("no outlet cue, named \"Report"), "{err}");
    assert!(
        err.contains("diverge import tests/fixtures/breakdown-seed.txt writes a story JSON"),
        "{err}"
    );
    assert!(!err.contains("edit the JSON"), "{err}");
}
