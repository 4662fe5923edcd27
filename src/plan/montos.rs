//! S007: amounts in dollars as the official wrote them.
//!
//! YAML reads `monto: 1.500` as one and a half dollars, and `1.500,50` inside `{ … }` as 1.5 and
//! a stray field `50`: a budget voted by the Concejo would be wrong without any message. So the
//! loader reads the *source text* of every `monto` (see [`revisar`]) and refuses the ways of
//! writing an amount that would be misread, naming the value that was probably meant.

/// Largest amount accepted, in dollars: above any cantonal action, and far below the range where
/// sums of amounts lose cents.
pub const MAXIMO: f64 = 1_000_000_000.0;

/// The problem with an amount as written: message and hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problema {
    /// What is wrong, quoting the amount.
    pub mensaje: String,
    /// How to write it, with the corrected value when it is clear.
    pub ayuda: String,
}

const FORMA: &str =
    "Escriba los montos en dólares sin separador de miles y con punto decimal: `1500` o `1500.50`.";

/// Checks the source text of an amount (`escrito`, trimmed, as it is in the file; inside
/// `{ … }`, with the `,50` that YAML cut off). `None` when it is well written and in range, or
/// when it is not a number at all (the structure check says so).
pub fn revisar(escrito: &str) -> Option<Problema> {
    let problema = |mensaje: String, ayuda: String| Some(Problema { mensaje, ayuda });
    let quiso = |valor: String| format!("¿Quiso decir {valor}? {FORMA}");
    let (signo, cuerpo) = match escrito.strip_prefix(['-', '+']) {
        Some(resto) => (&escrito[..1], resto),
        None => ("", escrito),
    };
    if let Some(valor) = decimal(cuerpo) {
        return if valor > MAXIMO {
            problema(
                format!("el monto `{escrito}` supera el máximo admitido (USD 1.000.000.000)"),
                "Revise la cifra: probablemente tiene dígitos de más.".into(),
            )
        } else if signo == "-" && valor == 0.0 {
            problema(
                format!("el monto `{escrito}` lleva signo menos"),
                "Escriba `0` si la acción no tiene costo.".into(),
            )
        } else {
            None
        };
    }
    if let Some((corregido, como)) = corregir(cuerpo) {
        return problema(
            format!("el monto `{escrito}` {como}"),
            quiso(format!("{signo}{corregido}")),
        );
    }
    let limpio: String = cuerpo
        .replace("US$", "")
        .replace("USD", "")
        .replace('$', "")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .collect();
    if limpio != cuerpo && !limpio.is_empty() {
        let corregido = decimal(&limpio)
            .map(|_| limpio.clone())
            .or_else(|| corregir(&limpio).map(|(c, _)| c));
        if let Some(corregido) = corregido {
            return problema(
                format!("el monto `{escrito}` lleva el símbolo de la moneda o espacios"),
                format!("¿Quiso decir {signo}{corregido}? Escriba solo la cifra, en dólares."),
            );
        }
    }
    if let Some((entero, decimales)) = cuerpo.split_once('.')
        && digitos(entero)
        && decimales.len() > 2
        && digitos(decimales)
    {
        return problema(
            format!("el monto `{escrito}` tiene más de dos decimales"),
            "Un monto en dólares lleva como máximo dos decimales, los centavos: por ejemplo `1500.25`.".into(),
        );
    }
    if cuerpo.contains(['e', 'E']) && cuerpo.parse::<f64>().is_ok() {
        return problema(
            format!("el monto `{escrito}` está escrito con exponente"),
            "Escriba la cifra completa, sin exponente, por ejemplo `1500` o `1500.50`; el máximo es USD 1.000.000.000.".into(),
        );
    }
    // Other ways YAML reads as numbers (`0x1F4`, `0o17`): the value is not what
    // the official sees, so ask for plain digits. Any other text is left to the structure check.
    if escrito.parse::<f64>().is_err() && yaml_number(escrito) {
        return problema(
            format!("el monto `{escrito}` no está escrito como una cifra decimal"),
            FORMA.into(),
        );
    }
    None
}

