//! The one place the reader's state changes.

use std::sync::Arc;

use crate::diff::Comparison;
use crate::layout::{self, View};
use crate::side::{Pair, Side};

use super::{Action, App, Built, Effect, Land, LayoutKey, all_pairs};

/// The largest count kept: more rows or changes than any story has.
const MAX_COUNT: usize = 999_999;

/// Applies `action` to `app`, then brings the layout up to date (rebuilt only when the
/// pair, the view or the width changed; a big comparison's layout is asked of the layout
/// thread instead, see [`App::layout_job`]).
pub fn update(app: &mut App, action: Action) {
    // What the reader did not do leaves the note and the count typed so far alone.
    let arrived = matches!(
        action,
        Action::Computed(..)
            | Action::Counted(..)
            | Action::LaidOut(..)
            | Action::Reuse(..)
            | Action::Resize(..)
    );
    if !arrived {
        app.message = None;
    }
    let counting = arrived || matches!(action, Action::Digit(_) | Action::GoToBackspace);
    // A count applies to the one action after it.
    let count = if counting { None } else { app.count.take() };
    let times = count.unwrap_or(1);
    match action {
        Action::Scroll(rows) if app.help => {
            let last = app.help_lines().saturating_sub(app.help_rows());
            app.help_scroll = app.help_scroll.saturating_add_signed(rows).min(last);
        }
        Action::Scroll(rows) => scroll_by(app, rows.saturating_mul(signed(times))),
        Action::PageDown => scroll_by(app, signed(app.page() * times)),
        Action::PageUp => scroll_by(app, -signed(app.page() * times)),
        Action::HalfPageDown => scroll_by(app, signed((app.page() / 2).max(1) * times)),
        Action::HalfPageUp => scroll_by(app, -signed((app.page() / 2).max(1) * times)),
        Action::Top | Action::Bottom if count.is_some() => go_to_paragraph(app, times),
        Action::Top => app.scroll = 0,
        Action::Bottom => {
            app.scroll = max_scroll(app);
            // The bottom of the view coming, whatever the one shown meanwhile.
            if app.laying_out() {
                app.land = Some(Land::Bottom);
            }
        }
        Action::NextChange => (0..times).for_each(|_| next_change(app)),
        Action::PrevChange => (0..times).for_each(|_| prev_change(app)),
        Action::NextOutlet(side) => {
            (0..times).for_each(|_| choose(app, side, step(app, side, true)));
        }
        Action::PrevOutlet(side) => {
            (0..times).for_each(|_| choose(app, side, step(app, side, false)));
        }
        Action::NextFocused => update(app, Action::NextOutlet(app.focus)),
        Action::PrevFocused => update(app, Action::PrevOutlet(app.focus)),
        Action::CycleFocus => {
            app.focus = app.focus.other();
            app.message = Some(format!("focus: {} outlet", app.focus.name()));
        }
        Action::GoToParagraph => {
            app.goto = true;
            app.count = None;
        }
        Action::Digit(d) => {
            let so_far = app.count.unwrap_or(0);
            app.count = Some(
                so_far
                    .saturating_mul(10)
                    .saturating_add(usize::from(d))
                    .min(MAX_COUNT),
            );
        }
        Action::GoToBackspace => app.count = app.count.map(|c| c / 10).filter(|&c| c > 0),
        Action::GoToSubmit => {
            app.goto = false;
            if let Some(n) = count {
                go_to_paragraph(app, n);
            }
        }
        Action::CancelCount => app.goto = false,
        Action::Copy => super::copy::copy(app),
        Action::Export => super::copy::export(app),
        Action::ToggleMouse => {
            app.mouse = !app.mouse;
            app.effect = Some(Effect::Mouse(app.mouse));
            app.message = Some(if app.mouse {
                "mouse: the reader takes clicks and the wheel".to_string()
            } else {
                let key = app.keymap.label(&Action::ToggleMouse);
                format!("mouse: the terminal selects; {key} gives the mouse back")
            });
        }
        Action::Suspend => app.effect = Some(Effect::Suspend),
        Action::Choose(side, i) => choose(app, side, i),
        Action::Swap => swap(app),
        Action::NextView => pin_view(app, app.view.next()),
        Action::SetView(view) => pin_view(app, view),
        Action::JumpShared => jump_shared(app),
        Action::ToggleNormalize => {
            app.normalize = !app.normalize;
            app.moved = None;
        }
        Action::ToggleList => app.list_open = Some(!app.list_shown()),
        Action::JumpMoved => step_moved(app, true),
        Action::PrevMoved => step_moved(app, false),
        Action::StartSearch => {
            clear_search(app);
            app.search.editing = true;
        }
        Action::SearchInput(c) => app.search.query.push(c),
        Action::SearchBackspace => {
            app.search.query.pop();
        }
        Action::SearchSubmit => submit_search(app),
        Action::SearchCancel => clear_search(app),
        Action::NextMatch => next_match(app),
        Action::PrevMatch => prev_match(app),
        Action::ToggleCard => {
            app.card = match app.card {
                Some(_) => None,
                None => Some(super::Card::of(&app.story, app.outlets)),
            }
        }
        Action::ToggleHelp => {
            app.help = !app.help;
            app.help_scroll = 0;
        }
        Action::CloseOverlay if !app.help => app.overview = false,
        Action::CloseOverlay => {
            app.help = false;
            app.help_scroll = 0;
        }
        Action::Quit => app.quit = true,
        // The event loop clears the terminal; the state is as it was.
        Action::Redraw => {}
        Action::OpenOverview => {
            app.overview = true;
            app.cell = app.outlets;
        }
        Action::MoveCell { rows, columns } => move_cell(app, rows, columns),
        Action::OpenCell => {
            app.overview = false;
            if !app.choosing && app.cell != app.outlets {
                app.outlets = app.cell;
                new_pair(app);
            }
        }
        Action::Reuse(grid) => app.reuse = Some(grid),
        Action::Resize(w, h) => app.size = (w, h),
        Action::OpenFacts => super::facts::update(app, super::FactsAction::Open),
        Action::Facts(action) => super::facts::update(app, action),
        Action::Counted(words) => app.words = words,
        Action::LaidOut(key, built) => {
            let Built { layout, found } = *built;
            let shown = app.layout.as_ref().is_some_and(|(k, _)| *k == key);
            if app.pending == Some(key) {
                install(app, key, layout, found);
            } else if app.seeking && shown {
                // Only the search asked last counts; an older one's answer is dropped.
                if let Some((_, matches)) = found.filter(|(q, _)| *q == app.search.query) {
                    app.seeking = false;
                    app.matches = matches;
                    show_found(app);
                }
            } else {
                // No longer wanted; freed off the UI thread like a replaced layout.
                app.retired = Some(layout);
            }
        }
        Action::Computed(key, comparison) => {
            app.cache.insert(key, (*comparison).into());
            if app.choosing {
                open_on_most_similar(app);
            }
        }
    }
    refresh_layout(app);
    if app.opening && app.layout().is_some() && !app.laying_out() {
        app.opening = false;
        go_to_start(app);
    }
    if app.card.as_ref().is_some_and(|c| c.outlets != app.outlets) {
        app.card = Some(super::Card::of(&app.story, app.outlets));
    }
    super::facts::land(app);
    // While a diff is computing there is no layout to clamp to, and while a new layout
    // is being made the old one's height is not the new one's: keep the position, which
    // the new layout anchors on exactly as a layout built here would.
    if app.layout().is_some() && !app.laying_out() {
        app.scroll = app.scroll.min(max_scroll(app));
    }
}

