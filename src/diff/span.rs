use serde::Serialize;

/// What a piece of text is in a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tag {
    Equal,
    Delete,
    Insert,
}

/// A run of text with one tag. `style` marks a delete or insert that house-style
/// normalisation counts as equal: it is kept so both texts rebuild exactly, but it is
/// not a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    #[serde(rename = "op")]
    pub tag: Tag,
    pub text: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub style: bool,
}

impl Span {
    pub fn new(tag: Tag, text: impl Into<String>) -> Self {
        Span {
            tag,
            text: text.into(),
            style: false,
        }
    }

    /// True for deletes and inserts that are real changes (not style).
    pub fn is_change(&self) -> bool {
        self.tag != Tag::Equal && !self.style
    }

    /// Part of the left text.
    pub fn on_left(&self) -> bool {
        self.tag != Tag::Insert
    }

    /// Part of the right text.
    pub fn on_right(&self) -> bool {
        self.tag != Tag::Delete
    }
}

/// Appends `span`, joining it to the last span when tag and style agree.
pub fn push_span(spans: &mut Vec<Span>, span: Span) {
    if span.text.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.tag == span.tag && last.style == span.style => {
            last.text.push_str(&span.text)
        }
        _ => spans.push(span),
    }
}

/// The left (`Delete` side) or right (`Insert` side) text a span list rebuilds.
pub fn rebuild(spans: &[Span], left: bool) -> String {
    spans
        .iter()
        .filter(|s| if left { s.on_left() } else { s.on_right() })
        .map(|s| s.text.as_str())
        .collect()
}

/// Number of change hunks: maximal runs of real changes between equal text.
/// Style-only spans neither count nor split a hunk.
pub fn count_hunks(spans: &[Span]) -> usize {
    count_runs(spans, Span::is_change)
}

/// Number of differences normalisation hides: maximal runs of style spans between equal
/// text.
pub fn count_style_hunks(spans: &[Span]) -> usize {
    count_runs(spans, |s| s.style)
}

/// Maximal runs of spans matching `wanted`, broken only by equal text.
fn count_runs(spans: &[Span], wanted: impl Fn(&Span) -> bool) -> usize {
    let mut runs = 0;
    let mut in_run = false;
    for span in spans {
        if wanted(span) {
            if !in_run {
                runs += 1;
            }
            in_run = true;
        } else if span.tag == Tag::Equal {
            in_run = false;
        }
    }
    runs
}

/// Word counts of a span list by tag; style spans count apart from changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SpanWords {
    pub equal: usize,
    pub deleted: usize,
    pub inserted: usize,
    pub style_deleted: usize,
    pub style_inserted: usize,
}

impl SpanWords {
    /// Counts the words of spans by tokenising them again: the oracle for the counts
    /// the word diff keeps as it goes.
    #[cfg(test)]
    pub fn of(spans: &[Span]) -> Self {
        let mut w = SpanWords::default();
        for span in spans {
            w.add(span.tag, span.style, super::tokens::count_words(&span.text));
        }
        w
    }

    /// Adds `n` words of a span with this tag and style.
    pub fn add(&mut self, tag: Tag, style: bool, n: usize) {
        let slot = match (tag, style) {
            (Tag::Equal, _) => &mut self.equal,
            (Tag::Delete, false) => &mut self.deleted,
            (Tag::Insert, false) => &mut self.inserted,
            (Tag::Delete, true) => &mut self.style_deleted,
            (Tag::Insert, true) => &mut self.style_inserted,
        };
        *slot += n;
    }

    pub fn left(&self) -> usize {
        self.equal + self.deleted + self.style_deleted
    }

    pub fn right(&self) -> usize {
        self.equal + self.inserted + self.style_inserted
    }

    /// Words in common, a style difference being the same word spelled otherwise.
    pub fn common(&self) -> usize {
        self.equal + self.style_deleted.min(self.style_inserted)
    }

    /// Share of words in common: 2·common / (left + right); 1 for two empty texts.
    pub fn similarity(&self) -> f64 {
        let total = self.left() + self.right();
        if total == 0 {
            return 1.0;
        }
        (2 * self.common()) as f64 / total as f64
    }
}
