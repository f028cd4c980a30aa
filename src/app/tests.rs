use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use proptest::prelude::*;

use super::*;
use crate::diff::Kind;
use crate::side::Side;
use crate::story::Report;

const MOVED: &str =
    "The moved paragraph tells how the two leaders first met at a summit in Gyeongju.";

fn para(n: usize) -> String {
    format!(
        "Paragraph {n} of the story says that the leaders talked about trade and security \
         on the peninsula for a long time and agreed to meet again soon, officials said."
    )
}

/// Four reports: a long base, a near copy with a moved paragraph and small edits, an
/// identical copy of the base, and an unrelated one.
fn story() -> Story {
    let base: Vec<String> = std::iter::once(MOVED.to_string())
        .chain((1..=30).map(para))
        .collect();
    let mut edited: Vec<String> = (1..=30)
        .map(|n| match n % 3 {
            0 => para(n).replace("long time", "short while"),
            _ => para(n),
        })
        .collect();
    edited.push(MOVED.to_string());
    Story {
        title: "Leaders meet".into(),
        date: None,
        summary: None,
        source: None,
        reports: vec![
            Report::new("Base", base.clone()),
            Report::new("Edited", edited),
            Report::new("Copy", base),
            Report::new(
                "Other",
                vec!["Something else entirely happened today.".into()],
            ),
        ],
    }
}

/// The reader on the test story, past the overview, on the pair it opens with.
fn app() -> App {
    let mut app = App::new(story(), (120, 40), true);
    settle(&mut app);
    update(&mut app, Action::OpenCell);
    from_the_top(&mut app);
    app
}

fn rows(app: &App) -> usize {
    app.layout().map_or(0, |l| l.rows.len())
}

#[test]
fn opens_on_the_most_similar_pair_that_is_not_identical() {
    let mut app = App::new(story(), (120, 40), true);
    assert!(app.choosing);
    assert!(app.layout().is_none());
    settle(&mut app);
    assert!(!app.choosing);
    // Base and Copy are identical; Base and Edited are the closest that differ.
    assert_eq!((app.outlets.left, app.outlets.right), (0, 1));
    assert!(app.layout().is_some());
    assert!(app.similarity_to_left(3).is_some());
}

#[test]
fn computed_fills_the_cache_and_the_pair_on_screen_comes_first() {
    let mut app = app();
    update(&mut app, Action::ToggleNormalize);
    let normalised = PairKey {
        outlets: Pair::new(0, 1),
        normalize: true,
    };
    assert_eq!(app.wanted(), Some(normalised));
    assert_eq!(app.computing(), Some(normalised));
    settle(&mut app);
    assert_eq!(app.computing(), None);
    assert_eq!(app.shown_pair(), normalised);
    assert!(app.comparison().is_some());
    assert!(
        app.layout
            .as_ref()
            .is_some_and(|(k, _)| k.pair == normalised)
    );
}

#[test]
fn toggling_house_style_keeps_the_text_on_screen_until_the_new_diff_comes() {
    let mut app = app();
    update(&mut app, Action::Scroll(7));
    let plain = app.pair();
    let before = app.layout().map(|l| l as *const Layout);
    update(&mut app, Action::ToggleNormalize);
    assert_eq!(app.shown_pair(), plain, "the plain diff stays on screen");
    assert!(before.is_some());
    assert_eq!(app.layout().map(|l| l as *const Layout), before);
    update(&mut app, Action::Scroll(1));
    assert_eq!(app.scroll, 8, "and scrolls while the other one computes");
    let normalised = app.computing().unwrap_or_else(|| panic!("computing"));
    assert!(normalised.normalize);
    let docs = crate::diff::docs(&app.story);
    let comparison = normalised.compare(&docs, &crate::diff::corpus(&docs));
    update(&mut app, Action::Computed(normalised, Arc::new(comparison)));
    assert_eq!(app.shown_pair(), normalised);
    assert!(
        app.layout
            .as_ref()
            .is_some_and(|(k, _)| k.pair == normalised)
    );
    assert_eq!(app.scroll, 8, "the reading position is kept");
    update(&mut app, Action::ToggleNormalize);
    assert_eq!(
        app.shown_pair(),
        plain,
        "the plain diff is cached: back at once"
    );
    assert_eq!(app.computing(), None);
}

#[test]
fn scrolling_stays_within_the_rows() {
    let mut app = app();
    let max = rows(&app) - app.page();
    update(&mut app, Action::Scroll(1));
    assert_eq!(app.scroll, 1);
    update(&mut app, Action::Scroll(-5));
    assert_eq!(app.scroll, 0);
    update(&mut app, Action::PageDown);
    assert_eq!(app.scroll, app.page());
    update(&mut app, Action::PageUp);
    assert_eq!(app.scroll, 0);
    update(&mut app, Action::HalfPageDown);
    assert_eq!(app.scroll, app.page() / 2);
    update(&mut app, Action::HalfPageUp);
    assert_eq!(app.scroll, 0);
    update(&mut app, Action::Bottom);
    assert_eq!(app.scroll, max);
    update(&mut app, Action::Scroll(1000));
    assert_eq!(app.scroll, max);
    update(&mut app, Action::Top);
    assert_eq!(app.scroll, 0);
}

#[test]
fn next_and_previous_change_highlight_and_reveal_it() {
    let mut app = app();
    update(&mut app, Action::NextChange);
    assert_eq!(app.current, Some(0));
    assert_eq!(
        app.message.as_deref().map(|m| m.starts_with("change 1 of")),
        Some(true)
    );
    let total = app.layout().map_or(0, |l| l.hunk_rows.len());
    assert!(total > 5);
    for _ in 0..total - 1 {
        update(&mut app, Action::NextChange);
    }
    assert_eq!(app.current, Some(total - 1));
    let row = app
        .layout()
        .and_then(|l| l.hunk_rows.last().copied())
        .unwrap_or(0);
    assert!(row >= app.scroll && row < app.scroll + app.page());
    // Past the last change, n wraps to the first and says so; N wraps back.
    update(&mut app, Action::NextChange);
    assert_eq!(app.current, Some(0));
    assert_eq!(
        app.message,
        Some(format!("change 1 of {total}, wrapped to top"))
    );
    update(&mut app, Action::PrevChange);
    assert_eq!(app.current, Some(total - 1));
    assert_eq!(
        app.message,
        Some(format!("change {total} of {total}, wrapped to bottom"))
    );
    update(&mut app, Action::PrevChange);
    assert_eq!(app.current, Some(total - 2));
    update(&mut app, Action::SetView(View::Plain));
    update(&mut app, Action::NextChange);
    assert_eq!(
        app.message.as_deref(),
        Some("the plain view marks no changes")
    );
}

#[test]
fn after_scrolling_away_n_steps_from_the_screen_not_the_old_change() {
    let mut app = app();
    update(&mut app, Action::NextChange);
    assert_eq!(app.current, Some(0));
    update(&mut app, Action::Bottom);
    update(&mut app, Action::NextChange);
    let rows = app
        .layout()
        .map(|l| l.hunk_rows.clone())
        .unwrap_or_default();
    let h = app.current.unwrap_or(0);
    assert!(h > 1, "{h}");
    assert!(rows.get(h).is_some_and(|&r| r >= app.scroll));
}