fn signed(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

fn scroll_by(app: &mut App, rows: isize) {
    app.scroll = app.scroll.saturating_add_signed(rows).min(max_scroll(app));
}

/// The last row the top of the diff area can reach: the last row at the bottom.
pub(super) fn max_scroll(app: &App) -> usize {
    app.layout()
        .map_or(0, |l| l.rows.len().saturating_sub(app.page()))
}

/// The report after (or before) the one on `side` in the list, wrapping around, skipping
/// the one on the other side.
fn step(app: &App, side: Side, forward: bool) -> usize {
    let (from, other) = (app.outlets[side], app.outlets[side.other()]);
    let count = app.story.reports.len();
    let mut i = from;
    for _ in 0..count {
        i = if forward {
            (i + 1) % count.max(1)
        } else {
            i.checked_sub(1).unwrap_or(count.saturating_sub(1))
        };
        if i != other {
            return i;
        }
    }
    from
}

/// Puts report `i` on one side; choosing the report the other side shows swaps them.
fn choose(app: &mut App, side: Side, i: usize) {
    if i >= app.story.reports.len() || app.choosing || i == app.outlets[side] {
        return;
    }
    if i == app.outlets[side.other()] {
        swap(app);
    } else {
        app.outlets[side] = i;
        new_pair(app);
    }
}

fn swap(app: &mut App) {
    if app.choosing {
        return;
    }
    app.outlets = app.outlets.swapped();
    new_pair(app);
}

/// A new pair starts at the top with no change highlighted.
pub(super) fn new_pair(app: &mut App) {
    app.scroll = 0;
    app.current = None;
    app.moved = None;
    app.back = None;
}

/// Once every pair is compared: opens on the most similar pair that is not identical,
/// where word differences say the most.
fn open_on_most_similar(app: &mut App) {
    let mut similarities = Vec::new();
    for key in all_pairs(app.story.reports.len()) {
        let Some(c) = app.cache.get(&key) else {
            return;
        };
        similarities.push((key.outlets, c.stats.similarity));
    }
    if let Some(pair) = super::most_similar(similarities) {
        app.outlets = pair;
        app.cell = pair;
    }
    app.choosing = false;
    new_pair(app);
}

/// Places the pair the reader opens on at its first change, past any paragraphs at the
/// start that only one side has (a photo caption, a dateline): the first change worth
/// reading, highlighted, so `n` goes on from it.
fn go_to_start(app: &mut App) {
    let (Some(layout), Some(comparison)) = (app.layout(), app.comparison()) else {
        return;
    };
    let shared = comparison
        .blocks
        .iter()
        .position(|b| b.kind.only_side().is_none())
        .and_then(|b| layout.block_rows.get(b).copied())
        .unwrap_or(0);
    let first = layout.hunk_rows.iter().position(|&r| r >= shared);
    let row = first.and_then(|h| layout.hunk_rows.get(h).copied());
    app.scroll = shared;
    if let Some(row) = row {
        reveal(app, row);
    }
    app.current = first;
}

/// Moves the overview's selection, wrapping around the grid and stepping over the
/// diagonal (a report against itself).
fn move_cell(app: &mut App, rows: isize, columns: isize) {
    let count = app.story.reports.len();
    if count < 2 {
        return;
    }
    let wrap = |i: usize, by: isize| {
        let n = isize::try_from(count).unwrap_or(isize::MAX);
        let i = isize::try_from(i).unwrap_or(0);
        usize::try_from((i + by).rem_euclid(n)).unwrap_or(0)
    };
    let mut cell = Pair::new(wrap(app.cell.left, rows), wrap(app.cell.right, columns));
    if cell.left == cell.right {
        cell = Pair::new(
            wrap(cell.left, rows.signum()),
            wrap(cell.right, columns.signum()),
        );
    }
    app.cell = cell;
}

fn on_screen(app: &App, row: usize) -> bool {
    row >= app.scroll && row < app.scroll.saturating_add(app.page())
}

/// Scrolls so `row` is on screen: a row already there stays put, any other lands a
/// quarter of the way down, with some context above it.
fn reveal(app: &mut App, row: usize) {
    if !on_screen(app, row) {
        app.scroll = row.saturating_sub(app.page() / 4);
    }
}

/// The current change, if the reader has not scrolled it off screen since: `n` and `N`
/// step from it, else from the top of the screen.
fn current_on_screen(app: &App) -> Option<usize> {
    app.current
        .filter(|&h| hunk_rows(app).get(h).is_some_and(|&r| on_screen(app, r)))
}

fn hunk_rows(app: &App) -> &[usize] {
    app.layout().map_or(&[], |l| l.hunk_rows.as_slice())
}

fn next_change(app: &mut App) {
    let rows = hunk_rows(app);
    let next = match current_on_screen(app) {
        Some(h) => Some(h + 1),
        None => rows.iter().position(|&r| r >= app.scroll),
    };
    let next = next.filter(|&h| h < rows.len());
    go_to_change(app, next.or(Some(0)), next.is_none().then_some("top"));
}

fn prev_change(app: &mut App) {
    let rows = hunk_rows(app);
    let prev = match current_on_screen(app) {
        Some(h) => h.checked_sub(1),
        None => rows.iter().rposition(|&r| r < app.scroll),
    };
    let prev = prev.filter(|&h| h < rows.len());
    let last = rows.len().checked_sub(1);
    go_to_change(app, prev.or(last), prev.is_none().then_some("bottom"));
}

/// Makes `hunk` the current change; `wrapped` says past which end the search went.
fn go_to_change(app: &mut App, hunk: Option<usize>, wrapped: Option<&str>) {
    let rows = hunk_rows(app);
    let total = rows.len();
    match hunk.and_then(|h| Some((h, *rows.get(h)?))) {
        Some((h, row)) => {
            app.current = Some(h);
            reveal(app, row);
            let what = if app.view == View::Shared {
                "told by both"
            } else {
                "change"
            };
            app.message = Some(format!(
                "{what} {} of {total}{}",
                h + 1,
                wrapped_note(wrapped)
            ));
        }
        None => {
            app.message = Some(match app.view {
                View::Plain => "the plain view marks no changes".to_string(),
                _ => "no changes".to_string(),
            });
        }
    }
}

fn wrapped_note(wrapped: Option<&str>) -> String {
    wrapped.map_or_else(String::new, |end| format!(", wrapped to {end}"))
}

/// Scrolls to paragraph `n` (from 1) of the left outlet, or of the right one when the
/// left has fewer.
fn go_to_paragraph(app: &mut App, n: usize) {
    let (Some(layout), Some(comparison)) = (app.layout(), app.comparison()) else {
        return;
    };
    let index = n.saturating_sub(1);
    let found = Side::BOTH.into_iter().find_map(|side| {
        let b = comparison.blocks.iter().position(|b| {
            b.kind.only_side() != Some(side.other()) && b.paras[side].contains(&index)
        })?;
        Some((side, *layout.block_rows.get(b)?))
    });
    match found {
        Some((side, row)) => {
            app.scroll = row;
            app.current = None;
            app.message = Some(format!("¶{n} on the {}", side.name()));
        }
        None => {
            let count = |side: Side| {
                comparison
                    .blocks
                    .iter()
                    .map(|b| b.paras[side].end)
                    .max()
                    .unwrap_or(0)
            };
            let most = count(Side::Left).max(count(Side::Right));
            app.message = Some(format!("no paragraph {n}: the longest version has {most}"));
        }
    }
    app.scroll = app.scroll.min(max_scroll(app));
}

fn clear_search(app: &mut App) {
    app.search = super::Search::default();
    app.matches.clear();
    app.found = None;
    app.seeking = false;
}

fn find_matches(app: &mut App) {
    app.matches = match app.layout() {
        Some(layout) if app.search.active() => layout.search(&app.search.query),
        _ => Vec::new(),
    };
    app.found = None;
}

/// The row match `i` starts on.
fn match_row(app: &App, i: usize) -> Option<usize> {
    app.matches.get(i).map(|m| m.row())
}

fn submit_search(app: &mut App) {
    app.search.editing = false;
    if app.search.query.is_empty() {
        return clear_search(app);
    }
    if app.layout().is_some()
        && app
            .comparison()
            .is_some_and(|c| too_big_for_a_frame(app, c))
    {
        app.matches.clear();
        app.found = None;
        app.seeking = true;
        app.message = Some(format!("searching for {}…", app.search.query));
        return;
    }
    find_matches(app);
    show_found(app);
}

/// Says what the search found and goes to its first match below the top of the screen.
fn show_found(app: &mut App) {
    if app.matches.is_empty() {
        // Nothing to step through: n and N go back to stepping through changes.
        let message = format!("not found: {}", app.search.query);
        clear_search(app);
        app.message = Some(message);
        return;
    }
    // From the top of the screen down, or from the first match when none is below.
    let first = app
        .matches
        .iter()
        .position(|m| m.row() >= app.scroll)
        .unwrap_or(0);
    go_to_match(app, Some(first), None);
}

fn next_match(app: &mut App) {
    let next = match app.found {
        Some(i) => i + 1,
        None => app
            .matches
            .iter()
            .position(|m| m.row() >= app.scroll)
            .unwrap_or(app.matches.len()),
    };
    let next = Some(next).filter(|&i| i < app.matches.len());
    let wrapped = next.is_none().then_some("top");
    go_to_match(app, next.or(Some(0)), wrapped);
}

fn prev_match(app: &mut App) {
    let prev = match app.found {
        Some(i) => i.checked_sub(1),
        None => app.matches.iter().rposition(|m| m.row() < app.scroll),
    };
    let wrapped = prev.is_none().then_some("bottom");
    go_to_match(app, prev.or(app.matches.len().checked_sub(1)), wrapped);
}

fn go_to_match(app: &mut App, found: Option<usize>, wrapped: Option<&str>) {
    let Some((i, row)) = found.and_then(|i| Some((i, match_row(app, i)?))) else {
        app.message = Some(format!("not found: {}", app.search.query));
        return;
    };
    app.found = Some(i);
    reveal(app, row);
    let keys = [Action::NextChange, Action::PrevChange].map(|a| app.keymap.label(&a));
    app.message = Some(format!(
        "match {} of {}{}: {}/{} next/previous, Esc clears",
        i + 1,
        app.matches.len(),
        wrapped_note(wrapped),
        keys[0],
        keys[1]
    ));
}

/// Goes to the next (or previous) place of a moved paragraph, in reading order and
/// wrapping around, from the one last gone to or else from the screen; both places of
/// that move are highlighted.
fn step_moved(app: &mut App, forward: bool) {
    let (Some(layout), Some(comparison)) = (app.layout(), app.comparison()) else {
        return;
    };
    // Block rows grow with the block index, so these are in reading order.
    let stops: Vec<(usize, usize)> = comparison
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind.is_moved())
        .filter_map(|(i, _)| Some((i, *layout.block_rows.get(i)?)))
        .collect();
    let count = stops.len();
    let here = app
        .moved
        .and_then(|b| stops.iter().position(|&(s, _)| s == b));
    let bottom = app.scroll.saturating_add(app.page());
    let next = match (here, forward) {
        (Some(i), true) => Some((i + 1) % count.max(1)),
        (Some(i), false) => Some(i.checked_sub(1).unwrap_or(count.saturating_sub(1))),
        (None, true) => stops
            .iter()
            .position(|&(_, r)| r >= app.scroll)
            .or((count > 0).then_some(0)),
        (None, false) => stops
            .iter()
            .rposition(|&(_, r)| r < bottom)
            .or(count.checked_sub(1)),
    };
    let Some(&(block, row)) = next.and_then(|i| stops.get(i)) else {
        app.message = Some("no moved paragraphs in this pair".to_string());
        return;
    };
    let there = comparison.blocks.get(block).and_then(|b| {
        let partner = comparison.blocks.get(b.partner?)?;
        let side = partner.kind.only_side()?;
        Some(format!(
            "¶{} on the {}",
            partner.paras[side].start + 1,
            side.name()
        ))
    });
    let nth = next.map_or(0, |i| i + 1);
    app.message = Some(match there {
        Some(there) => {
            format!("moved paragraph {nth} of {count}, also at {there}: m/M next/previous")
        }
        None => format!("moved paragraph {nth} of {count}"),
    });
    app.moved = Some(block);
    app.current = None;
    reveal(app, row);
}

