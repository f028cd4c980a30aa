use super::cues::find_cues;
use super::naming::describe_guess;
use super::*;

const SEED: &str = include_str!("../../../tests/fixtures/breakdown-seed.txt");
const HEADLINES: [&str; 5] = [
    "Seoul’s diplomatic shift expected to fuel China tourism surge",
    "South Korean President Lee, Xi pledge closer economic, security cooperation",
    "South Korean President Lee, China’s Xi pledge closer economic, security cooperation",
    "Lee invites Xi to APEC summit as both vow to forge ‘new ties’",
    "The transactional worldview of South Korea’s new president",
];
const PARAGRAPHS: [usize; 5] = [15, 11, 11, 21, 13];
const CAPTION_REUTERS: &str = "Item 1 of 2 South Korean President Lee Jae-myung";
const CAPTION_AUSTRALIAN: &str = "The inauguration ceremony of Lee Jae-Myung";

/// The seed page cut into its header lines and its five reports' lines.
fn seed_parts() -> (Vec<&'static str>, Vec<Vec<&'static str>>) {
    let lines: Vec<&str> = SEED.lines().collect();
    let mut starts: Vec<usize> = HEADLINES
        .iter()
        .map(|h| lines.iter().rposition(|l| l == h).unwrap())
        .collect();
    starts.push(lines.len());
    let reports = starts
        .windows(2)
        .map(|w| lines[w[0]..w[1]].to_vec())
        .collect();
    (lines[..starts[0]].to_vec(), reports)
}

fn page(header: &[&str], reports: &[Vec<&str>]) -> String {
    let mut lines = header.to_vec();
    lines.extend(reports.iter().flatten());
    lines.join("\n")
}

fn import(text: &str) -> Story {
    import_page(text, ImportOptions::default()).unwrap().story
}

/// (headline, has a summary, body paragraphs) per report.
fn shape(story: &Story) -> Vec<(String, bool, usize)> {
    story
        .reports
        .iter()
        .map(|r| {
            (
                r.headline.clone().unwrap_or_default(),
                r.summary.is_some(),
                r.body.len(),
            )
        })
        .collect()
}

fn seed_shape() -> Vec<(String, bool, usize)> {
    HEADLINES
        .iter()
        .zip(PARAGRAPHS)
        .map(|(h, n)| (h.to_string(), true, n))
        .collect()
}

fn position(body: &[String], prefix: &str) -> Option<usize> {
    body.iter().position(|p| p.starts_with(prefix))
}

#[test]
fn seed_gives_five_reports_with_their_paragraphs() {
    let imported = import_page(SEED, ImportOptions::default()).unwrap();
    let story = &imported.story;
    assert_eq!(story.title, HEADLINES[1]);
    assert_eq!(shape(story), seed_shape());
    let outlets: Vec<&str> = story.reports.iter().map(|r| r.outlet.as_str()).collect();
    assert_eq!(
        outlets,
        [
            "Report 1",
            "Reuters",
            "The Straits Times",
            "Report 4",
            "Report 5"
        ]
    );
    assert_eq!(imported.guesses.len(), 5);
    assert!(imported.guesses[0].contains("no outlet cue, named \"Report 1\""));
    assert_eq!(imported.unnamed, [0, 3, 4]);
    assert!(imported.guesses[1].contains("outlet guessed as Reuters from"));
    assert!(imported.guesses[1].contains("its dateline \"(Reuters)\""));
    assert!(imported.guesses[2].contains("footer \"Join ST’s Telegram channel"));
    assert!(imported.guesses[2].contains("it also credits Reuters (its sign-off \"REUTERS\")"));
}

#[test]
fn captions_and_pull_quotes_stay_in_their_body() {
    let story = import(SEED);
    assert_eq!(position(&story.reports[1].body, CAPTION_REUTERS), Some(0));
    let australian = &story.reports[4].body;
    assert!(position(australian, CAPTION_AUSTRALIAN).is_some());
    assert!(
        australian
            .iter()
            .any(|p| p == "Australia should take notice.")
    );
}

#[test]
fn furniture_is_left_out_unless_kept() {
    let imported = import_page(SEED, ImportOptions::default()).unwrap();
    let all: Vec<&String> = imported
        .story
        .reports
        .iter()
        .flat_map(|r| &r.body)
        .collect();
    assert!(
        !all.iter()
            .any(|p| p.starts_with("Sign up") || p.starts_with("Our Standards"))
    );
    assert!(!all.iter().any(|p| p.starts_with("Join ST")));
    assert_eq!(imported.left_out.len(), 2);
    let kept = import_page(
        SEED,
        ImportOptions {
            keep_furniture: true,
        },
    )
    .unwrap();
    let counts: Vec<usize> = kept.story.reports.iter().map(|r| r.body.len()).collect();
    assert_eq!(counts, [15, 13, 12, 21, 13]);
    assert_eq!(kept.story.reports[1].body[3], "Sign up here.");
    assert!(kept.left_out.is_empty());
    // The outlet cue in the ST footer is used whether or not the footer is kept.
    assert_eq!(kept.story.reports[2].outlet, "The Straits Times");
}

