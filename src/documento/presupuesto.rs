//! The budget and financing chapter: the total, by national axis and by funding source, who
//! pays (the municipality, whose contribution the Concejo commits, or other bodies, whose
//! contribution is still to be raised with them), and the financing per source and, as a rounded
//! estimate, per year, split into what is already assigned and what is still to be raised.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::estrategia::{AccionDoc, EjeDoc};
use crate::espanol::{porcentaje, usd, usd_redondo};
use crate::plan::financiamiento::{self, Aporte, Municipio};
use crate::plan::model::Plan;

/// Budget.
#[derive(Debug, Clone, Serialize)]
pub struct PresupuestoDoc {
    /// Total.
    pub total: f64,
    /// Total, formatted.
    pub total_texto: String,
    /// By axis, in reference order.
    pub por_eje: Vec<MontoDoc>,
    /// By funding source.
    pub por_fuente: Vec<MontoDoc>,
}

/// An amount with its label.
#[derive(Debug, Clone, Serialize)]
pub struct MontoDoc {
    /// Label.
    pub nombre: String,
    /// Amount.
    pub monto: f64,
    /// Formatted.
    pub texto: String,
    /// Share of the total, 0–1.
    pub fraccion: f64,
    /// The share, written: "31,1 %".
    pub porcentaje: String,
}

/// Financing: per year and per source, assigned and still to be raised.
#[derive(Debug, Clone, Serialize)]
pub struct FinanciamientoDoc {
    /// Who pays, in a sentence: what the municipality puts in (the Concejo commits it), what
    /// other bodies put in (to be raised with them), what the plan does not attribute.
    pub resumen: String,
    /// One row per year of the period: an estimate, rounded to the hundred.
    pub por_anio: Vec<FilaFinanciamiento>,
    /// The totals of the estimate per year, rounded the same way.
    pub totales_anio: FilaFinanciamiento,
    /// What the estimate per year is.
    pub nota_anio: String,
    /// One row per funding source.
    pub por_fuente: Vec<FilaFinanciamiento>,
    /// The totals.
    pub totales: FilaFinanciamiento,
    /// Whether any action says whether its amount is assigned (otherwise the split is unknown).
    pub con_estado: bool,
}

/// A row of the financing tables.
#[derive(Debug, Clone, Serialize)]
pub struct FilaFinanciamiento {
    /// The year or the source.
    pub nombre: String,
    /// Assigned in an approved budget.
    pub asignado: String,
    /// Still to be raised.
    pub por_gestionar: String,
    /// Amounts whose state the plan does not give.
    pub sin_indicar: String,
    /// Total, written.
    pub total_texto: String,
}

/// Amounts in the three states.
#[derive(Debug, Clone, Copy, Default)]
struct Montos {
    asignado: f64,
    por_gestionar: f64,
    sin_indicar: f64,
}

impl Montos {
    /// Adds the contribution `a` of an action whose amount is `asignado` (or not, or unknown): a
    /// contribution of other bodies that is not assigned is to be raised with them, since the
    /// Concejo cannot commit it.
    fn sumar(&mut self, estado: Option<bool>, a: &Aporte, fraccion: f64) {
        let (municipal, otras, sin) = (
            a.municipal * fraccion,
            a.otras * fraccion,
            a.sin_desglose * fraccion,
        );
        match estado {
            Some(true) => self.asignado += municipal + otras + sin,
            Some(false) => self.por_gestionar += municipal + otras + sin,
            None => {
                self.por_gestionar += otras;
                self.sin_indicar += municipal + sin;
            }
        }
    }

    fn fila(&self, nombre: String, escribir: fn(f64) -> String) -> FilaFinanciamiento {
        FilaFinanciamiento {
            nombre,
            asignado: escribir(self.asignado),
            por_gestionar: escribir(self.por_gestionar),
            sin_indicar: escribir(self.sin_indicar),
            total_texto: escribir(self.asignado + self.por_gestionar + self.sin_indicar),
        }
    }
}

