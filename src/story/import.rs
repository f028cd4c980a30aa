//! Import of a saved "Diverging Reports Breakdown" page: a title line, header lines, then
//! per report a headline line, a summary line and body lines (one line, one paragraph).
//!
//! Reports are found from the page's structure, not its wording: a report starts at a
//! headline-like line (short, no closing punctuation) when the next line is a summary whose
//! sentences reappear, near-verbatim, in the lines after it; or, for a report saved
//! without its summary, when the headline's words reappear in the first lines of the body.

mod cues;
mod furniture;
mod words;

use std::collections::HashSet;
use std::path::Path;

use super::error::ImportError;
use super::text::read_text_file;
use super::{LoadError, Report, Story};
use cues::{Cue, QUOTED_CHARS, find_cues, shorten};
use furniture::furniture_kind;
use words::{coverage, ends_sentence, keys, sentences};

/// Headlines are short; a longer line without closing punctuation is a caption or a credit.
const MAX_HEADLINE_WORDS: usize = 20;
/// A summary sentence "reappears" in a body line holding this share of its content words,
/// which tolerates the retouching summaries get (tense, titles, trimmed clauses).
const SENTENCE_MATCH: f64 = 0.6;
/// Sentences with fewer content words than this match too easily to count.
const MIN_SENTENCE_KEYS: usize = 4;
/// A summary condenses several paragraphs: this many of its sentences must reappear.
const MIN_SUMMARY_MATCHES: usize = 2;
/// Without a summary, a headline must share this share of its content words with the lede.
const LEDE_MATCH: f64 = 0.5;
/// How far after a summary its sentences are looked for: further than any real report
/// runs, and a bound on the work a long text without reports costs.
const MAX_REPORT_LINES: usize = 150;
/// How many lines after a summary-less headline count as its lede.
const LEDE_LINES: usize = 2;

/// What `import_page` may keep that is not reporting.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Keep page furniture ("Sign up here.", trust boilerplate…) in the bodies.
    pub keep_furniture: bool,
}

/// An imported page, with what the importer had to guess so the user can check it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub story: Story,
    /// One line per report: which outlet name was guessed, and from what.
    pub guesses: Vec<String>,
    /// One line per report that had furniture left out of its body.
    pub left_out: Vec<String>,
    /// Indexes of the guesses that found no outlet cue: what to do about them depends on
    /// where the page is read, so the caller says it.
    pub unnamed: Vec<usize>,
}

/// One non-blank line of the page, trimmed, with its 1-based line number.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    number: usize,
    text: &'a str,
}

/// Where a report starts, and whether its second line is a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Start {
    index: usize,
    has_summary: bool,
}

/// Reads and imports a breakdown page file.
pub fn load_page(path: &Path, options: ImportOptions) -> Result<Imported, LoadError> {
    let text = read_text_file(path)?;
    import_page(&text, options).map_err(|reason| LoadError::Import {
        path: path.to_path_buf(),
        line: reason.line(),
        reason,
    })
}

/// A page opened in the reader: it needs two reports to compare. A text without reports
/// is more likely one plain-text version, so the error says how to open versions.
pub fn open_page(path: &Path) -> Result<Imported, LoadError> {
    let too_few = |found| LoadError::TooFewReports {
        path: path.to_path_buf(),
        found,
    };
    let imported = match load_page(path, ImportOptions::default()) {
        Err(LoadError::Import { .. }) => return Err(too_few(0)),
        other => other?,
    };
    match imported.story.reports.len() {
        found @ (0 | 1) => Err(too_few(found)),
        _ => Ok(imported),
    }
}

/// Parses a saved breakdown page into a story. Outlet names come from cues in the text
/// (see `cues`), otherwise "Report N"; every guess is listed in `Imported::guesses`.
pub fn import_page(text: &str, options: ImportOptions) -> Result<Imported, ImportError> {
    let lines = page_lines(text);
    let Some((title, rest)) = lines.split_first() else {
        return Err(ImportError::NoReports { line: 1 });
    };
    let starts = find_starts(&lines);
    if starts.is_empty() {
        return Err(match rest.first() {
            None => ImportError::TitleOnly { line: title.number },
            Some(first) => ImportError::NoReports { line: first.number },
        });
    }
    let mut drafts: Vec<Draft> = starts
        .iter()
        .enumerate()
        .map(|(n, start)| {
            let end = starts.get(n + 1).map_or(lines.len(), |next| next.index);
            Draft::new(
                lines.get(start.index..end).unwrap_or_default(),
                start.has_summary,
            )
        })
        .collect();
    let (guesses, unnamed) = name_reports(&mut drafts);
    let left_out = drafts
        .iter()
        .enumerate()
        .filter_map(|(n, d)| d.left_out_message(n, options))
        .collect();
    let reports = drafts.into_iter().map(|d| d.into_report(options)).collect();
    let story = Story {
        title: title.text.to_string(),
        date: None,
        summary: None,
        source: None,
        reports,
    };
    Ok(Imported {
        story,
        guesses,
        left_out,
        unnamed,
    })
}

