//! The national frame of the plan: its reference, the legal framework, the glossary and the
//! acronyms.

use serde::Serialize;

use crate::plan::model::Plan;
use crate::reference::nacional::Referencia;

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

pub(super) fn referencia(r: &Referencia) -> ReferenciaDoc {
    ReferenciaDoc {
        nombre: r.nombre.clone(),
        nombre_corto: r.nombre_corto.clone(),
        enfoques: r
            .enfoques
            .valores
            .iter()
            .map(|e| e.nombre.clone())
            .collect(),
    }
}

pub(super) fn marco_normativo(r: &Referencia) -> Vec<Norma> {
    r.fuentes
        .iter()
        .map(|f| Norma {
            titulo: f.titulo.clone(),
            nota: [f.autor.clone(), f.fecha.clone(), f.nota.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
        })
        .collect()
}

pub(super) fn glosario(r: &Referencia) -> Vec<Termino> {
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

pub(super) fn siglas(plan: &Plan, r: &Referencia) -> Vec<Sigla> {
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