/// The financing of the plan. Who pays each action comes from `plan::financiamiento`; the
/// estimate per year spreads an action's amount over the years of its deadline in proportion to
/// the days of each year it spans (the plan gives one amount per action), rounded to the hundred.
pub(super) fn financiamiento(plan: &Plan) -> FinanciamientoDoc {
    let anios: Vec<i32> = (plan.periodo.inicio.year()..=plan.periodo.fin.year()).collect();
    let municipio = Municipio::de(plan);
    let mut por_anio = vec![Montos::default(); anios.len()];
    let mut por_fuente: Vec<(String, Montos)> = Vec::new();
    let mut total = Montos::default();
    for a in &plan.acciones {
        let Some(p) = &a.presupuesto else { continue };
        let aporte = financiamiento::aporte(p, &municipio);
        let fuente = p
            .fuente
            .clone()
            .unwrap_or_else(|| "Sin fuente indicada".to_owned());
        match por_fuente.iter_mut().find(|(n, _)| *n == fuente) {
            Some((_, m)) => m.sumar(p.asignado, &aporte, 1.0),
            None => {
                let mut m = Montos::default();
                m.sumar(p.asignado, &aporte, 1.0);
                por_fuente.push((fuente, m));
            }
        }
        total.sumar(p.asignado, &aporte, 1.0);
        let dias = |desde: NaiveDate, hasta: NaiveDate| (hasta - desde).num_days().max(0) + 1;
        let todos = dias(a.plazo.inicio, a.plazo.fin).max(1) as f64;
        for (i, anio) in anios.iter().enumerate() {
            let (Some(ini), Some(fin)) = (
                NaiveDate::from_ymd_opt(*anio, 1, 1),
                NaiveDate::from_ymd_opt(*anio, 12, 31),
            ) else {
                continue;
            };
            let desde = ini.max(a.plazo.inicio);
            let hasta = fin.min(a.plazo.fin);
            if desde <= hasta {
                por_anio[i].sumar(p.asignado, &aporte, dias(desde, hasta) as f64 / todos);
            }
        }
    }
    let t = financiamiento::total(plan);
    let suma = t.municipal + t.otras + t.sin_desglose;
    let parte = |x: f64| if suma > 0.0 { x / suma } else { 0.0 };
    let mut partes = vec![format!(
        "El GAD municipal aporta {} ({}), que compromete el Concejo",
        usd(t.municipal),
        porcentaje(parte(t.municipal))
    )];
    if t.otras > 0.0 {
        partes.push(format!(
            "otras entidades aportan {} ({}), que el Concejo no puede comprometer y se gestionan con ellas",
            usd(t.otras),
            porcentaje(parte(t.otras))
        ));
    }
    if t.sin_desglose > 0.0 {
        partes.push(format!(
            "de {} el plan no dice quién lo financia o cuánto pone cada entidad",
            usd(t.sin_desglose)
        ));
    }
    let resumen = if suma > 0.0 {
        format!("{}.", partes.join("; "))
    } else {
        String::new()
    };
    let suma_anios = por_anio.iter().fold(Montos::default(), |s, m| Montos {
        asignado: s.asignado + m.asignado,
        por_gestionar: s.por_gestionar + m.por_gestionar,
        sin_indicar: s.sin_indicar + m.sin_indicar,
    });
    FinanciamientoDoc {
        resumen,
        por_anio: anios
            .iter()
            .zip(&por_anio)
            .map(|(a, m)| m.fila(a.to_string(), usd_redondo))
            .collect(),
        totales_anio: suma_anios.fila("Total".to_owned(), usd_redondo),
        nota_anio: "Estimación: el monto de cada acción se reparte entre los años de su plazo en proporción a los días de cada año, y las cifras se redondean a la centena de dólares. No es el presupuesto anual del GAD, que se aprueba cada año.".to_owned(),
        por_fuente: por_fuente.iter().map(|(n, m)| m.fila(n.clone(), usd)).collect(),
        totales: total.fila("Total".to_owned(), usd),
        con_estado: plan
            .acciones
            .iter()
            .any(|a| a.presupuesto.as_ref().is_some_and(|p| p.asignado.is_some())),
    }
}

/// The budget of the actions (already built), by the axes (already built) and by source.
pub(super) fn presupuesto(acciones: &[AccionDoc], ejes: &[EjeDoc]) -> PresupuestoDoc {
    let total: f64 = acciones.iter().map(|a| a.monto).sum();
    let share = |m: f64| if total > 0.0 { m / total } else { 0.0 };
    let mut por_fuente: Vec<MontoDoc> = Vec::new();
    for a in acciones {
        if a.monto == 0.0 {
            continue;
        }
        let nombre = if a.fuente.is_empty() {
            "Sin fuente indicada".to_owned()
        } else {
            a.fuente.clone()
        };
        match por_fuente.iter_mut().find(|f| f.nombre == nombre) {
            Some(f) => f.monto += a.monto,
            None => por_fuente.push(MontoDoc {
                nombre,
                monto: a.monto,
                texto: String::new(),
                fraccion: 0.0,
                porcentaje: String::new(),
            }),
        }
    }
    for f in &mut por_fuente {
        f.texto = usd(f.monto);
        f.fraccion = share(f.monto);
        f.porcentaje = porcentaje(f.fraccion);
    }
    por_fuente.sort_by(|a, b| b.monto.total_cmp(&a.monto));
    PresupuestoDoc {
        total,
        total_texto: usd(total),
        por_eje: ejes
            .iter()
            .map(|e| MontoDoc {
                nombre: e.nombre.clone(),
                monto: e.monto,
                texto: e.monto_texto.clone(),
                fraccion: share(e.monto),
                porcentaje: porcentaje(share(e.monto)),
            })
            .collect(),
        por_fuente,
    }
}
