//! Cover data: canton, period, state, approval and drafting, as printed on the cover and in the
//! presentation.

use chrono::Datelike;
use serde::Serialize;

use crate::espanol::fecha_larga;
use crate::plan::model::{Estado, Instrumento, Plan};
use crate::reference::dpa::{Concejo, concejo};

/// Canton.
#[derive(Debug, Clone, Serialize)]
pub struct CantonDoc {
    /// DPA code.
    pub codigo: String,
    /// Name.
    pub nombre: String,
    /// Official name, when it differs from the name ("San Miguel de Ibarra").
    pub nombre_oficial: Option<String>,
    /// Province.
    pub provincia: String,
}

/// The crest, as the templates place it.
#[derive(Debug, Clone, Serialize)]
pub struct EscudoDoc {
    /// The virtual file the Typst template reads (`/escudo.png`): the only file it can read
    /// besides its own data.
    pub archivo: String,
    /// Media type.
    pub tipo: &'static str,
    /// The image as a `data:` address, for the self-contained HTML.
    pub data_uri: String,
    /// The file's bytes, served to Typst at [`EscudoDoc::archivo`].
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

impl EscudoDoc {
    /// The document form of a crest read by [`crate::plan::escudo::leer`].
    pub fn new(escudo: crate::plan::escudo::Escudo) -> EscudoDoc {
        use base64::Engine;
        EscudoDoc {
            archivo: format!("/escudo.{}", escudo.extension),
            tipo: escudo.tipo,
            data_uri: format!(
                "data:{};base64,{}",
                escudo.tipo,
                base64::engine::general_purpose::STANDARD.encode(&escudo.bytes)
            ),
            bytes: escudo.bytes,
        }
    }
}

/// A line of the signature block.
#[derive(Debug, Clone, Serialize)]
pub struct FirmaDoc {
    /// Name; empty when the plan gives none (a line to sign and write the name).
    pub nombre: String,
    /// Role.
    pub cargo: String,
}

/// A certificate of the process of an ordinance (its two debates, its sanction, its
/// publication), with a line for whoever signs it.
#[derive(Debug, Clone, Serialize)]
pub struct CertificadoDoc {
    /// "Certificado de discusión", "Sanción", "Publicación".
    pub titulo: String,
    /// What it certifies, with blanks ("____") for what the plan does not give.
    pub texto: String,
    /// Who signs it; `None` when nobody signs (the publication).
    pub firma: Option<FirmaDoc>,
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

pub(super) fn canton(plan: &Plan) -> CantonDoc {
    CantonDoc {
        codigo: plan.canton.codigo.clone(),
        nombre: plan.canton.nombre.clone(),
        nombre_oficial: plan
            .canton
            .nombre_oficial
            .clone()
            .filter(|o| o.trim() != plan.canton.nombre.trim() && !o.trim().is_empty()),
        provincia: plan.canton.provincia.clone(),
    }
}

/// The canton's Concejo (Concejo Metropolitano in a metropolitan district).
pub(super) fn concejo_de(plan: &Plan) -> Concejo {
    concejo(&plan.canton.codigo, &plan.canton.nombre)
}

/// The signature block of the approval: the signatories the plan names, or, without them, the
/// roles that usually sign, with blank lines (no name is ever made up). The mayor presides the
/// Consejo Cantonal de Protección de Derechos and signs once.
pub(super) fn firmas(plan: &Plan) -> Vec<FirmaDoc> {
    match &plan.aprobacion {
        Some(a) if !a.firmantes.is_empty() => a
            .firmantes
            .iter()
            .map(|f| FirmaDoc {
                nombre: f.nombre.clone(),
                cargo: f.cargo.clone(),
            })
            .collect(),
        _ => {
            let c = concejo_de(plan);
            [c.alcaldia, c.secretaria]
                .into_iter()
                .map(|cargo| FirmaDoc {
                    nombre: String::new(),
                    cargo,
                })
                .collect()
        }
    }
}

/// Who signs as the role that starts like `inicio` ("Secretar", "Alcald"): the signatory the plan
/// names, or a blank line with the usual role `cargo`.
fn firmante(plan: &Plan, inicio: &str, cargo: &str) -> FirmaDoc {
    plan.aprobacion
        .iter()
        .flat_map(|a| &a.firmantes)
        .find(|f| f.cargo.trim_start().starts_with(inicio))
        .map(|f| FirmaDoc {
            nombre: f.nombre.clone(),
            cargo: f.cargo.clone(),
        })
        .unwrap_or_else(|| FirmaDoc {
            nombre: String::new(),
            cargo: cargo.to_owned(),
        })
}

/// The sentence of the act of approval, or that the plan is presented for approval.
pub(super) fn acto(plan: &Plan) -> String {
    let c = concejo_de(plan);
    match &plan.aprobacion {
        Some(a) => {
            let instrumento = match a.instrumento {
                Instrumento::Ordenanza => c.ordenanza,
                Instrumento::Resolucion => "resolución",
            };
            format!(
                "El {} aprobó este plan mediante {instrumento} N.º {}, el {}.",
                a.organo.trim(),
                a.numero.trim(),
                fecha_larga(a.fecha)
            )
        }
        None => format!(
            "Este plan se presenta para su aprobación por el {}.",
            c.nombre
        ),
    }
}

/// An ordinance's certificates: its discussion in two debates, its sanction and its publication,
/// with blanks for the dates the plan does not give. None for a resolution or a draft.
pub(super) fn certificados(plan: &Plan) -> Vec<CertificadoDoc> {
    let Some(a) = plan
        .aprobacion
        .as_ref()
        .filter(|a| a.instrumento == Instrumento::Ordenanza)
    else {
        return Vec::new();
    };
    let c = concejo_de(plan);
    let blanco = "____________".to_owned();
    let fecha = |d: Option<chrono::NaiveDate>| d.map(fecha_larga).unwrap_or_else(|| blanco.clone());
    vec![
        CertificadoDoc {
            titulo: "Certificado de discusión".into(),
            texto: format!(
                "Certifico que la {} N.º {} fue discutida y aprobada por el {} en dos debates, en sesiones del {} y del {}.",
                c.ordenanza,
                a.numero.trim(),
                a.organo.trim(),
                fecha(a.primer_debate),
                fecha_larga(a.fecha)
            ),
            firma: Some(firmante(plan, "Secretar", &c.secretaria)),
        },
        CertificadoDoc {
            titulo: "Sanción".into(),
            texto: format!(
                "Sanciono la {} N.º {} el {} y dispongo su promulgación y publicación.",
                c.ordenanza,
                a.numero.trim(),
                fecha(a.sancion)
            ),
            firma: Some(firmante(plan, "Alcald", &c.alcaldia)),
        },
        CertificadoDoc {
            titulo: "Publicación".into(),
            texto: format!(
                "Publicada en {}.",
                a.publicacion
                    .as_deref()
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_owned)
                    .unwrap_or_else(|| format!(
                        "{blanco} (gaceta oficial, dominio web del GAD o Registro Oficial)"
                    ))
            ),
            firma: None,
        },
    ]
}

pub(super) fn periodo(plan: &Plan) -> PeriodoDoc {
    PeriodoDoc {
        anios: format!("{}-{}", plan.periodo.inicio.year(), plan.periodo.fin.year()),
        inicio: fecha_larga(plan.periodo.inicio),
        fin: fecha_larga(plan.periodo.fin),
    }
}

/// The state's key and its name for a reader.
pub fn estado(e: Estado) -> (&'static str, &'static str) {
    match e {
        Estado::Borrador => ("borrador", "Borrador"),
        Estado::EnRevision => ("en_revision", "En revisión"),
        Estado::Aprobado => ("aprobado", "Aprobado"),
    }
}

pub(super) fn marca_borrador(plan: &Plan) -> bool {
    plan.estado != Estado::Aprobado
}

pub(super) fn aprobacion(plan: &Plan) -> Option<AprobacionDoc> {
    plan.aprobacion.as_ref().map(|a| AprobacionDoc {
        instrumento: match a.instrumento {
            Instrumento::Ordenanza if concejo_de(plan).metropolitano => "Ordenanza metropolitana",
            Instrumento::Ordenanza => "Ordenanza",
            Instrumento::Resolucion => "Resolución",
        },
        numero: a.numero.clone(),
        fecha: fecha_larga(a.fecha),
        organo: a.organo.clone(),
    })
}

pub(super) fn elaboracion(plan: &Plan) -> Option<ElaboracionDoc> {
    plan.elaboracion.as_ref().map(|e| ElaboracionDoc {
        fecha: fecha_larga(e.fecha),
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
    })
}
