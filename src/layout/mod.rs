//! Pure layout: a comparison, a view and a width become wrapped, aligned display rows.
//! Nothing here knows about terminals; the ui draws the rows as they are.

mod search;
mod width;
mod wrap;

pub use search::{cell_text, find};
pub use width::{cell_width, truncate};

use width::fit;

use crate::diff::{Block, Comparison, Kind, Span, Tag};
use crate::visible::visible;

/// How a comparison is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    /// Two panes: deletions marked on the left, insertions on the right.
    #[default]
    SideBySide,
    /// One flow: deletions and insertions in reading order.
    Inline,
    /// Two panes without marks.
    Plain,
}

impl View {
    /// The view after this one, wrapping around.
    pub fn next(self) -> View {
        match self {
            View::SideBySide => View::Inline,
            View::Inline => View::Plain,
            View::Plain => View::SideBySide,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            View::SideBySide => "side by side",
            View::Inline => "inline",
            View::Plain => "plain",
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
    /// The label of a moved paragraph.
    Moved,
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

/// One display row. In the inline view only `left` is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Index of the block this row shows (or the blank row before it).
    pub block: usize,
    pub left: Cell,
    pub right: Cell,
}

/// How a width is shared out: the gutter before each pane's text, the text widths, and
/// the separator between the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub gutter: usize,
    pub left: usize,
    pub separator: usize,
    pub right: usize,
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
                left: text / 2,
                separator,
                right: text - text / 2,
            }
        } else {
            let gutter = if width >= 2 * GUTTER { GUTTER } else { 0 };
            Columns {
                gutter,
                left: width.saturating_sub(gutter),
                separator: 0,
                right: 0,
            }
        }
    }

    /// Cells from the left edge to the right pane's gutter.
    pub fn right_pane_x(&self) -> usize {
        self.gutter + self.left + self.separator
    }
}

/// A comparison laid out for one view and width.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub view: View,
    pub width: usize,
    pub columns: Columns,
    pub rows: Vec<Row>,
    /// First row of each block: blocks start on the same row on both sides.
    pub block_rows: Vec<usize>,
    /// First row of each change (hunk), in reading order.
    pub hunk_rows: Vec<usize>,
}

impl Layout {
    /// The block shown at `row` and how many rows into it that row is.
    pub fn anchor(&self, row: usize) -> Option<(usize, usize)> {
        let block = self.rows.get(row)?.block;
        let start = self.block_rows.get(block).copied().unwrap_or(row);
        Some((block, row.saturating_sub(start)))
    }

    /// Rows of `block`, from its first row to the next block's blank row.
    pub fn block_len(&self, block: usize) -> usize {
        let start = self.block_rows.get(block).copied().unwrap_or(0);
        let end = self
            .block_rows
            .get(block + 1)
            .map_or(self.rows.len(), |next| next.saturating_sub(1));
        end.saturating_sub(start)
    }
}

/// Wrapped lines of one side of a block.
type Lines = Vec<Vec<Segment>>;

/// Lays `comparison` out in `view` at `width` cells.
pub fn build(comparison: &Comparison, view: View, width: usize) -> Layout {
    let columns = Columns::new(view, width);
    let mut rows = Vec::new();
    let mut block_rows = Vec::with_capacity(comparison.blocks.len());
    let mut hunk_rows: Vec<Option<usize>> = Vec::new();
    for (b, block) in comparison.blocks.iter().enumerate() {
        if b > 0 {
            rows.push(Row {
                block: b,
                left: Cell::blank(),
                right: Cell::blank(),
            });
        }
        let start = rows.len();
        block_rows.push(start);
        let first_hunk = hunk_rows.len();
        // The plain view marks nothing, so it has no changes to step through.
        let hunks = if view == View::Plain {
            vec![None; block.spans.len()]
        } else {
            hunk_ids(block, first_hunk)
        };
        let count = hunks
            .iter()
            .flatten()
            .max()
            .map_or(0, |last| last + 1 - first_hunk);
        hunk_rows.extend(std::iter::repeat_n(None, count));
        let (left, right) = sides(comparison, block, view, columns, &hunks);
        // The inline view has no right pane; elsewhere a missing side is filler.
        let absent = if view == View::Inline {
            Cell::blank()
        } else {
            Cell::Filler
        };
        let gutter = match view {
            View::Plain => Gutter::Blank,
            View::SideBySide | View::Inline => gutter_of(block.kind),
        };
        push_rows(&mut rows, b, gutter, [left, right], &absent);
        for (i, row) in rows.iter().enumerate().skip(start) {
            note_hunks(&row.left, i, &mut hunk_rows);
            note_hunks(&row.right, i, &mut hunk_rows);
        }
        // A change whose text all fell at line breaks (a lone space) starts with its block.
        for slot in hunk_rows.iter_mut().skip(first_hunk) {
            slot.get_or_insert(start);
        }
    }
    Layout {
        view,
        width,
        columns,
        rows,
        block_rows,
        hunk_rows: hunk_rows.into_iter().flatten().collect(),
    }
}

