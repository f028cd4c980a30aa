//! A view's blocks laid out one at a time, so a layout can hold every block or only
//! those around the reading position: a story too long to lay out within a frame is
//! laid out only where the reader is.

use std::ops::Range;

use super::{Cell, Columns, Layout, Row, View};
use crate::side::Pair;

/// The first row of each change a block shows: its number, and a row counted from the
/// block's first row.
pub(super) type FirstRows = Vec<(usize, usize)>;

/// What a view knows of its blocks without laying them out.
pub(super) trait Blocks {
    fn count(&self) -> usize;
    /// Bytes of text block `b` lays out: what laying it out costs.
    fn bytes(&self, b: usize) -> usize;
    /// Changes numbered before block `b`: the number of its first change.
    fn hunks_before(&self, b: usize) -> usize;
    /// Lays block `b` out after `rows` (the blank row that opens every block but the
    /// first included), and says where its changes start.
    fn lay(&self, b: usize, rows: &mut Vec<Row>) -> FirstRows;
}

/// Adds the blank row before block `b`, for every block but the first.
pub(super) fn open(b: usize, rows: &mut Vec<Row>) {
    if b > 0 {
        rows.push(Row {
            block: b,
            cells: Pair::new(Cell::blank(), Cell::blank()),
        });
    }
}

/// Every block of `blocks`.
pub(super) fn whole(blocks: &dyn Blocks, view: View, width: usize, columns: Columns) -> Layout {
    let count = blocks.count();
    let mut layout = assemble(0..count, 0, view, width, columns, |b, rows| {
        blocks.lay(b, rows)
    });
    layout.hunk_total = layout.hunk_rows.len();
    layout.block_total = count;
    // Rows are kept as long as the view is up; what growing the list left over is not.
    layout.rows.shrink_to_fit();
    layout
}

/// The block that shows change `hunk`.
pub(super) fn block_of_hunk(blocks: &dyn Blocks, hunk: usize) -> Option<usize> {
    // Changes are numbered in block order: the blocks before the one sought number
    // fewer changes than `hunk` before their end.
    let (mut low, mut high) = (0, blocks.count());
    while low < high {
        let mid = low + (high - low) / 2;
        if blocks.hunks_before(mid + 1) <= hunk {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    (low < blocks.count()).then_some(low)
}

/// How much [`around`] lays out around its block.
#[derive(Debug, Clone, Copy)]
pub struct Margin {
    /// Rows before the block's first row, and from it on.
    pub rows: Pair<usize>,
    /// The most bytes of text it may lay out: past this the blocks are too long to lay
    /// out within a frame, and it gives up.
    pub bytes: usize,
}

/// The blocks around `at` (from it on first, then before it) until the rows `margin`
/// asks for are there; `None` when that means laying out more than `margin.bytes`.
pub(super) fn around(
    blocks: &dyn Blocks,
    at: usize,
    margin: Margin,
    view: View,
    width: usize,
    columns: Columns,
) -> Option<Layout> {
    let count = blocks.count();
    let at = at.min(count.checked_sub(1)?);
    let mut bytes = 0;
    let mut affordable = |b: usize| {
        bytes += blocks.bytes(b);
        bytes <= margin.bytes
    };
    // Each block on its own: how many rows it takes decides how many more are wanted.
    let laid = |b: usize| {
        let mut rows = Vec::new();
        let first = blocks.lay(b, &mut rows);
        (rows, first)
    };
    let mut after = Vec::new();
    let mut rows = 0;
    for b in at..count {
        // Block `at` itself is laid out whatever the margin.
        if b > at && rows >= margin.rows.right {
            break;
        }
        if !affordable(b) {
            return None;
        }
        let block = laid(b);
        rows += block.0.len();
        after.push(block);
    }
    let end = at + after.len();
    let mut before = Vec::new();
    let mut rows = 0;
    for b in (0..at).rev() {
        if rows >= margin.rows.left || !affordable(b) {
            break;
        }
        let block = laid(b);
        rows += block.0.len();
        before.push(block);
    }
    let start = at - before.len();
    let mut laid = before.into_iter().rev().chain(after);
    let hunks = blocks.hunks_before(start);
    let mut layout = assemble(start..end, hunks, view, width, columns, |_, rows| {
        let (block, first) = laid.next().unwrap_or_default();
        rows.extend(block);
        first
    });
    layout.hunk_total = blocks.hunks_before(count);
    layout.block_total = count;
    Some(layout)
}

/// The layout of the blocks `range`, in order, each laid out by `lay` (as
/// [`Blocks::lay`] does); their first change is number `first_hunk`.
fn assemble(
    range: Range<usize>,
    first_hunk: usize,
    view: View,
    width: usize,
    columns: Columns,
    mut lay: impl FnMut(usize, &mut Vec<Row>) -> FirstRows,
) -> Layout {
    let mut rows = Vec::new();
    let mut block_rows = Vec::with_capacity(range.len());
    let mut hunk_rows: Vec<usize> = Vec::new();
    for b in range.clone() {
        let start = rows.len() + usize::from(b > 0);
        block_rows.push(start);
        for (hunk, row) in lay(b, &mut rows) {
            let Some(slot) = hunk.checked_sub(first_hunk) else {
                continue;
            };
            if hunk_rows.len() <= slot {
                hunk_rows.resize(slot + 1, start + row);
            }
            if let Some(at) = hunk_rows.get_mut(slot) {
                *at = start + row;
            }
        }
    }
    Layout {
        view,
        width,
        columns,
        rows,
        blocks: range,
        block_rows,
        hunks_from: first_hunk,
        hunk_rows,
        hunk_total: 0,
        block_total: 0,
    }
}
