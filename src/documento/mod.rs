//! The printable plan as data: everything a template needs, computed once from a valid plan and
//! its national reference, chapter by chapter.
//!
//! References are resolved (an action's responsible actor by name, each action's axis through its
//! objective), totals and coverage are computed, dates and amounts are written the Spanish way
//! ([`crate::espanol`]), and Markdown fields become [`cmark`] trees. Every output format (the
//! Typst PDF, HTML, Markdown, JSON; see `render/`) reads this one structure, and so do the
//! consolidated report and the comparison of drafts, so none of them can disagree about a plan.
//!
//! One file per chapter builds its part: [`portada`] (cover data), [`marco`] (legal framework,
//! glossary, acronyms), [`diagnostico`] (diagnosis and risks), [`actores`], [`estrategia`] (axes,
//! objectives, actions, schedule), [`ruta_atencion`], [`trafico`] (the smuggling of migrants),
//! [`presupuesto`], [`seguimiento`], and
//! [`revision`] (an adviser's observations laid into a review copy). [`informe`] holds the data of
//! the consolidated report, and [`avance`] the progress report of a plan at a cut of its
//! monitoring file, which the same renderers print.

use chrono::NaiveDate;
use serde::Serialize;

use crate::plan::model::Plan;
use crate::reference::nacional::Referencia;

pub mod actores;
pub mod avance;
pub mod cmark;
pub mod diagnostico;
pub mod estrategia;
pub mod informe;
pub mod marco;
pub mod portada;
pub mod presupuesto;
pub mod revision;
pub mod ruta_atencion;
pub mod seguimiento;
pub mod trafico;

use actores::ActorDoc;
use cmark::Bloque;
use diagnostico::{CeldaRiesgo, DiagnosticoDoc, RiesgoDoc};
use estrategia::{AccionDoc, AnioDoc, EjeDoc, PdotDoc};
use marco::{
    BaseLegalDoc, FuenteDoc, MarcoConceptualDoc, MarcoNormativoDoc, PrincipiosDoc, ReferenciaDoc,
    Sigla, Termino,
};
use portada::{
    AprobacionDoc, CantonDoc, CertificadoDoc, ElaboracionDoc, EscudoDoc, FirmaDoc, PeriodoDoc,
};
use presupuesto::{FinanciamientoDoc, PresupuestoDoc};
use revision::RevisionDoc;
use ruta_atencion::EtapaDoc;
use seguimiento::SeguimientoDoc;
use trafico::TraficoDoc;

/// The document.
#[derive(Debug, Clone, Serialize)]
pub struct Documento {
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
    /// Whether to print the EJEMPLO mark on every page (an illustrative plan).
    pub marca_ejemplo: bool,
    /// The canton's crest, when the plan names one that can be printed.
    pub escudo: Option<EscudoDoc>,
    /// Approval.
    pub aprobacion: Option<AprobacionDoc>,
    /// The act of approval in a sentence, or that the plan is presented for approval.
    pub acto: String,
    /// The legal basis of the approval: norms only.
    pub base_legal: BaseLegalDoc,
    /// The signature block of the approval.
    pub firmas: Vec<FirmaDoc>,
    /// An ordinance's certificates: two debates, sanction, publication.
    pub certificados: Vec<CertificadoDoc>,
    /// Drafting.
    pub elaboracion: Option<ElaboracionDoc>,
    /// Date printed on the document.
    pub fecha_documento: String,
    /// The same date, for the file's metadata.
    #[serde(skip)]
    pub fecha: NaiveDate,
    /// National reference.
    pub referencia: ReferenciaDoc,
    /// Presentation.
    pub presentacion: Option<Vec<Bloque>>,
    /// Introduction.
    pub introduccion: Option<Vec<Bloque>>,
    /// Guiding principles.
    pub principios: Option<PrincipiosDoc>,
    /// Conceptual framework.
    pub marco_conceptual: MarcoConceptualDoc,
    /// Legal framework.
    pub marco_normativo: MarcoNormativoDoc,
    /// Annex: what the national reference rests on.
    pub fuentes: Vec<FuenteDoc>,
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
    /// Alignment with the canton's development plan.
    pub pdot: Option<PdotDoc>,
    /// Referral route of attention to victims, in national stage order. Written as `ruta` in the
    /// JSON output (its key since the first version of that format).
    #[serde(rename = "ruta")]
    pub ruta_atencion: Vec<EtapaDoc>,
    /// The smuggling of migrants: legal basis, risks, actions and route.
    pub trafico: TraficoDoc,
    /// Budget.
    pub presupuesto: PresupuestoDoc,
    /// Financing per year and per source.
    pub financiamiento: FinanciamientoDoc,
    /// Monitoring.
    pub seguimiento: SeguimientoDoc,
    /// Glossary.
    pub glosario: Vec<Termino>,
    /// Acronyms.
    pub siglas: Vec<Sigla>,
    /// Review observations, in a review copy (`generar --observaciones`).
    pub revision: Option<RevisionDoc>,
}

