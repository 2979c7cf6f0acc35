//! Title and date heuristics shared by the loaders.

/// Words kept in a title derived from the first sentence before it is cut.
const DERIVED_TITLE_WORDS: usize = 12;
/// Chars kept in a derived title in a script written without spaces.
const UNSPACED_TITLE_CHARS: usize = 30;

/// Normalises a date to ISO 8601 when it parses (`2025-10-16`, `October 16, 2025`,
/// `Thursday, 16 October 2025 09:12`, `2025-10-16T09:00:00Z`); `None` otherwise.
/// A clock time after the date is kept (`2025-10-16T09:12`, `Z` for UTC/GMT).
#[must_use]
pub fn parse_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if let Some(iso) = parse_iso(raw).or_else(|| parse_epoch(raw)) {
        return Some(iso);
    }
    let words = date_words(raw);
    let (date, used) = date_prefix(&words)?;
    let rest = words.get(used..).unwrap_or(&[]);
    Some(match time_of(rest) {
        Some(time) => format!("{date}T{time}"),
        None => date,
    })
}

/// If a whole line is a date line (`Published 16 Oct 2025 09:12`, `October 16,
/// 2025`, `Updated: 2025-10-16`), the line without its label; else `None`.
#[must_use]
pub(crate) fn date_line(line: &str) -> Option<String> {
    let line = line.trim();
    if line.chars().count() > 80 {
        return None;
    }
    let text = strip_date_label(line);
    if parse_iso(text).is_some() {
        return Some(text.to_owned());
    }
    let words = date_words(text);
    let (_, used) = date_prefix(&words)?;
    let rest = words.get(used..).unwrap_or(&[]);
    (rest.len() <= 5 && rest.iter().all(|w| is_time_word(w))).then(|| text.to_owned())
}

/// A title made from the first sentence of a paragraph: trailing full stop
/// dropped, cut to twelve words with an ellipsis when longer.
#[must_use]
pub(crate) fn derive_title(paragraph: &str) -> Option<String> {
    let sentence = first_sentence(paragraph).trim();
    let sentence = sentence
        .strip_suffix(['.', '。'])
        .unwrap_or(sentence)
        .trim_end();
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    if words.len() <= 2 && sentence.chars().count() > UNSPACED_TITLE_CHARS {
        let cut: String = sentence.chars().take(UNSPACED_TITLE_CHARS).collect();
        return Some(format!("{}…", cut.trim_end()));
    }
    if words.len() <= DERIVED_TITLE_WORDS {
        return Some(words.join(" "));
    }
    let cut = words.get(..DERIVED_TITLE_WORDS).unwrap_or(&words).join(" ");
    let cut = cut.trim_end_matches([',', ';', ':', '-', '–', '—']);
    Some(format!("{cut}…"))
}

/// The first sentence of `text`: up to a `.`, `!` or `?` (and any closing
/// quotes) followed by a space and a capital, digit or quote, skipping common
/// abbreviations and initials.
#[must_use]
pub(crate) fn first_sentence(text: &str) -> &str {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (n, &(byte, c)) in chars.iter().enumerate() {
        if matches!(c, '。' | '！' | '？') {
            return text.get(..byte + c.len_utf8()).unwrap_or(text);
        }
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut end = n + 1;
        while chars
            .get(end)
            .is_some_and(|&(_, q)| matches!(q, '"' | '”' | '’' | '\'' | '»' | ')'))
        {
            end += 1;
        }
        let next_is_space = chars.get(end).is_some_and(|&(_, s)| s.is_whitespace());
        let starts_next = chars
            .get(end + 1)
            .is_some_and(|&(_, s)| s.is_uppercase() || s.is_ascii_digit() || "\"“‘'«".contains(s));
        if next_is_space && starts_next && !(c == '.' && is_abbreviation(text, chars[n].0)) {
            let byte_end = chars.get(end).map_or(text.len(), |&(i, _)| i);
            return text.get(..byte_end).unwrap_or(text);
        }
    }
    text
}

/// Whether the word ending just before byte `dot` is an abbreviation or initial.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    const ABBREVIATIONS: [&str; 24] = [
        "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "jr", "sr", "prof",
        "no", "vs", "u.s", "u.k", "e.g", "i.e", "inc", "corp", "co", "capt",
    ];
    let before = text.get(..dot).unwrap_or("");
    let word = before
        .rsplit(|c: char| c.is_whitespace() || "(\"“".contains(c))
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    word.chars().count() == 1 || ABBREVIATIONS.contains(&lower.as_str())
}