#[test]
fn previous_change_without_a_current_one_looks_above_the_screen() {
    let mut app = app();
    update(&mut app, Action::PrevChange);
    let total = app.layout().map_or(0, |l| l.hunk_rows.len());
    assert_eq!(
        app.current,
        Some(total - 1),
        "nothing above: wraps to the last"
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.ends_with("wrapped to bottom"))
    );
    update(&mut app, Action::Top);
    update(&mut app, Action::Bottom);
    update(&mut app, Action::PrevChange);
    assert!(app.current.is_some());
}

#[test]
fn outlet_keys_skip_the_other_side_and_wrap() {
    let mut app = app();
    update(&mut app, Action::NextOutlet(Side::Left));
    assert_eq!((app.outlets.left, app.outlets.right), (2, 1));
    update(&mut app, Action::NextOutlet(Side::Left));
    assert_eq!(app.outlets.left, 3);
    update(&mut app, Action::NextOutlet(Side::Left));
    assert_eq!(app.outlets.left, 0);
    update(&mut app, Action::PrevOutlet(Side::Left));
    assert_eq!(app.outlets.left, 3);
    update(&mut app, Action::NextOutlet(Side::Right));
    assert_eq!(app.outlets.right, 2);
    update(&mut app, Action::PrevOutlet(Side::Right));
    assert_eq!(app.outlets.right, 1);
    update(&mut app, Action::PrevOutlet(Side::Right));
    assert_eq!(app.outlets.right, 0);
    assert_eq!(app.scroll, 0);
    assert_eq!(app.current, None);
}

#[test]
fn choosing_the_other_sides_outlet_swaps_and_out_of_range_is_ignored() {
    let mut app = app();
    update(&mut app, Action::Choose(Side::Right, 0));
    assert_eq!((app.outlets.left, app.outlets.right), (1, 0));
    update(&mut app, Action::Choose(Side::Left, 3));
    assert_eq!((app.outlets.left, app.outlets.right), (3, 0));
    update(&mut app, Action::Choose(Side::Left, 99));
    update(&mut app, Action::Choose(Side::Right, 99));
    assert_eq!((app.outlets.left, app.outlets.right), (3, 0));
    update(&mut app, Action::Swap);
    assert_eq!((app.outlets.left, app.outlets.right), (0, 3));
}

#[test]
fn a_new_pair_starts_at_the_top() {
    let mut app = app();
    update(&mut app, Action::NextChange);
    update(&mut app, Action::Scroll(3));
    update(&mut app, Action::Swap);
    settle(&mut app);
    assert_eq!((app.scroll, app.current), (0, None));
}

#[test]
fn views_cycle_and_can_be_set() {
    let mut app = app();
    assert_eq!(app.view, View::SideBySide);
    update(&mut app, Action::NextView);
    assert_eq!(app.view, View::Shared);
    assert_eq!(app.layout().map(|l| l.view), Some(View::Shared));
    update(&mut app, Action::NextView);
    assert_eq!(app.view, View::Inline);
    assert_eq!(app.layout().map(|l| l.view), Some(View::Inline));
    update(&mut app, Action::NextView);
    assert_eq!(app.view, View::Plain);
    update(&mut app, Action::NextView);
    assert_eq!(app.view, View::SideBySide);
    update(&mut app, Action::SetView(View::Plain));
    assert_eq!(app.view, View::Plain);
}

#[test]
fn house_style_toggles_the_comparison_and_keeps_the_place() {
    let mut app = app();
    let target = app
        .layout()
        .and_then(|l| l.block_rows.get(7).copied())
        .unwrap_or(0);
    update(&mut app, Action::Scroll(signed(target)));
    update(&mut app, Action::ToggleNormalize);
    settle(&mut app);
    assert_eq!(
        app.layout().and_then(|l| l.anchor(app.scroll)),
        Some((7, 0))
    );
    update(&mut app, Action::ToggleNormalize);
    assert!(!app.normalize);
    assert!(app.layout().is_some(), "the strict diff is still cached");
}

#[test]
fn m_jumps_between_a_moved_paragraph_and_its_counterpart() {
    let mut app = app();
    let (out, into) = {
        let c = app
            .comparison()
            .map(|c| c.blocks.clone())
            .unwrap_or_default();
        let out = c.iter().position(|b| b.kind == Kind::MovedOut);
        let into = c.iter().position(|b| b.kind == Kind::MovedIn);
        (out.unwrap_or(usize::MAX), into.unwrap_or(usize::MAX))
    };
    let block_row = |app: &App, b: usize| app.layout().and_then(|l| l.block_rows.get(b).copied());
    let on_screen = |app: &App, row: Option<usize>| {
        row.is_some_and(|r| r >= app.scroll && r < app.scroll + app.page())
    };
    assert!(on_screen(&app, block_row(&app, out)));
    assert!(!on_screen(&app, block_row(&app, into)));
    assert!(app.has_moves());
    // The first press picks the move on screen and highlights both its places.
    update(&mut app, Action::JumpMoved);
    assert_eq!(app.moved_blocks(), [Some(out), Some(into)]);
    assert!(on_screen(&app, block_row(&app, out)));
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("on the right")),
        "{:?}",
        app.message
    );
    update(&mut app, Action::JumpMoved);
    assert!(on_screen(&app, block_row(&app, into)), "{}", app.scroll);
    assert_eq!(app.moved_blocks(), [Some(into), Some(out)]);
    // A second press goes back; M steps the other way.
    update(&mut app, Action::JumpMoved);
    assert!(on_screen(&app, block_row(&app, out)), "{}", app.scroll);
    update(&mut app, Action::PrevMoved);
    assert!(on_screen(&app, block_row(&app, into)), "{}", app.scroll);
    // From the top, m reaches a move that is off screen.
    update(&mut app, Action::Choose(Side::Right, 3));
    settle(&mut app);
    update(&mut app, Action::Choose(Side::Right, 1));
    let past = block_row(&app, out).map_or(0, |r| r + 1);
    update(&mut app, Action::Scroll(isize::try_from(past).unwrap_or(0)));
    assert!(!on_screen(&app, block_row(&app, into)));
    update(&mut app, Action::JumpMoved);
    assert!(on_screen(&app, block_row(&app, into)), "{}", app.scroll);
    update(&mut app, Action::Choose(Side::Right, 3));
    settle(&mut app);
    assert!(!app.has_moves());
    update(&mut app, Action::JumpMoved);
    assert_eq!(
        app.message.as_deref(),
        Some("no moved paragraphs in this pair")
    );
}

#[test]
fn help_opens_and_closes_and_quit_quits() {
    let mut app = app();
    update(&mut app, Action::ToggleHelp);
    assert!(app.help);
    update(&mut app, Action::CloseOverlay);
    assert!(!app.help);
    update(&mut app, Action::ToggleHelp);
    update(&mut app, Action::ToggleHelp);
    assert!(!app.help);
    update(&mut app, Action::Quit);
    assert!(app.quit);
}