#[test]
fn reports_in_another_order_split_the_same() {
    let (header, mut reports) = seed_parts();
    reports.reverse();
    let mut expected = seed_shape();
    expected.reverse();
    assert_eq!(shape(&import(&page(&header, &reports))), expected);
}

#[test]
fn crlf_trailing_spaces_and_blank_lines_change_nothing() {
    let messy: String = SEED.lines().map(|l| format!("{l}  \r\n\r\n")).collect();
    assert_eq!(import(&messy), import(SEED));
}

#[test]
fn a_report_without_its_summary_line_still_splits() {
    for missing in 0..HEADLINES.len() {
        let (header, mut reports) = seed_parts();
        reports[missing].remove(1);
        let mut expected = seed_shape();
        expected[missing].1 = false;
        assert_eq!(
            shape(&import(&page(&header, &reports))),
            expected,
            "report {missing}"
        );
    }
}

#[test]
fn a_caption_moved_to_another_report_stays_in_that_body() {
    let (header, mut reports) = seed_parts();
    let reuters_caption = reports[1].remove(2);
    reports[3].insert(2, reuters_caption);
    let australian_caption = reports[4].remove(10);
    reports[0].insert(8, australian_caption);
    let story = import(&page(&header, &reports));
    let counts: Vec<usize> = story.reports.iter().map(|r| r.body.len()).collect();
    assert_eq!(counts, [16, 10, 11, 22, 12]);
    assert_eq!(position(&story.reports[3].body, CAPTION_REUTERS), Some(0));
    assert_eq!(
        position(&story.reports[0].body, CAPTION_AUSTRALIAN),
        Some(6)
    );
}

#[test]
fn a_repeated_paragraph_after_a_short_line_is_not_a_summary() {
    let (header, mut reports) = seed_parts();
    let repeated = reports[4]
        .iter()
        .position(|l| l.starts_with("Lee has expressed"))
        .unwrap();
    reports[4].insert(repeated, "Lee Jae-myung at his inauguration in Seoul");
    let mut expected = seed_shape();
    expected[4].2 += 1;
    assert_eq!(shape(&import(&page(&header, &reports))), expected);
}

#[test]
fn a_sixth_report_is_found_and_named_from_its_dateline() {
    let (header, mut reports) = seed_parts();
    reports.push(vec![
        "Lee and Xi speak by phone for the first time",
        "South Korea’s new president spoke with China’s leader by phone on Tuesday. The two \
         agreed to expand exchanges in trade and culture.",
        "SEOUL, South Korea (AP) — South Korea’s new president spoke with China’s leader by \
         phone on Tuesday, his office said.",
        "The two agreed to expand exchanges in trade, culture and tourism, a spokesperson said.",
        "Lee took office last week after a snap election.",
    ]);
    let imported = import_page(&page(&header, &reports), ImportOptions::default()).unwrap();
    let mut expected = seed_shape();
    expected.push((
        "Lee and Xi speak by phone for the first time".to_string(),
        true,
        3,
    ));
    assert_eq!(shape(&imported.story), expected);
    assert_eq!(imported.story.reports[5].outlet, "AP");
    assert!(imported.guesses[5].contains("outlet guessed as AP from its dateline \"(AP)\""));
}

#[test]
fn a_reprint_names_its_publisher_and_credits_the_agency_once() {
    let cues = find_cues([
        "SEOUL, June 10 (Reuters) – Lee and Xi spoke.",
        "More from the call. REUTERS",
        "Join ST’s Telegram channel and get the latest breaking news delivered to you.",
    ]);
    assert_eq!(
        describe_guess(&cues),
        "outlet guessed as The Straits Times from its footer \"Join ST’s Telegram channel and \
         get the…\"; it also credits Reuters (its dateline \"(Reuters)\" and its sign-off \
         \"REUTERS\"), so it may be that outlet's copy: say so in its note"
    );
}

#[test]
fn duplicate_outlet_guesses_are_made_unique() {
    let (header, mut reports) = seed_parts();
    let reuters_again = reports[1].clone();
    reports.push(reuters_again);
    let imported = import_page(&page(&header, &reports), ImportOptions::default()).unwrap();
    assert_eq!(imported.story.reports.len(), 6);
    assert_eq!(imported.story.reports[5].outlet, "Reuters (2)");
    assert!(
        imported.guesses[5].ends_with("named \"Reuters (2)\" as an earlier report has that name")
    );
    assert_eq!(imported.story.duplicate_outlet(), None);
}

