//! Comparisons and layouts computed off the UI thread, so a long diff or the layout of
//! a long story never freezes the screen.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex};
use std::thread;

use crate::app::{Built, LayoutJob, LayoutKey, PairKey, TELL_LATER_BYTES, word_counts};
use crate::diff::reuse::reuse_grid;
use crate::diff::sentences::Corpus;
use crate::diff::{Comparison, Doc, Told, corpus, docs};
use crate::story::Story;

/// What the diff and layout threads hand back.
pub enum Delivery {
    /// `reuse[row][column]` of every pair of reports.
    Reuse(Vec<Vec<f64>>),
    /// Each report's word count.
    Counted(Vec<usize>),
    /// A comparison; a long one first without its sentence layer, which follows as
    /// [`Delivery::Told`].
    Computed(PairKey, Arc<Comparison>),
    Told(PairKey, Box<Told>),
    LaidOut(LayoutKey, Box<Built>),
}

/// A thread that compares pairs of documents, one request at a time, and hands each
/// result to `deliver`; it ends when the worker is dropped or `deliver` returns false.
pub struct Worker {
    requests: Sender<PairKey>,
    progress: Arc<Progress>,
}

/// How far the diff thread has got with the comparison it is working on.
#[derive(Default)]
struct Progress {
    pair: Mutex<Option<PairKey>>,
    /// Bytes of its paragraphs compared (see [`App::pair_bytes`]).
    done: AtomicUsize,
}

impl Progress {
    fn start(&self, key: PairKey) {
        // Zeroed first: the pair is never read with the last one's count.
        self.done.store(0, Ordering::Relaxed);
        if let Ok(mut pair) = self.pair.lock() {
            *pair = Some(key);
        }
    }
}

impl Worker {
    /// Starts the thread on the reports of `story`, a copy the thread reads its
    /// documents from and then frees: tokenising a long story takes longer than the
    /// first screen may.
    pub fn spawn(
        story: Story,
        deliver: impl Fn(Delivery) -> bool + Send + 'static,
    ) -> std::io::Result<Worker> {
        let (requests, inbox) = mpsc::channel::<PairKey>();
        let progress = Arc::new(Progress::default());
        let reported = Arc::clone(&progress);
        thread::Builder::new()
            .name("diverge-diff".into())
            .spawn(move || {
                if !deliver(Delivery::Counted(word_counts(&story))) {
                    return;
                }
                let docs = docs(&story);
                drop(story);
                // The overview's reuse grid first: it is quick, and with three reports or
                // more the overview is the first screen.
                if docs.len() > 2 && !deliver(Delivery::Reuse(reuse_grid(&docs))) {
                    return;
                }
                // Word weights come from every report, so the corpus is built once, here,
                // off the UI thread.
                let mut built: Option<Corpus> = None;
                for key in inbox {
                    reported.start(key);
                    let done = &reported.done;
                    if !compare(key, &docs, &mut built, (TELL_LATER_BYTES, done), &deliver) {
                        break;
                    }
                }
            })?;
        Ok(Worker { requests, progress })
    }

    /// Bytes of the pair `key` compared so far, while the thread works on it.
    pub fn progress(&self, key: PairKey) -> Option<usize> {
        let pair = self.progress.pair.lock().ok()?;
        (*pair == Some(key)).then(|| self.progress.done.load(Ordering::Relaxed))
    }

    /// Asks for `key`; false if the thread is gone.
    pub fn request(&self, key: PairKey) -> bool {
        self.requests.send(key).is_ok()
    }
}

