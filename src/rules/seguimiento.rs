//! A plan's monitoring file checked against its plan (`docs/seguimiento.md`): the M rules of the
//! registry run over the file, their findings pointing into the monitoring file. This file holds
//! what they read ([`ContextoSeguimiento`]), the checked file ([`Ejecucion`], with the adviser's
//! observations on it when asked for), and the rules about the file as a whole: M001 (its plan
//! is missing) and M015 (the plan's actions changed after its approval). The rules about the
//! cuts are in `seguimiento_cortes.rs`, about figures in `seguimiento_cifras.rs`, about texts in
//! `seguimiento_textos.rs`.

use std::path::Path;

use chrono::NaiveDate;

use super::revision::Revision;
use super::{Comprobacion, Explicacion, Hallazgo, Opciones, REGLAS, Regla, ordenar, push};
use crate::diagnostics::{Diagnostic, Severidad};
use crate::espanol::{fecha_larga, numero, usd};
use crate::path;
use crate::plan::load::{Loaded, LoadedPlan, load_bytes, load_file};
use crate::plan::model::{Accion, Plan};
use crate::plan::seguimiento::{AccionAprobada, Corte, Registro, Reporte};
use crate::plan::spans::NodePath;

/// The plan a monitoring file follows, as the M rules see it.
pub enum PlanSeguido<'a> {
    /// The typed plan.
    Legible(&'a Plan),
    /// The plan exists but could not be read: its own diagnostics say why, and the file is
    /// checked once it reads.
    Ilegible,
    /// No plan at this path.
    NoExiste(&'a Path),
}

/// What an M rule reads.
pub struct ContextoSeguimiento<'a> {
    /// The monitoring file, when it could be read.
    pub registro: Option<&'a Registro>,
    /// The plan it follows.
    pub plan: PlanSeguido<'a>,
    /// Today, for the cuts dated after it (see [`crate::fechas::hoy`]).
    pub hoy: NaiveDate,
}

impl<'a> ContextoSeguimiento<'a> {
    /// The file and its plan, when both could be read.
    pub fn partes(&self) -> Option<(&'a Registro, &'a Plan)> {
        match (self.registro, &self.plan) {
            (Some(r), PlanSeguido::Legible(p)) => Some((r, p)),
            _ => None,
        }
    }

    /// Every cut with the plan, each with its path: `cortes[i]`.
    pub fn cortes(&self) -> Vec<(NodePath, &'a Corte, &'a Plan)> {
        self.partes()
            .map(|(r, p)| {
                r.cortes
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (path!["cortes", i], c, p))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Each report of an action of the plan, in the order of the cuts' dates, with the action, its
/// path and the report of the same action in the previous cut by date, if any.
pub(super) struct Serie<'a> {
    pub(super) accion: &'a Accion,
    pub(super) corte: &'a Corte,
    pub(super) reporte: &'a Reporte,
    pub(super) path: NodePath,
    pub(super) anterior: Option<(&'a Corte, &'a Reporte)>,
}

pub(super) fn series<'a>(ctx: &ContextoSeguimiento<'a>) -> Vec<Serie<'a>> {
    let Some((registro, plan)) = ctx.partes() else {
        return Vec::new();
    };
    let mut orden: Vec<usize> = (0..registro.cortes.len()).collect();
    orden.sort_by_key(|&i| registro.cortes[i].fecha_corte);
    let mut out = Vec::new();
    for a in &plan.acciones {
        let mut anterior = None;
        for &i in &orden {
            let corte = &registro.cortes[i];
            let Some(j) = corte.acciones.iter().position(|r| r.accion == a.id) else {
                continue;
            };
            let reporte = &corte.acciones[j];
            out.push(Serie {
                accion: a,
                corte,
                reporte,
                path: path!["cortes", i, "acciones", j],
                anterior,
            });
            anterior = Some((corte, reporte));
        }
    }
    out
}

/// The path of the field `campo` of the report of `s`.
pub(super) fn en(s: &Serie, campo: &str) -> NodePath {
    let mut p = s.path.clone();
    p.push(campo.into());
    p
}

/// A monitoring file checked against its plan.
#[derive(Debug)]
pub struct Ejecucion {
    /// The loaded file.
    pub loaded: Loaded<Registro>,
    /// Diagnostics of loading and of the M rules, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The adviser's observations on this file, when asked for.
    pub revision: Option<Revision>,
}

impl Ejecucion {
    /// Loads `archivo` and checks it against `plan`.
    pub fn new(archivo: &Path, plan: &LoadedPlan, opciones: Opciones) -> Ejecucion {
        revisar(load_file(archivo), seguido(plan), opciones)
    }

