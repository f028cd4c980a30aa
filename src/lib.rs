//! diverge: a terminal reader for diverging news reports.
//!
//! Data flows one way: [`story`] -> [`diff`] -> [`layout`] -> [`ui`]; [`app`] holds the
//! reader's state and [`tui`] runs it in a terminal.

pub mod app;
pub mod cli;
pub mod config;
pub mod diff;
pub mod export;
pub mod facts;
pub mod layout;
pub mod side;
pub mod story;
pub mod text;
pub mod tui;
pub mod ui;
pub mod visible;
pub mod worker;