/// Compares the pair `key` asks for, counting the bytes compared into `done`, and hands
/// it to `deliver`: one of `later_from` bytes or more as soon as its paragraphs are
/// compared, then its sentence layer (working that out takes about as long again). Only
/// the sentence layer needs the corpus, so the first time it is built into `built`:
/// beside a short pair's paragraph comparison, after a long pair's is delivered, so its
/// word diffs have both cores (on the 1M-word story the diff was on screen in 0.77–0.90 s
/// instead of 1.0–1.2 s). False once `deliver` does not want more.
fn compare(
    key: PairKey,
    docs: &[Doc],
    built: &mut Option<Corpus>,
    (later_from, done): (usize, &AtomicUsize),
    deliver: &impl Fn(Delivery) -> bool,
) -> bool {
    thread::scope(|s| {
        let later = key.bytes(docs) >= later_from;
        let building = (built.is_none() && !later).then(|| s.spawn(|| corpus(docs)));
        let comparison = Arc::new(key.compare_paragraphs_counting(docs, done));
        if later && !deliver(Delivery::Computed(key, Arc::clone(&comparison))) {
            return false;
        }
        let corpus = match building {
            Some(building) => built.insert(
                building
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            ),
            None => built.get_or_insert_with(|| corpus(docs)),
        };
        let told = key.told(&comparison, docs, corpus);
        if later {
            // Given back first, so the reader adds the layer without copying the rest.
            drop(comparison);
            return deliver(Delivery::Told(key, Box::new(told)));
        }
        let mut comparison = Arc::unwrap_or_clone(comparison);
        comparison.told = Some(told);
        deliver(Delivery::Computed(key, Arc::new(comparison)))
    })
}

/// A thread that lays out the whole of a comparison too big to lay out within a frame,
/// when a search needs every row or a block is too long to lay out here. Asked several
/// times while busy (keys pressed while a layout is built), it builds only the last:
/// the others are no longer on screen.
pub struct Layouter {
    jobs: Sender<LayoutJob>,
}

impl Layouter {
    pub fn spawn(deliver: impl Fn(Delivery) -> bool + Send + 'static) -> std::io::Result<Layouter> {
        let (jobs, inbox) = mpsc::channel::<LayoutJob>();
        thread::Builder::new()
            .name("diverge-layout".into())
            .spawn(move || {
                while let Ok(first) = inbox.recv() {
                    let job = inbox.try_iter().last().unwrap_or(first);
                    if !deliver(Delivery::LaidOut(job.key, Box::new(job.run()))) {
                        break;
                    }
                }
            })?;
        Ok(Layouter { jobs })
    }

    /// Asks for `job`; false if the thread is gone.
    pub fn request(&self, job: LayoutJob) -> bool {
        self.jobs.send(job).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;
    use crate::side::Pair;

    #[test]
    fn a_long_pair_comes_compared_then_told_and_a_short_one_whole() {
        let docs = vec![
            Doc::from_paragraphs(&["Lee spoke to Xi on Tuesday.", "They will meet again."]),
            Doc::from_paragraphs(&["Lee spoke to Xi on June 10.", "They will meet again."]),
        ];
        let key = PairKey {
            outlets: Pair::new(0, 1),
            normalize: false,
        };
        let whole = key.compare(&docs, &corpus(&docs));
        for (later_from, long) in [(0, true), (usize::MAX, false)] {
            let got = RefCell::new(Vec::new());
            let mut built = None;
            let done = AtomicUsize::new(0);
            let more = compare(key, &docs, &mut built, (later_from, &done), &|delivery| {
                got.borrow_mut().push(delivery);
                true
            });
            assert!(more && built.is_some());
            let bytes = "Lee spoke to Xi on Tuesday.They will meet again.".len() * 2;
            assert_eq!(done.into_inner(), bytes, "every paragraph counted, once");
            match got.into_inner().as_slice() {
                [Delivery::Computed(k, first), Delivery::Told(t, told)] if long => {
                    assert_eq!((*k, *t), (key, key));
                    assert!(first.told.is_none());
                    let mut joined = Comparison::clone(first);
                    joined.told = Some(Told::clone(told));
                    assert_eq!(joined, whole);
                }
                [Delivery::Computed(k, first)] if !long => {
                    assert_eq!(*k, key);
                    assert_eq!(**first, whole);
                }
                _ => panic!("long {long}: unexpected deliveries"),
            }
        }
    }
}
