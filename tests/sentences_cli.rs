//! `diverge diff STORY --left OUTLET --right OUTLET`: two reports of one story, with the
//! sentences both tell in other places or other words listed as `matches`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code may panic

#[allow(dead_code)] // this file uses some of the shared helpers
mod common;

use common::{diverge, stderr_of};
use serde_json::Value;

const STORY: &str = "assets/lee-xi-call-2025-06-10.json";

fn body(outlet: &str) -> Vec<String> {
    let story: Value = serde_json::from_str(&std::fs::read_to_string(STORY).unwrap()).unwrap();
    let report = story["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["outlet"] == outlet)
        .unwrap();
    serde_json::from_value(report["body"].clone()).unwrap()
}

fn json(args: &[&str]) -> Value {
    let output = diverge().args(args).output().unwrap();
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr_of(&output)))
}

/// The text a `matches` place points at.
fn place<'a>(body: &'a [String], place: &Value) -> &'a str {
    let p = place["paragraph"].as_u64().unwrap() as usize;
    let (s, e) = (
        place["start"].as_u64().unwrap() as usize,
        place["end"].as_u64().unwrap() as usize,
    );
    &body[p][s..e]
}

#[test]
fn reports_are_chosen_by_name_in_any_case_or_by_number() {
    let by_name = json(&[
        "diff",
        STORY,
        "--left",
        "reuters",
        "--right",
        "THE KOREA HERALD",
        "--format",
        "json",
    ]);
    let by_number = json(&[
        "diff", STORY, "--left", "2", "--right", "4", "--format", "json",
    ]);
    assert_eq!(by_name["left"]["name"], "Reuters");
    assert_eq!(by_name["right"]["name"], "The Korea Herald");
    assert_eq!(by_name, by_number);
}

#[test]
fn matches_point_at_sentences_told_by_both_in_other_words() {
    let d = json(&[
        "diff",
        STORY,
        "--left",
        "Reuters",
        "--right",
        "The Korea Herald",
        "--format",
        "json",
    ]);
    let (reuters, herald) = (body("Reuters"), body("The Korea Herald"));
    let matches = d["matches"].as_array().unwrap();
    let pairs: Vec<(&str, &str)> = matches
        .iter()
        .map(|m| (place(&reuters, &m["left"]), place(&herald, &m["right"])))
        .collect();
    assert!(
        pairs
            .iter()
            .any(|(l, r)| l.contains("President Xi in response said")
                && r.contains("In response, President Xi stated")),
        "{pairs:#?}"
    );
    for m in matches {
        let score = m["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
    }
    // Told by both: more than the 2% of words the two have in common, less than all.
    for side in ["left", "right"] {
        let shared = d[side]["shared"].as_f64().unwrap();
        assert!(shared > 0.05 && shared < 1.0, "{side}: {shared}");
    }
    assert!(d["similarity"].as_f64().unwrap() < 0.05);
}

#[test]
fn plain_output_lists_matched_sentences_with_their_word_diff() {
    let output = diverge()
        .args([
            "diff",
            STORY,
            "--left",
            "reuters",
            "--right",
            "the korea herald",
            "--format",
            "plain",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let section = text
        .split("=== told by both, in other places or other words")
        .nth(1)
        .unwrap_or_else(|| panic!("no matches section:\n{text}"));
    assert!(
        section.contains("{+In response, +}President Xi"),
        "{section}"
    );
}

#[test]
fn a_reprint_adds_no_matches_beyond_its_paired_paragraphs() {
    let d = json(&[
        "diff",
        STORY,
        "--left",
        "Reuters",
        "--right",
        "The Straits Times",
        "--format",
        "json",
    ]);
    assert_eq!(
        d["matches"].as_array().unwrap().len(),
        0,
        "{}",
        d["matches"]
    );
    // All but the photo caption and the credit line only Reuters prints.
    assert!(
        d["left"]["shared"].as_f64().unwrap() > 0.75,
        "{}",
        d["left"]
    );
}

#[test]
fn a_story_needs_both_outlets_and_unknown_ones_are_named() {
    let output = diverge()
        .args(["diff", STORY, "--left", "Reuters"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        stderr_of(&output).contains("--left OUTLET --right OUTLET"),
        "{}",
        stderr_of(&output)
    );
    let output = diverge()
        .args(["diff", STORY, "--left", "Reuters", "--right", "Le Monde"])
        .output()
        .unwrap();
    let err = stderr_of(&output);
    assert!(!output.status.success());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("no outlet \"Le Monde\"") && err.contains("\"The Korea Herald\""),
        "{err}"
    );
    let output = diverge()
        .args(["diff", STORY, "--left", "9", "--right", "1"])
        .output()
        .unwrap();
    assert!(stderr_of(&output).contains("no report 9: the story has 5"));
}
