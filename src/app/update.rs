//! The one place the reader's state changes, [`update`]; which layout it shows and where
//! it reads from are worked out in `layouts`, for it.

use std::sync::Arc;

use crate::layout::{self, View};
use crate::side::{Pair, Side};

use super::layouts::{
    go, install, land, lay_out_further, refresh_layout, showing_wanted, too_big_for_a_frame,
};
use super::{Action, App, Built, Effect, Land, all_pairs};

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
            | Action::Told(..)
            | Action::Counted(..)
            | Action::Waited(..)
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
        Action::Top => {
            app.scroll = 0;
            go(app, Land::Block(0));
        }
        Action::Bottom => {
            app.scroll = max_scroll(app);
            // The bottom of the view coming, whatever the one shown meanwhile.
            go(app, Land::Bottom);
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
        // The query changes only while it is typed: a confirmed one is searched for.
        Action::SearchInput(c) if app.search.editing => app.search.query.push(c),
        Action::SearchBackspace if app.search.editing => {
            app.search.query.pop();
        }
        Action::SearchInput(_) | Action::SearchBackspace => {}
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
        Action::Waited(key, waited) => app.waited = Some((key, waited)),
        Action::LaidOut(key, built) => {
            let Built { layout, found } = *built;
            let shown = app.layout.as_ref().is_some_and(|(k, _)| *k == key);
            if app.pending == Some(key) {
                // A search asked of a partial layout is answered with the whole one.
                let searched = app.seeking && shown;
                install(app, key, layout, found);
                if searched {
                    show_found(app);
                }
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
            app.cache.insert(key, comparison);
            if app.choosing {
                open_on_most_similar(app);
            }
        }
        Action::Told(key, told) => {
            // The worker gave its share back first: this copies nothing unless a layout
            // is being built from the comparison meanwhile.
            if let Some(comparison) = app.cache.get_mut(&key) {
                Arc::make_mut(comparison).told = Some(*told);
            }
        }
    }
    refresh_layout(app);
    if app.opening && showing_wanted(app) && go_to_start(app) {
        app.opening = false;
    }
    if app.card.as_ref().is_some_and(|c| c.outlets != app.outlets) {
        app.card = Some(super::Card::of(&app.story, app.outlets));
    }
    super::facts::land(app);
    // While a diff is computing there is no layout to clamp to, and while a new layout
    // is being made the old one's height is not the new one's: keep the position, which
    // the new layout anchors on exactly as a layout built here would. A partial layout
    // that reaches the end has the end's height.
    lay_out_further(app, 0);
    if app.layout().is_some_and(layout::Layout::reaches_end) && showing_wanted(app) {
        app.scroll = app.scroll.min(max_scroll(app));
    }
}

