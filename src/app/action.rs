//! Everything that can happen to the reader, as values: keys and mouse events become
//! actions, and so do a resized terminal and a finished comparison.

use serde::{Deserialize, Serialize};

use std::sync::Arc;

use crate::diff::{Comparison, Told};
use crate::layout::View;
use crate::side::Side;

use super::{Built, FactsAction, LayoutKey, PairKey, Wait};

/// Serialises as the key map writes it: `"quit"`, `{ scroll = 3 }`,
/// `{ next-outlet = "left" }`. The variants a key cannot stand for are skipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
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
    /// The next (previous) outlet on the side that has the focus.
    NextFocused,
    PrevFocused,
    /// Move the focus to the other side.
    CycleFocus,
    /// Put report `i` on this side (swapping if the other side shows it).
    #[serde(skip)]
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
    #[serde(skip)]
    SearchInput(char),
    #[serde(skip)]
    SearchBackspace,
    #[serde(skip)]
    SearchSubmit,
    /// Stop typing, or clear the active search.
    #[serde(skip)]
    SearchCancel,
    /// With a search active, the next-change keys step through its matches.
    #[serde(skip)]
    NextMatch,
    #[serde(skip)]
    PrevMatch,
    /// Open the `:` prompt for a paragraph number.
    GoToParagraph,
    /// A digit typed: part of a count (`3j`) or of the `:` prompt's number.
    #[serde(skip)]
    Digit(u8),
    /// Backspace in the `:` prompt.
    #[serde(skip)]
    GoToBackspace,
    /// Enter in the `:` prompt.
    #[serde(skip)]
    GoToSubmit,
    /// Esc: drop a count or close the `:` prompt.
    #[serde(skip)]
    CancelCount,
    /// Copy the current change or paragraph to the clipboard (OSC 52).
    Copy,
    /// Write the pair on screen to an HTML file.
    Export,
    /// Mouse reporting on or off, so the terminal's own selection works.
    ToggleMouse,
    /// Stop the reader and hand the terminal back to the shell (Ctrl-z); `fg` resumes.
    Suspend,
    ToggleHelp,
    #[serde(skip)]
    CloseOverlay,
    Quit,
    /// Repaint the whole screen (Ctrl-L), in case the terminal drew something its own way.
    Redraw,
    #[serde(skip)]
    Resize(u16, u16),
    /// Show or hide the report card: headlines, summaries, bylines, dates, links, notes.
    ToggleCard,
    /// Open the overview of all outlets on the pair on screen.
    OpenOverview,
    /// Move the overview's selection by rows and columns.
    #[serde(skip)]
    MoveCell {
        rows: isize,
        columns: isize,
    },
    /// Open the pair the overview's selection stands for.
    #[serde(skip)]
    OpenCell,
    /// The diff thread measured how much each report reuses of each other one.
    #[serde(skip)]
    Reuse(Vec<Vec<f64>>),
    /// Open the facts ledger screen.
    OpenFacts,
    /// On the facts ledger screen.
    #[serde(skip)]
    Facts(FactsAction),
    /// A comparison came back from the worker; a long one comes first without its
    /// sentence layer, which follows as [`Action::Told`].
    #[serde(skip)]
    Computed(PairKey, Arc<Comparison>),
    /// The sentence layer of a comparison that came without it.
    #[serde(skip)]
    Told(PairKey, Box<Told>),
    /// Each report's word count, counted on the diff thread.
    #[serde(skip)]
    Counted(Vec<usize>),
    /// The pair has been computing this long, by the event loop's clock: the header
    /// counts the wait, so a long diff does not look like a frozen screen.
    #[serde(skip)]
    Waited(PairKey, Wait),
    /// A layout came back from the layout thread.
    #[serde(skip)]
    LaidOut(LayoutKey, Box<Built>),
}
