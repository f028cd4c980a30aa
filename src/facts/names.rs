//! Names of people, organisations and places: runs of capitalised words. Titles and
//! honorifics before a name are folded away as the house-style lens folds them ("Mr Lee",
//! "President Lee" and "Lee" are one name), and a capital that only opens a sentence or a
//! quotation counts only if the word is known as a name elsewhere in the story.

use super::dates::{MONTHS, WEEKDAYS};
use super::words::{Hit, Words, capitalised};

/// Titles and honorifics: the name is what follows the last of them.
const TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Mx",
    "Dr",
    "Prof",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "President",
    "Presidents",
    "Prime",
    "Minister",
    "Premier",
    "Chancellor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Secretary",
    "Chairman",
    "Chairwoman",
    "Governor",
    "Senator",
    "Mayor",
    "Pope",
    "Ambassador",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "Vice",
    "Deputy",
    "Chief",
    "Leader",
    "Gen",
    "Sen",
    "Rep",
    "Gov",
    "Pres",
];

/// Capitalised function words, never a name or part of one.
const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "And", "But", "Or", "If", "In", "On", "At", "As", "It", "I", "He", "She",
    "They", "We", "You", "This", "That", "These", "Those", "His", "Her", "Their", "Our", "My",
    "Its", "There", "Here", "When", "While", "After", "Before", "With", "For", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Nationality words: "Korean" alone is not a name, though "Korean Peninsula" is.
const NATIONALITIES: &[&str] = &[
    "American", "British", "French", "German", "Thai", "Arab", "Israeli", "Dutch", "Swiss",
    "Greek", "Turkish", "Irish", "Welsh", "Scottish", "Polish", "Danish", "Swedish",
];

fn is_nationality(word: &str) -> bool {
    NATIONALITIES.contains(&word)
        || (word.chars().count() >= 6 && ["ese", "ian", "ean"].iter().any(|s| word.ends_with(s)))
}

/// A name found in a paragraph, before the story decides about sentence starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Candidate {
    pub hit: Hit,
    /// The words of the name, as written.
    pub parts: Vec<String>,
    /// Its first word opens a sentence or a quotation.
    pub at_start: bool,
    /// A title or honorific stood before it ("President Lee", "Ms Kang").
    pub titled: bool,
}

/// One name word: word tokens joined by hyphens ("Yu-jung"), without a possessive "’s".
struct Part {
    first: usize,
    last: usize,
    end: usize,
    text: String,
    possessive: bool,
}

fn part_at(w: &Words, i: usize) -> Option<Part> {
    let word = w.word(i)?;
    if !capitalised(word.text) {
        return None;
    }
    let mut last = i;
    while matches!(w.gap(last), Some("-" | "\u{2010}" | "\u{2011}")) && last + 1 < w.len() {
        last += 1;
    }
    let end = w.word(last)?.range.end;
    let full = w.text.get(word.range.start..end)?;
    let (text, possessive) = ["\u{2019}s", "'s"]
        .iter()
        .find_map(|s| full.strip_suffix(s))
        .map_or((full, false), |t| (t, true));
    Some(Part {
        first: i,
        last,
        end: word.range.start + text.len(),
        text: text.to_string(),
        possessive,
    })
}

/// Every run of capitalised words in `w`, titles stripped, as candidates.
pub(super) fn candidates(w: &Words) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let Some(first) = part_at(w, i) else {
            i += 1;
            continue;
        };
        let mut parts = vec![first];
        while let Some(prev) = parts.last().filter(|p| !p.possessive) {
            let j = prev.last;
            let dotted_title = TITLES.contains(&prev.text.as_str()) && w.gap(j) == Some(". ");
            let next = if w.spaced(j) || dotted_title {
                part_at(w, j + 1)
            } else {
                None
            };
            if let Some(next) = next {
                parts.push(next);
                continue;
            }
            let of_next = if w.spaced(j) && w.text_of(j + 1) == "of" && w.spaced(j + 1) {
                part_at(w, j + 2)
            } else {
                None
            };
            let Some(next) = of_next else { break };
            parts.push(Part {
                first: j + 1,
                last: j + 1,
                end: w.word(j + 1).map_or(0, |x| x.range.end),
                text: "of".to_string(),
                possessive: false,
            });
            parts.push(next);
        }
        i = parts.last().map_or(i + 1, |p| p.last + 1);
        if let Some(candidate) = candidate_of(w, &parts) {
            out.push(candidate);
        }
    }
    out
}