#[test]
fn a_help_taller_than_the_terminal_scrolls() {
    let mut app = App::new(story(), (40, 10), true);
    settle(&mut app);
    let scroll = app.scroll;
    update(&mut app, Action::ToggleHelp);
    assert_eq!(
        action_for_key(&app, key(KeyCode::Char('j'))),
        Some(Action::Scroll(1))
    );
    update(&mut app, Action::Scroll(3));
    assert_eq!((app.help_scroll, app.scroll), (3, scroll));
    update(&mut app, Action::Scroll(100));
    assert_eq!(app.help_scroll, app.help_lines() - 8, "to the last line");
    assert_eq!(app.help_scroll, app.help_lines() - 8, "to the last line");
    update(&mut app, Action::CloseOverlay);
    assert_eq!(app.help_scroll, 0);
}

#[test]
fn resize_rewraps_and_keeps_the_top_paragraph_at_the_top() {
    let mut app = app();
    let target = app
        .layout()
        .and_then(|l| l.block_rows.get(5).copied())
        .unwrap_or(0);
    update(&mut app, Action::Scroll(signed(target)));
    let block = |app: &App| app.layout().and_then(|l| l.anchor(app.scroll));
    assert_eq!(block(&app), Some((5, 0)));
    update(&mut app, Action::Resize(60, 20));
    assert_eq!(app.layout().map(|l| l.width), Some(60));
    assert_eq!(block(&app), Some((5, 0)));
    update(&mut app, Action::Resize(200, 50));
    assert_eq!(block(&app), Some((5, 0)));
    update(&mut app, Action::Resize(1, 1));
    update(&mut app, Action::Scroll(3));
    update(&mut app, Action::NextChange);
    update(&mut app, Action::Resize(120, 40));
    assert!(app.layout().is_some());
}

fn signed(n: usize) -> isize {
    isize::try_from(n).unwrap_or(0)
}

