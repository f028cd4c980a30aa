//! Dates and weekdays: a month or weekday written as a whole, capitalised word, with the
//! day, year and modifier ("last November", "early May") next to it, and years on their
//! own. Date finders mostly fail by reading ordinary words as dates, so "may" is never a
//! date and "May" is one only with a day, a year or a modifier beside it.

use super::words::{Hit, Words, all_digits};

pub(super) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub(super) const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words before a month or weekday that belong to the date.
const MODIFIERS: &[&str] = &["last", "next", "this", "early", "late", "mid"];

/// The day of the month a word gives ("4", "06"), if it gives one.
fn day(text: &str) -> Option<u32> {
    let n: u32 = text
        .parse()
        .ok()
        .filter(|_| all_digits(text) && text.len() <= 2)?;
    (1..=31).contains(&n).then_some(n)
}

/// The year a four-digit word gives, 1900 to 2099.
fn year(text: &str) -> Option<u32> {
    let n: u32 = text
        .parse()
        .ok()
        .filter(|_| all_digits(text) && text.len() == 4)?;
    (1900..=2099).contains(&n).then_some(n)
}

/// Every date in `w`, in order; no two overlap.
pub(super) fn dates(w: &Words) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        match month_at(w, i)
            .or_else(|| weekday_at(w, i))
            .or_else(|| year_at(w, i))
        {
            Some(hit) => {
                i = hit.words.end;
                out.push(hit);
            }
            None => i += 1,
        }
    }
    out
}

/// The modifier word just before word `i` ("last November", "mid-June").
fn modifier_before(w: &Words, i: usize) -> Option<String> {
    let before = i.checked_sub(1)?;
    let text = w.text_of(before).to_lowercase();
    let joined = matches!(w.gap(before), Some(" " | "-"));
    (joined && MODIFIERS.contains(&text.as_str())).then_some(text)
}

/// Month abbreviations, a date only before a day ("Oct 30", "Sept. 4").
const SHORT_MONTHS: &[(&str, usize)] = &[
    ("Jan", 0),
    ("Feb", 1),
    ("Mar", 2),
    ("Apr", 3),
    ("Jun", 5),
    ("Jul", 6),
    ("Aug", 7),
    ("Sep", 8),
    ("Sept", 8),
    ("Oct", 9),
    ("Nov", 10),
    ("Dec", 11),
];

/// The month word `i` names: a whole name, or an abbreviation a day follows.
fn month_of(w: &Words, i: usize) -> Option<&'static str> {
    let name = w.text_of(i);
    if let Some(m) = MONTHS.iter().find(|m| **m == name) {
        return Some(m);
    }
    let (_, n) = SHORT_MONTHS.iter().find(|(short, _)| *short == name)?;
    let before_day = matches!(w.gap(i), Some(" " | ". ")) && day(w.text_of(i + 1)).is_some();
    before_day.then(|| MONTHS.get(*n).copied()).flatten()
}

fn month_at(w: &Words, i: usize) -> Option<Hit> {
    let month = &month_of(w, i)?;
    let modifier = modifier_before(w, i);
    let mut first = i;
    let mut last = i;
    let mut day_text = None;
    // "4 June", "06 June 2025"
    if modifier.is_none() && i > 0 && w.spaced(i - 1) {
        if let Some(d) = day(w.text_of(i - 1)) {
            first = i - 1;
            day_text = Some(d.to_string());
        }
    }
    // "June 4", "June 16–17", "Oct. 30"
    if day_text.is_none() && matches!(w.gap(i), Some(" " | ". ")) {
        if let Some(d) = day(w.text_of(i + 1)) {
            last = i + 1;
            let mut text = d.to_string();
            if matches!(w.gap(last), Some("\u{2013}" | "-")) {
                if let Some(to) = day(w.text_of(last + 1)) {
                    last += 1;
                    text = format!("{d}-{to}");
                }
            }
            day_text = Some(text);
        }
    }
    let mut year_text = None;
    if matches!(w.gap(last), Some(" " | ", ")) {
        if let Some(y) = year(w.text_of(last + 1)) {
            last += 1;
            year_text = Some(y.to_string());
        }
    }
    let after_in = i > 0 && w.text_of(i - 1) == "in";
    if *month == "May"
        && day_text.is_none()
        && year_text.is_none()
        && modifier.is_none()
        && !after_in
    {
        return None;
    }
    if modifier.is_some() {
        first = i - 1;
    }
    let key = [modifier, Some(month.to_lowercase()), day_text, year_text]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    w.hit(first, last, key)
}

fn weekday_at(w: &Words, i: usize) -> Option<Hit> {
    let name = w.text_of(i);
    let weekday = WEEKDAYS.iter().find(|d| **d == name)?;
    let modifier = modifier_before(w, i);
    let first = if modifier.is_some() { i - 1 } else { i };
    let key = [modifier, Some(weekday.to_lowercase())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    w.hit(first, i, key)
}

/// A year on its own ("since a 2017 spat"), not a count of something ("2000 troops").
fn year_at(w: &Words, i: usize) -> Option<Hit> {
    let y = year(w.text_of(i))?;
    let next = w.text_of(i + 1);
    let counts_things = w.spaced(i)
        && next.chars().all(|c| c.is_lowercase())
        && next.ends_with('s')
        && !next.ends_with("ss");
    if counts_things {
        return None;
    }
    w.hit(i, i, y.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::facts::words::shown::{hits, pairs};

    fn found(text: &str) -> Vec<(String, String)> {
        hits(text, dates(&Words::new(text)))
    }

    #[test]
    fn month_day_year_and_weekday_forms_are_dates() {
        assert_eq!(
            found("Lee took office on June 4 and spoke to Xi on Tuesday."),
            pairs(&[("June 4", "june 4"), ("Tuesday", "tuesday")])
        );
        assert_eq!(
            found("in Seoul, South Korea, 06 June 2025. Visa-free travel began last November."),
            pairs(&[
                ("06 June 2025", "june 6 2025"),
                ("last November", "last november")
            ])
        );
        assert_eq!(
            found("MADRID, Oct 30 - Floods, and on Sept. 4 the Oct report"),
            pairs(&[("Oct 30", "october 30"), ("Sept. 4", "september 4")])
        );
        assert_eq!(
            found("the summit on June 16\u{2013}17 and a visit since July 2014"),
            pairs(&[
                ("June 16\u{2013}17", "june 16-17"),
                ("July 2014", "july 2014")
            ])
        );
    }

    #[test]
    fn may_alone_is_not_a_date_but_may_with_a_day_is() {
        assert!(found("Prices may rise. May I ask?").is_empty());
        assert_eq!(
            found("in early May and on May 9"),
            pairs(&[("early May", "early may"), ("May 9", "may 9")])
        );
    }

    #[test]
    fn a_year_alone_is_a_date_but_a_count_of_things_is_not() {
        assert_eq!(
            found("since a 2017 spat, with 2000 troops"),
            pairs(&[("2017", "2017")])
        );
        assert!(found("a tuesday meeting, 30 june").is_empty());
    }
}