    /// Checks the text of a monitoring file, as an editor holds it, against `plan`; `archivo`
    /// names it in messages.
    pub fn de_texto(
        archivo: &Path,
        texto: &str,
        plan: &LoadedPlan,
        opciones: Opciones,
    ) -> Ejecucion {
        revisar(
            load_bytes(archivo, texto.as_bytes()),
            seguido(plan),
            opciones,
        )
    }

    /// A monitoring file whose plan (`plan`) does not exist.
    pub fn sin_plan(archivo: &Path, plan: &Path) -> Ejecucion {
        revisar(
            load_file(archivo),
            PlanSeguido::NoExiste(plan),
            Opciones::default(),
        )
    }

    /// The file's content, when it could be read.
    pub fn registro(&self) -> Option<&Registro> {
        self.loaded.datos.as_ref()
    }

    /// Whether any diagnostic of the file, or of its observations, is an error.
    pub fn tiene_errores(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severidad == Severidad::Error)
            || self.revision.as_ref().is_some_and(Revision::tiene_errores)
    }

    /// Checks the adviser's observations file `archivo` against this monitoring file.
    pub fn con_observaciones(mut self, archivo: &Path) -> Self {
        self.revision = Some(Revision::sobre_seguimiento(archivo, &self.loaded));
        self
    }

    /// "2 cortes, el último del 30 de junio de 2026", for the line `validar` prints.
    pub fn resumen(&self) -> Option<String> {
        let r = self.registro()?;
        let ultimo = r.ultimo().map_or_else(String::new, |c| {
            format!(", el último del {}", fecha_larga(c.fecha_corte))
        });
        Some(format!(
            "{}{ultimo}",
            crate::espanol::plural(r.cortes.len(), "corte", "cortes")
        ))
    }
}

/// How the M rules see a loaded plan.
fn seguido(plan: &LoadedPlan) -> PlanSeguido<'_> {
    match &plan.datos {
        Some(p) => PlanSeguido::Legible(p),
        None => PlanSeguido::Ilegible,
    }
}

/// Runs the M rules of the registry on `loaded`, following `plan`.
fn revisar(loaded: Loaded<Registro>, plan: PlanSeguido, opciones: Opciones) -> Ejecucion {
    let mut diagnostics = loaded.diagnostics.clone();
    // A monitoring file follows a plan: a strict rule is an error when that plan is approved,
    // as it is for the plan's own rules.
    let estado = match &plan {
        PlanSeguido::Legible(p) => Some(p.estado),
        _ => None,
    };
    let ctx = ContextoSeguimiento {
        registro: loaded.datos.as_ref(),
        plan,
        hoy: crate::fechas::hoy(),
    };
    for regla in REGLAS {
        if let Comprobacion::Seguimiento(comprobar) = regla.comprobar {
            for hallazgo in comprobar(&ctx) {
                push(&loaded, regla, opciones, hallazgo, &mut diagnostics);
                if let Some(d) = diagnostics.last_mut() {
                    d.severidad = regla.severidad_para(opciones.estricto, estado);
                }
            }
        }
    }
    ordenar(&mut diagnostics);
    Ejecucion {
        loaded,
        diagnostics,
        revision: None,
    }
}

/// A monitoring file without its plan.
pub static M001: Regla = Regla {
    codigo: "M001",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Seguimiento sin su plan",
    explicacion: Explicacion {
        que: "Que junto al archivo de seguimiento esté el plan que sigue: el seguimiento de `ibarra.yaml` se llama `ibarra.seguimiento.yaml` y está en la misma carpeta.",
        por_que: "El avance de cada acción se mide contra su indicador, su meta, su plazo y su presupuesto en el plan: sin el plan, ninguna cifra del seguimiento se puede comprobar ni imprimir.",
        incorrecto: "plans/ibarra-2026.seguimiento.yaml   # y el plan se llama plans/ibarra.yaml",
        correcto: "plans/ibarra.seguimiento.yaml        # junto a plans/ibarra.yaml",
    },
    comprobar: Comprobacion::Seguimiento(sin_plan),
};

fn sin_plan(ctx: &ContextoSeguimiento) -> Vec<Hallazgo> {
    let PlanSeguido::NoExiste(plan) = ctx.plan else {
        return Vec::new();
    };
    vec![Hallazgo::en(
        Vec::new(),
        format!(
            "no existe el plan `{}` que sigue este archivo de seguimiento",
            plan.display()
        ),
        "El seguimiento de `canton.yaml` se llama `canton.seguimiento.yaml` y está en la misma carpeta; `cantonal seguimiento PLAN --corte AAAA-MM-DD` lo crea con su nombre.",
    )]
}

