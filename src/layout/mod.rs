//! Pure layout: a comparison, a view and a width become wrapped, aligned display rows.
//! Nothing here knows about terminals; the ui draws the rows as they are.

mod search;
mod shared;
mod width;
mod window;
mod wrap;

pub use search::Match;
pub use shared::{Headings, Item, items};
pub use width::{cell_width, truncate, unambiguous};
pub use window::Margin;

use std::borrow::Cow;
use std::ops::Range;

use width::fit;
use window::FirstRows;

use crate::diff::{Block, Comparison, Kind, Span, Tag};
use crate::side::{Pair, Side};
use crate::text::is_invisible;
use crate::visible::visible;

/// How a comparison is shown; the key map and config files write it "side-by-side",
/// "inline" or "plain".
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum View {
    /// Two panes: deletions marked on the left, insertions on the right.
    #[default]
    SideBySide,
    /// One flow: deletions and insertions in reading order.
    Inline,
    /// Two panes without marks.
    Plain,
    /// Two panes facing each other by what both reports tell: matched sentences side by
    /// side with their word diff, then what only one side tells.
    Shared,
}

impl View {
    /// The view after this one, wrapping around.
    pub fn next(self) -> View {
        match self {
            View::SideBySide => View::Shared,
            View::Shared => View::Inline,
            View::Inline => View::Plain,
            View::Plain => View::SideBySide,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            View::SideBySide => "side by side",
            View::Inline => "inline",
            View::Plain => "plain",
            View::Shared => "told by both",
        }
    }

    pub fn has_two_panes(self) -> bool {
        self != View::Inline
    }
}

/// What a piece of displayed text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Equal,
    Delete,
    Insert,
    /// A difference house-style normalisation counts as equal: shown, never as a change.
    Style,
    /// A label: where a moved paragraph went, a sentence's paragraph, a section.
    Label,
}

/// A run of text with one mark. `hunk` numbers the change it belongs to, in reading
/// order, so the current change can be highlighted and jumped to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub mark: Mark,
    pub hunk: Option<usize>,
}

/// The tag in the narrow column before a pane's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gutter {
    Blank,
    Moved,
    /// A paragraph only the left version has.
    Removed,
    /// A paragraph only the right version has.
    Added,
}

/// One pane's part of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Nothing faces the other side here: padding that keeps paragraphs lined up.
    Filler,
    Text {
        gutter: Gutter,
        segments: Vec<Segment>,
    },
}

impl Cell {
    fn blank() -> Cell {
        Cell::Text {
            gutter: Gutter::Blank,
            segments: Vec::new(),
        }
    }
}

/// One display row. In the inline view only the left cell is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Index of the block this row shows (or the blank row before it).
    pub block: usize,
    pub cells: Pair<Cell>,
}

/// How a width is shared out: the gutter before each pane's text, the text widths, and
/// the separator between the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub gutter: usize,
    /// Text width of each pane (0 on the right in the inline view).
    pub text: Pair<usize>,
    pub separator: usize,
}

/// Cells of the gutter before each pane's text.
const GUTTER: usize = 2;

impl Columns {
    pub fn new(view: View, width: usize) -> Columns {
        if view.has_two_panes() {
            // A space and a rule between the panes when there is room, so text on the
            // left never touches the rule.
            let separator = match width {
                0..3 => 0,
                3..12 => 1,
                _ => 2,
            };
            let gutter = if width >= 4 * GUTTER + separator + 2 {
                GUTTER
            } else {
                0
            };
            let text = width.saturating_sub(separator + 2 * gutter);
            Columns {
                gutter,
                text: Pair::new(text / 2, text - text / 2),
                separator,
            }
        } else {
            let gutter = if width >= 2 * GUTTER { GUTTER } else { 0 };
            Columns {
                gutter,
                text: Pair::new(width.saturating_sub(gutter), 0),
                separator: 0,
            }
        }
    }

    /// Cells from the left edge to the right pane's gutter.
    pub fn right_pane_x(&self) -> usize {
        self.gutter + self.text.left + self.separator
    }

    /// Cells from the left edge to `side`'s gutter.
    pub fn pane_x(&self, side: Side) -> usize {
        match side {
            Side::Left => 0,
            Side::Right => self.right_pane_x(),
        }
    }
}

