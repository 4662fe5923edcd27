//! Which date a command uses: documents are dated from the plan itself or from
//! `SOURCE_DATE_EPOCH` (reproducible builds), never silently from the clock; reports and checks
//! that need "today" ask here, so tests and reproducible builds can fix it.

use chrono::NaiveDate;

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
