//! The help overlay: every key, over the reader.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::theme::Theme;
use crate::app::{App, HELP, HELP_KEYS, help_width};

pub fn draw_help(buf: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    let lines: Vec<Line> = HELP
        .iter()
        .flat_map(|(keys, what)| {
            if app.help_stacked() {
                vec![
                    Line::styled(format!(" {keys}"), theme.bold()),
                    Line::raw(format!("   {what}")),
                ]
            } else {
                vec![Line::from(vec![
                    Span::styled(format!(" {keys:<HELP_KEYS$}"), theme.bold()),
                    Span::raw(*what),
                ])]
            }
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
