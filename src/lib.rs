//! diverge: a terminal reader for diverging news reports.
//!
//! Data flows one way: [`story`] -> [`diff`] -> layout -> ui.

pub mod cli;
pub mod diff;
pub mod story;
pub mod tui;
pub mod visible;
