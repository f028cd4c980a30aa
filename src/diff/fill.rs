//! The blocks' word diffs in reading order: on a long text they are worked out on two
//! threads, and each block is still handed on, in order, as soon as its diff is known.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use super::block::Block;
use super::doc::Doc;
use super::plan::{block_text, fill_block, text_diff};
use super::span::{Span, SpanWords};
use super::words::WordOptions;
use crate::side::Pair;

/// Least size of the two texts (bytes, both together) whose word diffs are worked out
/// on two threads: below it, starting a thread costs more than it saves.
pub(super) const TWO_THREADS_BYTES: usize = 256 * 1024;
/// Blocks a thread takes at a time.
const CHUNK: usize = 32;
/// Most chunks either thread works out beyond the one handed on next, so a long text's
/// spans are never held whole while one long block is being diffed.
const AHEAD: usize = 8;

type Diff = (Vec<Span>, SpanWords);

/// Whether two texts are long enough, and the machine has the cores, for two threads.
pub(super) fn two_threads(docs: Pair<&Doc>) -> bool {
    docs.left.text.len() + docs.right.text.len() >= TWO_THREADS_BYTES
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
}

/// Gives each block its word diff and hands it to `each` in reading order; with
/// `two_threads`, a second thread takes chunks of blocks beside this one.
pub(super) fn fill_blocks(
    blocks: &mut [Block],
    docs: Pair<&Doc>,
    options: &WordOptions,
    two_threads: bool,
    mut each: impl FnMut(&mut Block),
) {
    if !two_threads {
        for b in 0..blocks.len() {
            let diff = text_diff(block_text(blocks, b, docs), options);
            if let Some(block) = blocks.get_mut(b) {
                fill_block(block, diff);
                each(block);
            }
        }
        return;
    }
    let texts: Vec<Pair<&str>> = (0..blocks.len())
        .map(|b| block_text(blocks, b, docs))
        .collect();
    let chunks = texts.len().div_ceil(CHUNK);
    let next = &AtomicUsize::new(0);
    let diffs = &|c: usize| -> Vec<Diff> {
        let end = (c.saturating_add(1) * CHUNK).min(texts.len());
        texts
            .get(c * CHUNK..end)
            .unwrap_or_default()
            .iter()
            .map(|&text| text_diff(text, options))
            .collect()
    };
    std::thread::scope(|s| {
        let (done, finished) = mpsc::sync_channel::<(usize, Vec<Diff>)>(AHEAD);
        let helper = s.spawn(move || {
            loop {
                let c = next.fetch_add(1, Ordering::Relaxed);
                if c >= chunks || done.send((c, diffs(c))).is_err() {
                    break;
                }
            }
        });
        let mut ready: BTreeMap<usize, Vec<Diff>> = BTreeMap::new();
        for c in 0..chunks {
            let chunk = loop {
                if let Some(chunk) = ready.remove(&c) {
                    break chunk;
                }
                ready.extend(finished.try_iter());
                if ready.contains_key(&c) {
                    continue;
                }
                // Work on the next chunk nobody has taken, unless far enough ahead;
                // else chunk `c` is the helper's: wait for it.
                if next.load(Ordering::Relaxed) < c + AHEAD {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    if k < chunks {
                        ready.insert(k, diffs(k));
                        continue;
                    }
                }
                match finished.recv() {
                    Ok((k, chunk)) => {
                        ready.insert(k, chunk);
                    }
                    // The helper stopped without it (it panicked): work it out here.
                    Err(_) => break diffs(c),
                }
            };
            for (b, diff) in (c * CHUNK..).zip(chunk) {
                if let Some(block) = blocks.get_mut(b) {
                    fill_block(block, diff);
                    each(block);
                }
            }
        }
        // A helper that panicked has had its chunks worked out here; its panic is not
        // the comparison's.
        let _ = helper.join();
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::Options;
    use crate::diff::plan::{link_partners, plan_blocks};
    use crate::diff::{Doc, pair_paragraphs};

    /// Blocks of two long versions, filled on one thread or on two.
    fn filled(two: bool) -> Vec<Block> {
        let paragraphs: Vec<String> = (0..700)
            .map(|i| format!("Paragraph {i} says that the talks on trade went on for {i} hours."))
            .collect();
        let edited: Vec<String> = paragraphs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 97 != 3)
            .map(|(i, p)| match i % 5 {
                0 => p.replace("trade", "security"),
                _ => p.clone(),
            })
            .collect();
        let docs = Pair::new(
            Doc::from_paragraphs(&paragraphs),
            Doc::from_paragraphs(&edited),
        );
        let docs = docs.as_ref();
        let alignment = pair_paragraphs(docs, false, None);
        let mut blocks = plan_blocks(&alignment, docs.map(|d| d.paras.len()));
        link_partners(&mut blocks);
        let options = WordOptions {
            normalize: false,
            algorithm: Options::default().algorithm,
            deadline: None,
        };
        let mut order = Vec::new();
        fill_blocks(&mut blocks, docs, &options, two, |block| {
            order.push(block.paras.clone());
        });
        let expected: Vec<_> = blocks.iter().map(|b| b.paras.clone()).collect();
        assert_eq!(order, expected, "blocks are handed on in reading order");
        blocks
    }

    #[test]
    fn two_threads_give_the_diff_of_one() {
        let one = filled(false);
        assert!(one.len() > 10 * CHUNK);
        assert!(one.iter().any(|b| b.spans.iter().any(Span::is_change)));
        assert_eq!(filled(true), one);
    }
}
