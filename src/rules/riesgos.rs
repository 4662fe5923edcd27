//! A003, A009, A017 and A018: the risks the diagnosis found are answered by actions.
//!
//! An action answers a risk when it names it in `riesgos` and, if it says to whom and against
//! what it is directed (`fines`, `poblaciones`), it shares a purpose and a population with the
//! risk. Naming a risk is not enough on its own: an action against sexual exploitation of
//! adolescents does not answer a risk of labour exploitation of people in human mobility. An
//! action that names risks but says neither still counts, as plans written before these fields
//! did, and A018 asks it to say them.

use std::collections::{HashMap, HashSet};

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::{Severidad, lista};
use crate::path;
use crate::plan::model::{Accion, Impacto, Probabilidad, Riesgo};

/// The population of the risk catalogue that matches every other one.
const POBLACION_GENERAL: &str = "poblacion_general";

/// High risk with no action.
pub static A003: Regla = Regla {
    codigo: "A003",
    severidad: Severidad::Advertencia,
    estricta: true,
    titulo: "Riesgo alto sin acciones",
    explicacion: Explicacion {
        que: "Que cada riesgo con probabilidad `alta` o impacto `alto` sea atendido por al menos una acción: una que lo nombre en `riesgos` y que, si declara `fines` y `poblaciones`, comparta con el riesgo un fin de explotación y una población.",
        por_que: "Los riesgos altos son la razón de ser del plan: uno sin acciones es un peligro conocido al que el cantón no responde.",
        incorrecto: "riesgos:\n  - { id: R1, probabilidad: alta, impacto: alto, ... }\nacciones:\n  - { id: A1, riesgos: [], ... }",
        correcto: "acciones:\n  - { id: A1, riesgos: [R1], ... }",
    },
    comprobar: Comprobacion::Plan(comprobar_a003),
};

/// Purpose of exploitation named in risks, with no action.
pub static A009: Regla = Regla {
    codigo: "A009",
    severidad: Severidad::Sugerencia,
    estricta: false,
    titulo: "Fin de explotación identificado sin acciones",
    explicacion: Explicacion {
        que: "Que cada fin de explotación (COIP art. 91) que aparece en los riesgos esté cubierto por alguna acción que atienda un riesgo con ese fin y que, si declara `fines`, se dirija a ese fin.",
        por_que: "Si el diagnóstico identifica, por ejemplo, mendicidad, y ninguna acción la aborda, esa forma de explotación queda fuera de la respuesta cantonal.",
        incorrecto: "riesgos:\n  - { id: R3, fines: [mendicidad], probabilidad: media, impacto: medio, ... }\n# …ninguna acción con riesgos: [R3]",
        correcto: "acciones:\n  - { id: A9, riesgos: [R3], ... }",
    },
    comprobar: Comprobacion::Plan(comprobar_a009),
};

/// Action whose purposes or populations do not match a risk it names.
pub static A017: Regla = Regla {
    codigo: "A017",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Acción vinculada a un riesgo que no atiende",
    explicacion: Explicacion {
        que: "Que una acción que nombra un riesgo en `riesgos` y declara `fines` o `poblaciones` comparta con ese riesgo al menos un fin de explotación y al menos una población (`poblacion_general` vale para cualquiera). Si no, la acción no cuenta como respuesta a ese riesgo (A003, A009).",
        por_que: "Vincular cualquier acción a un riesgo hace parecer atendido un peligro al que nadie responde: una campaña para adolescentes contra la explotación sexual no protege a adultos en movilidad de la explotación laboral.",
        incorrecto: "riesgos:\n  - { id: R2, fines: [explotacion_laboral], poblaciones: [personas_en_movilidad], ... }\nacciones:\n  - { id: A1, riesgos: [R2], fines: [explotacion_sexual], poblaciones: [adolescentes], ... }",
        correcto: "acciones:\n  - { id: A2, riesgos: [R2], fines: [explotacion_laboral], poblaciones: [personas_en_movilidad], ... }",
    },
    comprobar: Comprobacion::Plan(comprobar_a017),
};

/// Action that names risks without saying what it is directed at.
pub static A018: Regla = Regla {
    codigo: "A018",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Acción vinculada a riesgos sin fines ni poblaciones",
    explicacion: Explicacion {
        que: "Que una acción que nombra riesgos en `riesgos` diga también a qué fines de explotación (`fines`) y a qué poblaciones (`poblaciones`) se dirige, para poder comprobar que los atiende.",
        por_que: "Sin fines ni poblaciones, el vínculo entre la acción y el riesgo no se puede revisar, y un riesgo puede darse por atendido con una acción que no tiene que ver con él.",
        incorrecto: "- { id: A1, riesgos: [R1], descripcion: Talleres en colegios, ... }",
        correcto: "- { id: A1, riesgos: [R1], fines: [explotacion_sexual], poblaciones: [adolescentes], descripcion: Talleres en colegios, ... }",
    },
    comprobar: Comprobacion::Plan(comprobar_a018),
};

/// Whether the action says what it is directed at.
fn dirigida(a: &Accion) -> bool {
    !a.fines.is_empty() || !a.poblaciones.is_empty()
}

/// A risk of smuggling of migrants has no purpose of exploitation: any action may share it.
fn comparten_fin(a: &Accion, r: &Riesgo) -> bool {
    r.es_trafico() || a.fines.is_empty() || a.fines.iter().any(|f| r.fines.contains(f))
}

fn comparten_poblacion(a: &Accion, r: &Riesgo) -> bool {
    a.poblaciones.is_empty()
        || a.poblaciones.iter().any(|p| {
            p == POBLACION_GENERAL
                || r.poblaciones
                    .iter()
                    .any(|q| q == p || q == POBLACION_GENERAL)
        })
}

