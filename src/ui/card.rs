//! The report card: for each report of the pair, what it says about itself — headline
//! (with the two headlines' word diff), standfirst, byline, date, country, link and the
//! note on the report — drawn over the top of the diff, one column per report.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::one_line;
use super::theme::Theme;
use crate::app::{App, Card};
use crate::diff::{Tag, rebuild};
use crate::layout::Mark;
use crate::side::Side;
use crate::story::Report;

/// The lines of one report's card; its headline comes marked from the diff.
fn lines<'a>(
    report: Option<&'a Report>,
    card: &'a Card,
    side: Side,
    theme: Theme,
) -> Vec<Line<'a>> {
    let headline: Vec<Span> = card
        .headline
        .iter()
        .filter(|s| s.on(side))
        .map(|s| {
            let mark = match s.tag {
                Tag::Equal => Mark::Equal,
                Tag::Delete => Mark::Delete,
                Tag::Insert => Mark::Insert,
            };
            Span::styled(one_line(&s.text), theme.mark(mark, false))
        })
        .collect();
    let headline = if rebuild(&card.headline, side).is_empty() {
        vec![Span::styled("no headline", theme.dim())]
    } else {
        headline
    };
    let field = |name: &'a str, value: Option<&'a String>| {
        Line::from(vec![
            Span::styled(format!("{name}: "), theme.dim()),
            match value {
                Some(v) => Span::raw(one_line(v)),
                None => Span::styled("—", theme.dim()),
            },
        ])
    };
    let Some(r) = report else {
        return vec![Line::raw("—")];
    };
    vec![
        Line::styled(one_line(&r.outlet), theme.chosen()),
        Line::from(headline),
        // The note first after the headline: it says how far the report can be trusted
        // to be what it is named, and must not be cut off by a long standfirst.
        field("note", r.note.as_ref()),
        field("byline", r.byline.as_ref()),
        field("published", r.published.as_ref()),
        field("country", r.country.as_ref()),
        field("url", r.url.as_ref()),
        field("summary", r.summary.as_ref()),
    ]
}

/// Draws the card over the top of `area` (the diff), as tall as it needs up to half
/// of it; the keys still scroll the diff beneath.
pub fn draw_card(buf: &mut Buffer, area: Rect, app: &App, card: &Card, theme: Theme) {
    let height = (area.height / 2).max(area.height.min(8)).min(area.height);
    let box_area = Rect { height, ..area };
    Clear.render(box_area, buf);
    let block = Block::bordered().title(" Report card — i or Esc closes ");
    let inner = block.inner(box_area);
    block.render(box_area, buf);
    let half = inner.width / 2;
    for side in Side::BOTH {
        let x = match side {
            Side::Left => inner.x,
            Side::Right => inner.x + half + 1,
        };
        let column = Rect {
            x,
            width: match side {
                Side::Left => half.saturating_sub(1),
                Side::Right => inner.width.saturating_sub(half + 1),
            },
            ..inner
        };
        let report = app.report(card.outlets[side]);
        Paragraph::new(lines(report, card, side, theme))
            .wrap(Wrap { trim: true })
            .render(column, buf);
    }
}
