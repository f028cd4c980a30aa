//! `diverge import`, and the bundled story, through the real binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code may panic

mod common;

use std::path::PathBuf;

use common::{diverge, scratch, stderr_of, write};
use diverge::story::Story;

const SEED: &str = "tests/fixtures/breakdown-seed.txt";
const BUNDLED: &str = "assets/lee-xi-call-2025-06-10.json";

/// A page file named `name`, in a scratch directory of its own, with `text` in it.
fn page(name: &str, text: &str) -> PathBuf {
    write(&scratch(name), name, text.as_bytes())
}

/// `diverge check FILE`'s stdout, which must succeed.
fn check(path: &std::path::Path) -> String {
    let output = diverge().arg("check").arg(path).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn import_prints_the_seed_story_and_one_line_per_guess() {
    let output = diverge().args(["import", SEED]).output().unwrap();
    assert!(output.status.success());
    let story: Story = serde_json::from_slice(&output.stdout).unwrap();
    let counts: Vec<usize> = story.reports.iter().map(|r| r.body.len()).collect();
    assert_eq!(counts, [15, 11, 11, 21, 13]);
    let stderr = stderr_of(&output);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 7, "{stderr}");
    assert!(
        lines.iter().all(|l| l.starts_with("diverge: report ")),
        "{stderr}"
    );
    assert!(lines[1].starts_with(
        "diverge: report 2 \"South Korean President Lee, Xi pledge…\": outlet guessed as Reuters"
    ));
}

#[test]
fn import_writes_the_output_file_that_check_accepts() {
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("seed-import.json");
    diverge()
        .args(["import", SEED, "--keep-furniture", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    assert!(check(&out).contains("5 reports, 74 paragraphs"));
}

#[test]
fn a_page_without_reports_fails_with_one_line() {
    let page = page(
        "no-reports.txt",
        "A title\nOne paragraph of prose. Nothing more.\n",
    );
    let output = diverge().arg("import").arg(&page).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no-reports.txt:2:1: no reports found: a report is a headline line"));
}

#[test]
fn a_page_with_only_a_title_fails() {
    let page = page(
        "title-only.txt",
        "South Korean President Lee, Xi pledge closer ties\n",
    );
    let output = diverge().arg("import").arg(&page).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).contains("title-only.txt:1:1: only a title line, no reports"));
}

#[test]
fn opening_a_page_with_one_report_suggests_two_text_files() {
    let text = std::fs::read_to_string(SEED).unwrap();
    let one_report: Vec<&str> = text.lines().take(21).collect();
    let page = page("one-report.txt", &one_report.join("\n"));
    let output = diverge().arg(&page).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("found 1 report in this breakdown page"),
        "{stderr}"
    );
    assert!(stderr.contains("diverge a.txt b.txt"), "{stderr}");
}

#[test]
fn opening_a_text_without_reports_explains_and_suggests_two_files() {
    let page = page(
        "plain.txt",
        "One version of a story. It has no headlines.\nSecond paragraph.\n",
    );
    let output = diverge().arg(&page).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("plain.txt: found no reports (a report is a headline line"),
        "{stderr}"
    );
    assert!(
        stderr.contains("give two files: diverge a.txt b.txt"),
        "{stderr}"
    );
}

#[test]
fn the_bundled_story_passes_check() {
    assert!(check(BUNDLED.as_ref()).contains("5 reports, 71 paragraphs"));
}
