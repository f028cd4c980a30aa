//! Fuzzing on stable Rust: proptest-generated inputs into the story JSON loader, the page
//! importer, the engine plus layout at random widths, and key and mouse streams into the
//! reader (on short stories, and on a long one laid out only around the screen),
//! checking that nothing panics and that what comes out holds together.
//!
//! `cargo test --test fuzz` runs a short batch per harness. For a long run, set
//! `DIVERGE_FUZZ_SECS` (each harness runs for that many seconds) or `DIVERGE_FUZZ_CASES`,
//! e.g. `DIVERGE_FUZZ_SECS=720 cargo test --release --test fuzz -- --nocapture` for an hour
//! over the five harnesses; each prints how many inputs it tried.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code may panic

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use diverge::app::{self, Action, App, PairKey};
use diverge::diff::{Comparison, Doc, Options, Told, compare, docs};
use diverge::layout::{self, View};
use diverge::side::Pair;
use diverge::story::{ImportOptions, Report, Story, from_json_str, import_page};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use ratatui::{Terminal, backend::TestBackend};

/// Inputs per harness in a plain `cargo test`.
const DEFAULT_CASES: u32 = 48;

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// Runs `test` on inputs from `strategy`, in batches with fresh random seeds, until the
/// case count or the time budget is spent. A panic or failed check fails the test with
/// proptest's shrunk input, to be kept as a regression test.
fn fuzz<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let budget = env_number("DIVERGE_FUZZ_SECS").map(Duration::from_secs);
    let cases = env_number("DIVERGE_FUZZ_CASES").unwrap_or(u64::from(DEFAULT_CASES));
    let batch = u32::try_from(cases.min(256)).unwrap_or(256).max(1);
    let started = Instant::now();
    let mut tried = 0u64;
    loop {
        let mut runner = TestRunner::new(Config {
            cases: batch,
            failure_persistence: None,
            ..Config::default()
        });
        if let Err(e) = runner.run(&strategy, &test) {
            panic!("fuzz {name}: after {tried} inputs: {e}");
        }
        tried += u64::from(batch);
        let done = match budget {
            Some(budget) => started.elapsed() >= budget,
            None => tried >= cases,
        };
        if done {
            break;
        }
    }
    println!(
        "fuzz {name}: {tried} inputs in {:.1}s, 0 panics",
        started.elapsed().as_secs_f64()
    );
}

/// Text pieces that stress tokenising, sentence splitting and line handling.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Lee met Xi on Tuesday. ".to_string()),
        Just("A Psalm of David.".to_string()),
        Just("U.S. ".to_string()),
        Just("said: ".to_string()),
        Just("“Yes,” he said; ".to_string()),
        Just("Item 1 of 2 ".to_string()),
        Just("(Reuters) – ".to_string()),
        Just("Sign up here.".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("   ".to_string()),
        Just("\u{feff}".to_string()),
        Just("이재명 ".to_string()),
        Just("习近平".to_string()),
        Just("👍🏽".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\u{301}".to_string()),
        Just("…".to_string()),
        "[a-zA-Z]{1,12}",
        any::<String>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

/// A valid story's JSON, then a few edits: deleted, repeated or replaced characters.
fn mutated_json() -> impl Strategy<Value = String> {
    let story = serde_json::json!({
        "title": "Leaders meet",
        "date": "2025-06-10",
        "reports": [
            {"outlet": "A", "headline": "Lee meets Xi", "body": ["Lee met Xi.", "They spoke."]},
            {"outlet": "B", "summary": "A call.", "body": ["Lee and Xi met on Tuesday."]}
        ]
    })
    .to_string();
    let edits = prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<char>()), 0..6);
    (Just(story), edits).prop_map(|(story, edits)| {
        let mut chars: Vec<char> = story.chars().collect();
        for (at, what, c) in edits {
            if chars.is_empty() {
                break;
            }
            let i = at.index(chars.len());
            match what {
                0 => {
                    chars.remove(i);
                }
                1 => chars.insert(i, chars[i]),
                _ => chars[i] = c,
            }
        }
        chars.into_iter().collect()
    })
}

#[test]
fn fuzz_story_json_loader() {
    let input = prop_oneof![mutated_json(), text(), any::<String>()];
    fuzz("story JSON loader", input, |json| {
        if let Ok(story) = from_json_str(Path::new("f.json"), &json) {
            prop_assert!(story.duplicate_outlet().is_none());
        }
        Ok(())
    });
}

