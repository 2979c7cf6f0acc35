//! Title, byline and date heuristics shared by the loaders.
#![allow(dead_code)] // used by the loaders as they land

/// Normalises a date to ISO 8601 when it parses (`2025-10-16`, `October 16, 2025`,
/// `16 October 2025`, `2025-10-16T09:00:00Z`); `None` otherwise.
#[must_use]
pub fn parse_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if let Some(iso) = parse_iso(raw) {
        return Some(iso);
    }
    let words: Vec<&str> = raw
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let (month, day, year) = match words.as_slice() {
        [m, d, y, ..] if month_number(m).is_some() => {
            (month_number(m)?, d.parse().ok()?, y.parse().ok()?)
        }
        [d, m, y, ..] if month_number(m).is_some() => {
            (month_number(m)?, d.parse().ok()?, y.parse().ok()?)
        }
        _ => return None,
    };
    valid_date(year, month, day).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

fn parse_iso(raw: &str) -> Option<String> {
    let date = raw.get(..10)?;
    let mut parts = date.split('-');
    let year: u32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
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
    if lower.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| lower.starts_with(m))
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::parse_date;

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
        assert_eq!(parse_date("last Tuesday"), None);
        assert_eq!(parse_date("2025-13-40"), None);
    }
}