fn strip_date_label(line: &str) -> &str {
    const LABELS: [&str; 9] = [
        "published on",
        "published",
        "last updated",
        "updated on",
        "updated",
        "posted on",
        "posted",
        "date",
        "dated",
    ];
    let lower = line.to_lowercase();
    for label in LABELS {
        if lower.starts_with(label) {
            let rest = line.get(label.len()..).unwrap_or("");
            if rest.starts_with([' ', ':']) {
                return rest.trim_start_matches([' ', ':']).trim();
            }
        }
    }
    line
}

fn date_words(raw: &str) -> Vec<&str> {
    raw.split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| !w.is_empty())
        .collect()
}

/// The ISO date at the start of `words` (after an optional weekday) and how
/// many words it used.
fn date_prefix(words: &[&str]) -> Option<(String, usize)> {
    let skip = usize::from(words.first().is_some_and(|w| is_weekday(w)));
    let words = words.get(skip..)?;
    if let Some(first) = words.first()
        && let Some(date) = parse_iso(first.get(..10).unwrap_or(first))
        && first.len() == 10
    {
        return Some((date, skip + 1));
    }
    let (month, day, year) = match words {
        [m, d, y, ..] if month_number(m).is_some() => {
            (month_number(m)?, day_of(d)?, y.parse().ok()?)
        }
        [d, m, y, ..] if month_number(m).is_some() => {
            (month_number(m)?, day_of(d)?, y.parse().ok()?)
        }
        _ => return None,
    };
    valid_date(year, month, day).then(|| (format!("{year:04}-{month:02}-{day:02}"), skip + 3))
}

fn day_of(word: &str) -> Option<u32> {
    word.trim_end_matches(['.', 's', 't', 'n', 'd', 'r', 'h'])
        .parse()
        .ok()
}

fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    lower.len() >= 3
        && DAYS.iter().any(|d| lower.starts_with(d))
        && lower.chars().all(|c| c.is_ascii_alphabetic())
        && (lower.len() <= 4 || lower.ends_with("day"))
}

/// `HH:MM` from time words (`09:12`, `9:12 pm`, `21.05`), with `Z` for UTC/GMT.
fn time_of(words: &[&str]) -> Option<String> {
    let mut time = None;
    let mut pm = None;
    let mut utc = false;
    for w in words {
        let lower = w.to_ascii_lowercase();
        match lower.as_str() {
            "am" | "a.m." => pm = Some(false),
            "pm" | "p.m." => pm = Some(true),
            "utc" | "gmt" | "z" | "(utc)" | "(gmt)" => utc = true,
            _ => {
                if let Some((h, m)) = clock(&lower) {
                    time = Some((h, m));
                }
            }
        }
    }
    let (mut hour, minute) = time?;
    match pm {
        Some(true) if hour < 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    (hour < 24).then(|| format!("{hour:02}:{minute:02}{}", if utc { "Z" } else { "" }))
}

fn clock(word: &str) -> Option<(u32, u32)> {
    let word = word.trim_end_matches("am").trim_end_matches("pm");
    let mut parts = word.split([':', '.']);
    let hour: u32 = parts.next()?.parse().ok()?;
    let minute_text = parts.next()?;
    let minute: u32 = minute_text.parse().ok()?;
    (minute_text.len() == 2 && minute < 60).then_some((hour, minute))
}

fn is_time_word(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let tz = lower.trim_matches(['(', ')']);
    clock(&lower).is_some()
        || matches!(
            lower.as_str(),
            "am" | "pm" | "a.m." | "p.m." | "at" | "-" | "–" | "—"
        )
        || (tz.len() >= 2
            && tz.len() <= 5
            && word
                .trim_matches(['(', ')'])
                .chars()
                .all(|c| c.is_ascii_uppercase()))
        || (lower.starts_with(['+', '-'])
            && lower.len() <= 6
            && lower
                .chars()
                .skip(1)
                .all(|c| c.is_ascii_digit() || c == ':'))
}

/// A Unix timestamp in seconds (10 digits) or milliseconds (13 digits), as
/// feeds write `published_at`, to UTC ISO 8601.
fn parse_epoch(raw: &str) -> Option<String> {
    if !raw.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let seconds: i64 = match raw.len() {
        10 => raw.parse().ok()?,
        13 => raw.parse::<i64>().ok()? / 1000,
        _ => return None,
    };
    let (days, secs) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    ))
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day)
/// (Howard Hinnant's `civil_from_days` algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn parse_iso(raw: &str) -> Option<String> {
    let date = raw.get(..10)?;
    let bytes = date.as_bytes();
    if bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let year: u32 = date.get(..4)?.parse().ok()?;
    let month: u32 = date.get(5..7)?.parse().ok()?;
    let day: u32 = date.get(8..10)?.parse().ok()?;
    if !valid_date(year, month, day) {
        return None;
    }
    let rest = raw.get(10..)?;
    if rest.is_empty() {
        Some(date.to_owned())
    } else if rest.starts_with('T')
        && rest.len() >= 6
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ":.+-".contains(c))
    {
        Some(raw.to_owned())
    } else {
        None
    }
}