/// A comparison laid out for one view and width: every block of it, or only the blocks
/// around the reading position (see [`build_around`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub view: View,
    pub width: usize,
    pub columns: Columns,
    pub rows: Vec<Row>,
    /// The blocks the rows show, in order.
    pub blocks: Range<usize>,
    /// First row of each block of `blocks`: blocks start on the same row on both sides.
    pub block_rows: Vec<usize>,
    /// The number of the first change the rows show.
    pub hunks_from: usize,
    /// First row of each change (hunk) the rows show, in reading order, from
    /// `hunks_from` on.
    pub hunk_rows: Vec<usize>,
    /// Changes in the whole view, shown or not.
    pub hunk_total: usize,
    /// Blocks in the whole view, shown or not.
    pub block_total: usize,
}

impl Layout {
    /// False when only the blocks around the reading position are laid out.
    pub fn is_whole(&self) -> bool {
        self.blocks.start == 0 && self.reaches_end()
    }

    /// True when the rows go on to the view's last block.
    pub fn reaches_end(&self) -> bool {
        self.blocks.end >= self.block_total
    }

    /// The first row of `block`, if the rows show it.
    pub fn block_row(&self, block: usize) -> Option<usize> {
        let i = block.checked_sub(self.blocks.start)?;
        self.block_rows.get(i).copied()
    }

    /// The first row of change `hunk`, if the rows show it.
    pub fn hunk_row(&self, hunk: usize) -> Option<usize> {
        let i = hunk.checked_sub(self.hunks_from)?;
        self.hunk_rows.get(i).copied()
    }

    /// The changes the rows show, with their first rows, in reading order.
    pub fn hunks(&self) -> impl DoubleEndedIterator<Item = (usize, usize)> + '_ {
        self.hunk_rows
            .iter()
            .enumerate()
            .map(|(i, &row)| (self.hunks_from + i, row))
    }

    /// The block shown at `row` and how many rows into it that row is.
    pub fn anchor(&self, row: usize) -> Option<(usize, usize)> {
        let block = self.rows.get(row)?.block;
        let start = self.block_row(block).unwrap_or(row);
        Some((block, row.saturating_sub(start)))
    }

    /// Rows of `block`, from its first row to the next block's blank row.
    pub fn block_len(&self, block: usize) -> usize {
        let start = self.block_row(block).unwrap_or(0);
        let end = self
            .block_row(block + 1)
            .map_or(self.rows.len(), |next| next.saturating_sub(1));
        end.saturating_sub(start)
    }
}

/// Wrapped lines of one side of a block.
type Lines = Vec<Vec<Segment>>;

/// Lays `comparison` out in `view` at `width` cells. `jump_key` is the key that goes to
/// a moved paragraph's other place, named in its label.
pub fn build(comparison: &Comparison, view: View, width: usize, jump_key: &str) -> Layout {
    let columns = Columns::new(view, width);
    with_blocks(comparison, view, columns, jump_key, |blocks| {
        window::whole(blocks, view, width, columns)
    })
}

/// What [`build`] lays out, but only the blocks around block `at` that `margin` asks
/// for: what a screen of a long comparison shows without laying out all of it. `None`
/// when those blocks are too long to lay out within a frame.
pub fn build_around(
    comparison: &Comparison,
    view: View,
    width: usize,
    jump_key: &str,
    at: usize,
    margin: Margin,
) -> Option<Layout> {
    let columns = Columns::new(view, width);
    with_blocks(comparison, view, columns, jump_key, |blocks| {
        window::around(blocks, at, margin, view, width, columns)
    })
}

/// The block of `view` that shows change `hunk`.
pub fn block_of_hunk(comparison: &Comparison, view: View, hunk: usize) -> Option<usize> {
    let columns = Columns::new(view, 0);
    with_blocks(comparison, view, columns, "", |blocks| {
        window::block_of_hunk(blocks, hunk)
    })
}

/// Hands `f` the blocks of `view`: the comparison's paragraphs, or the told-by-both
/// view's items.
fn with_blocks<R>(
    comparison: &Comparison,
    view: View,
    columns: Columns,
    jump_key: &str,
    f: impl FnOnce(&dyn window::Blocks) -> R,
) -> R {
    if view == View::Shared {
        return shared::with_items(comparison, columns, |items| f(items));
    }
    f(&Paragraphs::new(comparison, view, columns, jump_key))
}