/// Non-blank lines, trimmed; a byte-order mark and CR of CRLF endings go too.
fn page_lines(text: &str) -> Vec<Line<'_>> {
    text.trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .map(|(i, line)| Line {
            number: i + 1,
            text: line.trim(),
        })
        .filter(|line| !line.text.is_empty())
        .collect()
}

/// Report starts, in page order. Line 0 is the page title, never a report.
///
/// Lines are tried from the last to the first so that each candidate's summary is looked
/// for only up to the next report's start: a reprint in a later report must not vouch for
/// a line inside an earlier body.
fn find_starts(lines: &[Line]) -> Vec<Start> {
    let page = Page {
        texts: lines.iter().map(|l| l.text).collect(),
        keys: lines.iter().map(|l| keys(l.text)).collect(),
    };
    let mut next_start = lines.len();
    let mut starts = Vec::new();
    for i in (1..lines.len()).rev() {
        if let Some(start) = page.start_at(i, next_start) {
            starts.push(start);
            next_start = i;
        }
    }
    starts.reverse();
    starts
}

/// The page's lines with their content-word keys, computed once.
struct Page<'a> {
    texts: Vec<&'a str>,
    keys: Vec<HashSet<String>>,
}

impl Page<'_> {
    /// Whether a report starts at line `i`, given that the next one starts at `end`.
    fn start_at(&self, i: usize, end: usize) -> Option<Start> {
        let headline = self.texts.get(i)?;
        let next = self.texts.get(i + 1)?;
        // A body may open with a photo caption rather than prose.
        let next_is_body =
            (ends_sentence(next) || is_caption(next)) && furniture_kind(next).is_none();
        if !is_headline_like(headline) || !next_is_body {
            return None;
        }
        let reach = end.min(i + 2 + MAX_REPORT_LINES);
        let after = self.keys.get(i + 2..reach).unwrap_or_default();
        let has_summary = summary_reappears(next, after);
        let lede = self
            .keys
            .get(i + 1..end.min(i + 1 + LEDE_LINES))
            .unwrap_or_default();
        let in_lede = || self.keys.get(i).is_some_and(|h| headline_in_lede(h, lede));
        (has_summary || in_lede()).then_some(Start {
            index: i,
            has_summary,
        })
    }
}

/// Short, without closing punctuation, and neither furniture nor a photo caption.
fn is_headline_like(line: &str) -> bool {
    line.split_whitespace().count() <= MAX_HEADLINE_WORDS
        && !ends_sentence(line)
        && furniture_kind(line).is_none()
        && !is_caption(line)
}

/// Captions are the other short unpunctuated lines inside bodies: a gallery counter
/// ("Item 1 of 2 …") or a closing picture credit ("… (Republic of Korea Government)").
fn is_caption(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let gallery_counter = matches!(
        (words.next(), words.next(), words.next(), words.next()),
        (Some("Item"), Some(n), Some("of"), Some(m))
            if n.parse::<u32>().is_ok() && m.parse::<u32>().is_ok()
    );
    gallery_counter || line.ends_with(')')
}

/// Whether enough sentences of `summary` reappear in the `body` lines after it, and in more
/// than one line:
/// a summary condenses a report, while two sentences found in one paragraph are more
/// likely a paragraph repeated within a body.
fn summary_reappears(summary: &str, body: &[HashSet<String>]) -> bool {
    if !ends_sentence(summary) {
        return false;
    }
    let candidates: Vec<HashSet<String>> = sentences(summary)
        .into_iter()
        .map(keys)
        .filter(|k| k.len() >= MIN_SENTENCE_KEYS)
        .collect();
    let mut matched = 0;
    let mut lines_used = HashSet::new();
    for sentence in &candidates {
        let found: Vec<usize> = body
            .iter()
            .enumerate()
            .filter(|(_, line)| coverage(sentence, line) >= SENTENCE_MATCH)
            .map(|(j, _)| j)
            .collect();
        if !found.is_empty() {
            matched += 1;
            lines_used.extend(found);
        }
    }
    matched >= MIN_SUMMARY_MATCHES && matched * 2 >= candidates.len() && lines_used.len() >= 2
}

/// Whether a summary-less headline's words open the body that follows it.
fn headline_in_lede(headline: &HashSet<String>, lede: &[HashSet<String>]) -> bool {
    let lede_keys: HashSet<String> = lede.iter().flatten().cloned().collect();
    headline.len() >= 2 && coverage(headline, &lede_keys) >= LEDE_MATCH
}