/// A number as a person in Ecuador writes it in a form or a spreadsheet cell: a point between
/// thousands and a comma before the decimals (`1.500,50`), or a plain number (`1500.50`); spaces
/// and the currency (`$`, `USD`) around it are ignored. `None` when it is not a number. A point
/// followed by groups of three digits is a separator of thousands (`1.500` is fifteen hundred):
/// people write it so, unlike a YAML file ([`revisar`]).
pub fn leer_escrito(texto: &str) -> Option<f64> {
    let limpio: String = texto
        .replace("US$", "")
        .replace("USD", "")
        .replace("usd", "")
        .replace('$', "")
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}'))
        .collect();
    let (signo, cuerpo) = match limpio.strip_prefix('-') {
        Some(resto) => ("-", resto),
        None => ("", limpio.as_str()),
    };
    let cifra = if cuerpo.contains(',') {
        let (entero, decimales) = cuerpo.split_once(',')?;
        let entero = if entero.contains('.') {
            miles(entero, '.')?
        } else {
            entero.to_owned()
        };
        format!("{entero}.{decimales}")
    } else if let Some(entero) = miles(cuerpo, '.') {
        entero
    } else {
        cuerpo.to_owned()
    };
    let (entero, decimales) = cifra.split_once('.').unwrap_or((&cifra, "0"));
    (digitos(entero) && digitos(decimales))
        .then(|| format!("{signo}{cifra}").parse::<f64>().ok())
        .flatten()
        .filter(|n| n.is_finite())
}

