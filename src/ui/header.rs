//! The header, the outlet list and the titles over the panes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::one_line;
use super::theme::Theme;
use crate::app::{Action, App, Screen, Wait, outlet_window};
use crate::layout::{Columns, View, cell_width, truncate};
use crate::side::{Pair, Side};

/// A report's outlet name, safe to print.
fn outlet(app: &App, i: usize) -> String {
    app.report(i)
        .map_or_else(|| "—".to_string(), |r| one_line(&r.outlet))
}

fn percent(similarity: f64) -> String {
    format!("{:.0}%", similarity * 100.0)
}

/// Draws `spans` on row `y` of `area`, cut to its width.
fn put(buf: &mut Buffer, area: Rect, x: u16, y: u16, spans: Vec<Span<'_>>) {
    let max = area.right().saturating_sub(area.x + x);
    buf.set_line(area.x + x, y, &Line::from(spans), max);
}

pub fn draw_header(buf: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    let width = usize::from(area.width);
    let title = truncate(&one_line(&app.story.title), width);
    put(
        buf,
        area,
        0,
        area.y,
        vec![Span::styled(title, theme.bold())],
    );
    if app.alone() {
        let spans = vec![
            Span::styled(outlet(app, app.outlets.left), theme.chosen()),
            Span::styled(
                "   the only report in this story: nothing to compare it with",
                theme.dim(),
            ),
        ];
        put(buf, area, 0, area.y + 1, spans);
        return;
    }
    let names = app.outlets.map(|i| outlet(app, i));
    let widths = names.as_ref().map(|n| cell_width(n));
    let names_width = widths.left + widths.right + cell_width(ARROW);
    let mut status = Vec::new();
    // While house style is toggled on a long pair, the text on screen is the other
    // style's: its figures are not the ones coming, the wait is.
    match app.comparison().filter(|_| app.computing().is_none()) {
        Some(c) => {
            let least = widths.map(|w| w.min(MIN_NAME));
            let rooms = [names_width, least.left + least.right + cell_width(ARROW)]
                .map(|names| width.saturating_sub(names));
            status.push(Span::raw(figures(c, rooms)));
        }
        None if app.story.reports.is_empty() => {}
        None => status.push(Span::styled(
            match app.waited() {
                Some(Wait {
                    elapsed,
                    percent: Some(percent),
                }) => format!("   comparing… {percent}% · {:.1} s", elapsed.as_secs_f64()),
                Some(Wait { elapsed, .. }) => {
                    format!("   comparing… {:.1} s", elapsed.as_secs_f64())
                }
                None => "   comparing…".to_string(),
            },
            theme.dim(),
        )),
    }
    if app.normalize {
        status.push(Span::styled("   house style ignored", theme.dim()));
    }
    // On a narrow screen the names give way to the figures or the wait: the titles
    // row below names the reports too.
    let status_width: usize = status.iter().map(|s| cell_width(&s.content)).sum();
    let room = width.saturating_sub(status_width + cell_width(ARROW));
    let fit = name_room(widths, room).map(|n| n.max(MIN_NAME));
    let name = |side: Side| truncate(&names[side], fit[side]);
    let mut spans = vec![
        Span::styled(name(Side::Left), theme.chosen()),
        Span::raw(ARROW),
        Span::styled(name(Side::Right), theme.chosen()),
    ];
    spans.extend(status);
    put(buf, area, 0, area.y + 1, spans);
}

/// Cells for two names `widths` wide in `room`: each its own when both fit, else a
/// short one its own and the other the rest, else half each.
fn name_room(widths: Pair<usize>, room: usize) -> Pair<usize> {
    let half = room / 2;
    if widths.left + widths.right <= room {
        widths
    } else if widths.left <= half {
        Pair::new(widths.left, room - widths.left)
    } else if widths.right <= half {
        Pair::new(room - widths.right, widths.right)
    } else {
        Pair::new(half, room - half)
    }
}

/// Between the two reports' names in the header.
const ARROW: &str = " ⇄ ";
/// Cells a name keeps however narrow the screen.
const MIN_NAME: usize = 8;

