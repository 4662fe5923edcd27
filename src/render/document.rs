//! The printable document as data: everything a template needs, computed once from a valid plan
//! and its national reference.
//!
//! References are resolved (an action's responsible actor by name, each action's axis through its
//! objective), totals and coverage are computed, dates and amounts are written the Spanish way,
//! and Markdown fields become [`cmark`] trees. Every output format (the Typst PDF template, and
//! the other renderers) reads this one structure, so they cannot disagree about the plan.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::cmark::{self, Bloque};
use super::revision::{Nota, RevisionDoc};
use crate::fechas::larga;
use crate::plan::model::{
    Accion, Estado, Frecuencia, Impacto, Instrumento, Periodo, Plan, Probabilidad,
};
use crate::reference::nacional::Referencia;

/// The document.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Canton.
    pub canton: CantonDoc,
    /// Period.
    pub periodo: PeriodoDoc,
    /// `borrador`, `en_revision` or `aprobado`.
    pub estado: &'static str,
    /// "Borrador", "En revisión", "Aprobado".
    pub estado_texto: &'static str,
    /// Whether to print the BORRADOR watermark.
    pub marca_borrador: bool,
    /// Approval.
    pub aprobacion: Option<AprobacionDoc>,
    /// Drafting.
    pub elaboracion: Option<ElaboracionDoc>,
    /// Date printed on the document.
    pub fecha_documento: String,
    /// National reference.
    pub referencia: ReferenciaDoc,
    /// Presentation.
    pub presentacion: Option<Vec<Bloque>>,
    /// Legal framework.
    pub marco_normativo: Vec<Norma>,
    /// Diagnosis.
    pub diagnostico: DiagnosticoDoc,
    /// Risks.
    pub riesgos: Vec<RiesgoDoc>,
    /// Risk matrix, rows from high to low probability, columns from low to high impact.
    pub matriz_riesgos: Vec<Vec<CeldaRiesgo>>,
    /// Actors.
    pub actores: Vec<ActorDoc>,
    /// General objective.
    pub objetivo_general: Option<Vec<Bloque>>,
    /// Axes with their objectives.
    pub ejes: Vec<EjeDoc>,
    /// Actions.
    pub acciones: Vec<AccionDoc>,
    /// Years of the period, for the schedule.
    pub anios: Vec<AnioDoc>,
    /// Referral route, in national stage order.
    pub ruta: Vec<EtapaDoc>,
    /// Budget.
    pub presupuesto: PresupuestoDoc,
    /// Monitoring.
    pub seguimiento: SeguimientoDoc,
    /// Glossary.
    pub glosario: Vec<Termino>,
    /// Acronyms.
    pub siglas: Vec<Sigla>,
    /// Review observations, in a review copy (`generar --observaciones`).
    pub revision: Option<RevisionDoc>,
}

/// Canton.
#[derive(Debug, Clone, Serialize)]
pub struct CantonDoc {
    /// DPA code.
    pub codigo: String,
    /// Name.
    pub nombre: String,
    /// Province.
    pub provincia: String,
}

/// Period.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodoDoc {
    /// "2026-2028".
    pub anios: String,
    /// "1 de enero de 2026".
    pub inicio: String,
    /// "31 de diciembre de 2028".
    pub fin: String,
}

/// Approval.
#[derive(Debug, Clone, Serialize)]
pub struct AprobacionDoc {
    /// "Ordenanza" / "Resolución".
    pub instrumento: &'static str,
    /// Number.
    pub numero: String,
    /// Date.
    pub fecha: String,
    /// Body.
    pub organo: String,
}

/// Drafting.
#[derive(Debug, Clone, Serialize)]
pub struct ElaboracionDoc {
    /// Date.
    pub fecha: String,
    /// Team: name, role, institution.
    pub equipo: Vec<[String; 3]>,
}

/// What the document says of its national reference.
#[derive(Debug, Clone, Serialize)]
pub struct ReferenciaDoc {
    /// Full name.
    pub nombre: String,
    /// Short name.
    pub nombre_corto: String,
    /// Approaches.
    pub enfoques: Vec<String>,
}