/// Below this similarity two reports share too few words for their paragraphs to pair:
/// they were written independently, and what they share is best read sentence by
/// sentence.
const INDEPENDENT_BELOW: f64 = 0.5;

/// The view a pair opens in until the reader chooses one: the told-by-both view for
/// independently written reports that tell something alike, side by side otherwise.
fn auto_view(comparison: &crate::diff::Comparison) -> View {
    let shares = comparison
        .told
        .as_ref()
        .is_some_and(|t| !t.matched.is_empty());
    if comparison.stats.similarity < INDEPENDENT_BELOW && shares {
        View::Shared
    } else {
        View::SideBySide
    }
}

/// The reader chose `view`: it stays for every pair from now on.
fn pin_view(app: &mut App, view: View) {
    app.view = view;
    app.view_pinned = true;
}

/// Enter: from a told-by-both item (the current one, else the first on screen) to its
/// paragraph in the side-by-side view; from there, back to where the reader was.
fn jump_shared(app: &mut App) {
    if app.laying_out() {
        app.message = Some("laying out: Enter works once the text is shown".to_string());
        return;
    }
    if app.view != View::Shared {
        let back = app.back.take().unwrap_or(0);
        pin_view(app, View::Shared);
        land(app, Land::Row(back));
        app.message = Some("told by both: Enter on an item shows it in the text".to_string());
        return;
    }
    let Some(target) = shared_target(app) else {
        app.message = Some("no sentence on screen to show in the text".to_string());
        return;
    };
    let (side, paragraph, block) = target;
    app.back = Some(app.scroll);
    app.current = None;
    pin_view(app, View::SideBySide);
    land(app, Land::Block(block));
    app.message = Some(format!(
        "¶{} on the {} in the side-by-side view; Enter goes back",
        paragraph + 1,
        side.name()
    ));
}

