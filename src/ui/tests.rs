use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

use super::*;
use std::time::Duration;

use crate::app::{Action, PairKey, Wait, from_the_top, settle, update};
use crate::layout::View;
use crate::side::{Pair, Side};
use crate::story::{Report, Story, load_text_versions};

/// The two bundled test versions and a short Korean report, so the list has three
/// outlets and wide characters are on screen.
fn story() -> Story {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let paths = [dir.join("reuters.txt"), dir.join("straits_times.txt")];
    let paths: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    let mut story = load_text_versions(&paths).unwrap_or_else(|e| panic!("fixtures: {e}"));
    let mut yonhap = Report::new(
        "yonhap",
        vec![
            "이재명 대통령과 시진핑 중국 국가주석은 10일 첫 통화에서 경제와 안보 협력을 강화하기로 했다."
                .into(),
            "강유정 대변인은 브리핑에서 이같이 밝혔다.".into(),
        ],
    );
    yonhap.headline = Some("이재명·시진핑 첫 통화 \u{1b}[31m".into());
    story.reports.push(yonhap);
    story
}

/// The reader on the test story, past the overview, on the pair it opens with.
fn app_at(width: u16, height: u16) -> App {
    let mut app = App::new(story(), (width, height), true);
    settle(&mut app);
    update(&mut app, Action::OpenCell);
    from_the_top(&mut app);
    app
}

fn screen(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.size;
    let mut terminal =
        Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| panic!("test terminal: {e}"));
    terminal
        .draw(|frame| draw(frame, app))
        .unwrap_or_else(|e| panic!("draw: {e}"));
    terminal
}

fn snapshot(name: &str, app: &App) {
    insta::assert_snapshot!(name, marked_up(screen(app).backend().buffer()));
}