/// A law or instrument of the legal framework.
#[derive(Debug, Clone, Serialize)]
pub struct Norma {
    /// Title.
    pub titulo: String,
    /// Notes.
    pub nota: String,
}

/// Diagnosis.
#[derive(Debug, Clone, Serialize)]
pub struct DiagnosticoDoc {
    /// Context.
    pub contexto: Option<Vec<Bloque>>,
    /// Cases by year.
    pub casos: Vec<CasoDoc>,
    /// Largest yearly count, for the chart scale.
    pub max_casos: i64,
}

/// Cases of one year.
#[derive(Debug, Clone, Serialize)]
pub struct CasoDoc {
    /// Year.
    pub anio: i32,
    /// Cases.
    pub casos: i64,
    /// Source.
    pub fuente: String,
}

/// A risk.
#[derive(Debug, Clone, Serialize)]
pub struct RiesgoDoc {
    /// Id.
    pub id: String,
    /// Title.
    pub titulo: String,
    /// Purposes, by name.
    pub fines: Vec<String>,
    /// Populations, by name.
    pub poblaciones: Vec<String>,
    /// Places.
    pub zonas: Vec<String>,
    /// "Alta", "Media", "Baja".
    pub probabilidad: &'static str,
    /// "Alto", "Medio", "Bajo".
    pub impacto: &'static str,
    /// 1–9: probability level × impact level.
    pub nivel: u8,
    /// Description.
    pub descripcion: Option<Vec<Bloque>>,
    /// Ids of the actions that address it.
    pub acciones: Vec<String>,
    /// Review notes addressed to this item.
    pub notas: Vec<Nota>,
}

/// A cell of the risk matrix.
#[derive(Debug, Clone, Serialize)]
pub struct CeldaRiesgo {
    /// Probability label.
    pub probabilidad: &'static str,
    /// Impact label.
    pub impacto: &'static str,
    /// Level 1–9.
    pub nivel: u8,
    /// Risk ids in the cell.
    pub riesgos: Vec<String>,
}

/// An actor.
#[derive(Debug, Clone, Serialize)]
pub struct ActorDoc {
    /// Id.
    pub id: String,
    /// Name.
    pub nombre: String,
    /// Type, by name.
    pub tipo: String,
    /// National institution, by name.
    pub institucion: Option<String>,
    /// Role.
    pub rol: Option<Vec<Bloque>>,
    /// Telephone.
    pub telefono: Option<String>,
    /// E-mail.
    pub correo: Option<String>,
    /// Address.
    pub direccion: Option<String>,
    /// Actions it leads.
    pub lidera: Vec<String>,
    /// Actions it co-leads.
    pub acompana: Vec<String>,
    /// Route stages it answers for or supports, by name.
    pub etapas: Vec<String>,
    /// Review notes addressed to this item.
    pub notas: Vec<Nota>,
}

/// An axis.
#[derive(Debug, Clone, Serialize)]
pub struct EjeDoc {
    /// Id.
    pub id: String,
    /// Name.
    pub nombre: String,
    /// Description.
    pub descripcion: String,
    /// Objectives of the plan in this axis.
    pub objetivos: Vec<ObjetivoDoc>,
    /// Number of actions.
    pub num_acciones: usize,
    /// Budget.
    pub monto: f64,
    /// Budget, formatted.
    pub monto_texto: String,
    /// Whether the axis has at least one action.
    pub cubierto: bool,
}

/// An objective.
#[derive(Debug, Clone, Serialize)]
pub struct ObjetivoDoc {
    /// Id.
    pub id: String,
    /// Text.
    pub descripcion: String,
    /// Ids of its actions.
    pub acciones: Vec<String>,
    /// Review notes addressed to this item.
    pub notas: Vec<Nota>,
}

