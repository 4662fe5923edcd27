//! The execution of each plan in the consolidated report, from the monitoring file beside it
//! (`docs/seguimiento.md`): its latest cut, the share of its actions on time, the share of its
//! budget executed and the actions that are late, each action reckoned as the plan's own
//! progress report reckons it ([`crate::plan::seguimiento::calculo`]). The totals of a province
//! and of the whole report are computed from these rows, plan by plan.

use crate::documento::informe::{FilaPlan, FilaSeguimiento, TotalSeguimiento};
use crate::espanol::{fecha_larga, plural, porcentaje, usd};
use crate::plan::model::Plan;
use crate::plan::seguimiento::calculo::{Figura, Semaforo};
use crate::rules::seguimiento::Ejecucion;

/// The row of a plan's execution, when it has a monitoring file; without figures when the file
/// or the plan could not be read.
pub(super) fn fila(
    seguimiento: Option<&Ejecucion>,
    plan: Option<&Plan>,
) -> Option<FilaSeguimiento> {
    let s = seguimiento?;
    let conteo = crate::diagnostics::Conteo::de(&s.diagnostics);
    let mut fila = FilaSeguimiento {
        errores: conteo.errores,
        advertencias: conteo.advertencias,
        legible: false,
        cortes: 0,
        ultimo_corte: None,
        acciones: 0,
        a_tiempo: 0,
        a_tiempo_texto: "—".to_owned(),
        semaforo: None,
        presupuesto: 0.0,
        ejecutado: 0.0,
        ejecutado_texto: usd(0.0),
        ejecucion_texto: "—".to_owned(),
        atrasadas: Vec::new(),
    };
    let (Some(registro), Some(plan)) = (s.registro(), plan) else {
        return Some(fila);
    };
    let Some(corte) = registro.ultimo() else {
        return Some(fila);
    };
    fila.legible = true;
    fila.cortes = registro.cortes.len();
    fila.ultimo_corte = Some(fecha_larga(corte.fecha_corte));
    for a in &plan.acciones {
        let f = Figura::de(a, registro, corte);
        fila.acciones += 1;
        if f.a_tiempo() {
            fila.a_tiempo += 1;
        } else {
            fila.atrasadas.push(a.id.clone());
        }
        fila.presupuesto += f.presupuesto;
        fila.ejecutado += f.ejecutado;
    }
    (fila.a_tiempo_texto, fila.ejecucion_texto, fila.semaforo) = textos(
        (fila.a_tiempo, fila.acciones),
        (fila.ejecutado, fila.presupuesto),
    );
    fila.ejecutado_texto = usd(fila.ejecutado);
    Some(fila)
}

/// The share of `a_tiempo` actions on time out of `acciones` and of `ejecutado` dollars out of
/// `presupuesto`, written ("—" without actions or budget), and the traffic light.
fn textos(
    (a_tiempo, acciones): (usize, usize),
    (ejecutado, presupuesto): (f64, f64),
) -> (String, String, Option<&'static str>) {
    let parte = |x: f64, de: f64| {
        if de > 0.0 {
            porcentaje(x / de)
        } else {
            "—".to_owned()
        }
    };
    (
        parte(a_tiempo as f64, acciones as f64),
        parte(ejecutado, presupuesto),
        Semaforo::de(a_tiempo, acciones).map(Semaforo::nombre),
    )
}

/// The totals over the rows `planes`: their actions and budgets added up.
pub(super) fn totales(planes: &[&FilaPlan]) -> TotalSeguimiento {
    let filas: Vec<&FilaSeguimiento> = planes
        .iter()
        .filter_map(|p| p.seguimiento.as_ref())
        .filter(|s| s.legible)
        .collect();
    let acciones = filas.iter().map(|s| s.acciones).sum();
    let a_tiempo = filas.iter().map(|s| s.a_tiempo).sum();
    let presupuesto = filas.iter().map(|s| s.presupuesto).sum();
    let ejecutado = filas.iter().map(|s| s.ejecutado).sum();
    let atrasadas = filas.iter().map(|s| s.atrasadas.len()).sum();
    let con = planes.iter().filter(|p| p.seguimiento.is_some()).count();
    let (a_tiempo_texto, ejecucion_texto, semaforo) =
        textos((a_tiempo, acciones), (ejecutado, presupuesto));
    TotalSeguimiento {
        planes: con,
        planes_texto: plural(con, "plan con seguimiento", "planes con seguimiento"),
        legibles: filas.len(),
        acciones,
        a_tiempo,
        a_tiempo_texto,
        semaforo,
        presupuesto,
        ejecutado,
        ejecutado_texto: usd(ejecutado),
        ejecucion_texto,
        atrasadas,
    }
}
