//! A001, A004 and A023: alignment with the national axes: every mandatory axis has actions with
//! some money (`brechas`, the gaps `informe` counts), and the investigation axis involves the
//! institutions that investigate.

use std::collections::HashSet;

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::{Severidad, lista};
use crate::path;

/// Mandatory axis without actions.
pub static A001: Regla = Regla {
    codigo: "A001",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Eje obligatorio del plan nacional sin acciones",
    explicacion: Explicacion {
        que: "Que cada eje obligatorio de la referencia nacional (prevención, protección, investigación, gobernanza) tenga al menos un objetivo con al menos una acción.",
        por_que: "El plan cantonal ejecuta localmente el plan nacional: un eje sin acciones es una parte del PACTA que el cantón no atiende, por ejemplo la protección de las víctimas.",
        incorrecto: "objetivos:\n  - { id: O1, eje: prevencion, descripcion: ... }\n# …sin objetivos de proteccion, investigacion ni gobernanza",
        correcto: "objetivos:\n  - { id: O1, eje: prevencion, descripcion: ... }\n  - { id: O2, eje: proteccion, descripcion: ... }\n  - { id: O3, eje: investigacion, descripcion: ... }\n  - { id: O4, eje: gobernanza, descripcion: ... }\n# …y al menos una acción por objetivo",
    },
    comprobar: Comprobacion::Plan(comprobar_a001),
};

/// Mandatory axis whose actions add up to no money.
pub static A023: Regla = Regla {
    codigo: "A023",
    severidad: Severidad::Advertencia,
    estricta: true,
    titulo: "Eje obligatorio sin presupuesto",
    explicacion: Explicacion {
        que: "Que las acciones de cada eje obligatorio del plan nacional sumen algún monto: un eje cuyas acciones no tienen presupuesto, o solo montos 0, no está cubierto.",
        por_que: "Un eje con acciones pero sin un dólar es una parte del plan nacional que el cantón nombra sin atenderla: el informe consolidado lo cuenta como brecha, como a un eje sin acciones.",
        incorrecto: "objetivos:\n  - { id: O3, eje: investigacion, ... }\nacciones:\n  - { id: A3, objetivo: O3, ... }   # sin presupuesto",
        correcto: "acciones:\n  - { id: A3, objetivo: O3, presupuesto: { monto: 1500, fuente: GAD Municipal }, ... }",
    },
    comprobar: Comprobacion::Plan(comprobar_a023),
};

/// Investigation actions without the required institutions.
pub static A004: Regla = Regla {
    codigo: "A004",
    severidad: Severidad::Advertencia,
    estricta: true,
    titulo: "Acción de un eje sin las instituciones requeridas",
    explicacion: Explicacion {
        que: "Que cada acción de un eje con `responsables_requeridos` (en el PACTA, investigación: Fiscalía, Policía Nacional, DINAF o DINAPEN) tenga como responsable o corresponsable a un actor de una de esas instituciones (campo `institucion` del actor).",
        por_que: "Investigar y judicializar la trata es competencia de la Fiscalía y de la Policía especializada; una acción de investigación sin ellas no puede cumplirse desde el municipio.",
        incorrecto: "- id: A5\n  objetivo: O3          # eje investigacion\n  responsable: gad-ibarra\n  corresponsables: []",
        correcto: "- id: A5\n  objetivo: O3\n  responsable: gad-ibarra\n  corresponsables: [fiscalia-imbabura]   # actor con institucion: fiscalia",
    },
    comprobar: Comprobacion::Plan(comprobar_a004),
};

fn comprobar_a001(ctx: &Contexto) -> Vec<Hallazgo> {
    let p = ctx.plan;
    let con_acciones: HashSet<&str> = p
        .acciones
        .iter()
        .filter_map(|a| ctx.indice.eje_de(a))
        .collect();
    ctx.referencia
        .ejes
        .valores
        .iter()
        .filter(|e| e.obligatorio)
        .filter(|e| !con_acciones.contains(e.id.as_str()))
        .map(|e| {
            let objetivo = p.objetivos.iter().position(|o| o.eje == e.id);
            match objetivo {
                Some(i) => Hallazgo::en(
                    path!["objetivos", i, "eje"],
                    format!("el eje «{}» no tiene ninguna acción", e.nombre),
                    format!(
                        "Agregue en `acciones` al menos una acción con `objetivo: {}`.",
                        p.objetivos[i].id
                    ),
                ),
                None => Hallazgo::clave(
                    path!["objetivos"],
                    format!("el eje «{}» no tiene objetivos ni acciones", e.nombre),
                    format!(
                        "Agregue un objetivo con `eje: {}` y al menos una acción para él.",
                        e.id
                    ),
                ),
            }
        })
        .collect()
}

fn comprobar_a023(ctx: &Contexto) -> Vec<Hallazgo> {
    let p = ctx.plan;
    super::brechas::de(p, ctx.referencia)
        .ejes_sin_presupuesto
        .iter()
        .filter_map(|id| {
            let eje = ctx.referencia.ejes.get(id)?;
            let i = p.objetivos.iter().position(|o| &o.eje == id)?;
            Some(Hallazgo::en(
                path!["objetivos", i, "eje"],
                format!("las acciones del eje «{}» no tienen presupuesto", eje.nombre),
                "Agregue `presupuesto: { monto: …, fuente: … }` a las acciones del eje; si una no tiene costo propio, ponga `monto: 0`, pero el eje necesita algún monto.",
            ))
        })
        .collect()
}

fn comprobar_a004(ctx: &Contexto) -> Vec<Hallazgo> {
    let mut out = Vec::new();
    for (i, a) in ctx.plan.acciones.iter().enumerate() {
        let Some(eje) = ctx
            .indice
            .eje_de(a)
            .and_then(|e| ctx.referencia.ejes.get(e))
        else {
            continue;
        };
        if eje.responsables_requeridos.is_empty() {
            continue;
        }
        let participa = std::iter::once(&a.responsable)
            .chain(&a.corresponsables)
            .filter_map(|id| ctx.indice.actor(id))
            .filter_map(|actor| actor.institucion.as_deref())
            .any(|inst| eje.responsables_requeridos.iter().any(|r| r == inst));
        if !participa {
            out.push(Hallazgo::en(
                path!["acciones", i, "responsable"],
                format!(
                    "la acción {} es del eje «{}» y ninguna institución requerida la lidera ni la acompaña",
                    a.id, eje.nombre
                ),
                format!(
                    "Agregue como responsable o corresponsable un actor cuya `institucion` sea {}.",
                    lista(&eje.responsables_requeridos)
                ),
            ));
        }
    }
    out
}
