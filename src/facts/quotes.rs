//! Quotations: text inside quotation marks, curly or straight, with a quote nested in the
//! other mark kept inside the outer one, and the speaker where an attribution ("…,” Kang
//! said", "Kang explained: “…”", "according to Kang") stands beside it in the sentence.

use std::ops::Range;

use crate::diff::sentences::split_sentences;
use crate::text::{TokenKind, tokenize};

use super::words::opens_quote;

/// Verbs (and "according") that attribute a quotation to whoever stands next to them.
const ATTRIBUTIONS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "explained",
    "explains",
    "stated",
    "states",
    "noted",
    "notes",
    "wrote",
    "writes",
    "asked",
    "urged",
    "saying",
    "according",
    "quoted",
    "stressed",
    "underscored",
    "emphasised",
    "emphasized",
    "insisted",
    "warned",
    "announced",
    "called",
    "described",
    "replied",
    "responded",
    "declared",
    "reiterated",
];

/// A quotation found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Quote {
    /// The quoted words, without their marks.
    pub range: Range<usize>,
    /// The quoted words folded by house style, for lining quotes up.
    pub key: String,
    /// Index into the paragraph's names of the speaker.
    pub speaker: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Curly,
    Straight,
    Single,
    /// 'like this': closed ones only, since an apostrophe looks the same.
    StraightSingle,
    Guillemet,
}

/// The byte ranges (inside the marks, and with them) of the quotations of `text`. A
/// quotation left open runs to the end of the paragraph, as news style leaves a quote
/// open when it goes on in the next one.
fn spans(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut open: Option<(Mark, usize, usize)> = None;
    for (k, &(at, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|&(_, c)| c);
        let next = chars.get(k + 1).map(|&(_, c)| c);
        let after = at + c.len_utf8();
        match open {
            None => {
                let mark = match c {
                    '\u{201C}' | '\u{201E}' => Some(Mark::Curly),
                    '\u{00AB}' => Some(Mark::Guillemet),
                    '"' if prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p)) => {
                        Some(Mark::Straight)
                    }
                    '\u{2018}' if next.is_some_and(char::is_alphanumeric) => Some(Mark::Single),
                    '\'' if prev.is_none_or(|p| p.is_whitespace() || "([{".contains(p))
                        && next.is_some_and(char::is_alphanumeric) =>
                    {
                        Some(Mark::StraightSingle)
                    }
                    _ => None,
                };
                if let Some(mark) = mark {
                    open = Some((mark, at, after));
                }
            }
            Some((mark, start, inner)) => {
                let closes = match mark {
                    Mark::Curly | Mark::Straight => c == '\u{201D}' || c == '"',
                    Mark::Guillemet => c == '\u{00BB}',
                    Mark::StraightSingle => {
                        c == '\''
                            && !next.is_some_and(char::is_alphanumeric)
                            && !prev.is_some_and(char::is_whitespace)
                    }
                    Mark::Single => {
                        c == '\u{2019}'
                            && !next.is_some_and(char::is_alphanumeric)
                            && !prev.is_some_and(char::is_whitespace)
                    }
                };
                if closes {
                    out.push((inner..at, start..after));
                    open = None;
                }
            }
        }
    }
    if let Some((_, start, inner)) = open.filter(|(m, ..)| *m != Mark::StraightSingle) {
        out.push((inner..text.len(), start..text.len()));
    }
    out
}

/// The key quotes are lined up by: their words, house-style folded, one space apart.
pub(super) fn quote_key(text: &str) -> String {
    tokenize(text)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .filter_map(|t| text.get(t.range))
        .map(|w| crate::diff::style_key(w, TokenKind::Word))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The quotations of `text`; `names` are the byte ranges of the names found in it, in
/// order, from which speakers are chosen.
pub(super) fn quotes(text: &str, names: &[Range<usize>]) -> Vec<Quote> {
    let sentences = split_sentences(text);
    spans(text)
        .into_iter()
        .filter_map(|(inner, outer)| {
            let quoted = text.get(inner.clone())?;
            let key = quote_key(quoted);
            if key.is_empty() {
                return None;
            }
            let sentence = sentences
                .iter()
                .find(|s| s.start <= outer.start && outer.start < s.end.max(s.start + 1))
                .cloned()
                .unwrap_or(0..text.len());
            let after = outer.end..sentence.end.max(outer.end);
            let before = sentence.start..outer.start;
            let speaker =
                speaker_after(text, after, names).or_else(|| speaker_before(text, before, names));
            let trimmed = trim_marks(text, inner);
            Some(Quote {
                range: trimmed,
                key,
                speaker,
            })
        })
        .collect()
}

/// `range` without the spaces and trailing commas or stops a quotation ends with.
fn trim_marks(text: &str, range: Range<usize>) -> Range<usize> {
    let piece = text.get(range.clone()).unwrap_or_default();
    let start = range.start + (piece.len() - piece.trim_start().len());
    let kept = piece
        .trim()
        .trim_end_matches([',', ' ', '\u{2018}', '\u{2019}', '\'']);
    start..start + kept.len()
}

/// The first attribution word in `range` of `text`, as a byte range; only the first few
/// words are looked at, so a verb far from the quote is not its attribution.
fn attribution(text: &str, range: Range<usize>, from_end: bool) -> Option<Range<usize>> {
    let piece = text.get(range.clone())?;
    let words: Vec<Range<usize>> = tokenize(piece)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.range.start + range.start..t.range.end + range.start)
        .collect();
    const NEAR: usize = 12;
    let is_verb = |r: &Range<usize>| {
        text.get(r.clone())
            .is_some_and(|w| ATTRIBUTIONS.contains(&w.to_lowercase().as_str()))
    };
    if from_end {
        words.iter().rev().take(NEAR).find(|r| is_verb(r)).cloned()
    } else {
        words.iter().take(NEAR).find(|r| is_verb(r)).cloned()
    }
}