/// A page: lines made of pieces, some of them the shapes a breakdown page has.
fn page() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        3 => Just("Lee pledges closer ties with Xi".to_string()),
        3 => Just("Lee and Xi pledged closer ties on Tuesday. They spoke by phone.".to_string()),
        3 => Just("They spoke by phone for thirty minutes, officials said.".to_string()),
        1 => Just("Lee and Xi pledged closer ties on Tuesday:".to_string()),
        1 => Just("Item 1 of 2 Lee arrives (Reuters)".to_string()),
        1 => Just("Sign up here.".to_string()),
        4 => text(),
    ];
    prop::collection::vec(line, 0..40).prop_map(|lines| lines.join("\n"))
}

#[test]
fn fuzz_page_importer() {
    fuzz("page importer", page(), |text| {
        let Ok(imported) = import_page(&text, ImportOptions::default()) else {
            return Ok(());
        };
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for report in &imported.story.reports {
            // Nothing is invented: every headline and paragraph is a line of the page.
            let headline = report.headline.as_deref().unwrap_or_default();
            prop_assert!(lines.contains(&headline), "{headline:?}");
            for paragraph in &report.body {
                prop_assert!(lines.contains(&paragraph.as_str()), "{paragraph:?}");
            }
        }
        prop_assert!(imported.story.duplicate_outlet().is_none());
        Ok(())
    });
}

fn view() -> impl Strategy<Value = View> {
    prop_oneof![
        Just(View::SideBySide),
        Just(View::Inline),
        Just(View::Plain)
    ]
}

#[test]
fn fuzz_engine_and_layout_at_random_widths() {
    let input = (
        (text(), text(), any::<bool>(), view(), 0usize..300),
        (0usize..20, 0usize..50, 0usize..50),
    );
    fuzz(
        "engine and layout",
        input,
        |((left, right, normalize, view, width), (at, before, after))| {
            let (l, r) = (Doc::from_text(&left), Doc::from_text(&right));
            let options = Options {
                normalize,
                ..Options::default()
            };
            let comparison = compare(&l, &r, &options);
            prop_assert!((0.0..=1.0).contains(&comparison.stats.similarity));
            let layout = layout::build(&comparison, view, width, "m");
            for row in 0..layout.rows.len() + 2 {
                let _ = layout.anchor(row);
            }
            let margin = layout::Margin {
                rows: Pair::new(before, after),
                bytes: usize::MAX,
            };
            if let Some(part) = layout::build_around(&comparison, view, width, "m", at, margin) {
                prop_assert!(part.rows.len() <= layout.rows.len());
                prop_assert_eq!(part.hunk_total, layout.hunk_total);
            }
            Ok(())
        },
    );
}

/// What can happen to the reader: a key, a mouse event, a resize, or a comparison
/// arriving from the worker.
#[derive(Debug, Clone)]
enum Event {
    Key(KeyCode, KeyModifiers),
    Mouse(MouseEventKind, u16, u16),
    Resize(u16, u16),
    Deliver,
}

fn event() -> impl Strategy<Value = Event> {
    let code = prop_oneof![
        any::<char>().prop_map(KeyCode::Char),
        prop::sample::select(
            " jkJKnNgGdDuUfbpPwWvVsmh/?qx1234567890\t"
                .chars()
                .collect::<Vec<_>>()
        )
        .prop_map(KeyCode::Char),
        prop::sample::select(vec![
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Backspace,
            KeyCode::Tab,
            KeyCode::BackTab,
        ]),
    ];
    let modifiers = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
    ]);
    let mouse = prop::sample::select(vec![
        MouseEventKind::ScrollDown,
        MouseEventKind::ScrollUp,
        MouseEventKind::Down(MouseButton::Left),
        MouseEventKind::Up(MouseButton::Left),
        MouseEventKind::Drag(MouseButton::Left),
        MouseEventKind::Moved,
    ]);
    prop_oneof![
        6 => (code, modifiers).prop_map(|(c, m)| Event::Key(c, m)),
        2 => (mouse, 0u16..200, 0u16..80).prop_map(|(k, c, r)| Event::Mouse(k, c, r)),
        1 => (0u16..250, 0u16..90).prop_map(|(w, h)| Event::Resize(w, h)),
        3 => Just(Event::Deliver),
    ]
}

