//! How Spanish writes amounts, numbers and dates, in one place: the printable plan, the
//! consolidated report, the comparison of drafts and the diagnostics all write "USD 4.500,00",
//! "1.200" and "15 de marzo de 2026" through these functions, so they never disagree. Counts
//! agree with their noun here too ("1 plan", "3 planes"), for messages, documents and reports.

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

/// The word that goes with a count: `uno` for exactly 1, `varios` otherwise ("0 planes").
pub fn palabra<'a>(n: usize, uno: &'a str, varios: &'a str) -> &'a str {
    if n == 1 { uno } else { varios }
}

/// A count with its noun in singular or plural: "1 plan", "3 planes", "0 errores".
pub fn plural(n: usize, uno: &str, varios: &str) -> String {
    format!("{n} {}", palabra(n, uno, varios))
}

/// The month's Spanish name, 1-based.
pub fn mes(n: u32) -> &'static str {
    MESES[(n.clamp(1, 12) - 1) as usize]
}

/// "15 de marzo de 2026".
pub fn fecha_larga(d: NaiveDate) -> String {
    format!("{} de {} de {}", d.day(), mes(d.month()), d.year())
}

/// "marzo de 2026".
pub fn mes_anio(d: NaiveDate) -> String {
    format!("{} de {}", mes(d.month()), d.year())
}

/// A share written as a percentage with a decimal comma: 0.311 → "31,1 %", 1.0 → "100 %".
pub fn porcentaje(fraccion: f64) -> String {
    let decimas = (fraccion * 1000.0).round() as i64;
    if decimas % 10 == 0 {
        format!("{} %", decimas / 10)
    } else {
        format!("{},{} %", decimas / 10, (decimas % 10).abs())
    }
}

/// Names from a catalogue listed mid-sentence: the first as written, the rest starting in lower
/// case ("Explotación laboral, explotación sexual"), except words written in capitals (an
/// acronym such as `GAD`).
pub fn enumeracion(nombres: &[String]) -> String {
    nombres
        .iter()
        .enumerate()
        .map(|(i, n)| {
            if i == 0 {
                n.clone()
            } else {
                minuscula_inicial(n)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn minuscula_inicial(nombre: &str) -> String {
    let primera = nombre.split_whitespace().next().unwrap_or("");
    let sigla = primera.chars().filter(|c| c.is_alphabetic()).count() > 1
        && primera
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    let mut chars = nombre.chars();
    match chars.next() {
        Some(c) if !sigla => c.to_lowercase().chain(chars).collect(),
        _ => nombre.to_owned(),
    }
}

/// Items of a sentence joined the Spanish way: "a", "a y b", "a, b y c".
pub fn y_lista(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [uno] => uno.clone(),
        [resto @ .., ultimo] => format!("{} y {ultimo}", resto.join(", ")),
    }
}

/// An estimate in dollars, rounded to the hundred and written without cents: 4_567.8 →
/// "USD 4.600".
pub fn usd_redondo(monto: f64) -> String {
    let cientos = (monto / 100.0).round() as i64 * 100;
    let (sign, n) = if cientos < 0 {
        ("-", -cientos)
    } else {
        ("", cientos)
    };
    format!("USD {sign}{}", miles(&n.to_string()))
}

/// "USD 4.500,00".
pub fn usd(monto: f64) -> String {
    let cents = (monto * 100.0).round() as i64;
    let (sign, cents) = if cents < 0 {
        ("-", -cents)
    } else {
        ("", cents)
    };
    format!(
        "USD {sign}{},{:02}",
        miles(&(cents / 100).to_string()),
        cents % 100
    )
}

/// A number as a Spanish reader writes it: "1.200", "2,5".
pub fn numero(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        let sign = if n < 0.0 { "-" } else { "" };
        format!("{sign}{}", miles(&(n.abs() as i64).to_string()))
    } else {
        format!("{n}").replace('.', ",")
    }
}

/// A duration given in hours, in the unit people use: "1 hora", "24 horas", "72 horas", and
/// whole days beyond three ("30 días", not "720 horas").
pub fn horas(h: u32) -> String {
    if h > 72 && h.is_multiple_of(24) {
        plural((h / 24) as usize, "día", "días")
    } else if h == 1 {
        "1 hora".into()
    } else {
        format!("{h} horas")
    }
}

/// A date the reference writes as precisely as it is known (`2019-11`, `2025-08-15`, `2023`),
/// written long: "noviembre de 2019", "15 de agosto de 2025", "2023". Any other text stays.
pub fn fecha_texto(s: &str) -> String {
    let t = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return fecha_larga(d);
    }
    if let Some((anio, m)) = t.split_once('-')
        && anio.len() == 4
        && anio.chars().all(|c| c.is_ascii_digit())
        && let Ok(m) = m.parse::<u32>()
        && (1..=12).contains(&m)
    {
        return format!("{} de {anio}", mes(m));
    }
    t.to_owned()
}

/// Groups the digits of a whole number by thousands with dots: "1234567" → "1.234.567".
fn miles(digits: &str) -> String {
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_amounts_and_numbers() {
        assert_eq!(usd(4500.0), "USD 4.500,00");
        assert_eq!(usd(1234567.891), "USD 1.234.567,89");
        assert_eq!(usd(0.5), "USD 0,50");
        assert_eq!(usd(-1500.0), "USD -1.500,00");
        assert_eq!(usd_redondo(4567.8), "USD 4.600");
        assert_eq!(usd_redondo(30.0), "USD 0");
        assert_eq!(numero(1200.0), "1.200");
        assert_eq!(numero(-1200.0), "-1.200");
        assert_eq!(numero(2.5), "2,5");
        assert_eq!(horas(1), "1 hora");
        assert_eq!(horas(72), "72 horas");
        assert_eq!(horas(720), "30 días");
        assert_eq!(horas(96), "4 días");
        assert_eq!(horas(100), "100 horas");
        assert_eq!(fecha_texto("2019-11"), "noviembre de 2019");
        assert_eq!(fecha_texto("2025-08-15"), "15 de agosto de 2025");
        assert_eq!(fecha_texto("2023"), "2023");
        assert_eq!(porcentaje(0.3111), "31,1 %");
        assert_eq!(porcentaje(1.0), "100 %");
        assert_eq!(porcentaje(0.0), "0 %");
    }

    #[test]
    fn catalogue_names_mid_sentence() {
        let n = |v: &[&str]| enumeracion(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            n(&["Explotación laboral", "Explotación sexual"]),
            "Explotación laboral, explotación sexual"
        );
        assert_eq!(
            n(&["Niñas", "LGBTIQ+ en movilidad"]),
            "Niñas, LGBTIQ+ en movilidad"
        );
        assert_eq!(n(&[]), "");
    }

    #[test]
    fn spanish_dates() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 15).unwrap();
        assert_eq!(fecha_larga(d), "15 de marzo de 2026");
        assert_eq!(mes_anio(d), "marzo de 2026");
    }
}