/// An action.
#[derive(Debug, Clone, Serialize)]
pub struct AccionDoc {
    /// Id.
    pub id: String,
    /// Objective id.
    pub objetivo: String,
    /// Axis id (derived through the objective).
    pub eje: String,
    /// Axis name.
    pub eje_nombre: String,
    /// Text.
    pub descripcion: String,
    /// Risk ids.
    pub riesgos: Vec<String>,
    /// Responsible actor, by name.
    pub responsable: String,
    /// Co-responsible actors, by name.
    pub corresponsables: Vec<String>,
    /// Indicator name.
    pub indicador: String,
    /// Unit.
    pub unidad: String,
    /// Baseline, formatted.
    pub linea_base: String,
    /// Target, formatted.
    pub meta: String,
    /// Means of verification.
    pub medio_verificacion: String,
    /// "marzo 2026".
    pub inicio: String,
    /// "noviembre 2026".
    pub fin: String,
    /// Start as a fraction of the period (0–1), for the schedule.
    pub desde: f64,
    /// End as a fraction of the period (0–1).
    pub hasta: f64,
    /// Amount.
    pub monto: f64,
    /// Amount, formatted ("—" without budget).
    pub monto_texto: String,
    /// Funding source.
    pub fuente: String,
    /// Review notes addressed to this item.
    pub notas: Vec<Nota>,
}

/// A year of the period in the schedule.
#[derive(Debug, Clone, Serialize)]
pub struct AnioDoc {
    /// Year.
    pub anio: i32,
    /// Start as a fraction of the period.
    pub desde: f64,
    /// End as a fraction of the period.
    pub hasta: f64,
}

/// A stage of the referral route.
#[derive(Debug, Clone, Serialize)]
pub struct EtapaDoc {
    /// Stage id.
    pub id: String,
    /// Number in the route.
    pub numero: usize,
    /// Name.
    pub nombre: String,
    /// What happens in it (national reference).
    pub proposito: String,
    /// Whether it is mandatory.
    pub obligatoria: bool,
    /// Responsible actor.
    pub responsable: Option<String>,
    /// Its telephone.
    pub telefono: Option<String>,
    /// Its e-mail.
    pub correo: Option<String>,
    /// Supporting actors, by name.
    pub apoyo: Vec<String>,
    /// "24 horas".
    pub plazo: Option<String>,
    /// National maximum, "24 horas".
    pub plazo_max: Option<String>,
    /// The plan's description of the stage.
    pub descripcion: Option<Vec<Bloque>>,
    /// Review notes addressed to this item.
    pub notas: Vec<Nota>,
}

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
}

/// Monitoring.
#[derive(Debug, Clone, Serialize)]
pub struct SeguimientoDoc {
    /// Responsible, by name.
    pub responsable: String,
    /// "Trimestral".
    pub frecuencia: &'static str,
    /// Description.
    pub descripcion: Option<Vec<Bloque>>,
}

/// A glossary entry.
#[derive(Debug, Clone, Serialize)]
pub struct Termino {
    /// Term.
    pub termino: String,
    /// Definition.
    pub definicion: String,
}

/// An acronym.
#[derive(Debug, Clone, Serialize)]
pub struct Sigla {
    /// Acronym.
    pub siglas: String,
    /// Meaning.
    pub significado: String,
}