#[test]
fn a_page_without_reports_is_an_error_at_its_first_line() {
    let none = import_page(
        "A title\nJust one paragraph. Nothing else.\n",
        ImportOptions::default(),
    );
    assert_eq!(none, Err(ImportError::NoReports { line: 2 }));
    let title_only = import_page("\n  Only a title  \n\n", ImportOptions::default());
    assert_eq!(title_only, Err(ImportError::TitleOnly { line: 2 }));
    assert_eq!(
        import_page("", ImportOptions::default()),
        Err(ImportError::NoReports { line: 1 })
    );
    let message = ImportError::NoReports { line: 1 }.to_string();
    assert!(message.starts_with("no reports found: a report is a headline line followed by"));
}

/// A page of the given reports, each its headline, optional summary and body lines.
fn small_page(reports: &[(&str, Option<&str>, &[&str])]) -> String {
    let mut lines = vec!["Storm hits the coast", "Diverging Reports Breakdown"];
    for (headline, summary, body) in reports {
        lines.push(headline);
        lines.extend(summary);
        lines.extend(body.iter());
    }
    lines.join("\n")
}

const STORM_HEADLINE: &str = "Storm batters the southern coast overnight";
const STORM_SUMMARY: &str = "The storm brought down power lines across the south. Thousands \
                             of homes were left without electricity.";
const STORM_BODY: &[&str] = &[
    "A storm battered the southern coast overnight, officials said.",
    "The storm brought down power lines across the south, the utility said.",
    "Thousands of homes were left without electricity on Tuesday morning.",
];

#[test]
fn a_headline_of_one_content_word_is_found_by_all_its_words() {
    let body: &[&str] = &[
        "It was that storm which forecasters had warned of for a week, residents said.",
        "Schools stayed shut and trains ran on reduced timetables.",
    ];
    let text = small_page(&[
        (STORM_HEADLINE, Some(STORM_SUMMARY), STORM_BODY),
        ("It was that storm which", None, body),
    ]);
    assert_eq!(
        shape(&import(&text)),
        [
            (STORM_HEADLINE.to_string(), true, 3),
            ("It was that storm which".to_string(), false, 2)
        ]
    );
}

#[test]
fn a_sentence_in_brackets_opening_a_body_is_its_lede_not_a_caption() {
    let headline = "Residents count the cost of the storm";
    let body: &[&str] = &[
        "(Residents of the coast counted the cost of the storm on Wednesday.)",
        "Insurers said claims would run into millions.",
        "Clean-up crews worked through the night.",
    ];
    let text = small_page(&[
        (STORM_HEADLINE, Some(STORM_SUMMARY), STORM_BODY),
        (headline, None, body),
    ]);
    assert_eq!(
        shape(&import(&text)),
        [
            (STORM_HEADLINE.to_string(), true, 3),
            (headline.to_string(), false, 3)
        ]
    );
}

const EVACUATION_HEADLINE: &str = "Evacuations ordered as storm nears";
const EVACUATION_SUMMARY: &str = "Officials ordered the evacuation of low-lying districts on \
                                  Monday, and the airport closed all runways until further \
                                  notice.";
const EVACUATION_BODY: &[&str] = &[
    "Evacuations were ordered along the coast as the storm neared.",
    "Officials ordered the evacuation of low-lying districts on Monday.",
    "Buses took residents to shelters inland.",
    "The airport closed all runways until further notice, a spokesman said.",
];

#[test]
fn a_summary_joining_two_body_passages_at_a_comma_is_a_summary() {
    let text = small_page(&[
        (STORM_HEADLINE, Some(STORM_SUMMARY), STORM_BODY),
        (
            EVACUATION_HEADLINE,
            Some(EVACUATION_SUMMARY),
            EVACUATION_BODY,
        ),
    ]);
    assert_eq!(
        shape(&import(&text)),
        [
            (STORM_HEADLINE.to_string(), true, 3),
            (EVACUATION_HEADLINE.to_string(), true, 4)
        ]
    );
}

#[test]
fn a_joined_summary_sentence_is_found_in_its_own_report_though_a_later_one_echoes_it() {
    let later: &[&str] = &[
        "Officials who ordered the evacuation of low-lying districts on Monday said the \
         closed airport may reopen soon.",
        "Flights would resume once the runways were cleared.",
    ];
    let text = small_page(&[
        (STORM_HEADLINE, Some(STORM_SUMMARY), STORM_BODY),
        (
            EVACUATION_HEADLINE,
            Some(EVACUATION_SUMMARY),
            EVACUATION_BODY,
        ),
        ("Airport may reopen soon", None, later),
    ]);
    assert_eq!(
        shape(&import(&text)),
        [
            (STORM_HEADLINE.to_string(), true, 3),
            (EVACUATION_HEADLINE.to_string(), true, 4),
            ("Airport may reopen soon".to_string(), false, 2)
        ]
    );
}
