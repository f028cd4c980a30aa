//! The help overlay: every key, over the reader.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::theme::Theme;
use crate::app::{Action, App};

pub fn draw_help(buf: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    let stacked = app.help_stacked();
    let lines: Vec<Line> = app
        .help_text()
        .into_iter()
        .map(|(keys, what)| Line::from(vec![Span::styled(keys, theme.bold()), Span::raw(what)]))
        .collect();
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let width = app.help_width(stacked).min(area.width);
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
