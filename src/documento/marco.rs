//! The national frame of the plan: its reference, the legal framework, the glossary and the
//! acronyms.

use serde::Serialize;

use crate::plan::model::Plan;
use crate::reference::nacional::{Referencia, TerminoGlosario};

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

/// A law or instrument of the legal framework, as the body of the plan cites it: title, author
/// and date, never the reference's internal caveats.
#[derive(Debug, Clone, Serialize)]
pub struct Norma {
    /// Title.
    pub titulo: String,
    /// Author and date: "Ministerio de Gobierno y OIM · noviembre de 2019".
    pub detalle: String,
}

/// A source of the "Fuentes" annex: what each statement of the national reference rests on.
#[derive(Debug, Clone, Serialize)]
pub struct FuenteDoc {
    /// Title.
    pub titulo: String,
    /// Author and date.
    pub detalle: String,
    /// What of the national reference rests on it: "ejes del plan nacional", "etapas de la ruta".
    pub sustenta: String,
}

/// The conceptual framework: what trafficking is, and each form of exploitation that the plan's
/// risks name.
#[derive(Debug, Clone, Serialize)]
pub struct MarcoConceptualDoc {
    /// Definition of trafficking.
    pub trata: String,
    /// The forms of exploitation named in the plan's risks, with their definition.
    pub fines: Vec<Termino>,
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

fn detalle(f: &crate::reference::nacional::Fuente) -> String {
    [f.autor.clone(), f.fecha.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

pub(super) fn marco_normativo(r: &Referencia) -> Vec<Norma> {
    r.fuentes
        .iter()
        .map(|f| Norma {
            titulo: f.titulo.clone(),
            detalle: detalle(f),
        })
        .collect()
}

/// Every source of the reference with what of it rests on the source.
pub(super) fn fuentes(r: &Referencia) -> Vec<FuenteDoc> {
    let citas: Vec<(&str, &[String])> = vec![
        ("los ejes del plan nacional", &r.ejes.fuentes),
        ("los enfoques", &r.enfoques.fuentes),
        ("los fines de explotación", &r.fines_explotacion.fuentes),
        ("las poblaciones", &r.poblaciones.fuentes),
        ("los tipos de actor", &r.tipos_actor.fuentes),
        (
            "los organismos cantonales requeridos",
            &r.actores_cantonales_requeridos.fuentes,
        ),
        ("las etapas de la ruta de atención", &r.etapas_ruta.fuentes),
        ("las instituciones nacionales", &r.instituciones.fuentes),
    ];
    let mut por_elemento: Vec<(String, &[String])> = citas
        .into_iter()
        .map(|(que, f)| (que.to_owned(), f))
        .collect();
    por_elemento.extend(
        r.ejes
            .valores
            .iter()
            .map(|e| (format!("el eje «{}»", e.nombre), e.fuentes.as_slice())),
    );
    por_elemento.extend(
        r.etapas_ruta
            .valores
            .iter()
            .map(|e| (format!("la etapa «{}»", e.nombre), e.fuentes.as_slice())),
    );
    r.fuentes
        .iter()
        .map(|f| {
            let sustenta: Vec<String> = por_elemento
                .iter()
                .filter(|(_, ids)| ids.contains(&f.id))
                .map(|(que, _)| que.clone())
                .collect();
            FuenteDoc {
                titulo: f.titulo.clone(),
                detalle: detalle(f),
                sustenta: sustenta.join("; "),
            }
        })
        .collect()
}

/// Trafficking and the forms of exploitation named by the plan's risks, in the reference's order.
pub(super) fn marco_conceptual(plan: &Plan, r: &Referencia) -> MarcoConceptualDoc {
    let nombrados: Vec<&str> = plan
        .riesgos
        .iter()
        .flat_map(|x| x.fines.iter().map(String::as_str))
        .collect();
    let del_glosario = |termino: &str| {
        r.glosario
            .iter()
            .find(|t| t.termino.eq_ignore_ascii_case(termino))
            .map(|t| definicion(r, t))
    };
    MarcoConceptualDoc {
        trata: del_glosario("Trata de personas").unwrap_or_default(),
        fines: r
            .fines_explotacion
            .valores
            .iter()
            .filter(|f| nombrados.contains(&f.id.as_str()))
            .map(|f| Termino {
                termino: f.nombre.clone(),
                definicion: del_glosario(&f.nombre)
                    .or_else(|| f.descripcion.clone())
                    .unwrap_or_default(),
            })
            .collect(),
    }
}

/// A glossary definition as printed: a literal quote between « » with its source ("COIP,
/// art. 91"), or the reference's own wording, marked as a paraphrase when it rests on a source.
fn definicion(r: &Referencia, t: &TerminoGlosario) -> String {
    let fuente = t
        .fuente
        .as_deref()
        .and_then(|id| r.fuentes.iter().find(|f| f.id == id));
    let cita = fuente.map(|f| {
        // The acronym the title gives in parentheses ("(COIP)"), else the title.
        let corto = f
            .titulo
            .split_once('(')
            .and_then(|(_, resto)| resto.split_once(')'))
            .map(|(s, _)| s.to_owned())
            .filter(|s| s.chars().any(char::is_uppercase) && s.len() <= 12)
            .unwrap_or_else(|| f.titulo.clone());
        match &t.articulo {
            Some(a) => format!("{corto}, {a}"),
            None => corto,
        }
    });
    match (t.cita_textual, cita) {
        (true, Some(cita)) => format!("«{}» ({cita}).", t.definicion.trim()),
        (false, Some(cita)) => format!(
            "{} (según {cita}).",
            t.definicion.trim().trim_end_matches('.')
        ),
        (_, None) => t.definicion.trim().to_owned(),
    }
}

pub(super) fn glosario(r: &Referencia) -> Vec<Termino> {
    r.glosario
        .iter()
        .map(|t| Termino {
            termino: t.termino.clone(),
            definicion: definicion(r, t),
        })
        .collect()
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
        ("SPAVT", "Sistema de Protección y Asistencia a Víctimas, Testigos y otros Participantes en el Proceso Penal"),
    ]
    .into_iter()
    .map(|(s, n)| Sigla {
        siglas: s.into(),
        significado: n.into(),
    })
    .collect();
    out.push(Sigla {
        siglas: "PACTA".into(),
        significado: r.nombre.trim_end_matches("(PACTA)").trim_end().to_owned(),
    });
    out.push(Sigla {
        siglas: "Comité Interinstitucional".into(),
        significado: "Comité Interinstitucional de Coordinación para la Prevención de Trata de Personas y Tráfico Ilícito de Migrantes, y Protección a sus Víctimas".into(),
    });
    for inst in &r.instituciones.valores {
        let used = plan
            .actores
            .iter()
            .any(|a| a.institucion.as_deref() == Some(inst.id.as_str()));
        // An institution without a verified acronym has no place in the list; one known only by
        // its acronym has no expansion to give.
        if inst.siglas.is_empty() || inst.solo_siglas {
            continue;
        }
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