fn signed(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

fn scroll_by(app: &mut App, rows: isize) {
    lay_out_further(app, rows);
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
/// reading, highlighted, so `n` goes on from it. False, with nothing done, while the
/// layout that has that place is still being built.
fn go_to_start(app: &mut App) -> bool {
    let Some(comparison) = app.comparison() else {
        return false;
    };
    let shared = comparison
        .blocks
        .iter()
        .position(|b| b.kind.only_side().is_none());
    go(app, Land::Block(shared.unwrap_or(0)));
    let Some(layout) = app.layout() else {
        return false;
    };
    let Some(start) = shared.map_or(Some(0), |b| layout.block_row(b)) else {
        return false;
    };
    let first = layout.hunks().find(|&(_, r)| r >= start).map(|(h, _)| h);
    // Past the rows a partial layout holds, the first change is the first after them.
    let after = layout.hunks_from + layout.hunk_rows.len();
    let first = first.or((after < layout.hunk_total).then_some(after));
    app.scroll = start;
    app.current = None;
    if let Some(hunk) = first {
        go(app, Land::Hunk(hunk));
    }
    true
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
pub(super) fn reveal(app: &mut App, row: usize) {
    if !on_screen(app, row) {
        app.scroll = row.saturating_sub(app.page() / 4);
    }
}

/// The current change, if the reader has not scrolled it off screen since: `n` and `N`
/// step from it, else from the top of the screen.
fn current_on_screen(app: &App) -> Option<usize> {
    let layout = app.layout()?;
    app.current
        .filter(|&h| layout.hunk_row(h).is_some_and(|r| on_screen(app, r)))
}

fn hunk_total(app: &App) -> usize {
    app.layout().map_or(0, |l| l.hunk_total)
}

fn next_change(app: &mut App) {
    let next = match (current_on_screen(app), app.layout()) {
        (Some(h), _) => Some(h + 1),
        (None, None) => None,
        // Past the rows a partial layout shows, the next change is the first after them.
        (None, Some(layout)) => layout
            .hunks()
            .find(|&(_, r)| r >= app.scroll)
            .map(|(h, _)| h)
            .or((!layout.is_whole()).then_some(layout.hunks_from + layout.hunk_rows.len())),
    };
    let next = next.filter(|&h| h < hunk_total(app));
    go_to_change(app, next.or(Some(0)), next.is_none().then_some("top"));
}

fn prev_change(app: &mut App) {
    let prev = match (current_on_screen(app), app.layout()) {
        (Some(h), _) => h.checked_sub(1),
        (None, None) => None,
        (None, Some(layout)) => match layout.hunks().rev().find(|&(_, r)| r < app.scroll) {
            Some((h, _)) => Some(h),
            None if layout.is_whole() => None,
            None => layout.hunks_from.checked_sub(1),
        },
    };
    let total = hunk_total(app);
    let prev = prev.filter(|&h| h < total);
    go_to_change(
        app,
        prev.or(total.checked_sub(1)),
        prev.is_none().then_some("bottom"),
    );
}

/// Makes `hunk` the current change; `wrapped` says past which end the search went. A
/// change a partial layout lacks is laid out around.
fn go_to_change(app: &mut App, hunk: Option<usize>, wrapped: Option<&str>) {
    let total = hunk_total(app);
    match hunk.filter(|&h| h < total) {
        Some(h) => {
            app.current = Some(h);
            match app.layout().and_then(|l| l.hunk_row(h)) {
                Some(row) => reveal(app, row),
                None => go(app, Land::Hunk(h)),
            }
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
        Some((side, b))
    });
    match found {
        Some((side, block)) => {
            match layout.block_row(block) {
                Some(row) => app.scroll = row,
                None => go(app, Land::Block(block)),
            }
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

pub(super) fn find_matches(app: &mut App) {
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
    let stops: Vec<usize> = comparison
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind.is_moved())
        .map(|(i, _)| i)
        .collect();
    let count = stops.len();
    let here = app.moved.and_then(|b| stops.iter().position(|&s| s == b));
    // Blocks are in reading order: the first starting on screen or below it, the last
    // starting above the screen's bottom.
    let top = layout.anchor(app.scroll);
    let last_row = app.scroll.saturating_add(app.page()).saturating_sub(1);
    let bottom = layout
        .anchor(last_row)
        .or_else(|| layout.rows.last().map(|r| (r.block, 0)))
        .map_or(0, |(block, _)| block);
    let next = match (here, forward) {
        (Some(i), true) => Some((i + 1) % count.max(1)),
        (Some(i), false) => Some(i.checked_sub(1).unwrap_or(count.saturating_sub(1))),
        (None, true) => stops
            .iter()
            .position(|&b| top.is_none_or(|(t, offset)| b > t || (b == t && offset == 0)))
            .or((count > 0).then_some(0)),
        (None, false) => stops
            .iter()
            .rposition(|&b| b <= bottom)
            .or(count.checked_sub(1)),
    };
    let Some(&block) = next.and_then(|i| stops.get(i)) else {
        app.message = Some("no moved paragraphs in this pair".to_string());
        return;
    };
    let row = layout.block_row(block);
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
    match row {
        Some(row) => reveal(app, row),
        None => go(app, Land::Reveal(block)),
    }
}

/// Below this similarity two reports share too few words for their paragraphs to pair:
/// they were written independently, and what they share is best read sentence by
/// sentence.
const INDEPENDENT_BELOW: f64 = 0.5;

/// The view a pair opens in until the reader chooses one: the told-by-both view for
/// independently written reports that tell something alike, side by side otherwise.
/// `None` while independently written reports wait for their sentence layer.
pub(super) fn auto_view(comparison: &crate::diff::Comparison) -> Option<View> {
    if comparison.stats.similarity >= INDEPENDENT_BELOW {
        return Some(View::SideBySide);
    }
    let told = comparison.told.as_ref()?;
    Some(if told.matched.is_empty() {
        View::SideBySide
    } else {
        View::Shared
    })
}

/// The reader chose `view`: it stays for every pair from now on.
fn pin_view(app: &mut App, view: View) {
    app.view = view;
    app.view_pinned = true;
}

/// Enter: from a told-by-both item (the current one, else the first on screen) to its
/// paragraph in the side-by-side view; from there, back to where the reader was.
fn jump_shared(app: &mut App) {
    if !showing_wanted(app) {
        app.message = Some("laying out: Enter works once the text is shown".to_string());
        return;
    }
    if app.view != View::Shared {
        let (block, offset) = app.back.take().unwrap_or((0, 0));
        pin_view(app, View::Shared);
        land(app, Land::Anchor(block, offset));
        app.message = Some("told by both: Enter on an item shows it in the text".to_string());
        return;
    }
    let Some(target) = shared_target(app) else {
        app.message = Some("no sentence on screen to show in the text".to_string());
        return;
    };
    let (side, paragraph, block) = target;
    app.back = app.layout().and_then(|l| l.anchor(app.scroll));
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
        .and_then(|h| layout.hunk_row(h))
        .and_then(|r| layout.rows.get(r))
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
