//! The INEC political-administrative division (DPA) catalogue: 24 provinces and 221 cantons, with
//! their codes (province 2 digits, canton 4). Codes have gaps, so they are validated by lookup.
//! The source lists names in upper case; they are presented in title case with their accents.

use std::sync::OnceLock;

use crate::suggest::{closest, fold};

const CANTONES_CSV: &str = include_str!("../../data/cantones_dpa_2022.csv");
const PROVINCIAS_CSV: &str = include_str!("../../data/provincias_dpa.csv");

/// A canton of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CantonDpa {
    /// Four-digit code.
    pub codigo: String,
    /// Name in title case.
    pub nombre: String,
    /// Province name in title case.
    pub provincia: String,
}

/// The catalogue.
#[derive(Debug)]
pub struct Dpa {
    /// All cantons, by code.
    pub cantones: Vec<CantonDpa>,
    /// Number of provinces.
    pub provincias: usize,
}

impl Dpa {
    /// The embedded catalogue.
    pub fn get() -> &'static Dpa {
        static DPA: OnceLock<Dpa> = OnceLock::new();
        DPA.get_or_init(|| Dpa::parse(CANTONES_CSV, PROVINCIAS_CSV))
    }

    fn parse(cantones: &'static str, provincias: &'static str) -> Dpa {
        let rows = |csv: &'static str| {
            csv.lines()
                .skip(1)
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.split(',').map(str::trim).collect::<Vec<_>>())
        };
        let provincias: Vec<(String, String)> = rows(provincias)
            .map(|r| (r[0].to_owned(), title_case(r[1])))
            .collect();
        let cantones = rows(cantones)
            .map(|r| CantonDpa {
                codigo: r[0].to_owned(),
                nombre: title_case(r[1]),
                provincia: provincias
                    .iter()
                    .find(|(code, _)| code == r[2])
                    .map(|(_, name)| name.clone())
                    .unwrap_or_default(),
            })
            .collect();
        Dpa {
            cantones,
            provincias: provincias.len(),
        }
    }

    /// The canton with this code.
    pub fn by_code(&self, codigo: &str) -> Option<&CantonDpa> {
        self.cantones.iter().find(|c| c.codigo == codigo)
    }

    /// Cantons whose name equals `name` ignoring case and accents.
    pub fn by_name(&self, name: &str) -> Vec<&CantonDpa> {
        let wanted = fold(name);
        self.cantones
            .iter()
            .filter(|c| fold(&c.nombre) == wanted)
            .collect()
    }

    /// The `n` cantons whose names are closest to `name`.
    pub fn closest(&self, name: &str, n: usize) -> Vec<&CantonDpa> {
        closest(name, self.cantones.iter().map(|c| c.nombre.as_str()), n)
            .into_iter()
            .filter_map(|nombre| self.cantones.iter().find(|c| c.nombre == nombre))
            .collect()
    }
}

/// The cantons that are metropolitan districts, with the district's name: their legislative body
/// is a Concejo Metropolitano and their norms are ordenanzas metropolitanas (Código Municipal
/// para el Distrito Metropolitano de Quito; docs/referencia-nacional.md).
pub const DISTRITOS_METROPOLITANOS: &[(&str, &str)] =
    &[("1701", "Distrito Metropolitano de Quito")];

/// The body that approves a canton's plan and the names that go with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concejo {
    /// "Concejo Municipal de Ibarra", "Concejo Metropolitano de Quito".
    pub nombre: String,
    /// "Concejo Municipal", "Concejo Metropolitano".
    pub generico: &'static str,
    /// What its ordinances are called: "ordenanza", "ordenanza metropolitana".
    pub ordenanza: &'static str,
    /// Who presides it: "Alcalde o alcaldesa del cantón Ibarra", "… del Distrito Metropolitano
    /// de Quito".
    pub alcaldia: String,
    /// Its secretary: "Secretario o secretaria del Concejo Municipal".
    pub secretaria: String,
    /// Whether the canton is a metropolitan district.
    pub metropolitano: bool,
}

/// The Concejo of the canton with this DPA code and name.
pub fn concejo(codigo: &str, nombre: &str) -> Concejo {
    match DISTRITOS_METROPOLITANOS.iter().find(|(c, _)| *c == codigo) {
        Some((_, distrito)) => Concejo {
            nombre: format!("Concejo Metropolitano de {nombre}"),
            generico: "Concejo Metropolitano",
            ordenanza: "ordenanza metropolitana",
            alcaldia: format!("Alcalde o alcaldesa del {distrito}"),
            secretaria: "Secretario o secretaria del Concejo Metropolitano".to_owned(),
            metropolitano: true,
        },
        None => Concejo {
            nombre: format!("Concejo Municipal de {nombre}"),
            generico: "Concejo Municipal",
            ordenanza: "ordenanza",
            alcaldia: format!("Alcalde o alcaldesa del cantón {nombre}"),
            secretaria: "Secretario o secretaria del Concejo Municipal".to_owned(),
            metropolitano: false,
        },
    }
}

/// "SANTO DOMINGO DE LOS TSÁCHILAS" → "Santo Domingo de los Tsáchilas".
pub fn title_case(upper: &str) -> String {
    const MINOR: [&str; 6] = ["de", "del", "la", "las", "los", "y"];
    upper
        .split_whitespace()
        .enumerate()
        .map(|(i, word)| {
            let lower = word.to_lowercase();
            if i > 0 && MINOR.contains(&lower.as_str()) {
                return lower;
            }
            let mut chars = lower.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_has_221_cantons_in_24_provinces() {
        let dpa = Dpa::get();
        assert_eq!(dpa.cantones.len(), 221);
        assert_eq!(dpa.provincias, 24);
        assert!(dpa.cantones.iter().all(|c| !c.provincia.is_empty()));
        let ibarra = dpa.by_code("1001").unwrap();
        assert_eq!(
            (ibarra.nombre.as_str(), ibarra.provincia.as_str()),
            ("Ibarra", "Imbabura")
        );
        assert_eq!(
            dpa.by_code("2301").unwrap().provincia,
            "Santo Domingo de los Tsáchilas"
        );
        assert_eq!(dpa.by_name("giron")[0].codigo, "0102");
        assert_eq!(dpa.closest("Otabalo", 1)[0].nombre, "Otavalo");
    }

    #[test]
    fn quito_has_a_concejo_metropolitano() {
        let quito = concejo("1701", "Quito");
        assert_eq!(quito.nombre, "Concejo Metropolitano de Quito");
        assert_eq!(quito.ordenanza, "ordenanza metropolitana");
        assert!(quito.alcaldia.ends_with("Distrito Metropolitano de Quito"));
        assert_eq!(
            concejo("1001", "Ibarra").nombre,
            "Concejo Municipal de Ibarra"
        );
    }
}
