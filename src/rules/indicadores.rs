//! C006, C007 and C019: every action is measurable, with a baseline and a target that means
//! progress, and every objective is measured by the change it seeks, not only by activities.

use std::collections::HashMap;

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::path;
use crate::plan::model::{Accion, TipoIndicador};

/// Incomplete indicator.
pub static C006: Regla = Regla {
    codigo: "C006",
    severidad: Severidad::Advertencia,
    estricta: true,
    titulo: "Indicador incompleto",
    explicacion: Explicacion {
        que: "Que el indicador de cada acción tenga `unidad`, `linea_base`, `meta` y `medio_verificacion`.",
        por_que: "Sin línea base, meta y medio de verificación no se puede saber si la acción se cumplió: el seguimiento del plan y la rendición de cuentas dependen de ello.",
        incorrecto: "indicador: { nombre: Estudiantes capacitados }",
        correcto: "indicador:\n  nombre: Estudiantes capacitados\n  unidad: estudiantes\n  linea_base: 0\n  meta: 1200\n  medio_verificacion: Registros de asistencia",
    },
    comprobar: Comprobacion::Plan(comprobar_c006),
};

/// Target not above the baseline.
pub static C007: Regla = Regla {
    codigo: "C007",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "La meta no supera la línea base",
    explicacion: Explicacion {
        que: "Que la `meta` de cada indicador sea mayor que su `linea_base`.",
        por_que: "Una meta igual o menor que la situación inicial no compromete ningún avance. Si el indicador mide algo que debe bajar (por ejemplo, horas de respuesta), exprese el indicador en positivo (casos atendidos dentro del plazo).",
        incorrecto: "indicador: { nombre: Talleres realizados, unidad: talleres, linea_base: 10, meta: 10, medio_verificacion: Informes }",
        correcto: "indicador: { nombre: Talleres realizados, unidad: talleres, linea_base: 10, meta: 24, medio_verificacion: Informes }",
    },
    comprobar: Comprobacion::Plan(comprobar_c007),
};

/// Objective measured only by activities.
pub static C019: Regla = Regla {
    codigo: "C019",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Objetivo sin indicador de resultado",
    explicacion: Explicacion {
        que: "Que cada objetivo con acciones tenga al menos una acción cuyo indicador sea `tipo: resultado`, con `linea_base` y `meta`.",
        por_que: "Contar talleres o sesiones dice qué se hizo, no si cambió algo para las personas: sin un indicador de resultado no se puede saber si el objetivo se cumplió.",
        incorrecto: "indicador: { nombre: Talleres realizados, unidad: talleres, linea_base: 0, meta: 20, medio_verificacion: Informes }",
        correcto: "indicador: { nombre: Adolescentes que reconocen una oferta engañosa, tipo: resultado, unidad: \"%\", linea_base: 20, meta: 60, medio_verificacion: Encuesta anual }",
    },
    comprobar: Comprobacion::Plan(comprobar_c019),
};

fn comprobar_c006(ctx: &Contexto) -> Vec<Hallazgo> {
    ctx.plan
        .acciones
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let ind = &a.indicador;
            let faltan: Vec<&str> = [
                (
                    "unidad",
                    ind.unidad.as_deref().is_some_and(|u| !u.trim().is_empty()),
                ),
                ("linea_base", ind.linea_base.is_some()),
                ("meta", ind.meta.is_some()),
                (
                    "medio_verificacion",
                    ind.medio_verificacion
                        .as_deref()
                        .is_some_and(|m| !m.trim().is_empty()),
                ),
            ]
            .into_iter()
            .filter(|(_, present)| !present)
            .map(|(name, _)| name)
            .collect();
            (!faltan.is_empty()).then(|| {
                Hallazgo::clave(
                    path!["acciones", i, "indicador"],
                    format!(
                        "el indicador de la acción {} no tiene {}",
                        a.id,
                        y_lista(&faltan)
                    ),
                    format!("Complete {} para poder medir el avance.", y_lista(&faltan)),
                )
            })
        })
        .collect()
}

fn y_lista(items: &[&str]) -> String {
    let items: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} ni {last}", init.join(", ")),
    }
}

fn comprobar_c007(ctx: &Contexto) -> Vec<Hallazgo> {
    ctx.plan
        .acciones
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let (base, meta) = (a.indicador.linea_base?, a.indicador.meta?);
            (meta <= base).then(|| {
                Hallazgo::en(
                    path!["acciones", i, "indicador", "meta"],
                    format!("la meta de la acción {} ({meta}) no supera su línea base ({base})", a.id),
                    "Fije una meta mayor que la línea base; si el indicador mide algo que debe disminuir, exprese el indicador en positivo.",
                )
            })
        })
        .collect()
}

fn comprobar_c019(ctx: &Contexto) -> Vec<Hallazgo> {
    let mut por_objetivo: HashMap<&str, Vec<&Accion>> = HashMap::new();
    for a in &ctx.plan.acciones {
        por_objetivo.entry(a.objetivo.as_str()).or_default().push(a);
    }
    let mut out = Vec::new();
    for (i, o) in ctx.plan.objetivos.iter().enumerate() {
        let acciones = por_objetivo
            .get(o.id.as_str())
            .map_or(&[][..], Vec::as_slice);
        let de_resultado: Vec<_> = acciones
            .iter()
            .filter(|a| a.indicador.tipo == Some(TipoIndicador::Resultado))
            .collect();
        if acciones.is_empty()
            || de_resultado
                .iter()
                .any(|a| a.indicador.linea_base.is_some() && a.indicador.meta.is_some())
        {
            continue;
        }
        let (mensaje, ayuda) = match de_resultado.first() {
            Some(a) => (
                format!(
                    "el indicador de resultado del objetivo {} (acción {}) no tiene línea base y meta",
                    o.id, a.id
                ),
                format!(
                    "Complete `linea_base` y `meta` del indicador de la acción {}.",
                    a.id
                ),
            ),
            None => (
                format!(
                    "el objetivo {} no tiene ningún indicador de resultado: sus acciones solo miden actividades",
                    o.id
                ),
                "Marque con `tipo: resultado` el indicador que mide el cambio buscado (por ejemplo, víctimas atendidas dentro del plazo o adolescentes que reconocen una oferta engañosa), con `linea_base` y `meta`.".to_owned(),
            ),
        };
        out.push(Hallazgo::en(path!["objetivos", i, "id"], mensaje, ayuda));
    }
    out
}
