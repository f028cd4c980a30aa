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
