//! The help overlay: every key, over the reader.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::theme::Theme;
use crate::app::HELP;

/// Cells of the key column.
const KEYS: usize = 20;

pub fn draw_help(buf: &mut Buffer, area: Rect, theme: Theme) {
    let lines: Vec<Line> = HELP
        .iter()
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(format!(" {keys:<KEYS$}"), theme.bold()),
                Span::raw(*what),
            ])
        })
        .collect();
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let width = 68.min(area.width);
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .block(Block::bordered().title(" Keys — Esc closes "))
        .render(popup, buf);
}
