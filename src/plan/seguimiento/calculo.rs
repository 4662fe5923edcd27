//! How an action of the plan stands at a cut, computed once for every reader: the M rules
//! (whether a value moves toward its target), the progress report and the consolidated report
//! (its progress, whether it is on time, what it executed), so that none of them can disagree.
//!
//! - **Progress** of an action: how far its indicator went from the baseline toward the target,
//!   `(valor − línea base) ÷ (meta − línea base)`, between 0 and 100 %; without a value, a
//!   baseline or a target (or with a target equal to the baseline), an action «cumplida» counts
//!   100 % by its state, and any other has no progress figure.
//! - **On time**: an action is on time at a cut when it is «cumplida», or when nothing it should
//!   have done by then is late: not marked «retrasada» or «suspendida», its deadline not past,
//!   started once its start date came, and reported in the cut.
//! - **Traffic light** of a group of actions: green when at least [`UMBRAL_VERDE`] of them are on
//!   time, yellow from [`UMBRAL_AMARILLO`], red below; [`REGLA_SEMAFORO`] says so in words.

use chrono::{Datelike, NaiveDate};

use super::{Corte, EstadoAccion, Registro, Reporte};
use crate::plan::model::Accion;

/// Share of actions on time from which a traffic light is green.
pub const UMBRAL_VERDE: f64 = 0.8;
/// Share of actions on time from which a traffic light is yellow (below: red).
pub const UMBRAL_AMARILLO: f64 = 0.5;

/// The traffic-light rule, as the reports state it.
pub const REGLA_SEMAFORO: &str = "Verde: al menos el 80 % de las acciones está a tiempo; amarillo: entre el 50 % y el 80 %; rojo: menos del 50 %. Una acción está a tiempo cuando está cumplida, o cuando no tiene nada atrasado a la fecha del corte: no está marcada como retrasada ni suspendida, no venció su plazo, empezó si ya llegó su fecha de inicio y se informó en el corte.";

/// The line from a baseline to a target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Recorrido {
    /// Baseline.
    pub base: f64,
    /// Target.
    pub meta: f64,
}

impl Recorrido {
    /// The indicator's line of `accion`, when the plan gives both ends and they differ.
    pub fn de(accion: &Accion) -> Option<Recorrido> {
        let i = &accion.indicador;
        match (i.linea_base, i.meta) {
            (Some(base), Some(meta)) if base != meta => Some(Recorrido { base, meta }),
            _ => None,
        }
    }

    /// +1 when the target is above the baseline, −1 when below.
    pub fn sentido(self) -> f64 {
        (self.meta - self.base).signum()
    }

    /// How far `valor` went from the baseline toward the target: 0 at the baseline, 1 at the
    /// target, beyond 1 past it, below 0 on the other side of the baseline.
    pub fn fraccion(self, valor: f64) -> f64 {
        (valor - self.base) / (self.meta - self.base)
    }

    /// Whether going from `antes` to `despues` moves away from the target.
    pub fn retrocede(self, antes: f64, despues: f64) -> bool {
        (despues - antes) * self.sentido() < 0.0
    }
}

/// How the progress of an action was computed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Como {
    /// From the indicator's value, baseline and target.
    Indicador {
        /// The value reached.
        valor: f64,
        /// The indicator's line.
        recorrido: Recorrido,
    },
    /// From its state: «cumplida» is 100 %.
    Estado,
    /// No figure: no value, or an indicator without baseline or target.
    SinDato,
}

/// The progress of an action, 0–100 %, and how it was computed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progreso {
    /// The percentage, 0–100, when it can be computed.
    pub porcentaje: Option<f64>,
    /// How.
    pub como: Como,
}

/// Why an action is late at a cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retraso {
    /// Its report says so: «retrasada» or «suspendida».
    Marcada(EstadoAccion),
    /// Its deadline passed and it is not «cumplida».
    Vencida(NaiveDate),
    /// Its start date passed and it has not started.
    SinIniciar(NaiveDate),
    /// The cut says nothing of it.
    SinReporte,
}

/// Whether an action is on time at a cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Situacion {
    /// On time.
    ATiempo,
    /// Late, and why.
    Atrasada(Retraso),
}

/// How one action of the plan stands at one cut.
#[derive(Debug, Clone, Copy)]
pub struct Figura<'a> {
    /// What this cut says of it.
    pub reporte: Option<&'a Reporte>,
    /// The latest report of it at or before the cut, with its cut: its value and its executed
    /// amount stand until a later cut says otherwise.
    pub ultimo: Option<(&'a Corte, &'a Reporte)>,
    /// On time or late.
    pub situacion: Situacion,
    /// Its progress.
    pub progreso: Progreso,
    /// Dollars executed up to the cut (accumulated; 0 when never reported).
    pub ejecutado: f64,
    /// Its budget in the plan (0 without one).
    pub presupuesto: f64,
}