/// The wrapped lines each side of `block` shows in `view`; `None` for a side that
/// shows nothing (and for the inline view's right side).
fn sides(
    comparison: &Comparison,
    block: &Block,
    view: View,
    columns: Columns,
    hunks: &[Option<usize>],
) -> (Option<Lines>, Option<Lines>) {
    // The plain view is the two texts and nothing else.
    let label = moved_label(comparison, block).filter(|_| view != View::Plain);
    let label = label.as_deref();
    match view {
        View::Inline => (
            Some(lines(&inline_pieces(block, hunks), label, columns.left)),
            None,
        ),
        View::SideBySide | View::Plain => {
            let marked = view == View::SideBySide;
            let side = |on_left: bool, shows: bool, width: usize| {
                shows.then(|| lines(&pane_pieces(block, hunks, on_left, marked), label, width))
            };
            (
                side(true, block.shows_left(), columns.left),
                side(false, block.shows_right(), columns.right),
            )
        }
    }
}

/// Rows of one block, its two sides next to each other from the same first row; the
/// shorter side is padded with filler, a side with nothing gets `absent`.
fn push_rows(
    rows: &mut Vec<Row>,
    block: usize,
    gutter: Gutter,
    sides: [Option<Lines>; 2],
    absent: &Cell,
) {
    let height = sides
        .iter()
        .map(|side| side.as_ref().map_or(0, Vec::len))
        .max()
        .unwrap_or(0)
        .max(1);
    let [mut left, mut right] = sides.map(|side| side.map(Vec::into_iter));
    let next = |side: &mut Option<std::vec::IntoIter<Vec<Segment>>>| match side {
        Some(lines) => lines
            .next()
            .map_or(Cell::Filler, |segments| Cell::Text { gutter, segments }),
        None => absent.clone(),
    };
    for _ in 0..height {
        let left = next(&mut left);
        let right = next(&mut right);
        rows.push(Row { block, left, right });
    }
}

fn note_hunks(cell: &Cell, row: usize, hunk_rows: &mut [Option<usize>]) {
    if let Cell::Text { segments, .. } = cell {
        for hunk in segments.iter().filter_map(|s| s.hunk) {
            if let Some(slot) = hunk_rows.get_mut(hunk) {
                slot.get_or_insert(row);
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

/// True for a span that is a change this block shows: a moved block shows only its own
/// side's half of the diff against its counterpart.
fn shows_change(kind: Kind, span: &Span) -> bool {
    span.is_change()
        && match kind {
            Kind::MovedOut => span.tag == Tag::Delete,
            Kind::MovedIn => span.tag == Tag::Insert,
            _ => true,
        }
}

/// The hunk number of each span, counting from `first`. Equal text ends a hunk;
/// style-only differences neither belong to one nor end it, as in `count_hunks`.
fn hunk_ids(block: &Block, first: usize) -> Vec<Option<usize>> {
    let mut next = first;
    let mut open = false;
    block
        .spans
        .iter()
        .map(|span| {
            if shows_change(block.kind, span) {
                if !open {
                    next += 1;
                    open = true;
                }
                Some(next - 1)
            } else {
                if span.tag == Tag::Equal {
                    open = false;
                }
                None
            }
        })
        .collect()
}

/// "moved", with where the counterpart sits, for a moved block (the gutter has the ↕).
fn moved_label(comparison: &Comparison, block: &Block) -> Option<String> {
    let partner = block.partner.and_then(|p| comparison.blocks.get(p));
    let (para, side) = match block.kind {
        Kind::MovedOut => (partner.map(|p| p.right.start), "right"),
        Kind::MovedIn => (partner.map(|p| p.left.start), "left"),
        _ => return None,
    };
    Some(match para {
        Some(i) => format!("moved: ¶{} on the {side} (m)", i + 1),
        None => "moved".to_string(),
    })
}

/// A span's text as it may be shown, with its mark and hunk.
type Piece = (String, Mark, Option<usize>);

fn shown_text(span: &Span) -> String {
    visible(&span.text).replace('\t', "    ")
}

/// One pane's pieces: the spans of its side, marked or not.
fn pane_pieces(block: &Block, hunks: &[Option<usize>], left: bool, marked: bool) -> Vec<Piece> {
    block
        .spans
        .iter()
        .zip(hunks)
        .filter(|(span, _)| {
            if left {
                span.on_left()
            } else {
                span.on_right()
            }
        })
        .map(|(span, &hunk)| {
            let mark = match (marked, span.tag, span.style) {
                (false, _, _) | (true, Tag::Equal, _) => Mark::Equal,
                (true, _, true) => Mark::Style,
                (true, Tag::Delete, false) => Mark::Delete,
                (true, Tag::Insert, false) => Mark::Insert,
            };
            (shown_text(span), mark, hunk)
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
        .filter(|(span, _)| match block.kind {
            Kind::MovedOut => span.on_left(),
            Kind::MovedIn => span.on_right(),
            _ => !(span.style && span.tag == Tag::Delete),
        })
        .map(|(span, &hunk)| {
            let mark = match (span.tag, span.style) {
                (Tag::Equal, _) => Mark::Equal,
                (_, true) => Mark::Style,
                (Tag::Delete, false) => Mark::Delete,
                (Tag::Insert, false) => Mark::Insert,
            };
            (shown_text(span), mark, hunk)
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
        marks.push((0..text.len(), Mark::Moved, None));
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
    out
}

#[cfg(test)]
mod tests;
