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
    let mut spans = vec![
        Span::styled(outlet(app, app.outlets.left), theme.chosen()),
        Span::raw(" ⇄ "),
        Span::styled(outlet(app, app.outlets.right), theme.chosen()),
    ];
    // While house style is toggled on a long pair, the text on screen is the other
    // style's: its figures are not the ones coming, the wait is.
    match app.comparison().filter(|_| app.computing().is_none()) {
        Some(c) => {
            let names: usize = spans.iter().map(|s| cell_width(&s.content)).sum();
            spans.push(Span::raw(figures(c, width.saturating_sub(names))));
        }
        None if app.story.reports.is_empty() => {}
        None => spans.push(Span::styled(
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
        spans.push(Span::styled("   house style ignored", theme.dim()));
    }
    put(buf, area, 0, area.y + 1, spans);
}

/// The pair's figures in the longest wording that fits `room` cells: on a narrow screen
/// the labels shorten before any figure is cut.
fn figures(c: &crate::diff::Comparison, room: usize) -> String {
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
    match &both {
        Some(b) => format!("  sim {similarity} · both {b} · +{added} −{removed}"),
        None => format!("  sim {similarity} · +{added} −{removed}"),
    }
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