/// One report's lines before it becomes a `Report`.
struct Draft<'a> {
    headline: &'a str,
    summary: Option<&'a str>,
    body: Vec<&'a str>,
    outlet: String,
}

impl<'a> Draft<'a> {
    fn new(lines: &[Line<'a>], has_summary: bool) -> Self {
        let mut texts = lines.iter().map(|l| l.text);
        let headline = texts.next().unwrap_or_default();
        let summary = if has_summary { texts.next() } else { None };
        Draft {
            headline,
            summary,
            body: texts.collect(),
            outlet: String::new(),
        }
    }

    /// `report 2 "South Korean President Lee, Xi…"`, as messages name a report.
    fn label(&self, index: usize) -> String {
        format!(
            "report {} \"{}\"",
            index + 1,
            shorten(self.headline, QUOTED_CHARS)
        )
    }

    fn left_out_message(&self, index: usize, options: ImportOptions) -> Option<String> {
        if options.keep_furniture {
            return None;
        }
        let dropped: Vec<String> = self
            .body
            .iter()
            .filter_map(|l| {
                furniture_kind(l).map(|kind| format!("\"{}\" ({kind})", shorten(l, QUOTED_CHARS)))
            })
            .collect();
        (!dropped.is_empty()).then(|| {
            format!(
                "{}: left out page furniture {}; --keep-furniture keeps it",
                self.label(index),
                dropped.join(", ")
            )
        })
    }

    fn into_report(self, options: ImportOptions) -> Report {
        let body = self
            .body
            .into_iter()
            .filter(|l| options.keep_furniture || furniture_kind(l).is_none())
            .map(str::to_string)
            .collect();
        let mut report = Report::new(self.outlet, body);
        report.headline = Some(self.headline.to_string());
        report.summary = self.summary.map(str::to_string);
        report
    }
}

/// Names every report from its cues (found before furniture is stripped, since a site's
/// footer is the best cue), makes the names unique, and says what was guessed; also
/// returns which reports had no cue.
fn name_reports(drafts: &mut [Draft]) -> (Vec<String>, Vec<usize>) {
    let mut taken = HashSet::new();
    let mut guesses = Vec::with_capacity(drafts.len());
    let mut unnamed = Vec::new();
    for (index, draft) in drafts.iter_mut().enumerate() {
        let cues = find_cues(draft.body.iter().copied());
        let (wanted, mut guess) = match cues.first() {
            Some(best) => (best.outlet.clone(), describe_guess(&cues)),
            None => {
                let name = format!("Report {}", index + 1);
                unnamed.push(index);
                (name.clone(), format!("no outlet cue, named \"{name}\""))
            }
        };
        let outlet = unique_name(&wanted, &taken);
        if outlet != wanted {
            guess.push_str(&format!(
                "; named \"{outlet}\" as an earlier report has that name"
            ));
        }
        taken.insert(outlet.to_lowercase());
        guesses.push(format!("{}: {guess}", draft.label(index)));
        draft.outlet = outlet;
    }
    (guesses, unnamed)
}

/// "outlet guessed as X from its footer … and its dateline …; it also credits Y (…)".
fn describe_guess(cues: &[Cue]) -> String {
    let mut by_outlet: Vec<(&str, Vec<String>)> = Vec::new();
    for cue in cues {
        match by_outlet
            .iter_mut()
            .find(|(outlet, _)| *outlet == cue.outlet)
        {
            Some((_, evidence)) => evidence.push(cue.describe()),
            None => by_outlet.push((&cue.outlet, vec![cue.describe()])),
        }
    }
    let mut groups = by_outlet.into_iter();
    let mut guess = groups
        .next()
        .map_or_else(String::new, |(outlet, evidence)| {
            format!("outlet guessed as {outlet} from {}", evidence.join(" and "))
        });
    for (outlet, evidence) in groups {
        guess.push_str(&format!(
            "; it also credits {outlet} ({}), so it may be that outlet's copy: say so in its note",
            evidence.join(" and ")
        ));
    }
    guess
}

/// `wanted`, or `wanted (2)`, `wanted (3)`… when an earlier report has it (ignoring case).
fn unique_name(wanted: &str, taken: &HashSet<String>) -> String {
    std::iter::once(wanted.to_string())
        .chain((2..).map(|n| format!("{wanted} ({n})")))
        .find(|name| !taken.contains(&name.to_lowercase()))
        .unwrap_or_else(|| wanted.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../tests/fixtures/breakdown-seed.txt");
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
            imported.guesses[5]
                .ends_with("named \"Reuters (2)\" as an earlier report has that name")
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
}
