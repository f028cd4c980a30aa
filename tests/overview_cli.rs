//! `diverge stats` gives the overview's figures: who reprints whom, what pairs tell
//! alike, and what each report alone tells.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code may panic

#[allow(dead_code)] // this file uses some of the shared helpers
mod common;

use common::diverge;
use serde_json::Value;

#[test]
fn the_grid_shows_the_reprint_and_what_independent_reports_tell_alike() {
    let output = diverge()
        .args(["stats", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stats: Value = serde_json::from_slice(&output.stdout).unwrap();
    let outlets: Vec<&str> = stats["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["outlet"].as_str().unwrap())
        .collect();
    let at = |name: &str| outlets.iter().position(|o| *o == name).unwrap();
    let (reuters, straits, herald) = (
        at("Reuters"),
        at("The Straits Times"),
        at("The Korea Herald"),
    );
    let reuse = &stats["grid"]["reuse"];
    let both = &stats["grid"]["told_by_both"];
    // The Straits Times reprints Reuters: most of its words stand in Reuters' runs.
    assert!(reuse[reuters][straits].as_f64().unwrap() >= 0.8, "{reuse}");
    // Reuters and The Korea Herald share 2% of their words but tell the same call.
    assert!(reuse[reuters][herald].as_f64().unwrap() < 0.05);
    assert!(both[reuters][herald].as_f64().unwrap() > 0.0, "{both}");
    assert!(both[herald][reuters].as_f64().unwrap() > 0.0, "{both}");
    // The tourism piece tells nothing any other report tells.
    let tourism = at("Korean daily, tourism desk");
    assert_eq!(stats["reports"][tourism]["original"], 1.0);
    let reprint = stats["reports"][straits]["original"].as_f64().unwrap();
    assert!(reprint < 0.2, "a reprint has little of its own: {reprint}");
}

#[test]
fn the_table_prints_both_grids() {
    let output = diverge().args(["stats"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("reuse: share of the column outlet's words"),
        "{text}"
    );
    assert!(
        text.contains("told by both: share of the column outlet's content"),
        "{text}"
    );
    assert!(text.contains("original"), "{text}");
}
