//! The help overlay: every key, over the reader.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::theme::Theme;
use crate::app::{App, HELP_KEYS, help_width};

/// A side-by-side help line cut after its key column.
fn split_keys(line: &str) -> (&str, &str) {
    let at = line
        .char_indices()
        .nth(1 + HELP_KEYS)
        .map_or(line.len(), |(i, _)| i);
    line.split_at(at)
}

pub fn draw_help(buf: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    let lines: Vec<Line> = app
        .help_text()
        .into_iter()
        .map(|(text, keys)| match keys {
            // Side by side, the keys are the line's first column.
            true if !app.help_stacked() => {
                let (k, what) = split_keys(&text);
                Line::from(vec![
                    Span::styled(k.to_string(), theme.bold()),
                    Span::raw(what.to_string()),
                ])
            }
            true => Line::styled(text, theme.bold()),
            false => Line::raw(text),
        })
        .collect();
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let width = help_width(app.help_stacked()).min(area.width);
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let title = if app.help_rows() < app.help_lines() {
        " Keys — j/k scroll, Esc closes "
    } else {
        " Keys — Esc closes "
    };
    let scroll = u16::try_from(app.help_scroll).unwrap_or(u16::MAX);
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .block(Block::bordered().title(title))
        .scroll((scroll, 0))
        .render(popup, buf);
}