fn valid_date(year: u32, month: u32, day: u32) -> bool {
    (1000..=9999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day)
}

fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    if lower.len() < 3 || !lower.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| lower.starts_with(m))
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_date_accepts_common_forms() {
        assert_eq!(parse_date("2025-10-16").as_deref(), Some("2025-10-16"));
        assert_eq!(
            parse_date("October 16, 2025").as_deref(),
            Some("2025-10-16")
        );
        assert_eq!(parse_date("16 Oct 2025").as_deref(), Some("2025-10-16"));
        assert_eq!(
            parse_date("2025-10-16T09:30:00Z").as_deref(),
            Some("2025-10-16T09:30:00Z")
        );
        assert_eq!(
            parse_date("Thursday, 16 October 2025 9:12 pm GMT").as_deref(),
            Some("2025-10-16T21:12Z")
        );
        assert_eq!(
            parse_date("2025-10-16 09:12").as_deref(),
            Some("2025-10-16T09:12")
        );
        assert_eq!(
            parse_date("1760601600").as_deref(),
            Some("2025-10-16T08:00:00Z")
        );
        assert_eq!(
            parse_date("951782400000").as_deref(),
            None,
            "12 digits is not a timestamp form we accept"
        );
        assert_eq!(
            parse_date("0951782400").as_deref(),
            Some("2000-02-29T00:00:00Z")
        );
        assert_eq!(parse_date("last Tuesday"), None);
        assert_eq!(parse_date("2025-13-40"), None);
        assert_eq!(parse_date("May the force"), None);
    }

    #[test]
    fn date_line_needs_a_whole_date_line() {
        assert_eq!(
            date_line("Published 16 Oct 2025 09:12").as_deref(),
            Some("16 Oct 2025 09:12")
        );
        assert_eq!(
            date_line("October 16, 2025").as_deref(),
            Some("October 16, 2025")
        );
        assert_eq!(
            date_line("Updated: 2025-10-16").as_deref(),
            Some("2025-10-16")
        );
        assert_eq!(
            date_line("16 October 2025, 14:05 EEST").as_deref(),
            Some("16 October 2025, 14:05 EEST")
        );
        assert_eq!(
            date_line("October 16, 2025 was a quiet day for the markets"),
            None
        );
        assert_eq!(date_line("Published by Reuters"), None);
    }

    #[test]
    fn derive_title_cuts_long_sentences() {
        assert_eq!(
            derive_title("Mr. Smith went to Washington. Then he left.").as_deref(),
            Some("Mr. Smith went to Washington")
        );
        assert_eq!(
            derive_title(
                "One two three four five six seven eight nine ten eleven twelve thirteen."
            )
            .as_deref(),
            Some("One two three four five six seven eight nine ten eleven twelve…")
        );
        assert_eq!(
            derive_title("Where now? Nobody knows.").as_deref(),
            Some("Where now?")
        );
        assert_eq!(derive_title("   "), None);
        assert_eq!(
            derive_title("市は税収を市バスに充てる。次の文。").as_deref(),
            Some("市は税収を市バスに充てる")
        );
        let long = "あ".repeat(50);
        assert_eq!(derive_title(&long), Some(format!("{}…", "あ".repeat(30))));
    }
}
