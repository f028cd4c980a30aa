//! What `diverge FILES` prints when stdout is not a terminal (a pipe, a file): the pair
//! the reader would open on, in the plain format, as bat and delta print instead of
//! paging.

use crate::app::{all_pairs, most_similar};
use crate::diff::{Comparison, Doc, Options, compare, docs, flat_ops};
use crate::side::Pair;
use crate::story::Story;

use super::render;

/// The story's first pair as wdiff-style text under a line naming the two outlets; a
/// story of one report is printed as it is.
pub fn render(story: &Story) -> String {
    let docs = docs(story);
    let options = Options::default();
    let compared: Vec<(Pair<usize>, Comparison)> = all_pairs(docs.len())
        .filter_map(|key| {
            let pair = key.outlets;
            let (left, right) = (docs.get(pair.left)?, docs.get(pair.right)?);
            Some((pair, compare(left, right, &options)))
        })
        .collect();
    let pair = most_similar(compared.iter().map(|(p, c)| (*p, c.stats.similarity)))
        .unwrap_or(Pair::new(0, 1));
    let found = compared.iter().find(|(p, _)| *p == pair);
    let outlet = |i: usize| story.reports.get(i).map_or("", |r| r.outlet.as_str());
    match (found, docs.get(pair.left), docs.get(pair.right)) {
        (Some((_, comparison)), Some(left), Some(right)) => {
            let ops = flat_ops(&comparison.blocks, Pair::new(left, right));
            let mut out = format!(
                "{} ⇄ {} (similarity {:.0}%)\n\n",
                crate::visible::visible(outlet(pair.left)),
                crate::visible::visible(outlet(pair.right)),
                comparison.stats.similarity * 100.0
            );
            out.push_str(&render::plain(&ops));
            finish(out)
        }
        _ => docs.first().map_or_else(String::new, |doc: &Doc| {
            finish(crate::visible::visible(&doc.text).into_owned())
        }),
    }
}

fn finish(mut out: String) -> String {
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}
