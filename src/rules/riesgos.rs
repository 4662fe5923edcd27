//! A003 and A009: the risks the diagnosis found are answered by actions.

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::path;
use crate::plan::model::{Impacto, Probabilidad};

/// High risk with no action.
pub static A003: Regla = Regla {
    codigo: "A003",
    severidad: Severidad::Advertencia,
    estricta: true,
    titulo: "Riesgo alto sin acciones",
    explicacion: Explicacion {
        que: "Que cada riesgo con probabilidad `alta` o impacto `alto` figure en `riesgos` de al menos una acción.",
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
        que: "Que cada fin de explotación (COIP art. 91) que aparece en los riesgos esté cubierto por alguna acción que atienda un riesgo con ese fin.",
        por_que: "Si el diagnóstico identifica, por ejemplo, mendicidad, y ninguna acción la aborda, esa forma de explotación queda fuera de la respuesta cantonal.",
        incorrecto: "riesgos:\n  - { id: R3, fines: [mendicidad], probabilidad: media, impacto: medio, ... }\n# …ninguna acción con riesgos: [R3]",
        correcto: "acciones:\n  - { id: A9, riesgos: [R3], ... }",
    },
    comprobar: Comprobacion::Plan(comprobar_a009),
};

fn atendido(ctx: &Contexto, riesgo: &str) -> bool {
    ctx.plan
        .acciones
        .iter()
        .any(|a| a.riesgos.iter().any(|r| r == riesgo))
}

fn comprobar_a003(ctx: &Contexto) -> Vec<Hallazgo> {
    ctx.plan
        .riesgos
        .iter()
        .enumerate()
        .filter(|(_, r)| r.probabilidad == Probabilidad::Alta || r.impacto == Impacto::Alto)
        .filter(|(_, r)| !atendido(ctx, &r.id))
        .map(|(i, r)| {
            Hallazgo::en(
                path!["riesgos", i, "id"],
                format!("el riesgo {} («{}») es alto y ninguna acción lo atiende", r.id, r.titulo),
                format!("Agregue `{}` en `riesgos` de las acciones que lo enfrentan, o una acción nueva para él.", r.id),
            )
        })
        .collect()
}

fn comprobar_a009(ctx: &Contexto) -> Vec<Hallazgo> {
    let mut vistos: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for (i, r) in ctx.plan.riesgos.iter().enumerate() {
        for (j, fin) in r.fines.iter().enumerate() {
            if vistos.contains(&fin.as_str()) {
                continue;
            }
            vistos.push(fin);
            let cubierto = ctx
                .plan
                .riesgos
                .iter()
                .filter(|otro| otro.fines.contains(fin))
                .any(|otro| atendido(ctx, &otro.id));
            if !cubierto {
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
    }
    out
}