/// The pair's figures in the longest wording that fits: with labels in `rooms[0]` cells
/// (beside the whole names), else as many figures as fit in `rooms[1]` (beside names
/// cut short), the last ones left out whole rather than cut.
fn figures(c: &crate::diff::Comparison, rooms: [usize; 2]) -> String {
    let [room, least] = rooms;
    let similarity = percent(c.stats.similarity);
    let both = c
        .told
        .as_ref()
        .map(|t| format!("{}·{}", percent(t.shared.left), percent(t.shared.right)));
    let (added, removed) = (c.stats.words_added, c.stats.words_removed);
    let long = match &both {
        Some(b) => {
            format!("  similarity {similarity} · told by both {b} · +{added} −{removed} words")
        }
        None => format!("  similarity {similarity} · +{added} −{removed} words"),
    };
    if cell_width(&long) <= room {
        return long;
    }
    let parts: Vec<String> = [
        Some(format!("sim {similarity}")),
        both.map(|b| format!("both {b}")),
        Some(format!("+{added} −{removed}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    let wording = |n: usize| format!("  {}", parts.get(..n).unwrap_or_default().join(" · "));
    (1..=parts.len())
        .rev()
        .map(wording)
        .find(|w| cell_width(w) <= least)
        .unwrap_or_else(|| wording(1))
}

/// Cells of the word count, similarity and told-by-both columns.
const WORDS: usize = 12;
const SIMILARITY: usize = 6;
const SHARED: usize = 10;

pub fn draw_outlets(buf: &mut Buffer, screen: &Screen, app: &App, theme: Theme) {
    let area = screen.outlets;
    let width = usize::from(area.width);
    let count = app.story.reports.len();
    let key = |action: Action| app.keymap.label(&action);
    let toggle = if app.list_shown() {
        format!("{} hide", key(Action::ToggleList))
    } else {
        format!("{} show the list", key(Action::ToggleList))
    };
    let hints = [
        toggle,
        format!(
            "{} {} left",
            key(Action::NextOutlet(Side::Left)),
            key(Action::PrevOutlet(Side::Left))
        ),
        format!(
            "{} {} right",
            key(Action::NextOutlet(Side::Right)),
            key(Action::PrevOutlet(Side::Right))
        ),
        format!("{} swap", key(Action::Swap)),
        "click: right, right-click: left".to_string(),
    ];
    // As many whole hints as fit.
    let mut heading = format!("Outlets ({count})");
    for hint in hints {
        if cell_width(&heading) + 3 + cell_width(&hint) > width {
            break;
        }
        heading.push_str("   ");
        heading.push_str(&hint);
    }
    put(
        buf,
        area,
        0,
        area.y,
        vec![Span::styled(truncate(&heading, width), theme.dim())],
    );
    let names: Vec<String> = (0..count).map(|i| outlet(app, i)).collect();
    // Names take what they need, up to two thirds of what they share with headlines:
    // a cut name is worse than a cut headline.
    let room = width.saturating_sub(2 + 2 + WORDS + SIMILARITY + SHARED + 1);
    let name_width = names
        .iter()
        .map(|n| cell_width(n))
        .max()
        .unwrap_or(0)
        .min(room * 2 / 3);
    let headline_width = width.saturating_sub(2 + name_width + 2 + WORDS + SIMILARITY + SHARED + 1);
    let window = outlet_window(count, screen.list_rows(), app.outlets.right);
    for (y, i) in (area.y + 1..area.bottom()).zip(window) {
        let Some(report) = app.report(i) else {
            break;
        };
        let (tag, style) = if i == app.outlets.left {
            ("L ", theme.chosen())
        } else if i == app.outlets.right {
            ("R ", theme.chosen())
        } else {
            ("  ", Style::new())
        };
        let name = truncate(names.get(i).map_or("", String::as_str), name_width);
        let pad = name_width.saturating_sub(cell_width(&name));
        let headline = report.headline.as_deref().map(one_line).unwrap_or_default();
        let headline = truncate(&headline, headline_width);
        let hpad = headline_width.saturating_sub(cell_width(&headline));
        let similarity = match app.similarity_to_left(i) {
            _ if i == app.outlets.left => "left".to_string(),
            Some(s) => percent(s),
            None => "…".to_string(),
        };
        let shared = match app.shared_with_left(i) {
            Some(s) if i != app.outlets.left => format!("{} both", percent(s)),
            _ => String::new(),
        };
        let words = app
            .words
            .get(i)
            .map_or_else(|| "… words".to_string(), |n| format!("{n} words"));
        put(
            buf,
            area,
            0,
            y,
            vec![
                Span::styled(tag, style),
                Span::styled(format!("{name}{}", " ".repeat(pad)), style),
                Span::raw(format!("  {headline}{}", " ".repeat(hpad))),
                Span::styled(
                    format!("{words:>WORDS$}{similarity:>SIMILARITY$}{shared:>SHARED$}"),
                    theme.dim(),
                ),
            ],
        );
    }
}

/// The outlet names over the panes; in the inline view, one line naming both.
pub fn draw_titles(buf: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    buf.set_style(area, theme.bar());
    let view = app.shown_view();
    let columns = Columns::new(view, usize::from(area.width));
    let names = app.outlets.map(|i| outlet(app, i));
    let at = |x: usize| u16::try_from(x).unwrap_or(u16::MAX);
    if app.alone() {
        let name = truncate(&names.left, columns.text.left);
        put(
            buf,
            area,
            at(columns.gutter),
            area.y,
            vec![Span::styled(name, theme.bar())],
        );
    } else if view == View::Inline {
        let Pair { left, right } = &names;
        // The longest legend that fits whole: a cut one says less than a shorter one.
        let legends = [
            format!("{left} → {right}: struck = only in {left}, underlined = only in {right}"),
            format!("struck = only in {left}, underlined = only in {right}"),
            format!("struck: {left} · underlined: {right}"),
            format!("{left} → {right}"),
        ];
        let room = columns.text.left;
        let text = legends
            .iter()
            .find(|l| cell_width(l) <= room)
            .or(legends.last())
            .map_or(String::new(), |l| truncate(l, room));
        put(
            buf,
            area,
            at(columns.gutter),
            area.y,
            vec![Span::styled(text, theme.bar())],
        );
    } else {
        for side in Side::BOTH {
            // The side h/l change the outlet of.
            let mark = if side == app.focus { "▸ " } else { "" };
            let name = truncate(&format!("{mark}{}", names[side]), columns.text[side]);
            let x = columns.pane_x(side) + columns.gutter;
            put(
                buf,
                area,
                at(x),
                area.y,
                vec![Span::styled(name, theme.bar())],
            );
        }
    }
}
