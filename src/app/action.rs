//! Everything that can happen to the reader, as values: keys and mouse events become
//! actions, and so do a resized terminal and a finished comparison.

use crate::diff::Comparison;
use crate::layout::View;
use crate::side::Side;

use super::{FactsAction, PairKey};

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
    /// From a told-by-both item to its place in the side-by-side view, and back.
    JumpShared,
    /// Jump to the other place of a moved paragraph.
    JumpMoved,
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
    Resize(u16, u16),
    /// On the facts ledger screen.
    Facts(FactsAction),
    /// A comparison came back from the worker.
    Computed(PairKey, Box<Comparison>),
}