/// The side, paragraph and paragraph-view block of the told-by-both item to show.
fn shared_target(app: &App) -> Option<(Side, usize, usize)> {
    let (layout, comparison) = (app.layout()?, app.comparison()?);
    let told = comparison.told.as_ref()?;
    let headings = layout::Headings::of(told);
    let items = layout::items(told, &headings);
    let place_of = |block: usize| {
        let place = items.get(block)?.paragraph();
        let side = if place.left.is_some() {
            Side::Left
        } else {
            Side::Right
        };
        Some((side, place[side]?))
    };
    let current = current_on_screen(app)
        .and_then(|h| layout.hunk_rows.get(h))
        .and_then(|&r| layout.rows.get(r))
        .map(|row| row.block);
    let on_screen = || {
        layout
            .rows
            .iter()
            .skip(app.scroll)
            .take(app.page())
            .find_map(|row| place_of(row.block).map(|_| row.block))
    };
    let (side, paragraph) = place_of(current.or_else(on_screen)?)?;
    let block = comparison
        .blocks
        .iter()
        .position(|b| b.paras[side].contains(&paragraph))?;
    Some((side, paragraph, block))
}

/// Lays out what the view now shows and puts the reading position at `to`: at once
/// when the layout is built here, else when it arrives.
fn land(app: &mut App, to: Land) {
    refresh_layout(app);
    if app.laying_out() {
        app.land = Some(to);
    } else {
        land_at(app, to);
    }
}