#[test]
fn a_story_with_one_or_no_reports_does_not_choose_or_panic() {
    for count in [0, 1] {
        let mut s = story();
        s.reports.truncate(count);
        let mut app = App::new(s, (80, 24), false);
        assert!(!app.choosing);
        settle(&mut app);
        for action in [
            Action::NextOutlet(Side::Left),
            Action::PrevOutlet(Side::Right),
            Action::Swap,
            Action::NextChange,
            Action::JumpMoved,
            Action::Bottom,
        ] {
            update(&mut app, action);
        }
        assert_eq!((app.outlets.left, app.outlets.right), (0, 0));
    }
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

#[test]
fn keys_map_to_actions() {
    let app = app();
    let cases = [
        (key(KeyCode::Char('j')), Action::Scroll(1)),
        (key(KeyCode::Up), Action::Scroll(-1)),
        (key(KeyCode::Char(' ')), Action::PageDown),
        (key(KeyCode::PageUp), Action::PageUp),
        (ctrl('d'), Action::HalfPageDown),
        (ctrl('u'), Action::HalfPageUp),
        (key(KeyCode::Char('g')), Action::Top),
        (
            KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Action::Bottom,
        ),
        (key(KeyCode::End), Action::Bottom),
        (key(KeyCode::Char('n')), Action::NextChange),
        (key(KeyCode::Char('N')), Action::PrevChange),
        (key(KeyCode::Char('[')), Action::PrevOutlet(Side::Left)),
        (key(KeyCode::Char(']')), Action::NextOutlet(Side::Left)),
        (key(KeyCode::Char('{')), Action::PrevOutlet(Side::Right)),
        (key(KeyCode::Char('}')), Action::NextOutlet(Side::Right)),
        (key(KeyCode::Char('x')), Action::Swap),
        (key(KeyCode::Char('v')), Action::NextView),
        (
            KeyEvent::new(KeyCode::Char('2'), KeyModifiers::ALT),
            Action::SetView(View::Inline),
        ),
        (key(KeyCode::Char('3')), Action::Digit(3)),
        (key(KeyCode::Char('h')), Action::PrevFocused),
        (key(KeyCode::Right), Action::NextFocused),
        (key(KeyCode::Tab), Action::CycleFocus),
        (key(KeyCode::Char(':')), Action::GoToParagraph),
        (key(KeyCode::Char('y')), Action::Copy),
        (key(KeyCode::Char('w')), Action::Export),
        (key(KeyCode::Char('c')), Action::ToggleMouse),
        (ctrl('z'), Action::Suspend),
        (key(KeyCode::Char('s')), Action::ToggleNormalize),
        (key(KeyCode::Char('m')), Action::JumpMoved),
        (key(KeyCode::Char('M')), Action::PrevMoved),
        (key(KeyCode::Char('?')), Action::ToggleHelp),
        (key(KeyCode::Char('q')), Action::Quit),
        (ctrl('c'), Action::Quit),
    ];
    for (event, action) in cases {
        assert_eq!(action_for_key(&app, event), Some(action), "{event:?}");
    }
    assert_eq!(action_for_key(&app, key(KeyCode::Char('z'))), None);
    assert_eq!(
        action_for_key(&app, key(KeyCode::Char('0'))),
        None,
        "a count starts with 1-9"
    );
    let mut release = key(KeyCode::Char('q'));
    release.kind = KeyEventKind::Release;
    assert_eq!(action_for_key(&app, release), None);
}

#[test]
fn with_help_open_keys_only_close_it() {
    let mut app = app();
    update(&mut app, Action::ToggleHelp);
    assert_eq!(
        action_for_key(&app, key(KeyCode::Esc)),
        Some(Action::CloseOverlay)
    );
    assert_eq!(
        action_for_key(&app, key(KeyCode::Char('q'))),
        Some(Action::CloseOverlay)
    );
    assert_eq!(action_for_key(&app, key(KeyCode::Char('n'))), None);
    assert_eq!(
        action_for_key(&app, key(KeyCode::Char('j'))),
        Some(Action::Scroll(1))
    );
    assert_eq!(action_for_key(&app, ctrl('c')), Some(Action::Quit));
}

fn mouse(kind: MouseEventKind, row: u16) -> MouseEvent {
    MouseEvent {
        kind,
        column: 5,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

#[test]
fn the_wheel_scrolls_and_a_click_chooses_an_outlet() {
    let app = app();
    let list = app.screen().map_or(0, |s| s.outlets.y + 1);
    assert_eq!(
        action_for_mouse(&app, mouse(MouseEventKind::ScrollDown, 30)),
        Some(Action::Scroll(3))
    );
    assert_eq!(
        action_for_mouse(&app, mouse(MouseEventKind::ScrollUp, 30)),
        Some(Action::Scroll(-3))
    );
    let left = MouseEventKind::Down(MouseButton::Left);
    let right = MouseEventKind::Down(MouseButton::Right);
    assert_eq!(
        action_for_mouse(&app, mouse(left, list + 2)),
        Some(Action::Choose(Side::Right, 2))
    );
    assert_eq!(
        action_for_mouse(&app, mouse(right, list + 3)),
        Some(Action::Choose(Side::Left, 3))
    );
    assert_eq!(
        action_for_mouse(&app, mouse(left, list + 4)),
        None,
        "below the list"
    );
    assert_eq!(
        action_for_mouse(&app, mouse(left, list - 1)),
        None,
        "the list's title"
    );
    assert_eq!(
        action_for_mouse(&app, mouse(left, 30)),
        None,
        "the diff area"
    );
}

#[test]
fn the_layout_is_rebuilt_only_when_pair_view_or_width_changes() {
    let mut app = app();
    let built = |app: &App| app.layout().map(|l| l.rows.as_ptr());
    let first = built(&app);
    for action in [
        Action::Scroll(3),
        Action::PageDown,
        Action::NextChange,
        Action::ToggleHelp,
        Action::CloseOverlay,
        Action::Resize(120, 40),
        Action::Bottom,
    ] {
        update(&mut app, action);
        assert_eq!(built(&app), first, "rebuilt after a scroll-like action");
    }
    update(&mut app, Action::Resize(100, 40));
    assert_ne!(built(&app), first);
    let second = built(&app);
    update(&mut app, Action::Resize(100, 30));
    assert_eq!(built(&app), second, "the height does not change the layout");
    update(&mut app, Action::NextView);
    assert_ne!(built(&app), second);
}

fn any_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        (-50isize..50).prop_map(Action::Scroll),
        Just(Action::PageDown),
        Just(Action::PageUp),
        Just(Action::HalfPageDown),
        Just(Action::HalfPageUp),
        Just(Action::Top),
        Just(Action::Bottom),
        Just(Action::NextChange),
        Just(Action::PrevChange),
        Just(Action::NextOutlet(Side::Left)),
        Just(Action::PrevOutlet(Side::Left)),
        Just(Action::NextOutlet(Side::Right)),
        Just(Action::PrevOutlet(Side::Right)),
        (0usize..6).prop_map(|i| Action::Choose(Side::Left, i)),
        (0usize..6).prop_map(|i| Action::Choose(Side::Right, i)),
        Just(Action::Swap),
        Just(Action::NextView),
        Just(Action::ToggleNormalize),
        Just(Action::JumpMoved),
        Just(Action::PrevMoved),
        Just(Action::ToggleHelp),
        Just(Action::StartSearch),
        prop::char::range('a', 'z').prop_map(Action::SearchInput),
        Just(Action::SearchBackspace),
        Just(Action::SearchSubmit),
        Just(Action::SearchCancel),
        Just(Action::NextMatch),
        Just(Action::PrevMatch),
        (0u16..200, 0u16..80).prop_map(|(w, h)| Action::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_sequence_of_actions_keeps_the_state_in_bounds(
        actions in prop::collection::vec((any_action(), any::<bool>()), 1..40),
        partial in any::<bool>(),
    ) {
        // A reader that lays out only what is on screen, as for a long story, or all.
        let mut app = if partial { with_partial_layouts(14).1 } else { app() };
        // Keys come while comparisons are computed too: a pair toggled to the other
        // house style shows the one before meanwhile.
        for (action, computed) in actions {
            update(&mut app, action);
            if computed {
                settle(&mut app);
            }
            let count = app.story.reports.len();
            prop_assert!(app.outlets.left < count && app.outlets.right < count && app.outlets.left != app.outlets.right);
            if let Some(layout) = app.layout() {
                let max = layout.rows.len().saturating_sub(app.page());
                prop_assert!(app.scroll <= max, "{} > {max}", app.scroll);
                prop_assert!(app.current.is_none_or(|h| h < layout.hunk_total) || app.view == View::Plain);
            }
        }
    }
}

fn type_search(app: &mut App, query: &str) {
    update(app, Action::StartSearch);
    for c in query.chars() {
        update(app, Action::SearchInput(c));
    }
}

#[test]
fn a_frame_is_handed_every_match_on_its_rows_and_few_others() {
    let mut app = app();
    update(&mut app, Action::Resize(40, 40));
    // A query made of the end of one row and the start of the next wraps.
    let text = |row: &crate::layout::Row| match &row.cells[Side::Left] {
        crate::layout::Cell::Text { segments, .. } => {
            segments.iter().map(|s| s.text.as_str()).collect::<String>()
        }
        _ => String::new(),
    };
    let wrapping = app.layout().and_then(|l| {
        l.rows.windows(2).find_map(|w| {
            let (a, b) = (text(&w[0]), text(&w[1]));
            let a = a.trim_end();
            (w[0].block == w[1].block && a.len() > 3 && b.len() > 3)
                .then(|| format!("{} {}", &a[a.len() - 3..], &b[..3]))
        })
    });
    type_search(&mut app, &wrapping.unwrap());
    update(&mut app, Action::SearchSubmit);
    let all = app.matches().to_vec();
    assert!(all.iter().any(|m| m.pieces.len() > 1), "a match wraps");
    let rows = app.layout().map_or(0, |l| l.rows.len());
    for start in 0..rows {
        let screen = start..start + 5;
        let touching = |m: &&Match| m.pieces.iter().any(|(r, _)| screen.contains(r));
        let near = app.matches_on(screen.clone());
        let wanted: Vec<&Match> = all.iter().filter(touching).collect();
        assert_eq!(near.iter().filter(touching).collect::<Vec<_>>(), wanted);
        assert!(near.len() <= wanted.len() + 2, "{start}");
    }
}

#[test]
fn search_counts_matches_not_rows() {
    let mut app = app();
    type_search(&mut app, "paragraph 2 of");
    update(&mut app, Action::SearchSubmit);
    // "Paragraph 2 of" once on each side.
    assert_eq!(app.matches.len(), 2);
    assert_eq!(
        app.message.as_deref(),
        Some("match 1 of 2: n/N next/previous, Esc clears")
    );
}

#[test]
fn search_finds_rows_and_n_moves_between_them() {
    let mut app = app();
    type_search(&mut app, "paragraph 2x");
    assert!(app.search.editing);
    update(&mut app, Action::SearchBackspace);
    assert_eq!(app.search.query, "paragraph 2");
    update(&mut app, Action::SearchSubmit);
    assert!(app.search.active());
    // "Paragraph 2" and "Paragraph 20".."29", on both sides: at least 11 rows.
    let matches = app.matches.to_vec();
    assert!(matches.len() >= 11, "{matches:?}");
    assert_eq!(app.found, Some(0));
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("match 1 of"))
    );
    update(&mut app, Action::NextMatch);
    assert_eq!(app.found, Some(1));
    let found = matches.get(1).map_or(usize::MAX, |m| m.row());
    assert!(found >= app.scroll && found < app.scroll + app.page());
    update(&mut app, Action::PrevMatch);
    assert_eq!(app.found, Some(0));
    update(&mut app, Action::PrevMatch);
    assert_eq!(
        app.found,
        Some(matches.len() - 1),
        "wraps to the last match"
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("wrapped to bottom"))
    );
    update(&mut app, Action::Resize(80, 30));
    assert!(app.matches.len() >= 11, "matches follow a re-wrap");
    update(&mut app, Action::SearchCancel);
    assert!(!app.search.active() && app.matches.is_empty() && app.found.is_none());
}

