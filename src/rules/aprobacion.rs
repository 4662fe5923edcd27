//! C005: an approved plan says how it was approved.

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::path;
use crate::plan::model::Estado;

/// `estado: aprobado` without `aprobacion`.
pub static C005: Regla = Regla {
    codigo: "C005",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Plan aprobado sin datos de aprobación",
    explicacion: Explicacion {
        que: "Que un plan con `estado: aprobado` tenga la sección `aprobacion` (instrumento, número, fecha y órgano).",
        por_que: "El plan aprobado es un acto normativo del Concejo Municipal: sin la ordenanza o resolución que lo aprobó, el documento impreso no tiene respaldo.",
        incorrecto: "estado: aprobado",
        correcto: "estado: aprobado\naprobacion:\n  instrumento: ordenanza\n  numero: \"GADI-2026-014\"\n  fecha: 2026-03-15\n  organo: Concejo Municipal de Ibarra",
    },
    comprobar: Comprobacion::Plan(comprobar),
};

fn comprobar(ctx: &Contexto) -> Vec<Hallazgo> {
    if ctx.plan.estado == Estado::Aprobado && ctx.plan.aprobacion.is_none() {
        return vec![Hallazgo::en(
            path!["estado"],
            "el plan dice `estado: aprobado` pero no tiene la sección `aprobacion`",
            "Agregue `aprobacion:` con `instrumento`, `numero`, `fecha` y `organo`, o cambie el estado a `borrador` o `en_revision`.",
        )];
    }
    Vec::new()
}