/// Every pair of an action and the position of a risk it answers (one it names and shares a
/// purpose and a population with), found through the risks by id once: a plan may have
/// thousands of each.
fn respuestas<'a>(ctx: &Contexto<'a>) -> Vec<(&'a Accion, usize)> {
    let riesgos = &ctx.plan.riesgos;
    let mut por_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, r) in riesgos.iter().enumerate() {
        por_id.entry(r.id.as_str()).or_default().push(k);
    }
    let mut out = Vec::new();
    for a in &ctx.plan.acciones {
        let mut nombrados = HashSet::new();
        for id in a.riesgos.iter().filter(|id| nombrados.insert(id.as_str())) {
            for &k in por_id.get(id.as_str()).into_iter().flatten() {
                if comparten_fin(a, &riesgos[k]) && comparten_poblacion(a, &riesgos[k]) {
                    out.push((a, k));
                }
            }
        }
    }
    out
}

fn comprobar_a003(ctx: &Contexto) -> Vec<Hallazgo> {
    let atendidos: HashSet<usize> = respuestas(ctx).into_iter().map(|(_, k)| k).collect();
    let nombrados: HashSet<&str> = ctx
        .plan
        .acciones
        .iter()
        .flat_map(|a| a.riesgos.iter().map(String::as_str))
        .collect();
    ctx.plan
        .riesgos
        .iter()
        .enumerate()
        .filter(|(_, r)| r.probabilidad == Probabilidad::Alta || r.impacto == Impacto::Alto)
        .filter(|(k, _)| !atendidos.contains(k))
        .map(|(i, r)| {
            Hallazgo::en(
                path!["riesgos", i, "id"],
                if nombrados.contains(r.id.as_str()) {
                    format!("el riesgo {} («{}») es alto y ninguna de las acciones que lo nombran se dirige a sus fines y poblaciones", r.id, r.titulo)
                } else {
                    format!("el riesgo {} («{}») es alto y ninguna acción lo atiende", r.id, r.titulo)
                },
                format!("Agregue `{}` en `riesgos` de las acciones que lo enfrentan, con `fines` y `poblaciones` que coincidan con los del riesgo, o una acción nueva para él.", r.id),
            )
        })
        .collect()
}

fn comprobar_a009(ctx: &Contexto) -> Vec<Hallazgo> {
    // A purpose is covered by an action that answers a risk with that purpose and is directed
    // at it (or at no purpose in particular).
    let mut cubiertos: HashSet<&str> = HashSet::new();
    for (a, k) in respuestas(ctx) {
        cubiertos.extend(
            ctx.plan.riesgos[k]
                .fines
                .iter()
                .filter(|fin| a.fines.is_empty() || a.fines.contains(fin))
                .map(String::as_str),
        );
    }
    let mut vistos: HashSet<&str> = HashSet::new();
    let mut out = Vec::new();
    for (i, r) in ctx.plan.riesgos.iter().enumerate() {
        for (j, fin) in r.fines.iter().enumerate() {
            if !vistos.insert(fin.as_str()) || cubiertos.contains(fin.as_str()) {
                continue;
            }
            out.push(Hallazgo::en(
                path!["riesgos", i, "fines", j],
                format!(
                    "la {} aparece en los riesgos pero ninguna acción la aborda",
                    ctx.referencia.fines_explotacion.nombre(fin).to_lowercase()
                ),
                "Vincule a una acción (campo `riesgos`) alguno de los riesgos con este fin de explotación.",
            ));
        }
    }
    out
}

fn comprobar_a017(ctx: &Contexto) -> Vec<Hallazgo> {
    let mut primero: HashMap<&str, &Riesgo> = HashMap::new();
    for r in &ctx.plan.riesgos {
        primero.entry(r.id.as_str()).or_insert(r);
    }
    let mut out = Vec::new();
    for (i, a) in ctx
        .plan
        .acciones
        .iter()
        .enumerate()
        .filter(|(_, a)| dirigida(a))
    {
        for (j, id) in a.riesgos.iter().enumerate() {
            let Some(r) = primero.get(id.as_str()) else {
                continue;
            };
            let mut falta = Vec::new();
            if !comparten_fin(a, r) {
                falta.push(format!("ninguno de sus fines ({})", lista(&r.fines)));
            }
            if !comparten_poblacion(a, r) {
                falta.push(format!(
                    "ninguna de sus poblaciones ({})",
                    lista(&r.poblaciones)
                ));
            }
            if falta.is_empty() {
                continue;
            }
            out.push(Hallazgo::en(
                path!["acciones", i, "riesgos", j],
                format!(
                    "la acción {} nombra el riesgo {} pero no se dirige a {}",
                    a.id,
                    r.id,
                    falta.join(" ni a ")
                ),
                format!(
                    "Quite `{}` de `riesgos` si la acción no lo atiende, o corrija `fines` y `poblaciones` de la acción.",
                    r.id
                ),
            ));
        }
    }
    out
}

fn comprobar_a018(ctx: &Contexto) -> Vec<Hallazgo> {
    ctx.plan
        .acciones
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.riesgos.is_empty() && !dirigida(a))
        .map(|(i, a)| {
            Hallazgo::clave(
                path!["acciones", i, "riesgos"],
                format!(
                    "la acción {} nombra riesgos pero no dice a qué fines ni a qué poblaciones se dirige",
                    a.id
                ),
                "Agregue `fines: […]` y `poblaciones: […]` con los fines de explotación y las poblaciones a las que se dirige la acción.",
            )
        })
        .collect()
}