#[test]
fn a_search_without_hits_says_so_and_an_empty_one_clears() {
    let mut app = app();
    type_search(&mut app, "zebra");
    update(&mut app, Action::SearchSubmit);
    assert_eq!(app.message.as_deref(), Some("not found: zebra"));
    assert!(app.matches.is_empty());
    // A failed search leaves n and N to step through changes.
    assert!(!app.search.active());
    assert_eq!(
        action_for_key(&app, key(KeyCode::Char('n'))),
        Some(Action::NextChange)
    );
    type_search(&mut app, "");
    update(&mut app, Action::SearchSubmit);
    assert!(!app.search.active() && !app.search.editing);
}

#[test]
fn while_typing_a_search_keys_are_text_and_n_then_moves_between_matches() {
    let mut app = app();
    assert_eq!(
        action_for_key(&app, key(KeyCode::Char('/'))),
        Some(Action::StartSearch)
    );
    update(&mut app, Action::StartSearch);
    assert_eq!(
        action_for_key(&app, key(KeyCode::Char('q'))),
        Some(Action::SearchInput('q'))
    );
    assert_eq!(
        action_for_key(&app, key(KeyCode::Backspace)),
        Some(Action::SearchBackspace)
    );
    assert_eq!(
        action_for_key(&app, key(KeyCode::Enter)),
        Some(Action::SearchSubmit)
    );
    assert_eq!(
        action_for_key(&app, key(KeyCode::Esc)),
        Some(Action::SearchCancel)
    );
    assert_eq!(action_for_key(&app, ctrl('c')), Some(Action::Quit));
    update(&mut app, Action::SearchInput('L'));
    update(&mut app, Action::SearchSubmit);
    assert_eq!(
        action_for_key(&app, key(KeyCode::Char('n'))),
        Some(Action::NextMatch)
    );
    assert_eq!(
        action_for_key(&app, key(KeyCode::Char('N'))),
        Some(Action::PrevMatch)
    );
    assert_eq!(
        action_for_key(&app, key(KeyCode::Esc)),
        Some(Action::SearchCancel)
    );
    update(&mut app, Action::SearchCancel);
    assert_eq!(
        action_for_key(&app, key(KeyCode::Char('n'))),
        Some(Action::NextChange)
    );
    assert_eq!(action_for_key(&app, key(KeyCode::Esc)), None);
}

#[test]
fn every_counted_change_is_visible_where_n_lands() {
    for normalize in [false, true] {
        for view in [View::SideBySide, View::Inline] {
            let mut app = App::new(
                crate::story::bundled().unwrap_or_else(|e| panic!("{e}")),
                (80, 24),
                true,
            );
            settle(&mut app);
            update(&mut app, Action::OpenCell);
            if normalize {
                update(&mut app, Action::ToggleNormalize);
                settle(&mut app);
            }
            update(&mut app, Action::SetView(view));
            let Some(layout) = app.layout() else {
                panic!("no layout")
            };
            for (hunk, &row) in layout.hunk_rows.iter().enumerate() {
                let shown = layout.rows.get(row).is_some_and(|r| {
                    [&r.cells.left, &r.cells.right]
                        .iter()
                        .any(|cell| match cell {
                            crate::layout::Cell::Text { segments, .. } => segments
                                .iter()
                                .any(|s| s.hunk == Some(hunk) && !s.text.is_empty()),
                            crate::layout::Cell::Filler => false,
                        })
                });
                assert!(
                    shown,
                    "normalize {normalize}, {view:?}: change {} of {} at row {row}: {:?}",
                    hunk + 1,
                    layout.hunk_rows.len(),
                    layout.rows.get(row)
                );
            }
        }
    }
}

#[test]
fn a_count_repeats_the_motion_after_it_once() {
    let mut app = app();
    for d in [1, 2] {
        let action = action_for_key(&app, key(KeyCode::Char(char::from(b'0' + d))));
        update(&mut app, action.unwrap());
    }
    assert_eq!(app.count, Some(12));
    update(&mut app, Action::Scroll(1));
    assert_eq!((app.scroll, app.count), (12, None));
    update(&mut app, Action::Scroll(1));
    assert_eq!(app.scroll, 13, "the count is used up");
    update(&mut app, Action::Digit(3));
    update(&mut app, Action::NextChange);
    assert_eq!(app.current, Some(2));
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("change 3 of"))
    );
    update(&mut app, Action::Digit(2));
    assert_eq!(
        action_for_key(&app, key(KeyCode::Esc)),
        Some(Action::CancelCount)
    );
    update(&mut app, Action::CancelCount);
    update(&mut app, Action::Top);
    assert_eq!((app.scroll, app.count), (0, None));
}

#[test]
fn colon_and_a_count_go_to_a_paragraph() {
    let mut app = app();
    update(&mut app, Action::GoToParagraph);
    assert!(app.goto);
    for c in ['1', '2', 'x'] {
        if let Some(action) = action_for_key(&app, key(KeyCode::Char(c))) {
            update(&mut app, action);
        }
    }
    assert_eq!(app.count, Some(12));
    update(&mut app, Action::GoToSubmit);
    assert!(!app.goto);
    let para = |app: &App| {
        let block = app
            .layout()
            .and_then(|l| l.rows.get(app.scroll))
            .map(|r| r.block);
        block.and_then(|b| {
            app.comparison()?
                .blocks
                .get(b)
                .map(|b| b.paras.left.clone())
        })
    };
    assert!(
        para(&app).is_some_and(|r| r.contains(&11)),
        "{:?}",
        para(&app)
    );
    assert_eq!(app.message.as_deref(), Some("¶12 on the left"));
    update(&mut app, Action::Digit(3));
    update(&mut app, Action::Bottom);
    assert!(
        para(&app).is_some_and(|r| r.contains(&2)),
        "3G: paragraph 3"
    );
    update(&mut app, Action::GoToParagraph);
    update(&mut app, Action::Digit(9));
    update(&mut app, Action::Digit(9));
    update(&mut app, Action::Digit(9));
    update(&mut app, Action::GoToSubmit);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("no paragraph 999"))
    );
}

#[test]
fn h_and_l_change_the_focused_sides_outlet_and_tab_moves_the_focus() {
    let mut app = App::new(crate::story::bundled().unwrap(), (120, 40), true);
    settle(&mut app);
    let before = app.outlets;
    update(&mut app, Action::NextFocused);
    assert_eq!(app.outlets.left, before.left);
    assert_ne!(app.outlets.right, before.right);
    update(&mut app, Action::CycleFocus);
    assert_eq!(app.focus, Side::Left);
    let right = app.outlets.right;
    update(&mut app, Action::PrevFocused);
    assert_eq!(app.outlets.right, right);
    assert_ne!(app.outlets.left, before.left);
}

#[test]
fn y_copies_the_current_change_with_marks() {
    let mut app = app();
    update(&mut app, Action::NextChange);
    update(&mut app, Action::Copy);
    let Some(Effect::Copy(text)) = app.effect.take() else {
        panic!("no copy: {:?}", app.message);
    };
    assert!(text.contains("[-") || text.contains("{+"), "{text}");
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("copied ¶"))
    );
}

