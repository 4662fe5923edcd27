//! Who pays for each action: the municipality, whose contribution the Concejo commits, or other
//! bodies (the central State, cooperation), whose contribution the Concejo cannot commit and is
//! still to be raised with them. Read from `presupuesto.financia` and `aporte_municipal` when the
//! plan gives them, else from the text of `presupuesto.fuente`, where a source that names the
//! municipality together with another body ("GAD Municipal y MDT") cannot be split and says so.
//! The budget checks (C015, C023, C024) and the budget chapter read it from here.

use super::model::{Financia, Plan, Presupuesto};
use crate::suggest::fold;

/// The municipal actors of a plan, by folded id and name.
#[derive(Debug, Clone, Default)]
pub struct Municipio(Vec<(String, String)>);

impl Municipio {
    /// The municipal actors of `plan` (`tipo: gad_municipal`).
    pub fn de(plan: &Plan) -> Municipio {
        Municipio(
            plan.actores
                .iter()
                .filter(|a| a.tipo == "gad_municipal")
                .map(|a| (fold(&a.id), fold(&a.nombre)))
                .collect(),
        )
    }

    /// Whether a budget source names the municipality (or one of its actors, by id or name).
    pub fn nombra(&self, fuente: &str) -> bool {
        let f = fold(fuente);
        if f.contains("municip") {
            return true;
        }
        if f.contains("provincial") || f.contains("parroquial") {
            return false;
        }
        let palabras = |ids: bool| {
            f.split(move |c: char| !(c.is_alphanumeric() || (ids && (c == '-' || c == '_'))))
                .collect::<Vec<_>>()
        };
        palabras(false).contains(&"gad")
            || self.0.iter().any(|(id, nombre)| {
                palabras(true).contains(&id.as_str()) || f.contains(nombre.as_str())
            })
    }

    /// Whether a source names the municipality together with another body ("GAD Municipal y
    /// MDT", "Municipio, OIM"): the parts joined by "y", "e", "con", a comma, "/" or "+", one of
    /// them municipal and another not.
    pub fn mixta(&self, fuente: &str) -> bool {
        let f = fold(fuente);
        let mut partes: Vec<String> = vec![f];
        for sep in [",", "/", "+", ";", " y ", " e ", " con ", " junto a "] {
            partes = partes
                .iter()
                .flat_map(|p| p.split(sep).map(|x| x.trim().to_owned()))
                .filter(|p| !p.is_empty())
                .collect();
        }
        partes.len() > 1
            && partes.iter().any(|p| self.nombra(p))
            && partes.iter().any(|p| !self.nombra(p))
    }
}

/// Who pays for an action's amount.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Aporte {
    /// What the municipality puts in (the Concejo commits it).
    pub municipal: f64,
    /// What other bodies put in (the Concejo cannot commit it).
    pub otras: f64,
    /// What the plan does not attribute: a source missing, or one that names the municipality
    /// and another body without saying how much each puts in.
    pub sin_desglose: f64,
    /// The source names the municipality and another body and the plan does not split it.
    pub ambigua: bool,
}

/// Who pays for the amount of `p`, the budget of an action of a plan whose municipal actors are
/// `municipio`.
pub fn aporte(p: &Presupuesto, municipio: &Municipio) -> Aporte {
    let monto = p.monto.max(0.0);
    let todo = |municipal: bool| Aporte {
        municipal: if municipal { monto } else { 0.0 },
        otras: if municipal { 0.0 } else { monto },
        sin_desglose: 0.0,
        ambigua: false,
    };
    let sin_desglose = Aporte {
        municipal: 0.0,
        otras: 0.0,
        sin_desglose: monto,
        ambigua: true,
    };
    match p.financia {
        Some(Financia::Municipio) => todo(true),
        Some(Financia::OtrasEntidades) => todo(false),
        Some(Financia::Mixto) => match p.aporte_municipal {
            Some(m) if m >= 0.0 && m <= monto => Aporte {
                municipal: m,
                otras: monto - m,
                sin_desglose: 0.0,
                ambigua: false,
            },
            _ => sin_desglose,
        },
        None => match p.fuente.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
            None => Aporte {
                ambigua: false,
                ..sin_desglose
            },
            Some(f) if municipio.mixta(f) => sin_desglose,
            Some(f) => todo(municipio.nombra(f)),
        },
    }
}

/// The contributions of all of a plan's actions.
pub fn total(plan: &Plan) -> Aporte {
    let municipio = Municipio::de(plan);
    plan.acciones
        .iter()
        .filter_map(|a| a.presupuesto.as_ref())
        .map(|p| aporte(p, &municipio))
        .fold(
            Aporte {
                municipal: 0.0,
                otras: 0.0,
                sin_desglose: 0.0,
                ambigua: false,
            },
            |t, a| Aporte {
                municipal: t.municipal + a.municipal,
                otras: t.otras + a.otras,
                sin_desglose: t.sin_desglose + a.sin_desglose,
                ambigua: t.ambigua || a.ambigua,
            },
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/base.yaml"
        ))
        .unwrap();
        serde_yaml::from_str(&text).unwrap()
    }

    #[test]
    fn municipal_sources() {
        let m = Municipio::de(&plan());
        for si in [
            "GAD Municipal",
            "Municipio de Ibarra",
            "gad",
            "Presupuesto del GAD de Ibarra",
        ] {
            assert!(m.nombra(si), "{si}");
        }
        for no in [
            "GAD Provincial de Imbabura",
            "GAD parroquial",
            "Cooperación internacional",
            "Gadgets",
        ] {
            assert!(!m.nombra(no), "{no}");
        }
        for mixta in [
            "GAD Municipal y MDT",
            "GAD Municipal y cooperación internacional",
            "Municipio, OIM",
        ] {
            assert!(m.mixta(mixta), "{mixta}");
        }
        for sola in ["GAD Municipal", "Cooperación internacional", "MDT y OIM"] {
            assert!(!m.mixta(sola), "{sola}");
        }
    }

    #[test]
    fn a_mixed_source_is_split_only_when_the_plan_says_how() {
        let m = Municipio::de(&plan());
        let p = |fuente: &str, financia, aporte_municipal| Presupuesto {
            monto: 30000.0,
            fuente: Some(fuente.into()),
            asignado: None,
            financia,
            aporte_municipal,
        };
        let a = aporte(&p("GAD Municipal y MDT", None, None), &m);
        assert!(a.ambigua && a.sin_desglose == 30000.0 && a.municipal == 0.0);
        let a = aporte(
            &p("GAD Municipal y MDT", Some(Financia::Mixto), Some(20000.0)),
            &m,
        );
        assert_eq!((a.municipal, a.otras, a.ambigua), (20000.0, 10000.0, false));
        let a = aporte(&p("Policía Nacional", None, None), &m);
        assert_eq!((a.municipal, a.otras), (0.0, 30000.0));
    }
}