/// "USD 4.500,00".
pub fn usd(monto: f64) -> String {
    let cents = (monto * 100.0).round() as i64;
    let (sign, cents) = if cents < 0 {
        ("-", -cents)
    } else {
        ("", cents)
    };
    let units = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in units.chars().enumerate() {
        if i > 0 && (units.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    format!("USD {sign}{grouped},{:02}", cents % 100)
}

/// A number as a Spanish reader writes it: "1.200", "2,5".
pub fn numero(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        let s = usd(n);
        let int = s.trim_start_matches("USD ");
        int[..int.len() - 3].to_owned()
    } else {
        format!("{n}").replace('.', ",")
    }
}

fn mes_anio(d: NaiveDate) -> String {
    format!("{} {}", crate::fechas::mes(d.month()), d.year())
}

fn md(text: &Option<String>) -> Option<Vec<Bloque>> {
    text.as_deref().map(cmark::parse).filter(|b| !b.is_empty())
}

fn horas(h: u32) -> String {
    if h == 1 {
        "1 hora".into()
    } else {
        format!("{h} horas")
    }
}

fn fraccion(periodo: &Periodo, d: NaiveDate) -> f64 {
    let total = (periodo.fin - periodo.inicio).num_days().max(1) as f64;
    ((d - periodo.inicio).num_days() as f64 / total).clamp(0.0, 1.0)
}

fn probabilidad(p: Probabilidad) -> (&'static str, u8) {
    match p {
        Probabilidad::Alta => ("Alta", 3),
        Probabilidad::Media => ("Media", 2),
        Probabilidad::Baja => ("Baja", 1),
    }
}

fn impacto(i: Impacto) -> (&'static str, u8) {
    match i {
        Impacto::Alto => ("Alto", 3),
        Impacto::Medio => ("Medio", 2),
        Impacto::Bajo => ("Bajo", 1),
    }
}

impl Document {
    /// Builds the document of `plan`. `fecha` is the date printed on it (see [`fecha_documento`]).
    pub fn new(plan: &Plan, r: &Referencia, fecha: NaiveDate) -> Document {
        let actor_nombre = |id: &str| {
            plan.actores
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.nombre.clone())
                .unwrap_or_else(|| id.to_owned())
        };
        let eje_de = |a: &Accion| {
            plan.objetivos
                .iter()
                .find(|o| o.id == a.objetivo)
                .map(|o| o.eje.clone())
                .unwrap_or_default()
        };
        let monto = |a: &Accion| a.presupuesto.as_ref().map_or(0.0, |p| p.monto);

        let acciones: Vec<AccionDoc> = plan
            .acciones
            .iter()
            .map(|a| {
                let eje = eje_de(a);
                let ind = &a.indicador;
                AccionDoc {
                    id: a.id.clone(),
                    objetivo: a.objetivo.clone(),
                    eje_nombre: r.ejes.nombre(&eje).to_owned(),
                    eje,
                    descripcion: a.descripcion.clone(),
                    riesgos: a.riesgos.clone(),
                    responsable: actor_nombre(&a.responsable),
                    corresponsables: a.corresponsables.iter().map(|c| actor_nombre(c)).collect(),
                    indicador: ind.nombre.clone(),
                    unidad: ind.unidad.clone().unwrap_or_default(),
                    linea_base: ind.linea_base.map(numero).unwrap_or_else(|| "—".into()),
                    meta: ind.meta.map(numero).unwrap_or_else(|| "—".into()),
                    medio_verificacion: ind.medio_verificacion.clone().unwrap_or_default(),
                    inicio: mes_anio(a.plazo.inicio),
                    fin: mes_anio(a.plazo.fin),
                    desde: fraccion(&plan.periodo, a.plazo.inicio),
                    hasta: fraccion(&plan.periodo, a.plazo.fin),
                    monto: monto(a),
                    monto_texto: a
                        .presupuesto
                        .as_ref()
                        .map_or_else(|| "—".into(), |p| usd(p.monto)),
                    fuente: a
                        .presupuesto
                        .as_ref()
                        .and_then(|p| p.fuente.clone())
                        .unwrap_or_default(),
                    notas: Vec::new(),
                }
            })
            .collect();

        let total: f64 = acciones.iter().map(|a| a.monto).sum();
        let share = |m: f64| if total > 0.0 { m / total } else { 0.0 };

        let ejes: Vec<EjeDoc> = r
            .ejes
            .valores
            .iter()
            .map(|e| {
                let del_eje: Vec<&AccionDoc> = acciones.iter().filter(|a| a.eje == e.id).collect();
                let m: f64 = del_eje.iter().map(|a| a.monto).sum();
                EjeDoc {
                    id: e.id.clone(),
                    nombre: e.nombre.clone(),
                    descripcion: e.descripcion.clone(),
                    objetivos: plan
                        .objetivos
                        .iter()
                        .filter(|o| o.eje == e.id)
                        .map(|o| ObjetivoDoc {
                            id: o.id.clone(),
                            descripcion: o.descripcion.clone(),
                            acciones: acciones
                                .iter()
                                .filter(|a| a.objetivo == o.id)
                                .map(|a| a.id.clone())
                                .collect(),
                            notas: Vec::new(),
                        })
                        .collect(),
                    num_acciones: del_eje.len(),
                    monto: m,
                    monto_texto: usd(m),
                    cubierto: !del_eje.is_empty(),
                }
            })
            .collect();

        let mut por_fuente: Vec<MontoDoc> = Vec::new();
        for a in &acciones {
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
                }),
            }
        }
        for f in &mut por_fuente {
            f.texto = usd(f.monto);
            f.fraccion = share(f.monto);
        }
        por_fuente.sort_by(|a, b| b.monto.total_cmp(&a.monto));

        let riesgos: Vec<RiesgoDoc> = plan
            .riesgos
            .iter()
            .map(|x| {
                let (p, pn) = probabilidad(x.probabilidad);
                let (i, inn) = impacto(x.impacto);
                RiesgoDoc {
                    id: x.id.clone(),
                    titulo: x.titulo.clone(),
                    fines: x
                        .fines
                        .iter()
                        .map(|f| r.fines_explotacion.nombre(f).to_owned())
                        .collect(),
                    poblaciones: x
                        .poblaciones
                        .iter()
                        .map(|p| r.poblaciones.nombre(p).to_owned())
                        .collect(),
                    zonas: x.zonas.clone(),
                    probabilidad: p,
                    impacto: i,
                    nivel: pn * inn,
                    descripcion: md(&x.descripcion),
                    acciones: plan
                        .acciones
                        .iter()
                        .filter(|a| a.riesgos.contains(&x.id))
                        .map(|a| a.id.clone())
                        .collect(),
                    notas: Vec::new(),
                }
            })
            .collect();
        let matriz_riesgos = [Probabilidad::Alta, Probabilidad::Media, Probabilidad::Baja]
            .into_iter()
            .map(|p| {
                [Impacto::Bajo, Impacto::Medio, Impacto::Alto]
                    .into_iter()
                    .map(|i| CeldaRiesgo {
                        probabilidad: probabilidad(p).0,
                        impacto: impacto(i).0,
                        nivel: probabilidad(p).1 * impacto(i).1,
                        riesgos: plan
                            .riesgos
                            .iter()
                            .filter(|x| x.probabilidad == p && x.impacto == i)
                            .map(|x| x.id.clone())
                            .collect(),
                    })
                    .collect()
            })
            .collect();

        let ruta: Vec<EtapaDoc> = r
            .etapas_ruta
            .valores
            .iter()
            .filter_map(|e| {
                let entrada = plan.ruta_atencion.iter().find(|x| x.etapa == e.id)?;
                let resp = entrada
                    .responsable
                    .as_deref()
                    .and_then(|id| plan.actores.iter().find(|a| a.id == id));
                let contacto = resp.and_then(|a| a.contacto.clone()).unwrap_or_default();
                Some(EtapaDoc {
                    id: e.id.clone(),
                    numero: 0,
                    nombre: e.nombre.clone(),
                    proposito: e.descripcion.clone(),
                    obligatoria: e.obligatoria,
                    responsable: resp.map(|a| a.nombre.clone()),
                    telefono: contacto.telefono,
                    correo: contacto.correo,
                    apoyo: entrada.apoyo.iter().map(|a| actor_nombre(a)).collect(),
                    plazo: entrada.plazo_horas.map(horas),
                    plazo_max: e.plazo_max_horas.map(horas),
                    descripcion: md(&entrada.descripcion),
                    notas: Vec::new(),
                })
            })
            .enumerate()
            .map(|(i, mut e)| {
                e.numero = i + 1;
                e
            })
            .collect();

        let actores = plan
            .actores
            .iter()
            .map(|a| {
                let contacto = a.contacto.clone().unwrap_or_default();
                ActorDoc {
                    id: a.id.clone(),
                    nombre: a.nombre.clone(),
                    tipo: r.tipos_actor.nombre(&a.tipo).to_owned(),
                    institucion: a
                        .institucion
                        .as_deref()
                        .and_then(|i| r.instituciones.get(i))
                        .map(|i| i.nombre.clone()),
                    rol: md(&a.rol),
                    telefono: contacto.telefono,
                    correo: contacto.correo,
                    direccion: contacto.direccion,
                    lidera: plan
                        .acciones
                        .iter()
                        .filter(|x| x.responsable == a.id)
                        .map(|x| x.id.clone())
                        .collect(),
                    acompana: plan
                        .acciones
                        .iter()
                        .filter(|x| x.corresponsables.contains(&a.id))
                        .map(|x| x.id.clone())
                        .collect(),
                    etapas: ruta
                        .iter()
                        .filter(|d| {
                            plan.ruta_atencion.iter().any(|x| {
                                x.etapa == d.id
                                    && (x.responsable.as_deref() == Some(a.id.as_str())
                                        || x.apoyo.contains(&a.id))
                            })
                        })
                        .map(|d| d.nombre.clone())
                        .collect(),
                    notas: Vec::new(),
                }
            })
            .collect();

        let anios = (plan.periodo.inicio.year()..=plan.periodo.fin.year())
            .map(|y| {
                let desde = NaiveDate::from_ymd_opt(y, 1, 1)
                    .unwrap_or(plan.periodo.inicio)
                    .max(plan.periodo.inicio);
                let hasta = NaiveDate::from_ymd_opt(y, 12, 31)
                    .unwrap_or(plan.periodo.fin)
                    .min(plan.periodo.fin);
                AnioDoc {
                    anio: y,
                    desde: fraccion(&plan.periodo, desde),
                    hasta: fraccion(&plan.periodo, hasta),
                }
            })
            .collect();

        let casos: Vec<CasoDoc> = plan
            .diagnostico
            .iter()
            .flat_map(|d| &d.casos)
            .map(|c| CasoDoc {
                anio: c.anio,
                casos: c.casos,
                fuente: c.fuente.clone(),
            })
            .collect();

        Document {
            canton: CantonDoc {
                codigo: plan.canton.codigo.clone(),
                nombre: plan.canton.nombre.clone(),
                provincia: plan.canton.provincia.clone(),
            },
            periodo: PeriodoDoc {
                anios: format!("{}-{}", plan.periodo.inicio.year(), plan.periodo.fin.year()),
                inicio: larga(plan.periodo.inicio),
                fin: larga(plan.periodo.fin),
            },
            estado: match plan.estado {
                Estado::Borrador => "borrador",
                Estado::EnRevision => "en_revision",
                Estado::Aprobado => "aprobado",
            },
            estado_texto: match plan.estado {
                Estado::Borrador => "Borrador",
                Estado::EnRevision => "En revisión",
                Estado::Aprobado => "Aprobado",
            },
            marca_borrador: plan.estado != Estado::Aprobado,
            aprobacion: plan.aprobacion.as_ref().map(|a| AprobacionDoc {
                instrumento: match a.instrumento {
                    Instrumento::Ordenanza => "Ordenanza",
                    Instrumento::Resolucion => "Resolución",
                },
                numero: a.numero.clone(),
                fecha: larga(a.fecha),
                organo: a.organo.clone(),
            }),
            elaboracion: plan.elaboracion.as_ref().map(|e| ElaboracionDoc {
                fecha: larga(e.fecha),
                equipo: e
                    .equipo
                    .iter()
                    .map(|i| {
                        [
                            i.nombre.clone(),
                            i.cargo.clone().unwrap_or_default(),
                            i.institucion.clone().unwrap_or_default(),
                        ]
                    })
                    .collect(),
            }),
            fecha_documento: larga(fecha),
            referencia: ReferenciaDoc {
                nombre: r.nombre.clone(),
                nombre_corto: r.nombre_corto.clone(),
                enfoques: r
                    .enfoques
                    .valores
                    .iter()
                    .map(|e| e.nombre.clone())
                    .collect(),
            },
            presentacion: md(&plan.presentacion),
            marco_normativo: r
                .fuentes
                .iter()
                .map(|f| Norma {
                    titulo: f.titulo.clone(),
                    nota: [f.autor.clone(), f.fecha.clone(), f.nota.clone()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" · "),
                })
                .collect(),
            diagnostico: DiagnosticoDoc {
                contexto: plan.diagnostico.as_ref().and_then(|d| md(&d.contexto)),
                max_casos: casos.iter().map(|c| c.casos).max().unwrap_or(0),
                casos,
            },
            riesgos,
            matriz_riesgos,
            actores,
            objetivo_general: md(&plan.objetivo_general),
            presupuesto: PresupuestoDoc {
                total,
                total_texto: usd(total),
                por_eje: ejes
                    .iter()
                    .map(|e| MontoDoc {
                        nombre: e.nombre.clone(),
                        monto: e.monto,
                        texto: e.monto_texto.clone(),
                        fraccion: share(e.monto),
                    })
                    .collect(),
                por_fuente,
            },
            ejes,
            acciones,
            anios,
            ruta,
            seguimiento: SeguimientoDoc {
                responsable: actor_nombre(&plan.seguimiento.responsable),
                frecuencia: match plan.seguimiento.frecuencia {
                    Frecuencia::Mensual => "Mensual",
                    Frecuencia::Trimestral => "Trimestral",
                    Frecuencia::Semestral => "Semestral",
                    Frecuencia::Anual => "Anual",
                },
                descripcion: md(&plan.seguimiento.descripcion),
            },
            glosario: glosario(r),
            siglas: siglas(plan, r),
            revision: None,
        }
    }
}