#[test]
fn the_mouse_key_toggles_capture_and_export_renders_a_page() {
    let mut app = app();
    assert!(app.mouse);
    update(&mut app, Action::ToggleMouse);
    assert_eq!(app.effect.take(), Some(Effect::Mouse(false)));
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("the terminal selects"))
    );
    update(&mut app, Action::Export);
    let Some(Effect::Export { name, contents }) = app.effect.take() else {
        panic!("no export");
    };
    assert!(
        name.starts_with("diverge-") && name.ends_with(".html"),
        "{name}"
    );
    assert!(contents.starts_with("<!DOCTYPE html>") && contents.contains("<del>"));
}

#[test]
fn a_remapped_quit_key_quits_and_the_old_one_does_not() {
    let mut keymap = Keymap::default();
    keymap.remap("quit", &["Q".to_string()]).unwrap();
    let prefs = Prefs {
        keymap,
        ..Prefs::default()
    };
    let app = App::with_prefs(story(), (120, 40), true, prefs);
    assert_eq!(action_for_key(&app, key(KeyCode::Char('q'))), None);
    assert_eq!(
        action_for_key(&app, KeyEvent::new(KeyCode::Char('Q'), KeyModifiers::SHIFT)),
        Some(Action::Quit)
    );
    assert_eq!(
        action_for_key(&app, ctrl('c')),
        Some(Action::Quit),
        "always"
    );
}

/// The bundled story, compared, on a 120x40 screen.
fn bundled_app() -> App {
    let story = crate::story::bundled().unwrap_or_else(|e| panic!("bundled: {e}"));
    let mut app = App::new(story, (120, 40), true);
    settle(&mut app);
    update(&mut app, Action::OpenCell);
    app
}

fn outlet(app: &App, name: &str) -> usize {
    app.story
        .reports
        .iter()
        .position(|r| r.outlet == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn independent_reports_open_told_by_both_and_a_reprint_side_by_side() {
    let mut app = bundled_app();
    assert_eq!(app.view, View::SideBySide, "Reuters and its reprint");
    let herald = outlet(&app, "The Korea Herald");
    update(&mut app, Action::Choose(Side::Right, herald));
    settle(&mut app);
    assert_eq!(app.view, View::Shared);
    let told = app.comparison().and_then(|c| c.told.clone()).unwrap();
    assert!(told.matched.len() >= 2, "{:?}", told.matched);
    // Once the reader chooses a view it stays, whatever the pair.
    update(&mut app, Action::SetView(View::Inline));
    let straits = outlet(&app, "The Straits Times");
    update(&mut app, Action::Choose(Side::Right, straits));
    settle(&mut app);
    assert_eq!(app.view, View::Inline);
}

#[test]
fn n_steps_through_told_by_both_items_and_enter_goes_to_the_text_and_back() {
    let mut app = bundled_app();
    let herald = outlet(&app, "The Korea Herald");
    update(&mut app, Action::Choose(Side::Right, herald));
    settle(&mut app);
    for _ in 0..4 {
        update(&mut app, Action::NextChange);
    }
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("told by both 4 of")),
        "{:?}",
        app.message
    );
    let shared_scroll = app.scroll;
    update(&mut app, Action::JumpShared);
    assert_eq!(app.view, View::SideBySide);
    let layout = app.layout().unwrap();
    let comparison = app.comparison().unwrap();
    let block = layout.rows[app.scroll].block;
    // The fourth matched Reuters sentence is Xi's reply, in Reuters' ¶5.
    assert!(
        comparison.blocks[block].paras.left.contains(&4),
        "{:?}",
        comparison.blocks[block]
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("¶5 on the left"))
    );
    update(&mut app, Action::JumpShared);
    assert_eq!((app.view, app.scroll), (View::Shared, shared_scroll));
}

#[test]
fn three_reports_open_on_the_overview_and_enter_opens_the_selected_pair() {
    let mut app = App::new(story(), (120, 40), true);
    assert!(app.overview);
    settle(&mut app);
    // The most similar pair is selected, so one key gives the pair view.
    assert_eq!(app.cell, app.outlets);
    update(
        &mut app,
        Action::MoveCell {
            rows: 0,
            columns: 1,
        },
    );
    assert_ne!(
        app.cell.left, app.cell.right,
        "the diagonal is stepped over"
    );
    let cell = app.cell;
    update(&mut app, Action::OpenCell);
    assert!(!app.overview);
    assert_eq!(app.outlets, cell);
    update(&mut app, Action::OpenOverview);
    assert!(app.overview);
    update(&mut app, Action::CloseOverlay);
    assert!(!app.overview);
    assert_eq!(app.outlets, cell);
}

#[test]
fn two_reports_open_straight_on_their_pair() {
    let mut story = story();
    story.reports.truncate(2);
    let app = App::new(story, (120, 40), true);
    assert!(!app.overview);
}

