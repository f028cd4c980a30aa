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

/// What becomes of a block's spans once it has been handed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Spans {
    /// Kept in the block, with the room left over from growing them given back.
    Kept,
    /// Taken out of the block: only its outline stays.
    Dropped,
}

/// The word diff of one block's texts, shrunk to fit when it is to be kept. Shrinking
/// is done here, on the thread that made the spans: glibc locks the arena a chunk came
/// from to resize or free it, and one thread doing that to another's spans made both
/// wait on the lock for a tenth of a long comparison's time.
fn block_diff(text: Pair<&str>, options: &WordOptions, spans: Spans) -> Diff {
    let mut diff = text_diff(text, options);
    if spans == Spans::Kept {
        diff.0.shrink_to_fit();
        for span in &mut diff.0 {
            span.text.shrink_to_fit();
        }
    }
    diff
}

/// Whether two texts are long enough, and the machine has the cores, for two threads.
pub(super) fn two_threads(docs: Pair<&Doc>) -> bool {
    docs.left.text.len() + docs.right.text.len() >= TWO_THREADS_BYTES
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
}

/// Gives each block its word diff and hands it to `each` in reading order, then keeps
/// or drops its spans; with `two_threads`, a second thread takes chunks of blocks beside
/// this one, and frees the spans it made that are dropped (see [`block_diff`]).
pub(super) fn fill_blocks(
    blocks: &mut [Block],
    docs: Pair<&Doc>,
    options: &WordOptions,
    two_threads: bool,
    spans: Spans,
    mut each: impl FnMut(&mut Block),
) {
    // Hands the block its diff, then takes the spans back out when they are dropped.
    let mut hand_on = |block: &mut Block, diff: &mut Diff| {
        fill_block(block, std::mem::take(diff));
        each(block);
        if spans == Spans::Dropped {
            diff.0 = std::mem::take(&mut block.spans);
        }
    };
    if !two_threads {
        for b in 0..blocks.len() {
            let mut diff = block_diff(block_text(blocks, b, docs), options, spans);
            if let Some(block) = blocks.get_mut(b) {
                hand_on(block, &mut diff);
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
            .map(|&text| block_diff(text, options, spans))
            .collect()
    };
    std::thread::scope(|s| {
        let (done, finished) = mpsc::sync_channel::<(usize, Vec<Diff>)>(AHEAD);
        // The helper's chunks come back to it, holding the spans dropped, to be freed
        // on the thread that made them.
        let (give_back, spent) = mpsc::channel::<Vec<Diff>>();
        let helper = s.spawn(move || {
            loop {
                spent.try_iter().for_each(drop);
                let c = next.fetch_add(1, Ordering::Relaxed);
                if c >= chunks || done.send((c, diffs(c))).is_err() {
                    break;
                }
            }
        });
        // Each chunk worked out, and whether the helper made it.
        let mut ready: BTreeMap<usize, (Vec<Diff>, bool)> = BTreeMap::new();
        for c in 0..chunks {
            let (mut chunk, helpers) = loop {
                if let Some(chunk) = ready.remove(&c) {
                    break chunk;
                }
                ready.extend(finished.try_iter().map(|(k, chunk)| (k, (chunk, true))));
                if ready.contains_key(&c) {
                    continue;
                }
                // Work on the next chunk nobody has taken, unless far enough ahead;
                // else chunk `c` is the helper's: wait for it.
                if next.load(Ordering::Relaxed) < c + AHEAD {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    if k < chunks {
                        ready.insert(k, (diffs(k), false));
                        continue;
                    }
                }
                match finished.recv() {
                    Ok((k, chunk)) => {
                        ready.insert(k, (chunk, true));
                    }
                    // The helper stopped without it (it panicked): work it out here.
                    Err(_) => break (diffs(c), false),
                }
            };
            for (b, diff) in (c * CHUNK..).zip(chunk.iter_mut()) {
                if let Some(block) = blocks.get_mut(b) {
                    hand_on(block, diff);
                }
            }
            // A helper that has finished no longer allocates: what it made can be
            // freed here then.
            if helpers {
                let _ = give_back.send(chunk);
            }
        }
        drop(give_back);
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

    /// Blocks of two long versions, filled on one thread or on two, and the spans each
    /// block was handed on with.
    fn filled(two: bool, spans: Spans) -> (Vec<Block>, Vec<Vec<Span>>) {
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
        let mut seen = Vec::new();
        fill_blocks(&mut blocks, docs, &options, two, spans, |block| {
            order.push(block.paras.clone());
            seen.push(block.spans.clone());
        });
        let expected: Vec<_> = blocks.iter().map(|b| b.paras.clone()).collect();
        assert_eq!(order, expected, "blocks are handed on in reading order");
        (blocks, seen)
    }

    #[test]
    fn two_threads_give_the_diff_of_one() {
        let (one, _) = filled(false, Spans::Kept);
        assert!(one.len() > 10 * CHUNK);
        assert!(one.iter().any(|b| b.spans.iter().any(Span::is_change)));
        assert_eq!(filled(true, Spans::Kept).0, one);
    }

    #[test]
    fn dropped_spans_are_handed_on_then_gone_from_every_block() {
        let (kept, _) = filled(false, Spans::Kept);
        let kept_spans: Vec<Vec<Span>> = kept.iter().map(|b| b.spans.clone()).collect();
        for two in [false, true] {
            let (dropped, seen) = filled(two, Spans::Dropped);
            assert_eq!(seen, kept_spans, "each block is handed on with its spans");
            assert!(dropped.iter().all(|b| b.spans.is_empty()));
            let outline = |blocks: &[Block]| -> Vec<_> {
                blocks
                    .iter()
                    .map(|b| (b.kind, b.paras.clone(), b.words))
                    .collect()
            };
            assert_eq!(outline(&dropped), outline(&kept));
        }
    }
}