fn land_at(app: &mut App, to: Land) {
    let row = match to {
        Land::Row(row) => Some(row),
        Land::Block(block) => app.layout().and_then(|l| l.block_rows.get(block).copied()),
        Land::Bottom => Some(max_scroll(app)),
    };
    if let Some(row) = row {
        app.scroll = row.min(max_scroll(app));
    }
}

/// Rebuilds the layout when the pair, view or width changed, or asks the layout thread
/// for it when the comparison is too big to lay out within a frame.
fn refresh_layout(app: &mut App) {
    // Too small a terminal shows no diff; the old layout keeps the reading position.
    if app.choosing || app.screen().is_none() {
        return;
    }
    if !app.view_pinned {
        if let Some(view) = app.comparison().map(auto_view) {
            app.view = view;
        }
    }
    let key = LayoutKey {
        pair: app.pair(),
        view: app.view,
        width: app.diff_width(),
    };
    let Some(comparison) = app.cache.get(&key.pair) else {
        // Waiting for the diff: a layout asked for before is no longer wanted.
        stop_waiting(app);
        return;
    };
    if app.layout.as_ref().is_some_and(|(k, _)| *k == key) {
        stop_waiting(app);
        return;
    }
    if too_big_for_a_frame(app, comparison) {
        app.pending = Some(key);
        return;
    }
    let jump_key = app.keymap.label(&Action::JumpMoved);
    let new = layout::build(comparison, key.view, key.width, &jump_key);
    install(app, key, Arc::new(new), None);
}

