//! R004 and A006: actors tied to national institutions, which are renamed and merged over time.

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::path;
use crate::suggest::did_you_mean;

/// Unknown institution id.
pub static R004: Regla = Regla {
    codigo: "R004",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Institución desconocida",
    explicacion: Explicacion {
        que: "Que el campo `institucion` de un actor sea el id de una institución de la referencia nacional.",
        por_que: "La institución indica qué entidad nacional respalda al actor: de ella dependen la comprobación de los responsables del eje de investigación (A004) y la de instituciones que ya no existen (A006).",
        incorrecto: "- id: fiscalia-imbabura\n  institucion: fiscalía",
        correcto: "- id: fiscalia-imbabura\n  institucion: fiscalia",
    },
    comprobar: Comprobacion::Plan(comprobar_r004),
};

/// Institution that no longer exists at the start of the plan.
pub static A006: Regla = Regla {
    codigo: "A006",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Institución que ya no existe al inicio del plan",
    explicacion: Explicacion {
        que: "Que las instituciones nombradas existan en la fecha de inicio del plan; si fueron suprimidas o renombradas, se indica su sucesora.",
        por_que: "Un plan que asigna tareas a una institución que ya no existe (por ejemplo, el Ministerio de Gobierno desde marzo de 2022) deja esas tareas sin responsable real.",
        incorrecto: "periodo: { inicio: 2026-01-01, fin: 2028-12-31 }\nactores:\n  - { id: mdg, nombre: Ministerio de Gobierno, tipo: institucion_nacional, institucion: ministerio-gobierno }",
        correcto: "actores:\n  - { id: mdi, nombre: Ministerio del Interior, tipo: institucion_nacional, institucion: ministerio-interior }",
    },
    comprobar: Comprobacion::Plan(comprobar_a006),
};

fn comprobar_r004(ctx: &Contexto) -> Vec<Hallazgo> {
    let instituciones = &ctx.referencia.instituciones;
    ctx.plan
        .actores
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let id = a.institucion.as_deref()?;
            if instituciones.get(id).is_some() {
                return None;
            }
            let ayuda = match did_you_mean(id, instituciones.ids()) {
                Some(best) => format!("¿Quiso decir `{best}`? Las instituciones se listan en la referencia nacional (`cantonal reglas` y docs/formato.md)."),
                None => format!(
                    "Use uno de los ids de institución de la referencia nacional: {}.",
                    crate::diagnostics::lista(&instituciones.ids())
                ),
            };
            Some(Hallazgo::en(
                path!["actores", i, "institucion"],
                format!("la institución `{id}` no existe en la referencia nacional"),
                ayuda,
            ))
        })
        .collect()
}

fn comprobar_a006(ctx: &Contexto) -> Vec<Hallazgo> {
    let inicio = ctx.plan.periodo.inicio;
    let instituciones = &ctx.referencia.instituciones;
    ctx.plan
        .actores
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let inst = instituciones.get(a.institucion.as_deref()?)?;
            let hasta = inst.hasta.filter(|h| *h <= inicio)?;
            let ayuda = match inst.sucesora.as_deref().and_then(|s| instituciones.get(s)) {
                Some(s) => format!(
                    "Sus funciones pasaron a {} (`institucion: {}`): actualice el actor.",
                    s.nombre, s.id
                ),
                None => "Revise qué entidad asumió sus funciones y actualice el actor.".to_owned(),
            };
            Some(Hallazgo::en(
                path!["actores", i, "institucion"],
                format!(
                    "{} dejó de existir el {}, antes del inicio del plan",
                    inst.nombre,
                    crate::espanol::fecha_larga(hasta)
                ),
                ayuda,
            ))
        })
        .collect()
}
