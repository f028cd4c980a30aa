//! A comparison as a document to share: Markdown, or one self-contained HTML page (no
//! scripts, no external resources). `diverge diff --format markdown|html` and the
//! reader's export key both write these.

use crate::diff::{Span, Stats, Tag};
use crate::side::Pair;
use crate::visible::visible;

/// How a span shows: unmarked, deleted or inserted. A style-only difference shows as
/// its right-hand text, unmarked, as in `--format plain`.
fn mark(span: &Span) -> Option<Option<Tag>> {
    match (span.tag, span.style) {
        (Tag::Equal, _) | (Tag::Insert, true) => Some(None),
        (Tag::Delete, true) => None,
        (tag, false) => Some(Some(tag)),
    }
}

fn summary(names: Pair<&str>, stats: &Stats) -> String {
    format!(
        "{} ⇄ {} · similarity {:.0}% · +{} −{} words",
        names.left,
        names.right,
        stats.similarity * 100.0,
        stats.words_added,
        stats.words_removed
    )
}

/// `text` safe inside HTML text and attribute values.
fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in visible(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{max-width:46em;margin:2em auto;padding:0 1em;\
font:17px/1.55 Georgia,serif;color:#222;background:#fff}\
h1{font-size:1.4em}.meta{color:#555;font-family:sans-serif;font-size:.9em}\
.diff{white-space:pre-wrap}\
del{color:#a40000;background:#fde8e8;text-decoration:line-through}\
ins{color:#005a00;background:#e6f6e6;text-decoration:underline}\
@media (prefers-color-scheme:dark){body{color:#ddd;background:#181818}\
.meta{color:#aaa}del{color:#ff9a9a;background:#3a1a1a}ins{color:#9aef9a;background:#17301a}}";

/// A whole HTML page: the title, the outlets and figures, then the text with `<del>` and
/// `<ins>` marks. Every piece of input text is escaped.
pub fn html(title: &str, names: Pair<&str>, stats: &Stats, ops: &[Span]) -> String {
    let mut body = String::new();
    for span in ops {
        let Some(tag) = mark(span) else { continue };
        let text = escape_html(&span.text);
        match tag {
            None => body.push_str(&text),
            Some(Tag::Delete) => body.push_str(&format!("<del>{text}</del>")),
            Some(_) => body.push_str(&format!("<ins>{text}</ins>")),
        }
    }
    let title = escape_html(title);
    let meta = escape_html(&summary(names, stats));
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width\"/>\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<p class=\"meta\">{meta}; struck: only in {left}, \
         underlined: only in {right}</p>\n<div class=\"diff\">{body}</div>\n</body>\n</html>\n",
        left = escape_html(names.left),
        right = escape_html(names.right),
    )
}

/// `text` with Markdown's markup characters escaped, so input text never becomes markup.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in visible(text).chars() {
        if "\\`*_~[]<>#|&!".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Pushes `text` between `marker`s, line by line, with its outer spaces outside them:
/// Markdown only sees `~~a~~` as struck when the markers touch the words.
fn push_marked(out: &mut String, text: &str, marker: &str) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let words = line.trim();
        if words.is_empty() {
            out.push_str(line);
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let trail = line.len() - line.trim_end().len();
        out.push_str(line.get(..lead).unwrap_or_default());
        out.push_str(marker);
        out.push_str(&escape_markdown(words));
        out.push_str(marker);
        out.push_str(line.get(line.len() - trail..).unwrap_or_default());
    }
}

/// Markdown: a heading, the figures, then the text with deletions ~~struck~~ and
/// insertions in **bold**.
pub fn markdown(title: &str, names: Pair<&str>, stats: &Stats, ops: &[Span]) -> String {
    let mut out = format!(
        "# {}\n\n{}  \n~~struck~~: only in {}; **bold**: only in {}\n\n",
        escape_markdown(title),
        escape_markdown(&summary(names, stats)),
        escape_markdown(names.left),
        escape_markdown(names.right),
    );
    for span in ops {
        match mark(span) {
            None => {}
            Some(None) => out.push_str(&escape_markdown(&span.text)),
            Some(Some(Tag::Delete)) => push_marked(&mut out, &span.text, "~~"),
            Some(Some(_)) => push_marked(&mut out, &span.text, "**"),
        }
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// An outlet name as part of a file name: lower-case letters, digits and dashes.
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem: Vec<&str> = stem.split('-').filter(|s| !s.is_empty()).collect();
    if stem.is_empty() {
        "outlet".to_string()
    } else {
        stem.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hostile() -> Vec<Span> {
        vec![
            Span::new(Tag::Equal, "Said \"hi\" & <b>left</b>\u{1b}[2J "),
            Span::new(Tag::Delete, "<script>alert('x')</script>"),
            Span::new(Tag::Insert, "*bold* [link](http://x) "),
            Span::new(Tag::Equal, "end\n\nNext ¶"),
        ]
    }

    #[test]
    fn html_escapes_every_piece_of_input() {
        let page = html(
            "<title>",
            Pair::new("A&B", "\"C\""),
            &Stats::default(),
            &hostile(),
        );
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<b>"), "{page}");
        assert!(!page.contains('\u{1b}'), "{page}");
        assert!(page.contains("<del>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</del>"));
        assert!(page.contains("Said &quot;hi&quot; &amp; &lt;b&gt;"));
        assert!(page.contains("<title>&lt;title&gt;</title>"));
        assert!(page.contains("A&amp;B ⇄ &quot;C&quot;"));
        assert!(!page.contains("http://x\""), "no link is made");
    }

    #[test]
    fn markdown_marks_words_and_escapes_markup() {
        let md = markdown("T", Pair::new("a", "b"), &Stats::default(), &hostile());
        assert!(
            md.contains("~~\\<script\\>alert('x')\\</script\\>~~"),
            "{md}"
        );
        assert!(
            md.contains("**\\*bold\\* \\[link\\](http://x)** end"),
            "{md}"
        );
        assert!(md.contains("\\<b\\>left\\</b\\>␛\\[2J"), "{md}");
    }

    #[test]
    fn file_stems_are_tame() {
        assert_eq!(file_stem("The Straits Times"), "the-straits-times");
        assert_eq!(file_stem("../../etc"), "etc");
        assert_eq!(file_stem("  "), "outlet");
    }
}
