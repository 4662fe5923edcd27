//! The monitoring file as far as it is filled, for the editor's preview of the progress report
//! while a cut is being written: what can be read is kept, what cannot is left out (a report
//! whose state is still empty, an amount that does not read, a cut without its date). The
//! actions left out appear in the report as «sin reporte», which is what they are until the
//! official writes them; the report is then marked as a draft. The same idea as
//! [`crate::plan::borrador`] for a plan, over a file whose parts are each read on their own.

use chrono::NaiveDate;
use serde_json::Value;

use super::{Corte, Registro, Reporte};

/// The monitoring file `valor` (as loaded, perhaps with errors) with what cannot be read left
/// out; `None` when no cut can be read.
pub fn registro_borrador(valor: &Value) -> Option<Registro> {
    let cortes: Vec<Corte> = valor
        .get("cortes")?
        .as_array()?
        .iter()
        .filter_map(corte)
        .collect();
    if cortes.is_empty() {
        return None;
    }
    Some(Registro {
        formato: 1,
        ejemplo: valor
            .get("ejemplo")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        plan_aprobado: valor
            .get("plan_aprobado")
            .and_then(|v| serde_json::from_value(v.clone()).ok()),
        cortes,
    })
}

fn corte(v: &Value) -> Option<Corte> {
    let fecha_corte = v
        .get("fecha_corte")?
        .as_str()?
        .trim()
        .parse::<NaiveDate>()
        .ok()?;
    Some(Corte {
        fecha_corte,
        informa: texto(v, "informa").unwrap_or_default(),
        acciones: v
            .get("acciones")
            .and_then(Value::as_array)
            .map(|l| l.iter().filter_map(reporte).collect())
            .unwrap_or_default(),
        ruta_atencion: v
            .get("ruta_atencion")
            .and_then(|r| serde_json::from_value(r.clone()).ok()),
    })
}

fn reporte(v: &Value) -> Option<Reporte> {
    Some(Reporte {
        accion: texto(v, "accion")?,
        estado: serde_json::from_value(v.get("estado")?.clone()).ok()?,
        valor: v
            .get("valor")
            .and_then(Value::as_f64)
            .filter(|x| x.is_finite()),
        ejecutado: v
            .get("ejecutado")
            .and_then(Value::as_f64)
            .filter(|x| x.is_finite() && *x >= 0.0),
        evidencias: v
            .get("evidencias")
            .and_then(Value::as_array)
            .map(|l| {
                l.iter()
                    .filter_map(Value::as_str)
                    .filter(|e| !e.trim().is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
        dificultades: texto(v, "dificultades"),
    })
}

/// A text field that is written (not empty).
fn texto(v: &Value, clave: &str) -> Option<String> {
    v.get(clave)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn what_cannot_be_read_is_left_out_and_the_rest_is_kept() {
        let valor = json!({
            "formato": 1,
            "cortes": [
                { "informa": "sin fecha" },
                {
                    "fecha_corte": "2026-06-30",
                    "informa": "Unidad de Planificación",
                    "acciones": [
                        { "accion": "A1", "estado": "en_curso", "valor": 40, "ejecutado": 1500.5,
                          "evidencias": ["Actas", ""] },
                        { "accion": "A2", "estado": null, "valor": 3 },
                        { "accion": "A3", "estado": "cumplida", "ejecutado": "1.500" },
                        { "estado": "cumplida" }
                    ],
                    "ruta_atencion": { "casos_atendidos": -1 }
                }
            ]
        });
        let r = registro_borrador(&valor).expect("one cut reads");
        assert_eq!(r.cortes.len(), 1);
        let c = &r.cortes[0];
        let ids: Vec<&str> = c.acciones.iter().map(|a| a.accion.as_str()).collect();
        assert_eq!(ids, ["A1", "A3"]);
        assert_eq!(c.acciones[0].ejecutado, Some(1500.5));
        assert_eq!(c.acciones[0].evidencias, ["Actas"]);
        assert_eq!(c.acciones[1].ejecutado, None);
        assert!(c.ruta_atencion.is_none());
    }

    #[test]
    fn a_file_without_a_readable_cut_has_no_draft() {
        assert!(registro_borrador(&json!({ "formato": 1, "cortes": [] })).is_none());
        assert!(registro_borrador(&json!("texto")).is_none());
    }
}