/// The date printed on the document: `SOURCE_DATE_EPOCH` when set (reproducible builds), else
/// the plan's own most recent date (approval, drafting, or start of the period), never the clock.
pub fn fecha_documento(plan: &Plan) -> NaiveDate {
    crate::fechas::source_date_epoch().unwrap_or_else(|| {
        plan.aprobacion
            .as_ref()
            .map(|a| a.fecha)
            .or(plan.elaboracion.as_ref().map(|e| e.fecha))
            .unwrap_or(plan.periodo.inicio)
    })
}

fn glosario(r: &Referencia) -> Vec<Termino> {
    let mut out = vec![
        Termino {
            termino: "Trata de personas".into(),
            definicion: "Captación, transporte, traslado, entrega, acogida o recepción de personas con fines de explotación (COIP, art. 91).".into(),
        },
        Termino {
            termino: "Ruta de atención".into(),
            definicion: "Secuencia de etapas y responsables que sigue una víctima desde su identificación hasta su reintegración y seguimiento.".into(),
        },
        Termino {
            termino: "Revictimización".into(),
            definicion: "Nuevo daño que sufre una víctima por la actuación de las instituciones, por ejemplo al repetir entrevistas.".into(),
        },
        Termino {
            termino: "Línea base".into(),
            definicion: "Valor de un indicador al inicio del plan, contra el cual se mide el avance.".into(),
        },
    ];
    out.extend(r.fines_explotacion.valores.iter().map(|f| Termino {
        termino: f.nombre.clone(),
        definicion: f.descripcion.clone().unwrap_or_default(),
    }));
    out
}

