//! A001 and A004: alignment with the national axes: every mandatory axis has actions, and the
//! investigation axis involves the institutions that investigate.

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
