//! Which layout of the pair is on screen, how much of it is laid out, and where it is
//! read from: a long comparison is laid out only around the screen, and again wherever
//! a key goes.

use std::cmp::Ordering;
use std::sync::Arc;

use super::update::{auto_view, find_matches, max_scroll, reveal};
use super::{Action, App, Land, LayoutKey};
use crate::diff::Comparison;
use crate::layout::{self, View};
use crate::side::Pair;

/// True when the layout on screen is the one the reader waits for, or part of it.
pub(super) fn showing_wanted(app: &App) -> bool {
    app.layout().is_some()
        && (!app.laying_out() || app.layout.as_ref().map(|(k, _)| *k) == app.pending)
}

/// Lays the partial layout on screen out again, further, when scrolling `rows` (or,
/// with 0, a jump just made) would leave its rows for blocks it lacks.
pub(super) fn lay_out_further(app: &mut App, rows: isize) {
    let Some((key, layout)) = partial_on_screen(app) else {
        return;
    };
    let page = app.page();
    let far = rows.unsigned_abs();
    let short_below = app.scroll.saturating_add_signed(rows).saturating_add(page)
        > layout.rows.len()
        && !layout.reaches_end();
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

/// Lays out what the view now shows and puts the reading position at `to`: at once
/// when the layout has that place or can be laid out around it, else when the whole
/// layout arrives.
pub(super) fn land(app: &mut App, to: Land) {
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
    (key.pair == app.shown_pair() && !layout.is_whole()).then_some((*key, &**layout))
}

/// The layout the reader's choices ask for.
fn wanted_key(app: &App) -> LayoutKey {
    LayoutKey {
        pair: app.shown_pair(),
        view: app.view,
        width: app.diff_width(),
    }
}

/// Puts the reading position at `to`; false when the layout on screen, a partial one,
/// lacks that place.
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
        Land::Bottom => layout.reaches_end().then(|| max_scroll(app)),
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

/// Rebuilds the layout when the pair, view or width changed. A comparison too big to lay
/// out within a frame is laid out around the screen; the layout thread is asked for all
/// of it when a search needs every row, or when the blocks around the screen are too
/// long to lay out here.
pub(super) fn refresh_layout(app: &mut App) {
    // Too small a terminal shows no diff; the old layout keeps the reading position.
    if app.choosing || app.screen().is_none() {
        return;
    }
    let auto = app.comparison().map(auto_view);
    if !app.view_pinned {
        if let Some(Some(view)) = auto {
            app.view = view;
        }
    }
    let key = wanted_key(app);
    let Some(comparison) = app.cache.get(&key.pair).map(Arc::clone) else {
        // Waiting for the diff: a layout asked for before is no longer wanted.
        stop_waiting(app);
        return;
    };
    // The told-by-both view, or the choice of view, waits for the sentence layer.
    let telling = comparison.told.is_none();
    if telling && (key.view == View::Shared || !app.view_pinned && auto == Some(None)) {
        stop_waiting(app);
        return;
    }
    if let Some((shown, layout)) = &app.layout {
        if *shown == key {
            // A search looks through every row, and a place the blocks around it could
            // not be laid out for is in the whole layout: a partial one is laid out whole.
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

/// Where the layout for `key` is laid out around: the place the reader asked for, else
/// the block at the top of the screen.
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
    if app.search.active() {
        // A search looks through every row: the part on screen holds only some of its
        // matches, so the whole layout is asked of the layout thread and brings them.
        app.matches.clear();
        app.found = None;
        app.pending = Some(key);
    } else {
        find_matches(app);
    }
    if let Some(to) = app.land {
        if land_at(app, to) {
            app.land = None;
        }
    }
    true
}

/// True when `comparison` is too big to lay out or search within a frame.
pub(super) fn too_big_for_a_frame(app: &App, comparison: &Comparison) -> bool {
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
pub(super) fn install(
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
