use super::*;
use crate::story::{Report, Story, bundled};

fn story(reports: &[(&str, &[&str])]) -> Story {
    Story {
        title: "test".into(),
        date: None,
        summary: None,
        source: None,
        reports: reports
            .iter()
            .map(|(outlet, body)| {
                Report::new(*outlet, body.iter().map(|p| p.to_string()).collect())
            })
            .collect(),
    }
}

fn find<'a>(ledger: &'a Ledger, kind: Kind, text: &str) -> Option<&'a Row> {
    ledger
        .rows
        .iter()
        .find(|r| r.kind == kind && r.entries.iter().any(|e| e.text.contains(text)))
}

const WIRE: &[&str] = &[
    "SEOUL \u{2013} South Korean President Lee Jae-myung spoke with Chinese President Xi Jinping on Tuesday, his office said.",
    "\u{201C}We agreed to meet soon,\u{201D} Mr Lee told reporters after the 30-minute call.",
];
const REPRINT: &[&str] = &[
    "SEOUL \u{2013} South Korean President Lee Jae-myung spoke with Chinese President Xi Jinping on June 10, his office said.",
    "\u{201C}We agreed to meet soon,\u{201D} Lee told reporters after the 30-minute call.",
    "Mr Xi urged the two countries to be \u{201C}friendly neighbours\u{201D}.",
];
const OWN_WORDS: &[&str] = &[
    "The leaders of Korea and China held their first call, lasting 30 minutes.",
    "Lee said: \u{201C}We have agreed to meet again soon.\u{201D}",
];

#[test]
fn the_same_fact_lines_up_across_reports_and_is_told_alike() {
    let l = ledger(&story(&[("Wire", WIRE), ("Reprint", REPRINT)]));
    let name = find(&l, Kind::Name, "Xi Jinping").unwrap();
    assert_eq!(name.flag, Flag::Alike);
    assert_eq!(name.reports().len(), 2);
    // "Mr Lee" and "Lee" are the one name Lee Jae-myung, honorific folded.
    let lee = find(&l, Kind::Name, "Lee Jae-myung").unwrap();
    assert!(
        lee.entries.iter().all(|e| e.key == "lee jae-myung"),
        "{lee:?}"
    );
    assert_eq!(lee.entries.len(), 4);
    let minutes = find(&l, Kind::Number, "30-minute").unwrap();
    assert_eq!(minutes.flag, Flag::Alike);
}

#[test]
fn a_date_replaced_in_a_paired_paragraph_is_told_differently() {
    let l = ledger(&story(&[("Wire", WIRE), ("Reprint", REPRINT)]));
    let row = l
        .rows
        .iter()
        .find(|r| r.flag == Flag::Differently && r.kind == Kind::Date)
        .unwrap_or_else(|| panic!("{:#?}", l.rows));
    assert_eq!(row.label(), "Tuesday \u{2260} June 10");
    assert_eq!(
        l.rows.first().map(|r| r.flag),
        Some(Flag::Differently),
        "disagreements come first"
    );
}

#[test]
fn a_quote_only_one_outlet_gives_is_one_outlet_with_its_speaker() {
    let l = ledger(&story(&[("Wire", WIRE), ("Reprint", REPRINT)]));
    let row = find(&l, Kind::Quote, "friendly neighbours").unwrap();
    assert_eq!(row.flag, Flag::OneOutlet);
    assert_eq!(row.entries[0].speaker.as_deref(), Some("Xi"));
}

#[test]
fn a_quote_worded_close_by_another_outlet_is_told_differently() {
    let l = ledger(&story(&[("Wire", WIRE), ("Own words", OWN_WORDS)]));
    let row = find(&l, Kind::Quote, "We agreed to meet soon").unwrap();
    assert_eq!(row.flag, Flag::Differently, "{row:#?}");
    assert_eq!(row.reports().len(), 2);
    // 30-minute and 30 minutes are the same number with the same noun.
    let minutes = find(&l, Kind::Number, "30 minutes").unwrap();
    assert_eq!(minutes.flag, Flag::Alike);
}

#[test]
fn different_quotes_stay_apart() {
    let l = ledger(&story(&[
        (
            "A",
            &["\u{201C}Prices will fall next year,\u{201D} the minister said."],
        ),
        (
            "B",
            &["\u{201C}Our army is ready for anything,\u{201D} the general said."],
        ),
    ]));
    let quotes: Vec<&Row> = l.rows.iter().filter(|r| r.kind == Kind::Quote).collect();
    assert_eq!(quotes.len(), 2);
    assert!(quotes.iter().all(|r| r.flag == Flag::OneOutlet));
}

/// The done-when, on the bundled story.
#[test]
fn the_bundled_ledger_flags_the_reworded_quote_the_day_and_the_straits_times_paragraph() {
    let story = bundled().unwrap();
    let l = ledger(&story);
    let outlet = |e: &Entry| story.reports[e.report].outlet.as_str();
    let quote = find(
        &l,
        Kind::Quote,
        "Lee asked China to play a constructive role",
    )
    .unwrap();
    assert_eq!(quote.flag, Flag::Differently);
    let outlets: Vec<&str> = quote.entries.iter().map(outlet).collect();
    assert!(outlets.contains(&"Reuters") && outlets.contains(&"The Korea Herald"));
    let day = l
        .rows
        .iter()
        .find(|r| r.flag == Flag::Differently && r.kind == Kind::Date)
        .unwrap();
    let told: Vec<(&str, &str)> = day
        .entries
        .iter()
        .map(|e| (outlet(e), e.text.as_str()))
        .collect();
    assert_eq!(
        told,
        [("Reuters", "Tuesday"), ("The Straits Times", "June 10")]
    );
    let urged = find(&l, Kind::Quote, "friendly neighbours").unwrap();
    assert_eq!(urged.flag, Flag::OneOutlet);
    assert_eq!(outlet(&urged.entries[0]), "The Straits Times");
    assert_eq!(urged.entries[0].paragraph, 8);
}
