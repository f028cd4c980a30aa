//! The help overlay: every key, over the reader.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::theme::Theme;
use crate::app::{Action, App, HELP_WIDTH};

/// Cells of the key column.
const KEYS: usize = 20;

pub fn draw_help(buf: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    let lines: Vec<Line> = app
        .keymap
        .help_lines()
        .into_iter()
        .flat_map(|(keys, what)| {
            if app.help_stacked() {
                vec![
                    Line::styled(format!(" {keys}"), theme.bold()),
                    Line::raw(format!("     {what}")),
                ]
            } else {
                vec![Line::from(vec![
                    Span::styled(format!(" {keys:<KEYS$}"), theme.bold()),
                    Span::raw(what),
                ])]
            }
        })
        .collect();
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let width = HELP_WIDTH.min(area.width);
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let title = if app.help_rows() < app.help_lines() {
        let key = |rows| app.keymap.label(&Action::Scroll(rows));
        format!(" Keys — {}/{} scroll, Esc closes ", key(1), key(-1))
    } else {
        " Keys — Esc closes ".to_string()
    };
    let scroll = u16::try_from(app.help_scroll).unwrap_or(u16::MAX);
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .block(Block::bordered().title(title))
        .scroll((scroll, 0))
        .render(popup, buf);
}