fn candidate_of(w: &Words, parts: &[Part]) -> Option<Candidate> {
    let mut at_start = w.word(parts.first()?.first)?.starts;
    let mut from = 0;
    while parts
        .get(from)
        .is_some_and(|p| NOT_NAMES.contains(&p.text.as_str()))
    {
        from += 1;
        at_start = false;
    }
    let titled = match parts
        .iter()
        .rposition(|p| TITLES.contains(&p.text.as_str()))
    {
        Some(t) if t >= from => {
            from = t + 1;
            at_start = false;
            true
        }
        _ => false,
    };
    let mut to = parts.len();
    while parts.get(from).is_some_and(|p| p.text == "of") {
        from += 1;
    }
    while to > from && parts.get(to - 1).is_some_and(|p| p.text == "of") {
        to -= 1;
    }
    let kept = parts.get(from..to)?;
    let (head, tail) = (kept.first()?, kept.last()?);
    let words: Vec<String> = kept.iter().map(|p| p.text.clone()).collect();
    let single = words.len() == 1;
    let date_word = |t: &String| MONTHS.contains(&t.as_str()) || WEEKDAYS.contains(&t.as_str());
    // "China-dependent", "US-led": an adjective made from a name.
    let adjective =
        single
            && head.text.rsplit('-').next().is_some_and(|last| {
                head.text.contains('-') && !last.starts_with(char::is_uppercase)
            });
    if (single && head.text.chars().count() < 2)
        || adjective
        || words.iter().all(date_word)
        || is_nationality(&tail.text)
        || words.iter().all(|t| NOT_NAMES.contains(&t.as_str()))
    {
        return None;
    }
    let start = w.word(head.first)?.range.start;
    Some(Candidate {
        hit: Hit {
            range: start..tail.end,
            words: head.first..tail.last + 1,
            key: name_key(&words),
        },
        parts: words,
        at_start,
        titled,
    })
}

/// The key a name is lined up by: its words house-style folded ("U.S." and "US" meet).
pub(super) fn name_key<S: AsRef<str>>(words: &[S]) -> String {
    words
        .iter()
        .map(|w| crate::diff::style_key(w.as_ref(), crate::text::TokenKind::Word))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, bool, bool)> {
        candidates(&Words::new(text))
            .into_iter()
            .map(|c| (text[c.hit.range].to_string(), c.at_start, c.titled))
            .collect()
    }

    #[test]
    fn runs_of_capitals_are_names_with_titles_folded() {
        assert_eq!(
            found("South Korean President Lee Jae-myung and Chinese President Xi Jinping spoke."),
            vec![
                ("Lee Jae-myung".to_string(), false, true),
                ("Xi Jinping".to_string(), false, true)
            ]
        );
        assert_eq!(
            found("\u{201C}Peace,\u{201D} Ms Kang Yu-jung told Reuters on Tuesday."),
            vec![
                ("Peace".to_string(), true, false),
                ("Kang Yu-jung".to_string(), false, true),
                ("Reuters".to_string(), false, false)
            ]
        );
    }

    #[test]
    fn possessives_sentence_starts_and_non_names() {
        assert_eq!(
            found("The Korean daily said Lee\u{2019}s office in the Republic of Korea agreed."),
            vec![
                ("Lee".to_string(), false, false),
                ("Republic of Korea".to_string(), false, false)
            ]
        );
        assert_eq!(
            found("Under the deal, Korean firms met (C) on June 4."),
            vec![("Under".to_string(), true, false)]
        );
    }
}