/// `1500`, `1500.5`, `1500.50`: digits and at most two decimals. Its value.
fn decimal(s: &str) -> Option<f64> {
    let (entero, decimales) = s.split_once('.').unwrap_or((s, ""));
    (digitos(entero) && decimales.len() <= 2 && decimales.chars().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// The amount meant by a way of writing it that uses separators of thousands or a decimal comma,
/// written as the format wants it, and how it was written.
fn corregir(s: &str) -> Option<(String, &'static str)> {
    // 1.500 / 1.500.000 / 1.500,50: points for thousands, comma for cents.
    let (miles_punto, centavos) = s.split_once(',').unwrap_or((s, ""));
    if miles_punto.contains('.')
        && let Some(entero) = miles(miles_punto, '.')
    {
        let como = if centavos.is_empty() {
            "usa el punto para separar los miles; en el plan, el punto separa los centavos"
        } else {
            "usa el punto para separar los miles y la coma para los centavos"
        };
        return centavos_de(centavos).map(|c| (format!("{entero}{c}"), como));
    }
    // 1,500 / 1,500.50: commas for thousands.
    let (miles_coma, centavos) = s.split_once('.').unwrap_or((s, ""));
    if let Some(entero) = miles(miles_coma, ',') {
        return centavos_de(centavos)
            .map(|c| (format!("{entero}{c}"), "usa la coma para separar los miles"));
    }
    // 1500,50 / 1500,5: a decimal comma.
    let (entero, centavos) = s.split_once(',')?;
    if !digitos(entero) || centavos.is_empty() {
        return None;
    }
    centavos_de(centavos).map(|c| (format!("{entero}{c}"), "usa la coma para los centavos"))
}

/// `1.500.000` with `sep` = '.' → `1500000`: groups of three digits after a first group of one
/// to three.
fn miles(s: &str, sep: char) -> Option<String> {
    let mut grupos = s.split(sep);
    let primero = grupos.next()?;
    let resto: Vec<&str> = grupos.collect();
    let bien = (1..=3).contains(&primero.len())
        && digitos(primero)
        && !resto.is_empty()
        && resto.iter().all(|g| g.len() == 3 && digitos(g));
    bien.then(|| std::iter::once(primero).chain(resto).collect())
}

/// `""` → `""`, `5` → `.50`, `50` → `.50`; more than two digits are not cents.
fn centavos_de(c: &str) -> Option<String> {
    match c.len() {
        0 => Some(String::new()),
        1 | 2 if digitos(c) => Some(format!(".{c:0<2}")),
        _ => None,
    }
}

fn digitos(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// Whether YAML reads `s` as a number (hexadecimal, octal).
fn yaml_number(s: &str) -> bool {
    matches!(
        serde_yaml::from_str::<serde_yaml::Value>(s),
        Ok(serde_yaml::Value::Number(_))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ayuda(escrito: &str) -> String {
        revisar(escrito).map(|p| p.ayuda).unwrap_or_default()
    }

    #[test]
    fn numbers_are_read_as_people_write_them() {
        let casos: Vec<(String, Option<f64>)> =
            serde_json::from_str(include_str!("../../tests/fixtures/numeros.json")).unwrap();
        for (escrito, valor) in casos {
            assert_eq!(leer_escrito(&escrito), valor, "{escrito}");
        }
    }

    #[test]
    fn well_written_amounts_pass() {
        for bien in [
            "0",
            "4500",
            "4500.5",
            "4500.00",
            "-4500",
            "+12",
            "1000000000",
            "1500.",
        ] {
            assert_eq!(revisar(bien), None, "{bien}");
        }
    }

    #[test]
    fn separators_are_corrected_in_the_hint() {
        for (escrito, quiso) in [
            ("1.500", "1500"),
            ("1.500.000", "1500000"),
            ("1.500,50", "1500.50"),
            ("1.500,5", "1500.50"),
            ("1500,50", "1500.50"),
            ("1,500", "1500"),
            ("1,500.25", "1500.25"),
            ("-1.500", "-1500"),
            ("$1,500", "1500"),
            ("USD 4 500", "4500"),
            ("$ 4500.50", "4500.50"),
        ] {
            assert!(
                ayuda(escrito).starts_with(&format!("¿Quiso decir {quiso}? ")),
                "{escrito}: {}",
                ayuda(escrito)
            );
        }
    }

    #[test]
    fn messages_say_how_the_amount_was_written() {
        let mensaje = |s: &str| revisar(s).map(|p| p.mensaje).unwrap_or_default();
        assert_eq!(
            mensaje("1.500"),
            "el monto `1.500` usa el punto para separar los miles; en el plan, el punto separa los centavos"
        );
        assert_eq!(
            mensaje("1.500,50"),
            "el monto `1.500,50` usa el punto para separar los miles y la coma para los centavos"
        );
        assert_eq!(
            mensaje("1,500.25"),
            "el monto `1,500.25` usa la coma para separar los miles"
        );
        assert_eq!(
            mensaje("1500,50"),
            "el monto `1500,50` usa la coma para los centavos"
        );
    }

    #[test]
    fn too_precise_too_large_and_odd_notations_are_refused() {
        let mensaje = |s: &str| revisar(s).map(|p| p.mensaje);
        assert_eq!(
            mensaje("1500.505").as_deref(),
            Some("el monto `1500.505` tiene más de dos decimales")
        );
        assert_eq!(
            mensaje("1000000000.01").as_deref(),
            Some("el monto `1000000000.01` supera el máximo admitido (USD 1.000.000.000)")
        );
        assert_eq!(
            mensaje("9007199254740993").as_deref(),
            Some("el monto `9007199254740993` supera el máximo admitido (USD 1.000.000.000)")
        );
        assert_eq!(
            mensaje("1e300").as_deref(),
            Some("el monto `1e300` está escrito con exponente")
        );
        assert_eq!(
            mensaje("-0.0").as_deref(),
            Some("el monto `-0.0` lleva signo menos")
        );
        assert_eq!(
            mensaje("0x1F4").as_deref(),
            Some("el monto `0x1F4` no está escrito como una cifra decimal")
        );
        // Text that is not a number at all is the structure check's business.
        assert_eq!(revisar("cuatro mil"), None);
    }
}
