//! Everything that can happen to the reader, as values: keys and mouse events become
//! actions, and so do a resized terminal and a finished comparison.

use crate::diff::Comparison;
use crate::layout::View;
use crate::side::Side;

use super::PairKey;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Scroll by this many rows (negative: up).
    Scroll(isize),
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    NextChange,
    PrevChange,
    /// The next outlet in the list on this side.
    NextOutlet(Side),
    PrevOutlet(Side),
    /// Put report `i` on this side (swapping if the other side shows it).
    Choose(Side, usize),
    Swap,
    NextView,
    SetView(View),
    ToggleNormalize,
    /// Open or collapse the outlet list.
    ToggleList,
    /// From a told-by-both item to its place in the side-by-side view, and back.
    JumpShared,
    /// Go to the next place of a moved paragraph (in reading order, wrapping around):
    /// each move has two places, so from one of them this reaches the other.
    JumpMoved,
    /// Go to the previous place of a moved paragraph.
    PrevMoved,
    /// Start typing a search.
    StartSearch,
    SearchInput(char),
    SearchBackspace,
    SearchSubmit,
    /// Stop typing, or clear the active search.
    SearchCancel,
    NextMatch,
    PrevMatch,
    ToggleHelp,
    CloseOverlay,
    Quit,
    /// Repaint the whole screen (Ctrl-L), in case the terminal drew something its own way.
    Redraw,
    Resize(u16, u16),
    /// Open the overview of all outlets on the pair on screen.
    OpenOverview,
    /// Move the overview's selection by rows and columns.
    MoveCell {
        rows: isize,
        columns: isize,
    },
    /// Open the pair the overview's selection stands for.
    OpenCell,
    /// The diff thread measured how much each report reuses of each other one.
    Reuse(Vec<Vec<f64>>),
    /// A comparison came back from the worker.
    Computed(PairKey, Box<Comparison>),
}