/// The blocks of the paragraph views: the comparison's own.
struct Paragraphs<'c> {
    comparison: &'c Comparison,
    view: View,
    columns: Columns,
    jump_key: &'c str,
}

impl<'c> Paragraphs<'c> {
    fn new(comparison: &'c Comparison, view: View, columns: Columns, jump_key: &'c str) -> Self {
        Paragraphs {
            comparison,
            view,
            columns,
            jump_key,
        }
    }

    /// The hunk of each span of `block` in this view: the plain view marks nothing, so
    /// it has no changes to step through.
    fn hunks<'b>(&self, block: &'b Block) -> Cow<'b, [Option<usize>]> {
        if self.view == View::Plain {
            vec![None; block.spans.len()].into()
        } else {
            block.hunks.as_slice().into()
        }
    }
}

impl window::Blocks for Paragraphs<'_> {
    fn count(&self) -> usize {
        self.comparison.blocks.len()
    }

    fn bytes(&self, b: usize) -> usize {
        self.comparison
            .blocks
            .get(b)
            .map_or(0, |block| block.spans.iter().map(|s| s.text.len()).sum())
    }

    fn hunks_before(&self, b: usize) -> usize {
        let blocks = &self.comparison.blocks;
        blocks
            .get(..b)
            .unwrap_or(blocks)
            .iter()
            .rev()
            .find_map(|block| self.hunks(block).iter().flatten().max().map(|h| h + 1))
            .unwrap_or(0)
    }

    fn lay(&self, b: usize, rows: &mut Vec<Row>) -> FirstRows {
        let Some(block) = self.comparison.blocks.get(b) else {
            return FirstRows::new();
        };
        let view = self.view;
        let hunks = self.hunks(block);
        let sides = sides(
            self.comparison,
            block,
            view,
            self.columns,
            &hunks,
            self.jump_key,
        );
        // The inline view has no right pane; elsewhere a missing side is filler.
        let absent = if view == View::Inline {
            Cell::blank()
        } else {
            Cell::Filler
        };
        let gutter = match view {
            View::Plain => Gutter::Blank,
            View::SideBySide | View::Inline | View::Shared => gutter_of(block.kind),
        };
        window::open(b, rows);
        let start = rows.len();
        for chunk in sides {
            push_rows(rows, b, gutter, chunk, &absent);
        }
        let mut ids: Vec<usize> = hunks.iter().flatten().copied().collect();
        ids.sort_unstable();
        ids.dedup();
        let mut first_rows: Vec<(usize, Option<usize>)> =
            ids.into_iter().map(|hunk| (hunk, None)).collect();
        for (i, row) in rows.iter().enumerate().skip(start) {
            for side in Side::BOTH {
                note_hunks(&row.cells[side], i - start, &mut first_rows);
            }
        }
        // A change whose text all fell at line breaks (a lone space) starts with its
        // block.
        first_rows
            .into_iter()
            .map(|(hunk, row)| (hunk, row.unwrap_or(0)))
            .collect()
    }
}

/// The wrapped lines each side of `block` shows in `view`, in chunks whose rows start
/// together on both sides; `None` for a side that shows nothing (and for the inline
/// view's right side).
fn sides(
    comparison: &Comparison,
    block: &Block,
    view: View,
    columns: Columns,
    hunks: &[Option<usize>],
    jump_key: &str,
) -> Vec<Pair<Option<Lines>>> {
    // The plain view is the two texts and nothing else.
    let label = moved_label(comparison, block, jump_key).filter(|_| view != View::Plain);
    let label = label.as_deref();
    match view {
        View::Inline => vec![Pair::new(
            Some(lines(
                &inline_pieces(block, hunks),
                label,
                columns.text.left,
            )),
            None,
        )],
        View::SideBySide | View::Plain | View::Shared => {
            let marked = view == View::SideBySide;
            // Both panes wrap at one width, so text they share wraps the same way.
            let width = columns.text.left.min(columns.text.right);
            let spans: Vec<(Span, Option<usize>)> = block
                .spans
                .iter()
                .cloned()
                .zip(hunks.iter().copied())
                .collect();
            let chunks = match block.kind.only_side() {
                None => in_step(spans, width),
                Some(_) => vec![spans],
            };
            chunks
                .iter()
                .enumerate()
                .map(|(i, chunk)| {
                    let label = label.filter(|_| i == 0);
                    Pair::from_fn(|side| {
                        block.shows(side).then(|| {
                            let (spans, hunks): (Vec<Span>, Vec<Option<usize>>) =
                                chunk.iter().cloned().unzip();
                            let pieces = pane_pieces(&spans, &hunks, side, marked);
                            lines(&pieces, label, width)
                        })
                    })
                })
                .collect()
        }
    }
}

