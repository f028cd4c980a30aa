//! The overview screen: every ordered pair of outlets in a grid (how much the column
//! outlet reuses of the row outlet, and how much of it the row outlet tells too), then
//! each outlet's words and what it alone tells.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::one_line;
use super::theme::Theme;
use crate::app::{App, outlet_window as window};
use crate::diff::overview::Overview;
use crate::layout::{cell_width, truncate};

/// Cells of one grid column: "100·100" and a space either side.
const CELL: usize = 9;
/// Cells of the row labels: "40 " and the outlet's name.
const LABEL: usize = 22;

fn percent(x: f64) -> String {
    format!("{:.0}", x * 100.0)
}

fn put(buf: &mut Buffer, area: Rect, y: u16, spans: Vec<Span<'_>>) {
    if y < area.bottom() {
        buf.set_line(area.x, y, &Line::from(spans), area.width);
    }
}

/// The shading of a cell, the second cue beside its figures: reversed for a reprint,
/// bold for much told alike, dim for nothing in common.
fn shade(reuse: f64, both: Option<f64>) -> Style {
    let most = reuse.max(both.unwrap_or(0.0));
    let style = Style::new();
    if most >= 0.6 {
        style.add_modifier(Modifier::REVERSED)
    } else if most >= 0.1 {
        style.add_modifier(Modifier::BOLD)
    } else if most == 0.0 {
        style.add_modifier(Modifier::DIM)
    } else {
        style
    }
}

pub fn draw_overview(buf: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    let glance = app.glance();
    let count = app.story.reports.len();
    let width = usize::from(area.width);
    let mut y = area.y;
    put(
        buf,
        area,
        y,
        vec![Span::styled(
            truncate(&one_line(&app.story.title), width),
            theme.bold(),
        )],
    );
    y += 1;
    let legend = [
        format!("{count} outlets. Each cell: reuse·both, in % of the column outlet's text"),
        "reuse: words in 8-word runs of the row outlet · both: content the row tells too"
            .to_string(),
    ];
    for line in legend {
        put(
            buf,
            area,
            y,
            vec![Span::styled(truncate(&line, width), theme.dim())],
        );
        y += 1;
    }
    y += 1;
    // The grid takes up to three fifths of what is left, the outlet table the rest.
    let left = usize::from(area.bottom().saturating_sub(y));
    let grid_rows = count.min((left * 3 / 5).saturating_sub(1)).max(1);
    y = draw_grid(buf, area, y, grid_rows, app, &glance, theme);
    draw_table(buf, area, y + 1, app, &glance, theme);
}

/// The grid from row `y`: a header of column numbers, then `rows` outlets. Returns the
/// row after it.
fn draw_grid(
    buf: &mut Buffer,
    area: Rect,
    mut y: u16,
    rows: usize,
    app: &App,
    glance: &Overview,
    theme: Theme,
) -> u16 {
    let count = app.story.reports.len();
    let width = usize::from(area.width);
    let room = width.saturating_sub(LABEL + 1) / CELL;
    let columns = window(count, room, app.cell.right);
    let lines = window(count, rows, app.cell.left);
    let more = |range: &Range<usize>, before: bool| match before {
        true if range.start > 0 => "…",
        false if range.end < count => "…",
        _ => " ",
    };
    let mut header = vec![Span::styled(
        format!("{:<LABEL$}{}", "row \\ column", more(&columns, true)),
        theme.dim(),
    )];
    for c in columns.clone() {
        let style = if c == app.cell.right {
            theme.bold()
        } else {
            theme.dim()
        };
        header.push(Span::styled(format!("{:^CELL$}", c + 1), style));
    }
    header.push(Span::styled(more(&columns, false), theme.dim()));
    put(buf, area, y, header);
    y += 1;
    for (n, r) in lines.clone().enumerate() {
        let name = app
            .report(r)
            .map(|rep| one_line(&rep.outlet))
            .unwrap_or_default();
        // Truncation of the rows is marked on the first and last row shown.
        let mark = match n {
            0 if lines.start > 0 => "…",
            _ if n + 1 == lines.len() && lines.end < count => "…",
            _ => " ",
        };
        let label = format!("{mark}{:>2} {}", r + 1, truncate(&name, LABEL - 5));
        let pad = LABEL.saturating_sub(cell_width(&label));
        let label_style = if r == app.cell.left {
            theme.bold()
        } else {
            Style::new()
        };
        let mut spans = vec![
            Span::styled(label, label_style),
            Span::raw(" ".repeat(pad + 1)),
        ];
        for c in columns.clone() {
            let reuse = glance.reuse.get(r).and_then(|row| row.get(c)).copied();
            let both = glance
                .both
                .get(r)
                .and_then(|row| row.get(c))
                .copied()
                .flatten();
            let text = match (r == c, reuse, both) {
                (true, ..) => "—".to_string(),
                (false, Some(reuse), Some(both)) => format!("{}·{}", percent(reuse), percent(both)),
                (false, Some(reuse), None) => format!("{}·…", percent(reuse)),
                _ => "…".to_string(),
            };
            let selected = app.cell == crate::side::Pair::new(r, c);
            let (text, style) = if selected {
                (
                    format!("[{text}]"),
                    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                )
            } else if r == c {
                (text, theme.dim())
            } else {
                (text, shade(reuse.unwrap_or(0.0), both))
            };
            spans.push(Span::styled(format!("{text:^CELL$}"), style));
        }
        put(buf, area, y, spans);
        y += 1;
    }
    y
}

/// Each outlet's figures from row `y` down, the selected row outlet kept in view.
fn draw_table(buf: &mut Buffer, area: Rect, y: u16, app: &App, glance: &Overview, theme: Theme) {
    let count = app.story.reports.len();
    let width = usize::from(area.width);
    let name_width = 24;
    let header = format!(
        "{:>3} {:<name_width$} {:>7} {:>8} {:>8}  headline",
        "#", "outlet", "words", "original", "own sent."
    );
    put(
        buf,
        area,
        y,
        vec![Span::styled(truncate(&header, width), theme.dim())],
    );
    let rows = usize::from(area.bottom().saturating_sub(y + 1));
    let lines = window(count, rows, app.cell.left);
    for (row, i) in (y + 1..area.bottom()).zip(lines.clone()) {
        let Some(report) = app.report(i) else {
            break;
        };
        let original = glance
            .original
            .get(i)
            .copied()
            .flatten()
            .map_or_else(|| "…".to_string(), |o| format!("{}%", percent(o)));
        let own = glance
            .only
            .get(i)
            .copied()
            .flatten()
            .map_or_else(|| "…".to_string(), |n| n.to_string());
        let mark = match row - (y + 1) {
            0 if lines.start > 0 => '…',
            n if usize::from(n) + 1 == lines.len() && lines.end < count => '…',
            _ => ' ',
        };
        let line = format!(
            "{mark}{:>2} {:<name_width$} {:>7} {:>8} {:>8}  {}",
            i + 1,
            truncate(&one_line(&report.outlet), name_width),
            app.words
                .get(i)
                .map_or_else(|| "…".to_string(), usize::to_string),
            original,
            own,
            one_line(report.headline.as_deref().unwrap_or("")),
        );
        let style = if i == app.cell.left || i == app.cell.right {
            theme.chosen()
        } else {
            Style::new()
        };
        put(
            buf,
            area,
            row,
            vec![Span::styled(truncate(&line, width), style)],
        );
    }
}
