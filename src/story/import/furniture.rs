//! Page furniture: lines a news site puts around its reporting (calls to action, trust
//! boilerplate, link and advert residue) that a saved page keeps. They are not what the
//! outlet reported, so they stay out of bodies unless the user asks for them. Every rule
//! is limited to short lines, so a paragraph that merely mentions a newsletter stays.

/// Furniture lines are one-liners; anything longer is reporting.
const MAX_FURNITURE_WORDS: usize = 20;

/// Imperatives that open a call to action.
const CALL_TO_ACTION_OPENINGS: &[&str] = &[
    "sign up",
    "subscribe",
    "follow us",
    "click here",
    "download our app",
    "download the app",
];

/// What a "Join …" call to action asks the reader to join.
const JOINABLE: &[&str] = &["channel", "newsletter", "community", "telegram", "whatsapp"];

/// Why a line is furniture, or `None` when it is reporting.
pub(super) fn furniture_kind(line: &str) -> Option<&'static str> {
    if line.split_whitespace().count() > MAX_FURNITURE_WORDS {
        return None;
    }
    let lower = normalize(line);
    let is_call_to_action = CALL_TO_ACTION_OPENINGS.iter().any(|o| lower.starts_with(o))
        || (lower.starts_with("join ") && JOINABLE.iter().any(|j| lower.contains(j)))
        || lower.contains("newsletter");
    if is_call_to_action {
        Some("call to action")
    } else if lower.starts_with("our standards") || lower.contains("trust principles") {
        Some("standards boilerplate")
    } else if lower.ends_with(", opens new tab") {
        Some("link residue")
    } else if lower.starts_with("advertisement") {
        Some("advert marker")
    } else {
        None
    }
}

/// Lower case with typographic apostrophes made plain, so cue tables hold one spelling.
pub(super) fn normalize(line: &str) -> String {
    line.trim().to_lowercase().replace(['’', '‘'], "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_furniture_is_recognised() {
        assert_eq!(furniture_kind("Sign up here."), Some("call to action"));
        assert_eq!(
            furniture_kind(
                "Join ST’s Telegram channel and get the latest breaking news delivered to you."
            ),
            Some("call to action")
        );
        assert_eq!(
            furniture_kind("Our Standards: The Thomson Reuters Trust Principles. , opens new tab"),
            Some("standards boilerplate")
        );
    }

    #[test]
    fn other_sites_furniture_is_recognised() {
        assert_eq!(
            furniture_kind("Subscribe to our newsletter"),
            Some("call to action")
        );
        assert_eq!(furniture_kind("Follow us on X"), Some("call to action"));
        assert_eq!(
            furniture_kind("Read the full statement, opens new tab"),
            Some("link residue")
        );
        assert_eq!(
            furniture_kind("Advertisement · Scroll to continue"),
            Some("advert marker")
        );
    }

    #[test]
    fn reporting_that_mentions_the_same_words_stays() {
        assert_eq!(furniture_kind("Australia should take notice."), None);
        assert_eq!(furniture_kind("Few voters subscribe to that view."), None);
        let long = "Sign up for the ministry's alerts, officials urged travellers on Tuesday, as \
                    the visa-free policy for South Korean passport holders was extended again.";
        assert_eq!(furniture_kind(long), None);
    }
}
