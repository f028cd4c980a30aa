//! What `y` copies and what the export key writes: text for the clipboard and a page for
//! a file, handed to the event loop as an [`Effect`].

use super::{App, Effect};
use crate::cli::render;
use crate::diff::{Doc, flat_ops};
use crate::export;
use crate::side::Pair;

/// The block of the current change, else of the first row on screen.
fn block_in_view(app: &App) -> Option<usize> {
    let layout = app.layout()?;
    let row = app
        .current
        .and_then(|h| layout.hunk_row(h))
        .filter(|&r| r >= app.scroll && r < app.scroll + app.page())
        .unwrap_or(app.scroll);
    layout.rows.get(row).map(|r| r.block)
}

/// Copies the current change's paragraph (else the first one on screen): both sides as
/// `[-deleted-]{+inserted+}`, or the one side a moved or one-sided paragraph shows.
pub(super) fn copy(app: &mut App) {
    let text = block_in_view(app).and_then(|b| {
        let block = app.comparison()?.blocks.get(b)?;
        let text = match block.kind.only_side() {
            Some(side) => {
                let report = app.report(app.outlets[side])?;
                let paras = report.body.get(block.paras[side].clone())?;
                paras.join("\n\n")
            }
            None => render::plain(&block.spans),
        };
        Some((text.trim().to_string(), block.paras.clone()))
    });
    match text {
        Some((text, paras)) if !text.is_empty() => {
            let which = Pair::from_fn(|side| paras[side].start + 1);
            app.message = Some(format!(
                "copied ¶{} ⇄ ¶{} ({} characters) to the clipboard (OSC 52)",
                which.left,
                which.right,
                text.chars().count()
            ));
            app.effect = Some(Effect::Copy(text));
        }
        _ => app.message = Some("nothing to copy here".to_string()),
    }
}

/// Renders the pair on screen as a self-contained HTML page for the event loop to write.
pub(super) fn export(app: &mut App) {
    let Some(comparison) = app.comparison() else {
        app.message = Some("the comparison is still computing".to_string());
        return;
    };
    let reports = app.outlets.map(|i| app.report(i));
    let (Some(left), Some(right)) = (reports.left, reports.right) else {
        return;
    };
    let docs = Pair::new(
        Doc::from_paragraphs(&left.body),
        Doc::from_paragraphs(&right.body),
    );
    let ops = flat_ops(&comparison.blocks, docs.as_ref());
    let names = Pair::new(left.outlet.as_str(), right.outlet.as_str());
    let contents = export::html(&app.story.title, names, &comparison.stats, &ops);
    let name = format!(
        "diverge-{}-{}.html",
        export::file_stem(names.left),
        export::file_stem(names.right)
    );
    app.effect = Some(Effect::Export { name, contents });
}
