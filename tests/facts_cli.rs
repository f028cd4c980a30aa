//! `diverge facts`: the ledger as scripts and readers use it, on the bundled story.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code may panic

#[allow(dead_code)] // this file uses some of the shared helpers
mod common;

use common::{diverge, scratch, write};

fn run(args: &[&str]) -> String {
    let out = diverge().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The done-when: the reworded spokesperson quote, the day of the call, and the
/// paragraph only The Straits Times has.
#[test]
fn the_table_flags_the_reworded_quote_the_day_and_the_straits_times_only_quote() {
    let out = run(&["facts"]);
    let blocks: Vec<&str> = out.split("\n\n").collect();
    let block = |needle: &str| {
        blocks
            .iter()
            .find(|b| b.contains(needle))
            .unwrap_or_else(|| panic!("no row with {needle}:\n{out}"))
    };
    let quote = block("Lee asked China to play a constructive role");
    assert!(quote.starts_with("told differently  quote"), "{quote}");
    assert!(
        quote.contains("Reuters \u{b6}4") && quote.contains("The Korea Herald \u{b6}9"),
        "{quote}"
    );
    let day = block("Tuesday \u{2260} June 10");
    assert!(day.starts_with("told differently  date"), "{day}");
    assert!(
        day.contains("Reuters \u{b6}2") && day.contains("The Straits Times \u{b6}1"),
        "{day}"
    );
    let urged = block("friendly neighbours");
    assert!(urged.starts_with("one outlet only   quote"), "{urged}");
    assert!(urged.contains("The Straits Times \u{b6}9"), "{urged}");
    // Disagreements first.
    assert!(blocks[1].starts_with("told differently"), "{out}");
}

#[test]
fn json_rows_carry_flag_kind_outlets_and_entries() {
    let out = run(&["facts", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = doc["rows"].as_array().unwrap();
    assert_eq!(
        doc["counts"]["differently"],
        rows.iter().filter(|r| r["flag"] == "differently").count()
    );
    let day = rows
        .iter()
        .find(|r| r["flag"] == "differently" && r["kind"] == "date")
        .unwrap();
    assert_eq!(
        day["outlets"],
        serde_json::json!(["Reuters", "The Straits Times"])
    );
    let e = &day["entries"][0];
    assert_eq!(e["outlet"], "Reuters");
    assert_eq!(e["text"], "Tuesday");
    assert_eq!(e["key"], "tuesday");
    assert_eq!(e["paragraph"], 1);
    let story: serde_json::Value =
        serde_json::from_str(include_str!("../assets/lee-xi-call-2025-06-10.json")).unwrap();
    let para = story["reports"][1]["body"][1].as_str().unwrap();
    let (start, end) = (
        e["start"].as_u64().unwrap() as usize,
        e["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&para[start..end], "Tuesday");
}

#[test]
fn text_versions_work_and_control_characters_are_shown_not_sent() {
    let dir = scratch("facts-versions");
    let a = write(
        &dir,
        "a.txt",
        "\u{201C}We will \u{1b}[31mwin,\u{201D} Kim said on Monday.".as_bytes(),
    );
    let b = write(
        &dir,
        "b.txt",
        b"Kim spoke on Friday about 15 days of talks.",
    );
    let out = run(&["facts", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(!out.contains('\u{1b}'), "{out}");
    assert!(out.contains("\u{241b}[31m"), "{out}");
    assert!(out.contains("15 days"), "{out}");
}

/// Entries of kind `kind` in the JSON ledger of `files`, as (outlet, text), sorted.
fn entries_of(files: &[&str], kind: &str) -> Vec<(String, String)> {
    let mut args = vec!["facts", "--format", "json"];
    args.extend(files);
    let doc: serde_json::Value = serde_json::from_str(&run(&args)).unwrap();
    let mut out: Vec<(String, String)> = doc["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == kind && r["flag"] != "differently")
        .flat_map(|r| r["entries"].as_array().unwrap().clone())
        .map(|e| {
            (
                e["outlet"].as_str().unwrap().to_string(),
                e["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

const FLOOD: [&str; 2] = [
    "tests/fixtures/facts/flood-agency.txt",
    "tests/fixtures/facts/flood-local.txt",
];

/// A story the extractors were not tuned on: every name, date and number found is one a
/// reader would list, and none is a capital that only opens a sentence, a dateline word
/// or the modal "May".
#[test]
fn on_a_story_not_tuned_on_the_extractors_find_no_junk() {
    assert_eq!(
        entries_of(&FLOOD, "name"),
        pairs(&[
            ("flood-agency", "Ana Ruiz"),
            ("flood-agency", "Paiporta"),
            ("flood-agency", "Pedro Sanchez"),
            ("flood-agency", "Sanchez"),
            ("flood-agency", "Spain"),
            ("flood-agency", "UME"),
            ("flood-local", "Ana Ruiz"),
            ("flood-local", "Military Emergencies Unit"),
            ("flood-local", "Paiporta"),
            ("flood-local", "Pedro Sanchez"),
            ("flood-local", "Spain"),
            ("flood-local", "UME"),
            ("flood-local", "Valencia"),
        ])
    );
    assert_eq!(
        entries_of(&FLOOD, "date"),
        pairs(&[
            ("flood-agency", "Oct 30"),
            ("flood-agency", "Wednesday"),
            ("flood-local", "Thursday"),
            ("flood-local", "Tuesday"),
        ])
    );
    assert_eq!(
        entries_of(&FLOOD, "number"),
        pairs(&[
            ("flood-agency", "1 p.m."),
            ("flood-agency", "1,000 troops"),
            ("flood-agency", "51 people"),
            ("flood-local", "62 people"),
        ])
    );
    // Straight single quotes (closed) and double quotes line up as one quote.
    let quotes = entries_of(&FLOOD, "quote");
    assert!(
        quotes.contains(&(
            "flood-local".into(),
            "The water came up to my chest in two minutes.".into()
        )),
        "{quotes:?}"
    );
}

#[test]
fn on_a_second_story_percent_forms_and_units_line_up() {
    let files = [
        "tests/fixtures/facts/rates-daily.txt",
        "tests/fixtures/facts/rates-wire.txt",
    ];
    let out = run(&["facts", files[0], files[1]]);
    for alike in [
        "25 basis points",
        "2.5%",
        "0.9 per cent",
        "Christine Lagarde",
    ] {
        let block = out
            .split("\n\n")
            .find(|b| b.lines().next().is_some_and(|l| l.ends_with(alike)))
            .unwrap_or_else(|| panic!("{alike}:\n{out}"));
        assert!(block.starts_with("told alike"), "{block}");
    }
    assert!(!out.contains("number  40\n"), "{out}");
}