fn story(bodies: Vec<String>) -> Story {
    Story {
        title: "Fuzzed".into(),
        date: None,
        summary: None,
        source: None,
        reports: bodies
            .into_iter()
            .enumerate()
            .map(|(i, body)| Report::new(format!("Outlet {i}"), vec![body]))
            .collect(),
    }
}

/// Plays `events` into a reader on `story` in a terminal of `size`, drawing after each;
/// `compare` makes the comparison the diff thread would deliver, and for a long pair the
/// sentence layer it delivers after it, at the next delivery.
fn play(
    story: Story,
    size: (u16, u16),
    events: Vec<Event>,
    compare: impl Fn(PairKey) -> (Comparison, Option<Told>),
) -> Result<(), TestCaseError> {
    let mut app = App::new(story, size, true);
    let mut later: Option<(PairKey, Told)> = None;
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1))
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    for event in events {
        let action = match event {
            Event::Key(code, modifiers) => {
                app::action_for_key(&app, KeyEvent::new(code, modifiers))
            }
            Event::Mouse(kind, column, row) => app::action_for_mouse(
                &app,
                MouseEvent {
                    kind,
                    column,
                    row,
                    modifiers: KeyModifiers::NONE,
                },
            ),
            Event::Resize(w, h) => {
                terminal.backend_mut().resize(w, h);
                Some(Action::Resize(w, h))
            }
            Event::Deliver => match later.take() {
                Some((key, told)) => Some(Action::Told(key, Box::new(told))),
                None => app.wanted().map(|key| {
                    let (comparison, told) = compare(key);
                    later = told.map(|told| (key, told));
                    Action::Computed(key, Arc::new(comparison))
                }),
            },
        };
        if let Some(action) = action {
            app::update(&mut app, action);
        }
        terminal
            .draw(|frame| diverge::ui::draw(frame, &app))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        if app.quit {
            break;
        }
    }
    Ok(())
}

#[test]
fn fuzz_key_and_mouse_streams_into_update() {
    let input = (
        prop::collection::vec(text(), 0..5),
        (0u16..200, 0u16..60),
        prop::collection::vec(event(), 0..80),
    );
    fuzz("key and mouse streams", input, |(bodies, size, events)| {
        let story = story(bodies);
        let docs = docs(&story);
        let corpus = diverge::diff::corpus(&docs);
        play(story, size, events, |key| {
            (key.compare(&docs, &corpus), None)
        })
    });
}

/// Two versions of a story of 900 paragraphs (about 30,000 words a side), the second
/// edited, cut and reordered here and there: long enough to be laid out only around
/// the screen.
fn long_story() -> Story {
    let paragraph = |i: usize, edited: bool| {
        let verb = if edited && i % 3 == 0 {
            "spoke"
        } else {
            "talked"
        };
        format!(
            "Paragraph {i} tells that the leaders {verb} about trade and security on the \
             peninsula for {} hours, officials said. {}",
            i % 7,
            "More words follow in this paragraph. ".repeat(i % 4 + 1)
        )
    };
    let left = (0..900).map(|i| paragraph(i, false)).collect();
    let mut right: Vec<String> = (0..900)
        .filter(|i| i % 25 != 0)
        .map(|i| paragraph(i, true))
        .collect();
    right.rotate_left(40);
    Story {
        title: "Long".into(),
        date: None,
        summary: None,
        source: None,
        reports: vec![Report::new("A", left), Report::new("B", right)],
    }
}

#[test]
fn fuzz_key_and_mouse_streams_on_a_long_story() {
    let story = long_story();
    let docs = docs(&story);
    let corpus = diverge::diff::corpus(&docs);
    // Each comparison once: the keys, not the engine, are what is fuzzed here. Each comes
    // as the diff thread delivers a long pair: its paragraphs, then its sentences.
    let made: Mutex<HashMap<PairKey, (Comparison, Option<Told>)>> = Mutex::new(HashMap::new());
    let input = ((0u16..200, 0u16..60), prop::collection::vec(event(), 0..80));
    fuzz(
        "key and mouse streams, long story",
        input,
        |(size, events)| {
            play(story.clone(), size, events, |key| {
                let mut made = made.lock().unwrap_or_else(|e| e.into_inner());
                made.entry(key)
                    .or_insert_with(|| {
                        let comparison = key.compare_paragraphs(&docs);
                        let told = key.told(&comparison, &docs, &corpus);
                        (comparison, Some(told))
                    })
                    .clone()
            })
        },
    );
}
