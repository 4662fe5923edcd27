//! C028: every acronym the plan's text uses has its meaning in the document's table of acronyms:
//! the reference knows the national ones (its list and its institutions'); the plan declares its
//! own in `siglas`.

use serde_json::Value;

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::plan::spans::{NodePath, Seg};

/// An acronym without its meaning.
pub static C028: Regla = Regla {
    codigo: "C028",
    severidad: Severidad::Sugerencia,
    estricta: false,
    titulo: "Sigla sin significado",
    explicacion: Explicacion {
        que: "Que cada sigla que usan los textos del plan (una palabra de dos letras o más, toda en mayúsculas) sea una de la referencia nacional (de una institución o de su lista de siglas) o esté en el campo `siglas` del plan con su significado.",
        por_que: "La tabla de siglas del documento explica las que conoce: una sigla local sin significado (UPC, DECE) deja a quien lee el plan en el Concejo o en otra institución sin saber de quién se habla.",
        incorrecto: "actores:\n  - { id: upc, nombre: UPC del barrio Caranqui, ... }",
        correcto: "siglas:\n  - { siglas: UPC, significado: Unidad de Policía Comunitaria }",
    },
    comprobar: Comprobacion::Plan(comprobar_c028),
};

/// Keys whose values are codes, ids or contact data rather than prose.
const NO_PROSA: &[&str] = &[
    "id",
    "codigo",
    "numero",
    "correo",
    "telefono",
    "escudo",
    "plan_nacional",
    "etapa",
    "poblacion",
    "tipo",
    "eje",
    "institucion",
    "responsable",
    "corresponsables",
    "apoyo",
    "objetivo",
    "riesgos",
    "fines",
    "poblaciones",
    "requiere",
    "contribuyen",
    "siglas",
    "significado",
    "financia",
];

/// Words in capitals that are no acronym.
const NO_SIGLAS: &[&str] = &[
    "POR",
    "COMPLETAR",
    "II",
    "III",
    "IV",
    "VI",
    "VII",
    "VIII",
    "IX",
    "XI",
    "XII",
];

/// The acronyms of `texto`: words of two or more letters, all capitals.
fn siglas_de(texto: &str) -> impl Iterator<Item = &str> {
    texto
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .filter(|w| w.chars().all(|c| c.is_alphabetic() && c.is_uppercase()))
}

fn recorrer(v: &Value, path: &mut NodePath, out: &mut Vec<(NodePath, String)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if NO_PROSA.contains(&k.as_str()) {
                    continue;
                }
                path.push(Seg::Key(k.clone()));
                recorrer(x, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                recorrer(x, path, out);
                path.pop();
            }
        }
        Value::String(s) => {
            for w in siglas_de(s) {
                out.push((path.clone(), w.to_owned()));
            }
        }
        _ => {}
    }
}

fn comprobar_c028(ctx: &Contexto) -> Vec<Hallazgo> {
    let r = ctx.referencia;
    let conocidas: Vec<&str> = r
        .siglas
        .iter()
        .map(|s| s.siglas.as_str())
        .chain(r.instituciones.valores.iter().map(|i| i.siglas.as_str()))
        .chain(ctx.plan.siglas.iter().map(|s| s.siglas.trim()))
        .chain(NO_SIGLAS.iter().copied())
        .collect();
    let Ok(valor) = serde_json::to_value(ctx.plan) else {
        return Vec::new();
    };
    let mut usadas = Vec::new();
    recorrer(&valor, &mut Vec::new(), &mut usadas);
    let mut vistas: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (path, sigla) in usadas {
        // "ECU 911" and the like are known by their first word.
        if conocidas
            .iter()
            .any(|c| *c == sigla || c.split_whitespace().next() == Some(sigla.as_str()))
            || vistas.contains(&sigla)
        {
            continue;
        }
        out.push(Hallazgo::en(
            path,
            format!("la sigla {sigla} no tiene su significado en la tabla de siglas"),
            format!(
                "Agregue al plan `siglas:` con `- {{ siglas: {sigla}, significado: … }}`, o escriba el nombre completo."
            ),
        ));
        vistas.push(sigla);
    }
    out
}