/// The plan's actions changed after it was approved.
pub static M015: Regla = Regla {
    codigo: "M015",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Acciones del plan cambiadas después de su aprobación",
    explicacion: Explicacion {
        que: "Que cada acción del plan tenga el plazo, la línea base, la meta y el presupuesto que tenía cuando se aprobó, tal como los guarda `plan_aprobado` en el archivo de seguimiento, y que el plan no tenga acciones de más ni de menos, ni otra fecha de aprobación.",
        por_que: "El avance se mide contra lo que aprobó el Concejo: si una meta o un presupuesto cambiaron en el archivo del plan sin una reforma aprobada, el informe de avance mediría contra otra cosa. El programa señala la diferencia en lugar de adivinar cuál vale.",
        incorrecto: "plan_aprobado:\n  fecha: 2026-03-15\n  acciones:\n    - { accion: A1, inicio: 2026-03-01, fin: 2026-11-30, linea_base: 0, meta: 1200, monto: 4500.00 }\n# y en el plan, A1 tiene ahora meta: 800",
        correcto: "# el plan conserva meta: 1200 en A1; o, si el Concejo aprobó la reforma, se borra\n# `plan_aprobado` y el próximo `cantonal seguimiento --corte` lo escribe de nuevo",
    },
    comprobar: Comprobacion::Seguimiento(cambios),
};

fn cambios(ctx: &ContextoSeguimiento) -> Vec<Hallazgo> {
    let Some((registro, plan)) = ctx.partes() else {
        return Vec::new();
    };
    let Some(aprobado) = &registro.plan_aprobado else {
        return Vec::new();
    };
    let reforma = "Si el Concejo aprobó el cambio, borre la sección `plan_aprobado`: el próximo `cantonal seguimiento PLAN --corte AAAA-MM-DD` la escribe con el plan vigente. Si no, devuelva el plan a lo aprobado.";
    let mut out = Vec::new();
    let fecha_plan = plan.aprobacion.as_ref().map(|a| a.fecha);
    if let Some(f) = aprobado.fecha
        && fecha_plan != Some(f)
    {
        let ahora = fecha_plan.map_or_else(
            || "ya no dice cuándo se aprobó".to_owned(),
            |a| format!("dice que se aprobó el {}", fecha_larga(a)),
        );
        out.push(Hallazgo::en(
            path!["plan_aprobado", "fecha"],
            format!(
                "el seguimiento sigue el plan aprobado el {}, y el plan {ahora}",
                fecha_larga(f)
            ),
            reforma,
        ));
    }
    for (i, a) in aprobado.acciones.iter().enumerate() {
        let aqui = path!["plan_aprobado", "acciones", i];
        let Some(actual) = plan.acciones.iter().find(|x| x.id == a.accion) else {
            out.push(Hallazgo::en(
                aqui,
                format!(
                    "la acción `{}` del plan aprobado ya no está en el plan",
                    a.accion
                ),
                reforma,
            ));
            continue;
        };
        let hoy = AccionAprobada {
            accion: actual.id.clone(),
            inicio: actual.plazo.inicio,
            fin: actual.plazo.fin,
            linea_base: actual.indicador.linea_base,
            meta: actual.indicador.meta,
            monto: actual.presupuesto.as_ref().map(|p| p.monto),
        };
        let fecha = |d: NaiveDate| Some(fecha_larga(d));
        let cifra = |v: Option<f64>| v.map(numero);
        let monto = |v: Option<f64>| v.map(usd);
        let campos: [(&str, &str, Option<String>, Option<String>); 5] = [
            ("inicio", "el inicio", fecha(a.inicio), fecha(hoy.inicio)),
            ("fin", "el fin", fecha(a.fin), fecha(hoy.fin)),
            (
                "linea_base",
                "la línea base",
                cifra(a.linea_base),
                cifra(hoy.linea_base),
            ),
            ("meta", "la meta", cifra(a.meta), cifra(hoy.meta)),
            ("monto", "el presupuesto", monto(a.monto), monto(hoy.monto)),
        ];
        for (clave, nombre, antes, ahora) in campos {
            if antes != ahora {
                let mut p = aqui.clone();
                p.push(clave.into());
                out.push(Hallazgo::en(
                    p,
                    match (antes, ahora) {
                        (Some(antes), Some(ahora)) => format!(
                            "{nombre} de `{}` era {antes} en el plan aprobado y ahora es {ahora}",
                            a.accion
                        ),
                        (None, Some(ahora)) => format!(
                            "{nombre} de `{}` no figuraba en el plan aprobado y ahora es {ahora}",
                            a.accion
                        ),
                        (antes, None) => format!(
                            "{nombre} de `{}` era {} en el plan aprobado y el plan ya no lo da",
                            a.accion,
                            antes.unwrap_or_default()
                        ),
                    },
                    reforma,
                ));
            }
        }
    }
    for x in &plan.acciones {
        if !aprobado.acciones.iter().any(|a| a.accion == x.id) {
            out.push(Hallazgo::clave(
                path!["plan_aprobado", "acciones"],
                format!(
                    "la acción `{}` del plan no estaba en el plan aprobado",
                    x.id
                ),
                reforma,
            ));
        }
    }
    out
}
