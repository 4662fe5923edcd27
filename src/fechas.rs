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