fn siglas(plan: &Plan, r: &Referencia) -> Vec<Sigla> {
    let mut out: Vec<Sigla> = [
        ("CCPD", "Consejo Cantonal de Protección de Derechos"),
        ("COIP", "Código Orgánico Integral Penal"),
        ("COOTAD", "Código Orgánico de Organización Territorial, Autonomía y Descentralización"),
        ("DPA", "División Político-Administrativa"),
        ("GAD", "Gobierno Autónomo Descentralizado"),
        ("INEC", "Instituto Nacional de Estadística y Censos"),
        ("JCPD", "Junta Cantonal de Protección de Derechos"),
        ("SPAVT", "Sistema de Protección y Asistencia a Víctimas, Testigos y otros participantes en el proceso penal"),
    ]
    .into_iter()
    .map(|(s, n)| Sigla {
        siglas: s.into(),
        significado: n.into(),
    })
    .collect();
    out.push(Sigla {
        siglas: "PACTA".into(),
        significado: r.nombre.clone(),
    });
    for inst in &r.instituciones.valores {
        let used = plan
            .actores
            .iter()
            .any(|a| a.institucion.as_deref() == Some(inst.id.as_str()));
        if used && !out.iter().any(|s| s.siglas == inst.siglas) {
            out.push(Sigla {
                siglas: inst.siglas.clone(),
                significado: inst.nombre.clone(),
            });
        }
    }
    out.sort_by(|a, b| a.siglas.cmp(&b.siglas));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_amounts_and_numbers() {
        assert_eq!(usd(4500.0), "USD 4.500,00");
        assert_eq!(usd(1234567.891), "USD 1.234.567,89");
        assert_eq!(usd(0.5), "USD 0,50");
        assert_eq!(numero(1200.0), "1.200");
        assert_eq!(numero(2.5), "2,5");
    }
}