/// True when at most two words and nothing but spaces stand between `a` and `b`: a
/// name is the speaker only right next to its verb ("Kang further explained", "said
/// Kang", "according to Kang"), not "In a TV debate, he said".
fn next_to(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    let between = text
        .get(a.end.min(b.start)..b.start.max(a.end))
        .unwrap_or(" , ");
    between
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        && between.split_whitespace().count() <= 2
}

/// "…,” Kang said" and "…,” said Kang" and "…,” according to Kang".
fn speaker_after(text: &str, after: Range<usize>, names: &[Range<usize>]) -> Option<usize> {
    let verb = attribution(text, after.clone(), false)?;
    let inside = |n: &Range<usize>| n.start >= after.start && n.end <= after.end;
    names
        .iter()
        .rposition(|n| inside(n) && n.end <= verb.start && next_to(text, n, &verb))
        .or_else(|| {
            names
                .iter()
                .position(|n| inside(n) && n.start >= verb.end && next_to(text, &verb, n))
        })
}

/// "Kang explained: “…”" and "Lee described China as “…”".
fn speaker_before(text: &str, before: Range<usize>, names: &[Range<usize>]) -> Option<usize> {
    // A quotation in the way means the verb belongs to that one.
    let piece = text.get(before.clone())?;
    let from = piece
        .char_indices()
        .rfind(|&(_, c)| opens_quote(c) || c == '\u{201D}')
        .map(|(i, c)| before.start + i + c.len_utf8())
        .unwrap_or(before.start);
    let verb = attribution(text, from..before.end, true)?;
    names
        .iter()
        .rposition(|n| n.start >= from && n.end <= verb.start && next_to(text, n, &verb))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, names: &[&str]) -> Vec<(String, Option<String>)> {
        let ranges: Vec<Range<usize>> = names
            .iter()
            .filter_map(|n| text.find(n).map(|s| s..s + n.len()))
            .collect();
        quotes(text, &ranges)
            .into_iter()
            .map(|q| {
                let speaker = q
                    .speaker
                    .and_then(|s| ranges.get(s))
                    .map(|r| text[r.clone()].to_string());
                (text[q.range].to_string(), speaker)
            })
            .collect()
    }

    fn one(quote: &str, speaker: Option<&str>) -> Vec<(String, Option<String>)> {
        vec![(quote.to_string(), speaker.map(str::to_string))]
    }

    #[test]
    fn curly_quotes_with_the_speaker_after() {
        let text = "\u{201C}President Lee requested China to play a constructive role,\u{201D} Kang Yu-jung told a briefing.";
        assert_eq!(
            found(text, &["Lee", "China", "Kang Yu-jung"]),
            one(
                "President Lee requested China to play a constructive role",
                Some("Kang Yu-jung")
            )
        );
    }

    #[test]
    fn straight_quotes_with_the_speaker_before() {
        let text = "Kang explained: \"Lee asked China to play a constructive role.\"";
        assert_eq!(
            found(text, &["Kang", "Lee", "China"]),
            one("Lee asked China to play a constructive role.", Some("Kang"))
        );
        assert_eq!(
            found("He said, \"We should not neglect relations.\"", &[]),
            one("We should not neglect relations.", None)
        );
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_one() {
        let curly = "\u{201C}They want \u{2018}friendly neighbours\u{2019} now,\u{201D} Xi said.";
        assert_eq!(
            found(curly, &["Xi"]),
            one(
                "They want \u{2018}friendly neighbours\u{2019} now",
                Some("Xi")
            )
        );
        let straight = "\"They want 'friendly neighbours' now,\" said Xi.";
        assert_eq!(
            found(straight, &["Xi"]),
            one("They want 'friendly neighbours' now", Some("Xi"))
        );
    }

    #[test]
    fn apostrophes_are_not_quotes_and_according_to_attributes() {
        let text = "Lee\u{2019}s hopes for \u{201C}active exchanges,\u{201D} according to Kang.";
        assert_eq!(
            found(text, &["Lee", "Kang"]),
            one("active exchanges", Some("Kang"))
        );
        let straight = "Ruiz said: 'The water came up in two minutes.' It's the Koreas' view.";
        assert_eq!(
            found(straight, &["Ruiz"]),
            one("The water came up in two minutes.", Some("Ruiz"))
        );
        assert_eq!(found("It's the 'ninety's' fault and '90s", &[]).len(), 1);
        let single = "The pair vowed to forge \u{2018}new ties\u{2019} in Seoul\u{2019}s view.";
        assert_eq!(found(single, &[]), one("new ties", None));
    }
}