impl Documento {
    /// Builds the document of `plan`. `fecha` is the date printed on it (see [`fecha_documento`]).
    pub fn new(plan: &Plan, r: &Referencia, fecha: NaiveDate) -> Documento {
        let acciones = estrategia::acciones(plan, r);
        let ejes = estrategia::ejes(plan, r, &acciones);
        let ruta_atencion = ruta_atencion::etapas(plan, r);
        let diagnostico = diagnostico::diagnostico(plan);
        let concejo = portada::concejo_de(plan);
        let mut documento = Documento {
            canton: portada::canton(plan),
            periodo: portada::periodo(plan),
            estado: portada::estado(plan.estado).0,
            estado_texto: portada::estado(plan.estado).1,
            marca_borrador: portada::marca_borrador(plan),
            marca_ejemplo: plan.ejemplo,
            escudo: None,
            aprobacion: portada::aprobacion(plan),
            acto: portada::acto(plan),
            base_legal: marco::base_legal(r, concejo.generico),
            firmas: portada::firmas(plan),
            certificados: portada::certificados(plan),
            elaboracion: portada::elaboracion(plan),
            fecha_documento: crate::espanol::fecha_larga(fecha),
            fecha,
            referencia: marco::referencia(r),
            presentacion: md(&plan.presentacion),
            introduccion: md(&plan.introduccion),
            principios: marco::principios(r),
            marco_conceptual: marco::marco_conceptual(plan, r),
            marco_normativo: marco::marco_normativo(r),
            fuentes: marco::fuentes(r),
            diagnostico,
            riesgos: diagnostico::riesgos(plan, r),
            matriz_riesgos: diagnostico::matriz(plan),
            actores: actores::actores(plan, r, &ruta_atencion),
            objetivo_general: md(&plan.objetivo_general),
            presupuesto: presupuesto::presupuesto(&acciones, &ejes),
            ejes,
            acciones,
            anios: estrategia::anios(&plan.periodo),
            pdot: estrategia::pdot(plan),
            financiamiento: presupuesto::financiamiento(plan),
            ruta_atencion,
            trafico: trafico::trafico(plan, r),
            seguimiento: seguimiento::seguimiento(plan),
            glosario: marco::glosario(r),
            siglas: Vec::new(),
            revision: None,
        };
        // The acronyms are those the printed text uses: the document's text, and the words the
        // templates add around it.
        let texto = serde_json::to_string(&documento).unwrap_or_default();
        documento.siglas = marco::siglas(plan, r, &format!("{texto} {TEXTO_PLANTILLAS}"));
        documento
    }

    /// The title of the document, as its files name it in their properties ("Plan cantonal
    /// contra la trata de personas — Ibarra 2026-2028"; the PDF's template writes the same).
    pub fn titulo(&self) -> String {
        format!(
            "Plan cantonal contra la trata de personas — {} {}",
            self.canton.nombre, self.periodo.anios
        )
    }

    /// Its author, as its files name it in their properties: the canton's municipal government.
    pub fn autor(&self) -> String {
        format!("GAD Municipal de {}", self.canton.nombre)
    }

    /// The alternative text of the canton's crest, for screen readers.
    pub fn texto_escudo(&self) -> String {
        format!("Escudo del cantón {}", self.canton.nombre)
    }

    /// The document with the canton's crest on its cover and header.
    pub fn con_escudo(mut self, escudo: EscudoDoc) -> Documento {
        self.escudo = Some(escudo);
        self
    }
}

/// Acronyms the templates print around the plan's data (the cover's "código DPA", the author
/// "GAD Municipal"), for the table of acronyms.
const TEXTO_PLANTILLAS: &str = "DPA GAD";

/// A Markdown field as a tree; `None` when absent or empty.
fn md(text: &Option<String>) -> Option<Vec<Bloque>> {
    text.as_deref().map(cmark::parse).filter(|b| !b.is_empty())
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