/// True when `comparison` is too big to lay out or search within a frame.
fn too_big_for_a_frame(app: &App, comparison: &Comparison) -> bool {
    comparison.stats.words.left + comparison.stats.words.right > app.inline_words
}

/// Forgets the layout asked of the layout thread, and where it was to open.
fn stop_waiting(app: &mut App) {
    app.pending = None;
    app.land = None;
}

/// Puts `new` on screen, keeping the paragraph at the top of the diff area at the top
/// when only the view or the width changed; `found` is the active search already made
/// in it, if the layout thread made it.
fn install(
    app: &mut App,
    key: LayoutKey,
    new: Arc<layout::Layout>,
    found: Option<(String, Vec<layout::Match>)>,
) {
    let old = app.layout.take();
    // Blocks of the told-by-both view are its own items: a position in it means nothing
    // in the paragraph views, and the other way round.
    let same_blocks = |k: &LayoutKey| {
        k.pair.outlets == key.pair.outlets && (k.view == View::Shared) == (key.view == View::Shared)
    };
    if old.as_ref().is_some_and(|(k, _)| !same_blocks(k)) {
        app.scroll = 0;
        app.current = None;
    }
    let same_pair = same_blocks;
    if let Some((_, layout)) = old.as_ref().filter(|(k, _)| same_pair(k)) {
        app.scroll = layout
            .anchor(app.scroll)
            .and_then(|(block, offset)| {
                let start = *new.block_rows.get(block)?;
                let (was, now) = (layout.block_len(block).max(1), new.block_len(block).max(1));
                Some(start + (offset * now / was).min(now - 1))
            })
            .unwrap_or(0);
    }
    app.retired = old.map(|(_, layout)| layout);
    app.layout = Some((key, new));
    // The new layout comes with the active search found in it, or finds it below.
    app.seeking = false;
    app.pending = None;
    if let Some(to) = app.land.take() {
        land_at(app, to);
    }
    match found.filter(|(query, _)| app.search.active() && *query == app.search.query) {
        Some((_, matches)) => {
            app.matches = matches;
            app.found = None;
        }
        None => find_matches(app),
    }
}