/// The screen as text with its attributes written in: `[-struck-]`, `{+underlined+}`,
/// `«dim»`, `⟨reversed⟩`, `**bold**` and `⟪search hit⟫`, so a snapshot shows the marks a
/// reader sees, not just the letters.
fn marked_up(buffer: &ratatui::buffer::Buffer) -> String {
    const MARKS: [(Modifier, &str, &str); 5] = [
        (Modifier::REVERSED, "⟨", "⟩"),
        (Modifier::BOLD, "**", "**"),
        (Modifier::DIM, "«", "»"),
        (Modifier::CROSSED_OUT, "[-", "-]"),
        (Modifier::UNDERLINED, "{+", "+}"),
    ];
    let width = usize::from(buffer.area.width);
    let mut out = String::new();
    for row in buffer.content().chunks(width.max(1)) {
        // Each run of cells with the same attributes, with its text.
        let mut runs: Vec<((Modifier, bool), String)> = Vec::new();
        let mut skip = 0;
        for cell in row {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
            let key = (cell.modifier, cell.bg == ratatui::style::Color::Yellow);
            match runs.last_mut() {
                Some((k, text)) if *k == key => text.push_str(cell.symbol()),
                _ => runs.push((key, cell.symbol().to_string())),
            }
        }
        let mut line = String::new();
        for ((modifier, hit), text) in runs {
            let marks: Vec<_> = MARKS.iter().filter(|m| modifier.contains(m.0)).collect();
            if hit {
                line.push('⟪');
            }
            marks.iter().for_each(|m| line.push_str(m.1));
            line.push_str(&text);
            marks.iter().rev().for_each(|m| line.push_str(m.2));
            if hit {
                line.push('⟫');
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn viewed(view: View, width: u16, height: u16) -> App {
    let mut app = app_at(width, height);
    update(&mut app, Action::SetView(view));
    app
}

#[test]
fn side_by_side() {
    snapshot("side_by_side_120x40", &viewed(View::SideBySide, 120, 40));
    snapshot("side_by_side_60x20", &viewed(View::SideBySide, 60, 20));
}

#[test]
fn inline() {
    snapshot("inline_120x40", &viewed(View::Inline, 120, 40));
    snapshot("inline_60x20", &viewed(View::Inline, 60, 20));
}

#[test]
fn plain() {
    snapshot("plain_120x40", &viewed(View::Plain, 120, 40));
    snapshot("plain_60x20", &viewed(View::Plain, 60, 20));
}

#[test]
fn house_style_hidden() {
    let mut app = app_at(120, 40);
    update(&mut app, Action::ToggleNormalize);
    settle(&mut app);
    snapshot("house_style_120x40", &app);
    for (view, name) in [
        (View::Inline, "house_style_inline_120x40"),
        (View::Plain, "house_style_plain_120x40"),
    ] {
        update(&mut app, Action::SetView(view));
        snapshot(name, &app);
    }
}

#[test]
fn the_header_counts_the_wait_for_the_pair_on_screen_and_no_other() {
    let mut app = app_at(80, 20);
    update(&mut app, Action::Choose(Side::Left, 2));
    let computing = app
        .computing()
        .unwrap_or_else(|| panic!("the new pair computes"));
    let header = |app: &App| {
        let line = lines_of(app).into_iter().nth(1).unwrap_or_default();
        line.trim_end().to_string()
    };
    assert!(header(&app).ends_with("comparing…"), "{}", header(&app));
    let other = PairKey {
        outlets: Pair::new(1, 0),
        ..computing
    };
    let wait = |ms, percent| Wait {
        elapsed: Duration::from_millis(ms),
        percent,
    };
    update(&mut app, Action::Waited(other, wait(900, Some(40))));
    assert!(header(&app).ends_with("comparing…"), "{}", header(&app));
    update(&mut app, Action::Waited(computing, wait(1340, None)));
    assert!(
        header(&app).ends_with("comparing… 1.3 s"),
        "{}",
        header(&app)
    );
    update(&mut app, Action::Waited(computing, wait(1460, Some(42))));
    assert!(
        header(&app).ends_with("comparing… 42% · 1.5 s"),
        "{}",
        header(&app)
    );
    // On a narrow screen the longer name gives way to the wait.
    update(&mut app, Action::Resize(44, 20));
    assert_eq!(header(&app), "yonhap ⇄ straits_t…   comparing… 42% · 1.5 s");
    settle(&mut app);
    assert_eq!(app.computing(), None);
    assert!(!header(&app).contains("comparing"), "{}", header(&app));
}

#[test]
fn korean_report_wraps_by_cells() {
    let mut app = app_at(60, 20);
    update(&mut app, Action::Choose(Side::Left, 2));
    assert!(screen(&app).backend().to_string().contains("computing…"));
    settle(&mut app);
    snapshot("korean_left_60x20", &app);
}

/// Every row of the screen as text.
fn lines_of(app: &App) -> Vec<String> {
    let terminal = screen(app);
    let buf = terminal.backend().buffer().clone();
    (0..app.size.1)
        .map(|y| {
            (0..app.size.0)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn help_lines_are_whole_at_80_and_40_columns() {
    for (w, h) in [(80, 70), (40, 100)] {
        let mut app = app_at(w, h);
        update(&mut app, Action::ToggleHelp);
        // The help's lines inside its border, joined as one text: a description may wrap.
        let text = lines_of(&app)
            .iter()
            .filter_map(|l| Some(l.split('│').nth(1)?.trim().to_string()))
            .collect::<Vec<_>>()
            .join(" ");
        for (keys, what) in app.keymap.help_lines() {
            assert!(text.contains(&what), "{w}x{h}: {what}\n{text}");
            assert!(text.contains(&keys), "{w}x{h}: {keys}\n{text}");
        }
    }
}

#[test]
fn help_overlay() {
    let mut app = app_at(120, 40);
    update(&mut app, Action::ToggleHelp);
    snapshot("help_120x40", &app);
    let mut app = app_at(60, 20);
    update(&mut app, Action::ToggleHelp);
    snapshot("help_60x20", &app);
    let mut app = app_at(40, 10);
    update(&mut app, Action::ToggleHelp);
    update(&mut app, Action::Scroll(2));
    snapshot("help_scrolled_40x10", &app);
}

#[test]
fn too_small() {
    snapshot("too_small_30x8", &app_at(30, 8));
}

#[test]
fn no_size_panics() {
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 9),
        (39, 10),
        (40, 9),
        (40, 10),
        (41, 11),
        (7, 30),
    ] {
        let mut app = app_at(w, h);
        for action in [Action::NextChange, Action::ToggleHelp] {
            screen(&app);
            update(&mut app, action);
        }
        screen(&app);
        update(&mut app, Action::CloseOverlay);
        update(&mut app, Action::SetView(View::Inline));
        screen(&app);
    }
}

#[test]
fn marks_carry_attributes_and_the_current_change_is_reversed() {
    let mut app = app_at(120, 40);
    app.colour = false;
    // The second change: the first is a whole paragraph, tagged in the gutter already.
    update(&mut app, Action::NextChange);
    update(&mut app, Action::NextChange);
    let terminal = screen(&app);
    let buffer = terminal.backend().buffer();
    let cells = buffer.content();
    let struck = cells
        .iter()
        .filter(|c| c.modifier.contains(Modifier::CROSSED_OUT))
        .count();
    let underlined = cells
        .iter()
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED))
        .count();
    let reversed_text = cells
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED) && c.symbol() != " ")
        .count();
    assert!(struck > 10 && underlined > 10, "{struck} {underlined}");
    assert!(
        terminal.backend().to_string().contains('▶'),
        "the current change's pointer"
    );
    assert!(reversed_text > 0);
    assert!(cells.iter().all(|c| c.fg == ratatui::style::Color::Reset));
}

#[test]
fn escape_sequences_from_the_story_are_shown_not_sent() {
    let mut story = story();
    story.title = "Tabs\tand\nbreaks \u{1b}[2J".into();
    let mut app = App::new(story, (120, 40), true);
    settle(&mut app);
    let text = screen(&app).backend().to_string();
    assert!(!text.contains('\u{1b}'));
    assert!(text.contains("␛[31m"), "{text}");
    assert!(text.contains("Tabs and breaks ␛[2J"), "{text}");
}

#[test]
fn search_prompt_and_hits() {
    let mut app = app_at(120, 40);
    update(&mut app, Action::StartSearch);
    for c in "Lee".chars() {
        update(&mut app, Action::SearchInput(c));
    }
    assert!(screen(&app).backend().to_string().contains("/Lee▏"));
    update(&mut app, Action::SearchSubmit);
    snapshot("search_120x40", &app);
    let terminal = screen(&app);
    let hits: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .filter(|c| c.bg == ratatui::style::Color::Yellow)
        .map(|c| c.symbol())
        .collect();
    assert!(hits.starts_with("LeeLee"), "{hits}");
}

/// The status line, as the bottom row of the screen.
fn status_line(app: &App) -> String {
    let terminal = screen(app);
    let buffer = terminal.backend().buffer();
    let y = buffer.area.height.saturating_sub(1);
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect()
}

#[test]
fn status_hints_shrink_to_whole_hints_and_always_keep_help() {
    let wide = status_line(&app_at(200, 30));
    assert!(wide.starts_with(" q quit  ? help  j/k scroll"), "{wide}");
    assert!(wide.contains("y copy"), "{wide}");
    for width in [40, 60, 80, 120] {
        let line = status_line(&app_at(width, 24));
        assert!(line.contains("? help"), "{width}: {line}");
        assert!(!line.contains('…'), "{width}: whole hints only: {line}");
    }
    assert_eq!(hints(&app_at(120, 40), 8), "? help");
    assert_eq!(hints(&app_at(120, 40), 16), "q quit  ? help");
}

#[test]
fn a_remapped_key_shows_in_the_hints_help_and_labels() {
    let mut keymap = crate::app::Keymap::default();
    keymap.remap("quit", &["Q".to_string()]).unwrap();
    keymap.remap("help", &["F1".to_string()]).unwrap();
    keymap.remap("next-right", &["L".to_string()]).unwrap();
    let prefs = crate::app::Prefs {
        keymap,
        ..crate::app::Prefs::default()
    };
    let mut app = App::with_prefs(story(), (120, 40), true, prefs);
    settle(&mut app);
    update(&mut app, Action::OpenCell);
    let line = status_line(&app);
    assert!(line.starts_with(" Q quit  F1 help"), "{line}");
    assert!(line.contains("L/{ outlet"), "{line}");
    let heading = format!("{}", screen(&app).backend());
    assert!(heading.contains("L { right"), "{heading}");
    update(&mut app, Action::ToggleHelp);
    update(&mut app, Action::Scroll(100));
    let help = format!("{}", screen(&app).backend());
    assert!(help.contains("│ Q                   quit"), "{help}");
    assert!(!help.contains("q Ctrl-c"), "{help}");
}

#[test]
fn the_position_reads_top_at_the_top_and_bot_at_the_bottom() {
    assert_eq!(position(0, 100, 20), "Top");
    assert_eq!(position(40, 100, 20), "50%");
    assert_eq!(position(80, 100, 20), "Bot");
    assert_eq!(position(0, 10, 20), "All");
    let mut app = app_at(120, 40);
    let status = |app: &App| {
        let terminal = screen(app);
        let buf = terminal.backend().buffer();
        let y = app.size.1 - 1;
        (0..app.size.0)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect::<String>()
    };
    assert!(
        status(&app).trim_end().ends_with("· Top"),
        "{}",
        status(&app)
    );
    update(&mut app, Action::Bottom);
    assert!(
        status(&app).trim_end().ends_with("· Bot"),
        "{}",
        status(&app)
    );
}

#[test]
fn a_story_of_one_report_shows_it_alone() {
    let mut story = story();
    story.reports.truncate(1);
    let mut app = App::new(story, (80, 24), true);
    settle(&mut app);
    snapshot("one_report_80x24", &app);
    let text = format!("{:?}", screen(&app).backend());
    assert!(!text.contains("⇄") && !text.contains("100%"), "{text}");
    assert!(text.contains("the only report in this story"), "{text}");
    // One pane: no rule between two copies of the same text.
    assert!(!text.contains('│'), "{text}");
}

#[test]
fn outlet_names_and_the_inline_legend_fit_the_screen() {
    let mut story = story();
    if let Some(r) = story.reports.get_mut(2) {
        r.outlet = "Australian policy commentary".into();
    }
    let mut app = App::new(story.clone(), (200, 50), true);
    settle(&mut app);
    update(&mut app, Action::OpenCell);
    let text = lines_of(&app).join("\n");
    assert!(text.contains("Australian policy commentary"), "{text}");
    for (w, legend) in [
        (
            80,
            "struck = only in reuters, underlined = only in straits_times",
        ),
        (40, "reuters → straits_times"),
    ] {
        let mut app = App::new(story.clone(), (w, 24), true);
        settle(&mut app);
        update(&mut app, Action::OpenCell);
        update(&mut app, Action::SetView(View::Inline));
        let text = lines_of(&app).join("\n");
        assert!(text.contains(legend), "{w}: {text}");
        assert!(
            !text.contains("only in…") && !text.contains("straits_t…"),
            "{w}: {text}"
        );
    }
}

#[test]
fn the_current_change_in_a_one_sided_paragraph_gets_the_pointer() {
    let mut app = app_at(120, 40);
    update(&mut app, Action::Choose(Side::Left, 0));
    update(&mut app, Action::Choose(Side::Right, 1));
    update(&mut app, Action::NextChange);
    assert_eq!(app.current, Some(0));
    let diff_top = app.screen().map_or(0, |s| s.diff.y);
    let row = lines_of(&app)
        .get(usize::from(diff_top))
        .cloned()
        .unwrap_or_default();
    assert!(row.starts_with("▶ Item 1 of 2"), "{row}");
}

#[test]
fn the_first_screen_at_80x24_is_mostly_text_from_the_first_change() {
    let mut app = App::new(story(), (80, 24), true);
    settle(&mut app);
    update(&mut app, Action::OpenCell);
    snapshot("first_screen_80x24", &app);
    let screen = app.screen().unwrap_or_else(|| panic!("80x24 fits"));
    assert_eq!(screen.outlets.height, 1, "the list starts collapsed");
    assert!(screen.diff.height >= 18, "{screen:?}");
    let lines = lines_of(&app);
    let first = lines
        .get(usize::from(screen.diff.y))
        .cloned()
        .unwrap_or_default();
    assert!(
        !first.contains("Item 1 of 2"),
        "opens past the caption: {first}"
    );
    assert_eq!(
        app.current,
        Some(1),
        "the first change after the caption is current"
    );
    update(&mut app, Action::ToggleList);
    let open = app.screen().unwrap_or_else(|| panic!("80x24 fits"));
    assert_eq!(open.outlets.height, 4, "O opens the list of three");
}

#[test]
fn told_by_both_view_of_two_independent_reports() {
    for (w, h) in [(120, 40), (60, 20)] {
        let story = crate::story::bundled().unwrap_or_else(|e| panic!("bundled: {e}"));
        let mut app = App::new(story, (w, h), true);
        settle(&mut app);
        update(&mut app, Action::OpenCell);
        update(&mut app, Action::Choose(Side::Right, 3));
        settle(&mut app);
        update(&mut app, Action::NextChange);
        snapshot(&format!("told_by_both_{w}x{h}"), &app);
    }
}

/// The bundled story as the reader opens it: on the overview.
fn overview_at(width: u16, height: u16) -> App {
    let story = crate::story::bundled().unwrap_or_else(|e| panic!("bundled: {e}"));
    let mut app = App::new(story, (width, height), true);
    settle(&mut app);
    app
}

#[test]
fn the_overview_is_the_first_screen_of_a_story_of_three_or_more() {
    let app = overview_at(120, 40);
    assert!(app.overview);
    snapshot("overview_120x40", &app);
    snapshot("overview_80x24", &overview_at(80, 24));
}

#[test]
fn the_overview_of_forty_outlets_scrolls_and_marks_what_it_cuts() {
    let reports = (0..40)
        .map(|i| {
            let mut r = Report::new(
                format!("Outlet number {i} with a long name"),
                vec![format!(
                    "Report {i} says the leaders spoke by phone on Tuesday for {i} minutes \
                     and agreed to meet again, officials in the capital said."
                )],
            );
            r.headline = Some(format!("Headline {i}"));
            r
        })
        .collect();
    let story = Story {
        title: "Forty outlets".into(),
        date: None,
        summary: None,
        source: None,
        reports,
    };
    let mut app = App::new(story, (80, 24), true);
    settle(&mut app);
    update(
        &mut app,
        Action::MoveCell {
            rows: 30,
            columns: 0,
        },
    );
    let text = screen(&app).backend().to_string();
    assert!(
        text.contains('…'),
        "cut rows and columns are marked:\n{text}"
    );
    assert!(
        text.contains("31 Outlet"),
        "the selected row is in view:\n{text}"
    );
}

#[test]
fn the_report_card_shows_both_reports_notes_and_the_headline_diff() {
    let mut app = overview_at(120, 40);
    update(&mut app, Action::OpenCell);
    update(&mut app, Action::ToggleCard);
    let text = screen(&app).backend().to_string();
    // Reuters and The Straits Times: both notes say where the attribution comes from.
    assert!(text.contains("Report card"), "{text}");
    assert!(text.contains("note: "), "{text}");
    snapshot("report_card_120x40", &app);
    update(&mut app, Action::Choose(Side::Right, 3));
    settle(&mut app);
    let text = screen(&app).backend().to_string();
    assert!(
        text.contains("The Korea Herald"),
        "the card follows the pair:\n{text}"
    );
    update(&mut app, Action::ToggleCard);
    assert!(!screen(&app).backend().to_string().contains("Report card"));
}

#[test]
fn facts_ledger() {
    let story = crate::story::bundled().unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(story, (120, 40), true);
    settle(&mut app);
    update(&mut app, Action::OpenFacts);
    settle(&mut app);
    update(&mut app, Action::Facts(crate::app::FactsAction::Move(2)));
    snapshot("facts_ledger_120x40", &app);
}

#[test]
fn while_a_view_is_laid_out_the_old_one_stays_and_the_status_says_so() {
    let mut app = viewed(View::SideBySide, 80, 24);
    crate::app::off_thread(&mut app, false);
    update(&mut app, Action::SetView(View::Inline));
    assert!(app.laying_out());
    snapshot("laying_out_80x24", &app);
    crate::app::lay_out(&mut app);
    assert!(
        status_line(&app).contains(" inline · "),
        "{}",
        status_line(&app)
    );
    assert!(!status_line(&app).contains("laying out"));
}

#[test]
fn while_a_long_comparison_is_searched_the_status_says_so() {
    let mut app = viewed(View::SideBySide, 100, 24);
    crate::app::off_thread(&mut app, false);
    update(&mut app, Action::StartSearch);
    for c in "seoul".chars() {
        update(&mut app, Action::SearchInput(c));
    }
    update(&mut app, Action::SearchSubmit);
    assert!(app.seeking());
    let status = status_line(&app);
    assert!(status.contains("searching for seoul…"), "{status}");
    assert!(status.contains("searching… side by side"), "{status}");
    crate::app::lay_out(&mut app);
    let status = status_line(&app);
    assert!(status.contains("match 1 of"), "{status}");
    assert!(!status.contains("searching"), "{status}");
}

#[test]
fn a_pair_waiting_for_its_first_layout_says_laying_out() {
    let mut app = App::new(story(), (80, 24), true);
    crate::app::off_thread(&mut app, false);
    settle(&mut app);
    update(&mut app, Action::OpenCell);
    assert!(app.laying_out());
    let text = lines_of(&app).join("\n");
    assert!(text.contains("laying out…"), "{text}");
    crate::app::lay_out(&mut app);
    assert!(app.layout().is_some());
}

#[test]
fn a_long_story_shows_its_word_counts_once_the_diff_thread_counted_them() {
    let body = vec!["Seoul and Beijing pledged closer ties. ".repeat(20); 1000];
    let story = Story {
        title: "Long".into(),
        date: None,
        summary: None,
        source: None,
        reports: vec![Report::new("a", body.clone()), Report::new("b", body)],
    };
    let mut app = App::new(story, (120, 40), true);
    assert!(lines_of(&app).iter().any(|l| l.contains("… words")));
    let counted = crate::app::word_counts(&app.story);
    update(&mut app, Action::Counted(counted));
    let text = lines_of(&app).join("\n");
    assert!(text.contains("120000 words"), "{text}");
}

#[test]
fn a_long_comparison_shows_its_rows_at_once_and_says_where_they_are() {
    let mut app = viewed(View::SideBySide, 80, 14);
    crate::app::off_thread(&mut app, true);
    update(&mut app, Action::SetView(View::Inline));
    update(&mut app, Action::PageDown);
    update(&mut app, Action::PageDown);
    assert!(!app.laying_out(), "nothing to wait for");
    assert!(app.layout().is_some_and(|l| !l.is_whole()));
    snapshot("partial_inline_80x14", &app);
    let status = status_line(&app);
    assert!(status.contains(" inline · mouse on · "), "{status}");
    update(&mut app, Action::StartSearch);
    update(&mut app, Action::SearchInput('x'));
    update(&mut app, Action::SearchSubmit);
    let status = status_line(&app);
    assert!(status.contains("searching… inline"), "{status}");
    crate::app::lay_out(&mut app);
    assert!(app.layout().is_some_and(crate::layout::Layout::is_whole));
    update(&mut app, Action::SearchCancel);
    update(&mut app, Action::Bottom);
    assert!(
        status_line(&app).ends_with("· Bot "),
        "{}",
        status_line(&app)
    );
    update(&mut app, Action::Top);
    assert!(
        status_line(&app).ends_with("· Top "),
        "{}",
        status_line(&app)
    );
}

#[test]
fn a_long_pair_shown_before_its_sentences_are_matched_says_so() {
    let (mut app, tell) = crate::app::told_later(
        &[
            "Lee spoke to Xi on Tuesday.",
            "They agreed to meet again soon.",
        ],
        &[
            "Lee spoke to Xi on June 10.",
            "They agreed to meet again soon.",
        ],
    );
    let status = status_line(&app);
    assert!(
        status.contains("matching sentences… side by side"),
        "{status}"
    );
    let header = lines_of(&app).join("\n");
    assert!(!header.contains("told by both"), "{header}");
    tell(&mut app);
    assert!(!status_line(&app).contains("matching sentences"));
    let header = lines_of(&app).join("\n");
    assert!(header.contains("told by both"), "{header}");
}