#[test]
fn overview_keys_move_between_cells() {
    let mut app = App::new(story(), (120, 40), true);
    settle(&mut app);
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(
        action_for_key(&app, key('l')),
        Some(Action::MoveCell {
            rows: 0,
            columns: 1
        })
    );
    assert_eq!(
        action_for_key(&app, KeyEvent::new(KeyCode::Up, KeyModifiers::NONE)),
        Some(Action::MoveCell {
            rows: -1,
            columns: 0
        })
    );
    assert_eq!(
        action_for_key(&app, KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
        Some(Action::OpenCell)
    );
}

/// `action` given to a reader that lays out here and to its twin `big`, whose layout
/// thread then delivers what it was asked for.
fn both_take(inline: &mut App, big: &mut App, action: Action) {
    update(inline, action.clone());
    settle(inline);
    update(big, action);
    settle(big);
    lay_out(big);
}

/// The reader as [`app`] gives it, whose layouts from now on come off the UI thread.
fn big_app() -> App {
    let mut app = app();
    off_thread(&mut app, false);
    app
}

#[test]
fn while_a_layout_is_built_the_old_screen_scrolls_and_the_place_carries_over() {
    let mut app = big_app();
    let before = app.layout().cloned();
    update(&mut app, Action::Resize(100, 40));
    assert!(app.laying_out());
    assert_eq!(
        app.layout(),
        before.as_ref(),
        "the old screen stays meanwhile"
    );
    update(&mut app, Action::Scroll(7));
    assert_eq!(app.scroll, 7, "a key pressed meanwhile is not lost");
    let top = app
        .layout()
        .and_then(|l| l.anchor(7))
        .map(|(block, _)| block);
    lay_out(&mut app);
    assert!(!app.laying_out());
    assert_ne!(app.layout().map(|l| l.width), before.map(|l| l.width));
    let now = app.layout().and_then(|l| l.anchor(app.scroll));
    assert_eq!(
        now.map(|(block, _)| block),
        top,
        "the same paragraph at the top"
    );
}

#[test]
fn a_layout_no_longer_wanted_is_dropped_when_it_arrives() {
    let mut app = big_app();
    let start = app.view;
    update(&mut app, Action::NextView);
    let first = app.layout_job().unwrap();
    update(&mut app, Action::NextView);
    let second = app.layout_job().unwrap();
    assert_ne!(first.key, second.key);
    update(&mut app, Action::LaidOut(first.key, Box::new(first.run())));
    assert!(app.laying_out());
    assert_eq!(app.layout().map(|l| l.view), Some(start));
    assert_eq!(
        app.take_retired().map(|l| l.view),
        Some(first.key.view),
        "an unwanted layout is freed off the UI thread too"
    );
    update(
        &mut app,
        Action::LaidOut(second.key, Box::new(second.run())),
    );
    assert!(!app.laying_out());
    assert_eq!(app.layout().map(|l| l.view), Some(app.view));
    assert_eq!(
        app.take_retired().map(|l| l.view),
        Some(start),
        "freed elsewhere"
    );
}

#[test]
fn at_the_bottom_a_taller_narrower_screen_keeps_the_place_a_layout_built_here_keeps() {
    let mut inline = app();
    let mut big = big_app();
    for app in [&mut inline, &mut big] {
        update(app, Action::Bottom);
        update(app, Action::Resize(40, 42));
    }
    assert!(big.laying_out());
    lay_out(&mut big);
    assert!(inline.scroll > 0);
    assert_eq!(big.scroll, inline.scroll);
}

#[test]
fn a_search_of_a_long_comparison_is_made_off_the_ui_thread_and_lands_as_inline() {
    let mut inline = app();
    let mut big = big_app();
    for app in [&mut inline, &mut big] {
        update(app, Action::Scroll(5));
        type_search(app, "paragraph");
        update(app, Action::SearchSubmit);
    }
    assert!(big.seeking());
    assert!(big.matches().is_empty());
    let job = big.layout_job().unwrap();
    assert!(
        job.shown
            .as_deref()
            .is_some_and(|l| Some(l) == big.layout()),
        "searches the layout on screen, not a new one"
    );
    lay_out(&mut big);
    assert!(!big.seeking());
    assert!(!big.matches().is_empty());
    assert_eq!(big.matches(), inline.matches());
    assert_eq!(
        (big.scroll, big.found, &big.message),
        (inline.scroll, inline.found, &inline.message)
    );
}

#[test]
fn the_answer_to_an_older_search_is_dropped() {
    let mut big = big_app();
    type_search(&mut big, "paragraph");
    update(&mut big, Action::SearchSubmit);
    let old = big.layout_job().unwrap();
    type_search(&mut big, "para");
    update(&mut big, Action::SearchSubmit);
    update(&mut big, Action::LaidOut(old.key, Box::new(old.run())));
    assert!(big.seeking(), "still waiting for the search asked last");
    assert!(big.matches().is_empty());
    lay_out(&mut big);
    assert!(!big.seeking());
    let last = big.layout().map(|l| l.search("para"));
    assert_eq!(Some(big.matches().to_vec()), last);
}

#[test]
fn the_reuse_grid_arriving_leaves_the_note_on_screen() {
    let mut app = app();
    update(&mut app, Action::CycleFocus);
    let note = app.message.clone();
    assert!(note.is_some());
    update(&mut app, Action::Reuse(vec![vec![0.0; 4]; 4]));
    assert_eq!(app.message, note);
}

#[test]
fn going_back_to_the_screen_shown_stops_waiting() {
    let mut app = big_app();
    let shown = app.layout().map(|l| l.rows.as_ptr());
    update(&mut app, Action::Resize(100, 40));
    assert!(app.laying_out());
    update(&mut app, Action::Resize(120, 40));
    assert!(!app.laying_out());
    assert!(app.layout_job().is_none());
    assert_eq!(app.layout().map(|l| l.rows.as_ptr()), shown);
}

#[test]
fn enter_in_the_told_by_both_view_lands_once_the_text_is_laid_out() {
    let mut inline = app();
    let mut big = big_app();
    update(&mut inline, Action::SetView(View::Shared));
    update(&mut big, Action::SetView(View::Shared));
    lay_out(&mut big);
    for _ in 0..10 {
        update(&mut inline, Action::NextChange);
        update(&mut big, Action::NextChange);
    }
    update(&mut inline, Action::JumpShared);
    update(&mut big, Action::JumpShared);
    assert!(big.laying_out());
    update(&mut big, Action::JumpShared);
    assert!(
        big.message
            .as_deref()
            .unwrap_or("")
            .starts_with("laying out")
    );
    lay_out(&mut big);
    assert_eq!(big.view, View::SideBySide);
    assert!(inline.scroll > 0);
    assert_eq!(big.scroll, inline.scroll);
    update(&mut inline, Action::JumpShared);
    update(&mut big, Action::JumpShared);
    lay_out(&mut big);
    assert_eq!((big.view, big.scroll), (View::Shared, inline.scroll));
}

#[test]
fn the_active_search_is_found_in_a_new_layout_on_the_layout_thread() {
    let mut inline = app();
    let mut big = big_app();
    for app in [&mut inline, &mut big] {
        type_search(app, "paragraph");
        update(app, Action::SearchSubmit);
    }
    update(&mut inline, Action::Resize(90, 40));
    update(&mut big, Action::Resize(90, 40));
    let job = big.layout_job().unwrap();
    assert_eq!(job.query.as_deref(), Some("paragraph"));
    let built = job.run();
    let found = built.found.as_ref().map(|(_, m)| m.clone());
    update(&mut big, Action::LaidOut(job.key, Box::new(built)));
    assert!(!big.matches().is_empty());
    assert_eq!(Some(big.matches().to_vec()), found);
    assert_eq!(big.matches(), inline.matches());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_layout_built_off_the_ui_thread_gives_the_reader_built_inline(
        actions in prop::collection::vec(prop_oneof![any_action(), Just(Action::JumpShared)], 1..30),
    ) {
        let mut inline = app();
        let mut big = big_app();
        for action in actions {
            both_take(&mut inline, &mut big, action);
            prop_assert_eq!(big.layout(), inline.layout());
            prop_assert_eq!(big.matches(), inline.matches());
            prop_assert_eq!(
                (big.scroll, big.current, big.view, big.found, &big.message),
                (inline.scroll, inline.current, inline.view, inline.found, &inline.message)
            );
        }
    }
}

#[test]
fn g_pressed_while_views_are_laid_out_lands_at_the_bottom_of_the_last() {
    // However the layouts asked for on the way arrive: the one between not at all, or
    // after G, or (told by both, whose places mean nothing in the text) before it.
    for order in 0..3 {
        let mut big = big_app();
        update(&mut big, Action::NextView);
        let between = big.layout_job().unwrap();
        if order == 2 {
            update(
                &mut big,
                Action::LaidOut(between.key, Box::new(between.run())),
            );
        }
        update(&mut big, Action::NextView);
        update(&mut big, Action::Bottom);
        if order == 1 {
            update(
                &mut big,
                Action::LaidOut(between.key, Box::new(between.run())),
            );
        }
        lay_out(&mut big);
        let rows = big.layout().map_or(0, |l| l.rows.len());
        assert_eq!(big.view, View::Inline, "{order}");
        assert_eq!(big.scroll, rows - big.page(), "{order}");
    }
}

/// The reader as [`app`] gives it, on a terminal `height` rows tall, and a twin that
/// lays out only the blocks around the reading position, as it does a long story: on a
/// short screen those are some of the story's rows.
fn with_partial_layouts(height: u16) -> (App, App) {
    let mut inline = app();
    let mut big = app();
    off_thread(&mut big, true);
    for app in [&mut inline, &mut big] {
        update(app, Action::Resize(120, height));
        lay_out(app);
    }
    (inline, big)
}

/// The rows on screen.
fn screen_rows(app: &App) -> Vec<crate::layout::Row> {
    app.layout().map_or_else(Vec::new, |l| {
        l.rows
            .iter()
            .skip(app.scroll)
            .take(app.page())
            .cloned()
            .collect()
    })
}

/// What the reader sees of the reading position and the marks on it.
fn seen(app: &App) -> impl PartialEq + std::fmt::Debug {
    (
        screen_rows(app),
        app.layout().and_then(|l| l.anchor(app.scroll)),
        app.current,
        app.view,
        app.message.clone(),
    )
}

#[test]
fn a_view_switched_to_shows_its_rows_at_once_laying_out_only_those() {
    let (mut inline, mut big) = with_partial_layouts(14);
    for app in [&mut inline, &mut big] {
        update(app, Action::Scroll(40));
        update(app, Action::NextView);
    }
    let partial = big.layout().unwrap();
    assert_eq!(partial.view, big.view, "the new view is on screen at once");
    assert!(!partial.is_whole());
    assert!(partial.rows.len() < inline.layout().unwrap().rows.len() / 2);
    assert!(!big.laying_out());
    assert!(big.layout_job().is_none(), "nothing more is laid out");
    assert_eq!(seen(&big), seen(&inline));
}

#[test]
fn keys_that_go_past_a_partial_layout_lay_out_where_they_go() {
    for action in [
        Action::Bottom,
        Action::Top,
        Action::PageDown,
        Action::Scroll(-30),
        Action::Scroll(45),
        Action::NextChange,
        Action::PrevChange,
        Action::JumpMoved,
        Action::PrevMoved,
    ] {
        let (mut inline, mut big) = with_partial_layouts(14);
        for app in [&mut inline, &mut big] {
            update(app, Action::Scroll(60));
            update(app, Action::NextView);
            update(app, Action::NextView);
            update(app, action.clone());
        }
        assert!(big.layout().is_some_and(|l| !l.is_whole()), "{action:?}");
        assert_eq!(seen(&big), seen(&inline), "{action:?}");
    }
}

#[test]
fn a_search_lays_a_partial_layout_out_whole_off_the_ui_thread() {
    let (mut inline, mut big) = with_partial_layouts(14);
    for app in [&mut inline, &mut big] {
        update(app, Action::NextView);
        type_search(app, "paragraph");
        update(app, Action::SearchSubmit);
    }
    assert!(big.layout().is_some_and(|l| !l.is_whole()));
    let job = big.layout_job().unwrap();
    assert!(
        job.shown.is_none(),
        "the whole layout, not the part on screen"
    );
    lay_out(&mut big);
    assert!(big.layout().is_some_and(Layout::is_whole));
    assert_eq!(big.matches(), inline.matches());
    assert_eq!(seen(&big), seen(&inline));
}

#[test]
fn a_search_kept_across_a_swap_counts_the_matches_of_the_whole_view() {
    let (mut inline, mut big) = with_partial_layouts(14);
    for app in [&mut inline, &mut big] {
        type_search(app, "a");
        update(app, Action::SearchSubmit);
    }
    lay_out(&mut big);
    update(&mut inline, Action::Swap);
    settle(&mut inline);
    update(&mut big, Action::Swap);
    settle(&mut big);
    // The swapped view is laid out around the screen: it must not count the matches
    // in that part alone, but ask for the whole view, which brings them all.
    assert!(big.layout().is_some_and(|l| !l.is_whole()));
    assert!(
        big.matches().is_empty(),
        "none counted in the part on screen"
    );
    assert!(big.layout_job().is_some_and(|job| job.shown.is_none()));
    lay_out(&mut big);
    assert_eq!(big.matches().len(), inline.matches().len());
    both_take(&mut inline, &mut big, Action::NextMatch);
    assert_eq!(big.message, inline.message);
    assert!(
        big.message
            .as_deref()
            .is_some_and(|m| m.starts_with("match 1 of ")),
        "{:?}",
        big.message
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_reader_laying_out_part_of_a_view_shows_what_one_laying_out_all_shows(
        height in 10u16..24,
        // On a terminal too small for text the reader keeps the old layout and acts on it
        // blind; that is tested apart, not here.
        actions in prop::collection::vec(
            prop_oneof![any_action(), Just(Action::JumpShared)].prop_filter(
                "a screen that shows text",
                |a| !matches!(a, Action::Resize(w, h)
                    if *w < super::screen::MIN_WIDTH || *h < super::screen::MIN_HEIGHT),
            ),
            1..30,
        ),
    ) {
        let (mut inline, mut big) = with_partial_layouts(height);
        for action in actions {
            both_take(&mut inline, &mut big, action);
            prop_assert_eq!(seen(&big), seen(&inline));
            prop_assert_eq!(big.found, inline.found);
            if big.layout().is_some_and(Layout::is_whole) {
                prop_assert_eq!(big.matches(), inline.matches());
            }
        }
    }
}

#[test]
fn a_long_pair_is_shown_compared_before_its_sentences_are_matched() {
    let (mut app, tell) = told_later(
        &[
            "Lee spoke to Xi on Tuesday.",
            "They agreed to meet again soon.",
        ],
        &[
            "Lee spoke to Xi on June 10.",
            "They agreed to meet again soon.",
        ],
    );
    assert!(app.telling());
    assert_eq!(app.layout().map(|l| l.view), Some(View::SideBySide));
    // The told-by-both view waits for the sentences; the text stays meanwhile.
    update(&mut app, Action::SetView(View::Shared));
    assert_eq!(app.layout().map(|l| l.view), Some(View::SideBySide));
    tell(&mut app);
    assert!(!app.telling());
    assert_eq!(app.layout().map(|l| l.view), Some(View::Shared));
    let told = app.comparison().and_then(|c| c.told.as_ref());
    assert!(told.is_some_and(|t| !t.matched.is_empty()));
}

#[test]
fn independently_written_reports_wait_for_their_sentences_to_choose_a_view() {
    let (mut app, tell) = told_later(
        &[
            "President Lee and President Xi held their first phone call on Tuesday.",
            "The weather in Seoul was mild, with light winds from the west all afternoon.",
            "Farmers in the south expect an early harvest of rice and barley this year.",
        ],
        &[
            "Markets in Tokyo closed higher as exporters gained on a weaker yen.",
            "On Tuesday President Lee and President Xi held their first phone call.",
            "A new museum of modern art opens in Busan next month, its curators said.",
        ],
    );
    assert!(app.comparison().is_some_and(|c| c.stats.similarity < 0.5));
    assert!(
        app.layout().is_none(),
        "no view is chosen before the sentences are matched"
    );
    tell(&mut app);
    assert_eq!(app.layout().map(|l| l.view), Some(View::Shared));
}
