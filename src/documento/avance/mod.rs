//! The progress report of a plan at a cut of its monitoring file (`cantonal generar PLAN
//! --seguimiento ARCHIVO`), as data: everything a template needs, computed once from the plan,
//! its national reference and its monitoring file, chapter by chapter, like the plan's own
//! document ([`super::Documento`]) and from the same parts of it (the cover data, each action's
//! axis, responsible and budget).
//!
//! Each action's figures (its progress, whether it is on time, what it executed) come from
//! [`crate::plan::seguimiento::calculo`], the one computation that the M rules and the
//! consolidated report use too. One file per chapter builds its part: [`acciones`] (each
//! action, what is late and why, the evidence), [`resumen`] (the traffic lights), [`ejecucion`]
//! (budget executed by axis, source and year), [`rendicion`] (the block of the CPCCS
//! accountability form) and [`ruta`] (the route's aggregate counts and the cuts).

use chrono::NaiveDate;
use serde::Serialize;

use super::portada::{self, AprobacionDoc, CantonDoc, EscudoDoc, PeriodoDoc};
use crate::espanol::fecha_larga;
use crate::plan::model::Plan;
use crate::plan::seguimiento::Registro;
use crate::reference::nacional::Referencia;

pub mod acciones;
pub mod ejecucion;
pub mod rendicion;
pub mod resumen;
pub mod ruta;

use acciones::{AccionAvance, AtrasadaDoc, EvidenciasDoc};
use ejecucion::EjecucionDoc;
use rendicion::RendicionDoc;
use resumen::ResumenDoc;
use ruta::{CorteDoc, RutaDoc};

/// The title of every progress report.
pub const TITULO: &str = "Informe de avance del plan cantonal contra la trata de personas";

/// The progress report.
#[derive(Debug, Clone, Serialize)]
pub struct Avance {
    /// Canton.
    pub canton: CantonDoc,
    /// The plan's period.
    pub periodo: PeriodoDoc,
    /// The plan's state, for a reader: «Aprobado».
    pub estado_plan: &'static str,
    /// The plan's approval.
    pub aprobacion: Option<AprobacionDoc>,
    /// Whether to print the BORRADOR mark: the plan followed is not approved.
    pub marca_borrador: bool,
    /// Whether to print the EJEMPLO mark: the plan or its monitoring file is illustrative.
    pub marca_ejemplo: bool,
    /// The canton's crest, when the plan names one that can be printed.
    pub escudo: Option<EscudoDoc>,
    /// The national reference's short name.
    pub referencia: String,
    /// The cut the report is about: the latest of the file.
    pub corte: CorteDoc,
    /// Every cut up to it, in date order.
    pub cortes: Vec<CorteDoc>,
    /// Date printed on the report, in words.
    pub fecha_documento: String,
    /// The same date, for the file's metadata.
    #[serde(skip)]
    pub fecha: NaiveDate,
    /// Traffic lights.
    pub resumen: ResumenDoc,
    /// Each action of the plan.
    pub acciones: Vec<AccionAvance>,
    /// Budget execution.
    pub ejecucion: EjecucionDoc,
    /// The late actions and why.
    pub atrasadas: Vec<AtrasadaDoc>,
    /// The evidence, action by action.
    pub evidencias: Vec<EvidenciasDoc>,
    /// The block of the CPCCS accountability form.
    pub rendicion: RendicionDoc,
    /// The referral route's aggregate counts.
    pub ruta: RutaDoc,
}

impl Avance {
    /// The progress report of `plan` (under its national reference `r`) at the latest cut of
    /// `registro`, dated `fecha`; `None` when the file has no cut.
    pub fn new(
        plan: &Plan,
        r: &Referencia,
        registro: &Registro,
        fecha: NaiveDate,
    ) -> Option<Avance> {
        let corte = registro.ultimo()?;
        let acciones = acciones::acciones(plan, r, registro, corte);
        let ejes = super::estrategia::ejes(plan, r, &super::estrategia::acciones(plan, r));
        Some(Avance {
            canton: portada::canton(plan),
            periodo: portada::periodo(plan),
            estado_plan: portada::estado(plan.estado).1,
            aprobacion: portada::aprobacion(plan),
            marca_borrador: portada::marca_borrador(plan),
            marca_ejemplo: plan.ejemplo || registro.ejemplo,
            escudo: None,
            referencia: r.nombre_corto.clone(),
            corte: ruta::corte(plan, corte),
            cortes: registro
                .cronologico()
                .into_iter()
                .map(|c| ruta::corte(plan, c))
                .collect(),
            fecha_documento: fecha_larga(fecha),
            fecha,
            resumen: resumen::resumen(&ejes, &acciones),
            ejecucion: ejecucion::ejecucion(plan, registro, corte, &ejes, &acciones),
            atrasadas: acciones::atrasadas(&acciones),
            evidencias: acciones::evidencias(plan, registro, corte),
            rendicion: rendicion::rendicion(plan, r, &acciones),
            ruta: ruta::ruta(registro),
            acciones,
        })
    }

    /// The title of the report as its files name it in their properties.
    pub fn titulo(&self) -> String {
        format!(
            "{TITULO} — {} {} · corte al {}",
            self.canton.nombre, self.periodo.anios, self.corte.fecha_texto
        )
    }

    /// Its author: the canton's municipal government.
    pub fn autor(&self) -> String {
        format!("GAD Municipal de {}", self.canton.nombre)
    }

    /// The report with the canton's crest on its cover and header.
    pub fn con_escudo(mut self, escudo: EscudoDoc) -> Avance {
        self.escudo = Some(escudo);
        self
    }
}

/// The date printed on a progress report: `SOURCE_DATE_EPOCH` when set (reproducible builds),
/// else the date of its cut, never the clock.
pub fn fecha(registro: &Registro) -> NaiveDate {
    crate::fechas::source_date_epoch()
        .or_else(|| registro.ultimo().map(|c| c.fecha_corte))
        .unwrap_or_default()
}