impl Figura<'_> {
    /// How `accion` stands at `corte` of `registro`.
    pub fn de<'a>(accion: &Accion, registro: &'a Registro, corte: &'a Corte) -> Figura<'a> {
        let reporte = corte.reporte(&accion.id);
        let ultimo = registro
            .cortes
            .iter()
            .filter(|c| c.fecha_corte <= corte.fecha_corte)
            .filter_map(|c| c.reporte(&accion.id).map(|r| (c, r)))
            .max_by_key(|(c, _)| c.fecha_corte);
        Figura {
            reporte,
            ultimo,
            situacion: situacion(accion, reporte, corte.fecha_corte),
            progreso: progreso(accion, ultimo.map(|(_, r)| r), reporte.map(|r| r.estado)),
            ejecutado: ultimo.and_then(|(_, r)| r.ejecutado).unwrap_or(0.0),
            presupuesto: accion.presupuesto.as_ref().map_or(0.0, |p| p.monto),
        }
    }

    /// Whether it is on time.
    pub fn a_tiempo(&self) -> bool {
        self.situacion == Situacion::ATiempo
    }
}

/// Whether `accion`, reported as `reporte` (or not at all), is on time at `fecha`.
pub fn situacion(accion: &Accion, reporte: Option<&Reporte>, fecha: NaiveDate) -> Situacion {
    let Some(r) = reporte else {
        return Situacion::Atrasada(Retraso::SinReporte);
    };
    let retraso = match r.estado {
        EstadoAccion::Cumplida => None,
        e @ (EstadoAccion::Retrasada | EstadoAccion::Suspendida) => Some(Retraso::Marcada(e)),
        _ if accion.plazo.fin < fecha => Some(Retraso::Vencida(accion.plazo.fin)),
        EstadoAccion::NoIniciada if accion.plazo.inicio < fecha => {
            Some(Retraso::SinIniciar(accion.plazo.inicio))
        }
        EstadoAccion::NoIniciada | EstadoAccion::EnCurso => None,
    };
    retraso.map_or(Situacion::ATiempo, Situacion::Atrasada)
}

/// The progress of `accion` from its latest report (`reporte`), the state at the cut being
/// `estado`.
pub fn progreso(
    accion: &Accion,
    reporte: Option<&Reporte>,
    estado: Option<EstadoAccion>,
) -> Progreso {
    let recorrido = Recorrido::de(accion);
    match (reporte.and_then(|r| r.valor), recorrido) {
        (Some(valor), Some(recorrido)) => Progreso {
            porcentaje: Some((recorrido.fraccion(valor) * 100.0).clamp(0.0, 100.0)),
            como: Como::Indicador { valor, recorrido },
        },
        _ if estado == Some(EstadoAccion::Cumplida) => Progreso {
            porcentaje: Some(100.0),
            como: Como::Estado,
        },
        _ => Progreso {
            porcentaje: None,
            como: Como::SinDato,
        },
    }
}

/// The colour of a traffic light.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Semaforo {
    /// At least [`UMBRAL_VERDE`] on time.
    Verde,
    /// At least [`UMBRAL_AMARILLO`] on time.
    Amarillo,
    /// Fewer.
    Rojo,
}

impl Semaforo {
    /// The light of `a_tiempo` actions on time out of `total`; `None` without actions.
    pub fn de(a_tiempo: usize, total: usize) -> Option<Semaforo> {
        if total == 0 {
            return None;
        }
        let fraccion = a_tiempo as f64 / total as f64;
        Some(if fraccion >= UMBRAL_VERDE {
            Semaforo::Verde
        } else if fraccion >= UMBRAL_AMARILLO {
            Semaforo::Amarillo
        } else {
            Semaforo::Rojo
        })
    }

    /// `verde`, `amarillo`, `rojo`.
    pub fn id(self) -> &'static str {
        match self {
            Semaforo::Verde => "verde",
            Semaforo::Amarillo => "amarillo",
            Semaforo::Rojo => "rojo",
        }
    }

    /// «Verde», «Amarillo», «Rojo».
    pub fn nombre(self) -> &'static str {
        match self {
            Semaforo::Verde => "Verde",
            Semaforo::Amarillo => "Amarillo",
            Semaforo::Rojo => "Rojo",
        }
    }
}

