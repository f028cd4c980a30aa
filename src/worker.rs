//! Comparisons computed off the UI thread, so a long diff never freezes the screen.

use std::sync::mpsc::{self, Sender};
use std::thread;

use crate::app::PairKey;
use crate::diff::reuse::reuse_grid;
use crate::diff::{Comparison, Doc, corpus};

/// What the diff thread hands back.
pub enum Delivery {
    /// `reuse[row][column]` of every pair of reports.
    Reuse(Vec<Vec<f64>>),
    Computed(PairKey, Comparison),
}

/// A thread that compares pairs of documents, one request at a time, and hands each
/// result to `deliver`; it ends when the worker is dropped or `deliver` returns false.
pub struct Worker {
    requests: Sender<PairKey>,
}

impl Worker {
    pub fn spawn(
        docs: Vec<Doc>,
        deliver: impl Fn(Delivery) -> bool + Send + 'static,
    ) -> std::io::Result<Worker> {
        let (requests, inbox) = mpsc::channel::<PairKey>();
        thread::Builder::new()
            .name("diverge-diff".into())
            .spawn(move || {
                // The overview's reuse grid first: it is quick, and with three reports or
                // more the overview is the first screen.
                if docs.len() > 2 && !deliver(Delivery::Reuse(reuse_grid(&docs))) {
                    return;
                }
                // Word weights come from every report, so the corpus is built once, here,
                // off the UI thread.
                let corpus = corpus(&docs);
                for key in inbox {
                    if !deliver(Delivery::Computed(key, key.compare(&docs, &corpus))) {
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
