//! Comparisons computed off the UI thread, so a long diff never freezes the screen.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crate::app::PairKey;
use crate::diff::{Comparison, Doc, Options, compare};

/// The comparison `key` asks for; a report that is not there compares as empty.
pub fn compute(docs: &[Doc], key: PairKey) -> Comparison {
    let empty = Doc::default();
    let doc = |i: usize| docs.get(i).unwrap_or(&empty);
    let options = Options {
        normalize: key.normalize,
        ..Options::default()
    };
    compare(doc(key.left), doc(key.right), &options)
}

/// A thread that compares pairs of documents, one request at a time.
pub struct Worker {
    requests: Sender<PairKey>,
    results: Receiver<(PairKey, Comparison)>,
}

impl Worker {
    /// Starts the thread; it ends when the worker is dropped.
    pub fn spawn(docs: Vec<Doc>) -> std::io::Result<Worker> {
        let (requests, inbox) = mpsc::channel::<PairKey>();
        let (outbox, results) = mpsc::channel();
        thread::Builder::new()
            .name("diverge-diff".into())
            .spawn(move || {
                for key in inbox {
                    if outbox.send((key, compute(&docs, key))).is_err() {
                        break;
                    }
                }
            })?;
        Ok(Worker { requests, results })
    }

    /// Asks for `key`; false if the thread is gone.
    pub fn request(&self, key: PairKey) -> bool {
        self.requests.send(key).is_ok()
    }

    /// A finished comparison, if one is ready.
    pub fn try_result(&self) -> Option<(PairKey, Comparison)> {
        self.results.try_recv().ok()
    }
}