/// The dollars executed in each year up to `hasta`, from the accumulated amounts of the cuts:
/// what an action's amount grew between two cuts counts in the year of the later cut. Years in
/// order; only the actions of `ids` count.
pub fn ejecutado_por_anio(registro: &Registro, ids: &[&str], hasta: NaiveDate) -> Vec<(i32, f64)> {
    let mut anios: Vec<(i32, f64)> = Vec::new();
    for id in ids {
        let mut antes = 0.0;
        for c in registro.cronologico() {
            if c.fecha_corte > hasta {
                break;
            }
            let Some(ejecutado) = c.reporte(id).and_then(|r| r.ejecutado) else {
                continue;
            };
            let anio = c.fecha_corte.year();
            match anios.iter_mut().find(|(a, _)| *a == anio) {
                Some((_, m)) => *m += ejecutado - antes,
                None => anios.push((anio, ejecutado - antes)),
            }
            antes = ejecutado;
        }
    }
    anios.sort_by_key(|(a, _)| *a);
    anios
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accion(base: Option<f64>, meta: Option<f64>, inicio: &str, fin: &str) -> Accion {
        let mut a: Accion = serde_json::from_value(serde_json::json!({
            "id": "A1", "objetivo": "O1", "descripcion": "x", "responsable": "gad",
            "indicador": {"nombre": "x"},
            "plazo": {"inicio": inicio, "fin": fin},
        }))
        .unwrap();
        a.indicador.linea_base = base;
        a.indicador.meta = meta;
        a
    }

    fn reporte(estado: EstadoAccion, valor: Option<f64>) -> Reporte {
        Reporte {
            accion: "A1".into(),
            estado,
            valor,
            ejecutado: None,
            evidencias: Vec::new(),
            dificultades: None,
        }
    }

    fn dia(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn progress_goes_from_the_baseline_to_the_target() {
        let a = accion(Some(20.0), Some(60.0), "2026-01-01", "2026-12-31");
        let p = progreso(&a, Some(&reporte(EstadoAccion::EnCurso, Some(30.0))), None);
        assert_eq!(p.porcentaje, Some(25.0));
        // Past the target and below the baseline, within 0–100.
        let p = progreso(&a, Some(&reporte(EstadoAccion::EnCurso, Some(90.0))), None);
        assert_eq!(p.porcentaje, Some(100.0));
        let p = progreso(&a, Some(&reporte(EstadoAccion::EnCurso, Some(10.0))), None);
        assert_eq!(p.porcentaje, Some(0.0));
        // A target below the baseline: fewer hours to answer.
        let b = accion(Some(72.0), Some(24.0), "2026-01-01", "2026-12-31");
        let p = progreso(&b, Some(&reporte(EstadoAccion::EnCurso, Some(48.0))), None);
        assert_eq!(p.porcentaje, Some(50.0));
        let r = Recorrido::de(&b).unwrap();
        assert!(r.retrocede(48.0, 60.0) && !r.retrocede(48.0, 30.0));
        // Without a value, only a completed action has a figure.
        let c = accion(None, Some(5.0), "2026-01-01", "2026-12-31");
        let cumplida = reporte(EstadoAccion::Cumplida, Some(5.0));
        let p = progreso(&c, Some(&cumplida), Some(EstadoAccion::Cumplida));
        assert_eq!((p.porcentaje, p.como), (Some(100.0), Como::Estado));
        let p = progreso(&c, None, Some(EstadoAccion::EnCurso));
        assert_eq!((p.porcentaje, p.como), (None, Como::SinDato));
    }

    #[test]
    fn an_action_is_late_when_something_due_is_not_done() {
        let a = accion(None, None, "2026-03-01", "2026-06-30");
        let en = |e, f| situacion(&a, Some(&reporte(e, None)), dia(f));
        assert_eq!(
            en(EstadoAccion::NoIniciada, "2026-02-28"),
            Situacion::ATiempo
        );
        assert_eq!(
            en(EstadoAccion::NoIniciada, "2026-03-31"),
            Situacion::Atrasada(Retraso::SinIniciar(dia("2026-03-01")))
        );
        assert_eq!(en(EstadoAccion::EnCurso, "2026-06-30"), Situacion::ATiempo);
        assert_eq!(
            en(EstadoAccion::EnCurso, "2026-09-30"),
            Situacion::Atrasada(Retraso::Vencida(dia("2026-06-30")))
        );
        assert_eq!(en(EstadoAccion::Cumplida, "2026-09-30"), Situacion::ATiempo);
        assert_eq!(
            en(EstadoAccion::Suspendida, "2026-04-30"),
            Situacion::Atrasada(Retraso::Marcada(EstadoAccion::Suspendida))
        );
        assert_eq!(
            situacion(&a, None, dia("2026-04-30")),
            Situacion::Atrasada(Retraso::SinReporte)
        );
    }

    #[test]
    fn traffic_lights_follow_the_stated_thresholds() {
        assert_eq!(Semaforo::de(8, 10), Some(Semaforo::Verde));
        assert_eq!(Semaforo::de(5, 10), Some(Semaforo::Amarillo));
        assert_eq!(Semaforo::de(4, 10), Some(Semaforo::Rojo));
        assert_eq!(Semaforo::de(0, 0), None);
        assert!(REGLA_SEMAFORO.contains("80 %") && REGLA_SEMAFORO.contains("50 %"));
    }
}
