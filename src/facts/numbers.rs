//! Numbers written in digits, with the unit or noun that says what they count ("4.6
//! million", "24.9 percent", "30-minute", "11:30 a.m.", "15 days", "70th"). A bare number
//! ("Item 1 of 2") says nothing another report could repeat or contradict, so it is left
//! out.

use std::collections::HashSet;

use super::words::{Hit, Words, all_digits};

const MULTIPLIERS: &[&str] = &["hundred", "thousand", "million", "billion", "trillion"];

/// The value of a number word with digit grouping folded ("1,000" is "1000"), and whether
/// it is an ordinal ("70th"); `None` for a word that is not a number.
fn value(text: &str) -> Option<(String, bool)> {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = text.get(digits.len()..).unwrap_or_default().to_lowercase();
    let numeric = !digits.is_empty()
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    if !numeric {
        return None;
    }
    let folded = digits.replace(',', "");
    match suffix.as_str() {
        "" => Some((folded, false)),
        "st" | "nd" | "rd" | "th" => Some((format!("{folded}{suffix}"), true)),
        _ => None,
    }
}

/// A noun's singular, as far as a count needs it: "days" and "day" meet.
fn singular(noun: &str) -> String {
    let lower = noun.to_lowercase();
    match lower.strip_suffix('s') {
        Some(stem) if stem.chars().count() >= 3 && !stem.ends_with('s') => stem.to_string(),
        _ => lower,
    }
}

/// Every number with its unit or noun in `w`, skipping words in `taken` (the days and
/// years of dates); `stop` holds function words that are never a number's noun.
pub(super) fn numbers(w: &Words, taken: &[bool], stop: &HashSet<&str>) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        match number_at(w, i, taken, stop) {
            Some(hit) => {
                i = hit.words.end;
                out.push(hit);
            }
            None => i += 1,
        }
    }
    out
}

fn number_at(w: &Words, i: usize, taken: &[bool], stop: &HashSet<&str>) -> Option<Hit> {
    let free = |j: usize| j < w.len() && !taken.get(j).copied().unwrap_or(false);
    if !free(i) {
        return None;
    }
    let (mut key, ordinal) = value(w.text_of(i))?;
    let mut last = i;
    let mut measured = false;
    // "11:30 a.m.", "1 p.m."
    let clock = w.gap(i) == Some(":") && all_digits(w.text_of(i + 1)) && free(i + 1);
    if clock {
        last = i + 1;
        key = format!("{key}:{}", w.text_of(last));
    }
    let half = w.text_of(last + 1).to_lowercase().replace('.', "");
    if w.spaced(last) && (half == "am" || half == "pm") {
        last += 1;
        key = format!("{key} {half}");
        return hit_with_dot(w, i, last, key);
    }
    if clock {
        return w.hit(i, last, key);
    }
    if w.spaced(last) && MULTIPLIERS.contains(&w.text_of(last + 1)) {
        last += 1;
        key = format!("{key} {}", w.text_of(last));
        measured = true;
    }
    let next = w.text_of(last + 1);
    let gap = w.gap(last);
    let percent_sign = w
        .word(last)
        .and_then(|x| w.text.get(x.range.end..))
        .is_some_and(|rest| rest.starts_with('%'));
    if percent_sign {
        let hit = w.hit(i, last, format!("{key} percent"))?;
        let end = hit.range.end + '%'.len_utf8();
        return Some(Hit {
            range: hit.range.start..end,
            ..hit
        });
    }
    let noun = if w.spaced(last) && next == "percent" {
        Some((last + 1, "percent".to_string()))
    } else if w.spaced(last) && next == "per" && w.spaced(last + 1) && w.text_of(last + 2) == "cent"
    {
        Some((last + 2, "percent".to_string()))
    } else if gap == Some("-") && next.chars().all(|c| c.is_alphabetic()) && !next.is_empty() {
        // "30-minute call"
        Some((last + 1, singular(next)))
    } else if w.spaced(last) && is_noun(next, ordinal, stop) {
        Some((last + 1, singular(next)))
    } else {
        None
    };
    // "25 basis points": a unit of two words.
    let noun = match noun {
        Some((end, _))
            if w.text_of(end) == "basis"
                && w.spaced(end)
                && w.text_of(end + 1).starts_with("point") =>
        {
            Some((end + 1, "basis point".to_string()))
        }
        other => other,
    };
    match noun {
        Some((end, noun)) if free(end) => w.hit(i, end, format!("{key} {noun}")),
        _ if measured || ordinal => w.hit(i, last, key),
        _ => None,
    }
}

/// A word that can be what a number counts: a lower-case word that is not a function
/// word; after an ordinal also a capitalised one ("70th Memorial Day").
fn is_noun(word: &str, ordinal: bool, stop: &HashSet<&str>) -> bool {
    let letters = word.chars().count() >= 2 && word.chars().all(char::is_alphabetic);
    let case_ok = ordinal || word.chars().all(char::is_lowercase);
    letters && case_ok && !stop.contains(word.to_lowercase().as_str())
}

/// A time's hit; "a.m." keeps its closing dot.
fn hit_with_dot(w: &Words, first: usize, last: usize, key: String) -> Option<Hit> {
    let hit = w.hit(first, last, key)?;
    let dotted = w.text_of(last).contains('.')
        && w.text
            .get(hit.range.end..)
            .is_some_and(|r| r.starts_with('.'));
    let end = hit.range.end + usize::from(dotted);
    Some(Hit {
        range: hit.range.start..end,
        ..hit
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::words::shown::{hits, pairs};

    fn found(text: &str) -> Vec<(String, String)> {
        let w = Words::new(text);
        let stop: HashSet<&str> = ["in", "of", "from", "the", "to", "with"].into();
        hits(text, numbers(&w, &vec![false; w.len()], &stop))
    }

    #[test]
    fn numbers_keep_their_unit_or_noun() {
        assert_eq!(
            found(
                "dropping to 4.6 million in 2024, a 24.9 percent increase and 20 per cent of exports"
            ),
            pairs(&[
                ("4.6 million", "4.6 million"),
                ("24.9 percent", "24.9 percent"),
                ("20 per cent", "20 percent"),
            ])
        );
        assert_eq!(
            found("their 30-minute call began at 11:30 a.m. and visitors stay 15 days"),
            pairs(&[
                ("30-minute", "30 minute"),
                ("11:30 a.m.", "11:30 am"),
                ("15 days", "15 day"),
            ])
        );
    }

    #[test]
    fn ordinals_and_percent_signs_are_numbers_but_bare_counts_are_not() {
        assert_eq!(
            found("the 70th Memorial Day, up 5% on Item 1 of 2 South Korean, at 1 p.m. and 2.5%"),
            pairs(&[
                ("70th Memorial", "70th memorial"),
                ("5%", "5 percent"),
                ("1 p.m.", "1 pm"),
                ("2.5%", "2.5 percent"),
            ])
        );
        assert_eq!(
            found("for 20 minutes, then 25 minutes, with 1,000 troops"),
            pairs(&[
                ("20 minutes", "20 minute"),
                ("25 minutes", "25 minute"),
                ("1,000 troops", "1000 troop"),
            ])
        );
    }
}
