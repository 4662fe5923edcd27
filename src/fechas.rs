//! Dates as a Spanish reader expects them: "15 de marzo de 2026".

use chrono::{Datelike, NaiveDate};

const MESES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// The month's Spanish name, 1-based.
pub fn mes(n: u32) -> &'static str {
    MESES[(n.clamp(1, 12) - 1) as usize]
}

/// The date of `SOURCE_DATE_EPOCH`, when set: builds that must be reproducible fix the date
/// printed on documents with it.
pub fn source_date_epoch() -> Option<NaiveDate> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .map(|d| d.date_naive())
}

/// Today, as the checks that compare dates with it see it: the date of `SOURCE_DATE_EPOCH` when
/// set (a reproducible run fixes "now" with it, and tests fix it the same way), else the local
/// date.
pub fn hoy() -> NaiveDate {
    source_date_epoch().unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// "15 de marzo de 2026".
pub fn larga(d: NaiveDate) -> String {
    format!("{} de {} de {}", d.day(), mes(d.month()), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_long_date() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 15).unwrap();
        assert_eq!(larga(d), "15 de marzo de 2026");
    }
}