/// A block's spans cut before each run of shared text long enough to fill a few rows,
/// so both panes start it on the same row: inside a long changed paragraph an insertion
/// on one side would otherwise push that side ahead for the rest of the paragraph. The
/// spaces that open the run stay with the text before it.
fn in_step(spans: Vec<(Span, Option<usize>)>, width: usize) -> Vec<Vec<(Span, Option<usize>)>> {
    let long = 3 * width.max(1);
    let mut chunks = vec![Vec::new()];
    for (span, hunk) in spans {
        let text_starts = span.text.len() - span.text.trim_start().len();
        let starts_run = span.tag == Tag::Equal
            && cell_width(&span.text) >= long
            && chunks.last().is_some_and(|c| !c.is_empty());
        if !starts_run {
            if let Some(chunk) = chunks.last_mut() {
                chunk.push((span, hunk));
            }
            continue;
        }
        let (space, run) = span.text.split_at(text_starts);
        if let Some(chunk) = chunks.last_mut().filter(|_| !space.is_empty()) {
            chunk.push((Span::new(Tag::Equal, space), hunk));
        }
        chunks.push(vec![(Span::new(Tag::Equal, run), hunk)]);
    }
    chunks
}

/// Rows of one block, its two sides next to each other from the same first row; the
/// shorter side is padded with filler, a side with nothing gets `absent`.
fn push_rows(
    rows: &mut Vec<Row>,
    block: usize,
    gutter: Gutter,
    sides: Pair<Option<Lines>>,
    absent: &Cell,
) {
    let height = |side: &Option<Lines>| side.as_ref().map_or(0, Vec::len);
    let height = height(&sides.left).max(height(&sides.right)).max(1);
    let mut lines = sides.map(|side| side.map(Vec::into_iter));
    let next = |side: &mut Option<std::vec::IntoIter<Vec<Segment>>>| match side {
        Some(lines) => lines
            .next()
            .map_or(Cell::Filler, |segments| Cell::Text { gutter, segments }),
        None => absent.clone(),
    };
    for _ in 0..height {
        let left = next(&mut lines.left);
        let cells = Pair::new(left, next(&mut lines.right));
        rows.push(Row { block, cells });
    }
}

/// Notes `row` as the first row of each change `cell` shows that has none yet.
fn note_hunks(cell: &Cell, row: usize, first_rows: &mut [(usize, Option<usize>)]) {
    if let Cell::Text { segments, .. } = cell {
        for hunk in segments.iter().filter_map(|s| s.hunk) {
            if let Ok(i) = first_rows.binary_search_by_key(&hunk, |&(h, _)| h) {
                if let Some((_, first)) = first_rows.get_mut(i) {
                    first.get_or_insert(row);
                }
            }
        }
    }
}

fn gutter_of(kind: Kind) -> Gutter {
    match kind {
        Kind::MovedOut | Kind::MovedIn => Gutter::Moved,
        Kind::LeftOnly => Gutter::Removed,
        Kind::RightOnly => Gutter::Added,
        _ => Gutter::Blank,
    }
}

/// "moved", with where the counterpart sits, for a moved block (the gutter has the ↕).
fn moved_label(comparison: &Comparison, block: &Block, jump_key: &str) -> Option<String> {
    let there = block
        .kind
        .only_side()
        .filter(|_| block.kind.is_moved())?
        .other();
    let partner = block.partner.and_then(|p| comparison.blocks.get(p));
    let (para, side) = (partner.map(|p| p.paras[there].start), there.name());
    Some(match para {
        Some(i) => format!("moved: ¶{} on the {side} ({jump_key})", i + 1),
        None => "moved".to_string(),
    })
}

/// A span's text as it may be shown, with its mark and hunk.
type Piece = (String, Mark, Option<usize>);

fn shown_text(span: &Span) -> String {
    unambiguous(&visible(&span.text)).replace('\t', "    ")
}

