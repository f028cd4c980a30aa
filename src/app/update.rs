//! The one place the reader's state changes.

use std::cmp::Ordering;
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
            app.cache.insert(key, (*comparison).into());
            if app.choosing {
                open_on_most_similar(app);
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
    // the new layout anchors on exactly as a layout built here would. A partial layout of the
    // new layout that reaches its end has the end's height.
    lay_out_further(app, 0);
    let reaches_end = app.layout().is_some_and(|l| l.blocks.end == l.block_total);
    if reaches_end && showing_wanted(app) {
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

/// Lays the partial layout on screen out again, further, when scrolling `rows` (or,
/// with 0, a jump just made) would leave its rows for blocks it lacks.
fn lay_out_further(app: &mut App, rows: isize) {
    let Some((key, layout)) = partial_on_screen(app) else {
        return;
    };
    let page = app.page();
    let far = rows.unsigned_abs();
    let short_below = app.scroll.saturating_add_signed(rows).saturating_add(page)
        > layout.rows.len()
        && layout.blocks.end < layout.block_total;
    let short_above = layout.blocks.start > 0
        && match rows.cmp(&0) {
            Ordering::Less => app.scroll < far,
            // At the end, a screen taller than the rows shows rows above them.
            Ordering::Equal => layout.rows.len() < page,
            Ordering::Greater => false,
        };
    let Some((block, offset)) = layout
        .anchor(app.scroll)
        .filter(|_| short_below || short_above)
    else {
        return;
    };
    // Rows are counted from the block's first row, the screen's top is `offset` below.
    let extra = Pair::new(
        if short_above { far + page } else { 0 },
        if short_below { far + offset + page } else { 0 },
    );
    if let Some(comparison) = app.cache.get(&key.pair).map(Arc::clone) {
        if !lay_out_around(app, key, &comparison, block, extra) {
            app.pending = Some(key);
        }
    }
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

/// True when the layout on screen is the one the reader waits for, or part of it.
fn showing_wanted(app: &App) -> bool {
    app.layout().is_some()
        && (!app.laying_out() || app.layout.as_ref().map(|(k, _)| *k) == app.pending)
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

/// Lays out what the view now shows and puts the reading position at `to`: at once
/// when the layout has that place or can be laid out around it, else when the whole
/// layout arrives.
fn land(app: &mut App, to: Land) {
    app.land = Some(to);
    refresh_layout(app);
    go(app, to);
}

/// Puts the reading position at `to`. In a partial layout that lacks that place, the
/// blocks around it are laid out; while a layout is being built, it goes there when it
/// arrives.
pub(super) fn go(app: &mut App, to: Land) {
    if showing_wanted(app) && land_at(app, to) {
        app.land = None;
        return;
    }
    // Places are the wanted layout's: the one on screen must be it, or the one that
    // stays while no new layout is made (the terminal is too small to show one).
    let wanted = wanted_key(app);
    let partial = partial_on_screen(app).filter(|(key, _)| *key == wanted || app.pending.is_none());
    // A place the view does not have (a block of another view's) is gone to by none.
    let exists = |layout: &layout::Layout| match to {
        Land::Anchor(block, _) | Land::Block(block) | Land::Reveal(block) => {
            block < layout.block_total
        }
        Land::Hunk(hunk) => hunk < layout.hunk_total,
        Land::Bottom => true,
    };
    let Some((key, _)) = partial.filter(|(_, layout)| exists(layout)) else {
        if app.laying_out() {
            app.land = Some(to);
        }
        return;
    };
    let comparison = app.cache.get(&key.pair).map(Arc::clone);
    let shown = comparison.is_some_and(|comparison| {
        let at = place_to_lay_out(app, &key, &comparison, Some(to));
        app.land = None;
        lay_out_around(app, key, &comparison, at, Pair::new(0, 0))
    });
    // The place was off the screen, which showed only blocks the partial layout had.
    match app
        .layout()
        .and_then(|l| target_row(app, l, to))
        .filter(|_| shown)
    {
        Some(row) => put_at(app, to, row, true),
        None => {
            // Too long to lay out here: the layout thread lays all of it out and lands.
            app.land = Some(to);
            app.pending = Some(key);
        }
    }
}

/// The layout on screen when it holds only some of its blocks.
fn partial_on_screen(app: &App) -> Option<(LayoutKey, &layout::Layout)> {
    let (key, layout) = app.layout.as_ref()?;
    (key.pair == app.pair() && !layout.is_whole()).then_some((*key, &**layout))
}

/// The layout the reader's choices ask for.
fn wanted_key(app: &App) -> LayoutKey {
    LayoutKey {
        pair: app.pair(),
        view: app.view,
        width: app.diff_width(),
    }
}

/// Puts the reading position at `to`; false when the layout on screen, a partial one, lacks
/// that place.
fn land_at(app: &mut App, to: Land) -> bool {
    let row = app.layout().and_then(|layout| target_row(app, layout, to));
    if let Some(row) = row {
        put_at(app, to, row, false);
    }
    row.is_some()
}

/// The row `to` puts at or near the top of the screen, if `layout` has it.
fn target_row(app: &App, layout: &layout::Layout, to: Land) -> Option<usize> {
    match to {
        Land::Anchor(block, offset) => layout
            .block_row(block)
            .map(|start| start + offset.min(layout.block_len(block).saturating_sub(1))),
        Land::Block(block) | Land::Reveal(block) => layout.block_row(block),
        Land::Hunk(hunk) => layout.hunk_row(hunk),
        Land::Bottom => (layout.blocks.end == layout.block_total).then(|| max_scroll(app)),
    }
}

/// Puts the reading position at `to`, which is at `row`; `off_screen` when that row is
/// known to be off the screen before.
fn put_at(app: &mut App, to: Land, row: usize, off_screen: bool) {
    if let Land::Hunk(hunk) = to {
        app.current = Some(hunk);
    }
    match to {
        Land::Hunk(_) | Land::Reveal(_) if off_screen => {
            app.scroll = row.saturating_sub(app.page() / 4);
        }
        Land::Hunk(_) | Land::Reveal(_) => reveal(app, row),
        Land::Anchor(..) | Land::Block(_) | Land::Bottom => app.scroll = row.min(max_scroll(app)),
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
    let key = wanted_key(app);
    let Some(comparison) = app.cache.get(&key.pair).map(Arc::clone) else {
        // Waiting for the diff: a layout asked for before is no longer wanted.
        stop_waiting(app);
        return;
    };
    if let Some((shown, layout)) = &app.layout {
        if *shown == key {
            // A search looks through every row: a partial layout is laid out whole.
            if !layout.is_whole() && (app.search.active() || app.land.is_some()) {
                app.pending = Some(key);
            } else {
                stop_waiting(app);
            }
            return;
        }
    }
    if too_big_for_a_frame(app, &comparison) {
        if app.pending == Some(key) {
            return;
        }
        let at = place_to_lay_out(app, &key, &comparison, app.land);
        if !lay_out_around(app, key, &comparison, at, Pair::new(0, 0)) {
            app.pending = Some(key);
        }
        return;
    }
    let jump_key = app.keymap.label(&Action::JumpMoved);
    let new = layout::build(&comparison, key.view, key.width, &jump_key);
    install(app, key, Arc::new(new), None);
}

/// Rows a partial layout lays out before and after its place, in pages: what a few keys
/// scroll through before it is laid out again.
const AROUND_PAGES: Pair<usize> = Pair { left: 2, right: 3 };

/// Where the layout for `key` is laid out around: the place the reader
/// asked for, else the block at the top of the screen.
fn place_to_lay_out(
    app: &App,
    key: &LayoutKey,
    comparison: &Comparison,
    to: Option<Land>,
) -> usize {
    let shown = app.layout.as_ref().filter(|(k, _)| same_blocks(k, key));
    let anchor = shown.and_then(|(_, l)| l.anchor(app.scroll));
    match to {
        Some(Land::Anchor(block, _) | Land::Block(block) | Land::Reveal(block)) => block,
        Some(Land::Hunk(hunk)) => layout::block_of_hunk(comparison, key.view, hunk).unwrap_or(0),
        Some(Land::Bottom) => usize::MAX,
        None => anchor.map_or(0, |(block, _)| block),
    }
}

/// Shows the blocks around block `at` of the layout for `key`, with `extra` rows before
/// and after it: the screen need not wait for all of it. False, and what was on screen
/// stays, when they are too long to lay out within a frame.
fn lay_out_around(
    app: &mut App,
    key: LayoutKey,
    comparison: &Comparison,
    at: usize,
    extra: Pair<usize>,
) -> bool {
    let page = app.page();
    let margin = layout::Margin {
        rows: Pair::from_fn(|side| AROUND_PAGES[side] * page + extra[side]),
        bytes: app.around_bytes,
    };
    let jump_key = app.keymap.label(&Action::JumpMoved);
    let Some(part) = layout::build_around(comparison, key.view, key.width, &jump_key, at, margin)
    else {
        return false;
    };
    if part.is_whole() {
        // A comparison short enough for the blocks around the screen to be all of it.
        install(app, key, Arc::new(part), None);
        return true;
    }
    put_on_screen(app, key, Arc::new(part));
    find_matches(app);
    if let Some(to) = app.land {
        if land_at(app, to) {
            app.land = None;
        }
    }
    true
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

/// True when positions in the layout for `a` mean the same blocks as in one for `b`:
/// blocks of the told-by-both view are its own items, not paragraphs.
fn same_blocks(a: &LayoutKey, b: &LayoutKey) -> bool {
    a.pair.outlets == b.pair.outlets && (a.view == View::Shared) == (b.view == View::Shared)
}

/// Puts `new` on screen, keeping the paragraph at the top of the diff area at the top
/// when only the view or the width changed.
fn put_on_screen(app: &mut App, key: LayoutKey, new: Arc<layout::Layout>) {
    let old = app.layout.take();
    if old.as_ref().is_some_and(|(k, _)| !same_blocks(k, &key)) {
        app.scroll = 0;
        app.current = None;
    }
    if let Some((_, layout)) = old.as_ref().filter(|(k, _)| same_blocks(k, &key)) {
        let top = app.scroll;
        app.scroll = layout
            .anchor(top)
            .and_then(|(block, offset)| {
                let start = new.block_row(block)?;
                // The blank row before a block stays the one before it.
                if layout.block_row(block).is_some_and(|first| top < first) {
                    return Some(start.saturating_sub(1));
                }
                let (was, now) = (layout.block_len(block).max(1), new.block_len(block).max(1));
                Some(start + (offset * now / was).min(now - 1))
            })
            .unwrap_or(0);
    }
    app.retired = old.map(|(_, layout)| layout);
    app.layout = Some((key, new));
}

/// Puts the whole layout `new` on screen; `found` is the active search already made in
/// it, if the layout thread made it.
fn install(
    app: &mut App,
    key: LayoutKey,
    new: Arc<layout::Layout>,
    found: Option<(String, Vec<layout::Match>)>,
) {
    put_on_screen(app, key, new);
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
