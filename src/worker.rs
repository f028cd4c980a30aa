//! Comparisons and layouts computed off the UI thread, so a long diff or the layout of
//! a long story never freezes the screen.

use std::sync::mpsc::{self, Sender};
use std::thread;

use crate::app::{Built, LayoutJob, LayoutKey, PairKey, word_counts};
use crate::diff::reuse::reuse_grid;
use crate::diff::sentences::Corpus;
use crate::diff::{Comparison, corpus, docs};
use crate::story::Story;

/// What the diff and layout threads hand back.
pub enum Delivery {
    /// `reuse[row][column]` of every pair of reports.
    Reuse(Vec<Vec<f64>>),
    /// Each report's word count.
    Counted(Vec<usize>),
    Computed(PairKey, Comparison),
    LaidOut(LayoutKey, Box<Built>),
}

/// A thread that compares pairs of documents, one request at a time, and hands each
/// result to `deliver`; it ends when the worker is dropped or `deliver` returns false.
pub struct Worker {
    requests: Sender<PairKey>,
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
                // off the UI thread; only the sentence layer needs it, so it is built
                // beside the first pair's paragraph comparison.
                let mut built: Option<Corpus> = None;
                for key in inbox {
                    let comparison = match &built {
                        Some(corpus) => key.compare(&docs, corpus),
                        None => {
                            let (mut comparison, corpus) = thread::scope(|s| {
                                let building = s.spawn(|| corpus(&docs));
                                let comparison = key.compare_paragraphs(&docs);
                                let corpus = building
                                    .join()
                                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                                (comparison, corpus)
                            });
                            key.tell(&mut comparison, &docs, &corpus);
                            built = Some(corpus);
                            comparison
                        }
                    };
                    if !deliver(Delivery::Computed(key, comparison)) {
                        break;
                    }
                }
            })?;
        Ok(Worker { requests })
    }

    /// Asks for `key`; false if the thread is gone.
    pub fn request(&self, key: PairKey) -> bool {
        self.requests.send(key).is_ok()
    }
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