/// A span's text as shown with `mark`. A change must show something where `n` lands:
/// a paragraph break added or removed is drawn as ¶, and a character that takes no
/// cell as its escape.
fn marked_text(span: &Span, mark: Mark) -> String {
    let text = shown_text(span);
    if !matches!(mark, Mark::Delete | Mark::Insert) {
        return text;
    }
    if text.contains('\n') && text.trim().is_empty() {
        return format!("¶{text}");
    }
    if !text.contains(is_invisible) {
        return text;
    }
    text.chars()
        .map(|c| match c {
            c if is_invisible(c) => format!("\\u{{{:x}}}", u32::from(c)),
            c => c.to_string(),
        })
        .collect()
}

/// One pane's pieces: the spans of its side, marked or not.
fn pane_pieces(spans: &[Span], hunks: &[Option<usize>], side: Side, marked: bool) -> Vec<Piece> {
    spans
        .iter()
        .zip(hunks)
        .filter(|(span, _)| span.on(side))
        .map(|(span, hunk)| {
            let mark = match (marked, span.tag, span.style) {
                (false, _, _) | (true, Tag::Equal, _) => Mark::Equal,
                (true, _, true) => Mark::Style,
                (true, Tag::Delete, false) => Mark::Delete,
                (true, Tag::Insert, false) => Mark::Insert,
            };
            (marked_text(span, mark), mark, *hunk)
        })
        .collect()
}

/// The inline flow: deletions then insertions in reading order; a style difference shows
/// its right-hand text only; a moved block shows its own side only.
fn inline_pieces(block: &Block, hunks: &[Option<usize>]) -> Vec<Piece> {
    block
        .spans
        .iter()
        .zip(hunks)
        .filter(|(span, _)| match block.kind.only_side() {
            Some(side) if block.kind.is_moved() => span.on(side),
            _ => !(span.style && span.tag == Tag::Delete),
        })
        .map(|(span, &hunk)| {
            let mark = match (span.tag, span.style) {
                (Tag::Equal, _) => Mark::Equal,
                (_, true) => Mark::Style,
                (Tag::Delete, false) => Mark::Delete,
                (Tag::Insert, false) => Mark::Insert,
            };
            (marked_text(span, mark), mark, hunk)
        })
        .collect()
}

/// Wraps marked pieces to `width`: a newline in the text starts a new line; a label, if
/// any, comes first on a line of its own.
fn lines(pieces: &[Piece], label: Option<&str>, width: usize) -> Vec<Vec<Segment>> {
    let mut text = String::new();
    let mut marks = Vec::new();
    if let Some(label) = label {
        text.push_str(label);
        marks.push((0..text.len(), Mark::Label, None));
        text.push('\n');
    }
    for (piece, mark, hunk) in pieces {
        let start = text.len();
        text.push_str(piece);
        marks.push((start..text.len(), *mark, *hunk));
    }
    let mut out = Vec::new();
    let mut offset = 0;
    let mut cursor = 0;
    for line in text.split('\n') {
        for range in wrap::wrap(line, width) {
            let abs = offset + range.start..offset + range.end;
            out.push(segments_in(&text, &marks, &mut cursor, abs, width));
        }
        offset += line.len() + 1;
    }
    out
}

/// The marked segments covering `range` of `text`, cut to `width` cells. `cursor` is the
/// first mark that may still overlap a later range, so each line looks only at its own.
fn segments_in(
    text: &str,
    marks: &[(std::ops::Range<usize>, Mark, Option<usize>)],
    cursor: &mut usize,
    range: std::ops::Range<usize>,
    width: usize,
) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut room = width;
    while marks
        .get(*cursor)
        .is_some_and(|(r, ..)| r.end <= range.start)
    {
        *cursor += 1;
    }
    for (r, mark, hunk) in marks.iter().skip(*cursor) {
        if r.start >= range.end {
            break;
        }
        let part = text
            .get(r.start.max(range.start)..r.end.min(range.end))
            .unwrap_or_default();
        let (shown, used) = fit(part, room);
        room -= used;
        if !shown.is_empty() {
            out.push(Segment {
                text: shown.to_string(),
                mark: *mark,
                hunk: *hunk,
            });
        }
    }
    // A line has a segment or two, and the first push makes room for four: a long
    // story's rows held that slack twice over (a fifth of the reader's memory).
    out.shrink_to_fit();
    out
}

#[cfg(test)]
mod tests;
