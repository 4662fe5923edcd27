//! The national frame of the plan: its reference, the principles, the legal framework (norms,
//! which are also the legal basis of the approval, and policy instruments, which are not), the
//! conceptual framework, the glossary, the acronyms and the annex of sources.
//!
//! What the reference holds only in part is never printed as certain: a norm's content given by
//! a partial source carries its attribution («según…»), and a paraphrase says it is one.

use serde::Serialize;

use crate::espanol::fecha_texto;
use crate::plan::model::Plan;
use crate::reference::marco::{ClaseNorma, Norma, Verificacion};
use crate::reference::nacional::{Fuente, Referencia, TerminoGlosario};

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

/// The legal framework: the norms, then the policy instruments and protocols.
#[derive(Debug, Clone, Serialize)]
pub struct MarcoNormativoDoc {
    /// Norms: constitution, codes, laws, treaties.
    pub normas: Vec<NormaDoc>,
    /// Policy instruments, protocols and declarations.
    pub instrumentos: Vec<NormaDoc>,
}

/// A norm or instrument of the legal framework, as the body of the plan cites it.
#[derive(Debug, Clone, Serialize)]
pub struct NormaDoc {
    /// Name.
    pub titulo: String,
    /// Where it was published or who issued it, and the articles cited: "Registro Oficial
    /// Suplemento 938, 6 de febrero de 2017 · art. 167".
    pub detalle: String,
    /// What it establishes for the plan, with its attribution when a partial source gives it.
    pub establece: String,
}

/// The legal basis of the act of approval: norms only, never press or policy.
#[derive(Debug, Clone, Serialize)]
pub struct BaseLegalDoc {
    /// "El Concejo Municipal aprueba este plan vistas las siguientes normas:".
    pub introduccion: String,
    /// Each norm with its articles.
    pub normas: Vec<String>,
}

/// The guiding principles.
#[derive(Debug, Clone, Serialize)]
pub struct PrincipiosDoc {
    /// The sentence that introduces them, naming their source.
    pub introduccion: String,
    /// Each principle (`termino`) and what it asks (`definicion`).
    pub valores: Vec<Termino>,
}

/// A source of the "Fuentes" annex: what each statement of the national reference rests on.
#[derive(Debug, Clone, Serialize)]
pub struct FuenteDoc {
    /// Title.
    pub titulo: String,
    /// Author and date, the date written long.
    pub detalle: String,
    /// What kind of source it is: "Norma", "Prensa"…; empty when the reference does not say.
    pub tipo: String,
    /// "verificado" or "en parte"; empty when the reference does not say.
    pub verificacion: String,
    /// What of the national reference rests on it: "ejes del plan nacional", "etapas de la ruta".
    pub sustenta: String,
}

/// The conceptual framework: what trafficking is, each form of exploitation that the plan's risks
/// name, and how the smuggling of migrants differs from trafficking.
#[derive(Debug, Clone, Serialize)]
pub struct MarcoConceptualDoc {
    /// Definition of trafficking.
    pub trata: String,
    /// The forms of exploitation named in the plan's risks, with their definition.
    pub fines: Vec<Termino>,
    /// Definition of the smuggling of migrants.
    pub trafico: String,
    /// How smuggling differs from trafficking, aspect by aspect.
    pub diferencias: Vec<DiferenciaDoc>,
}

/// An aspect in which trafficking and smuggling differ.
#[derive(Debug, Clone, Serialize)]
pub struct DiferenciaDoc {
    /// The aspect.
    pub aspecto: String,
    /// In trafficking.
    pub trata: String,
    /// In smuggling.
    pub trafico: String,
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

fn detalle_fuente(f: &Fuente) -> String {
    [f.autor.clone(), f.fecha.as_deref().map(fecha_texto)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

fn norma_doc(n: &Norma) -> NormaDoc {
    let establece = match &n.segun {
        Some(s) => format!(
            "{} ({}).",
            n.establece.trim().trim_end_matches('.'),
            s.trim()
        ),
        None => n.establece.trim().to_owned(),
    };
    NormaDoc {
        titulo: n.nombre.trim().to_owned(),
        detalle: [n.registro.clone(), n.articulos.clone()]
            .into_iter()
            .flatten()
            .map(|x| x.trim().to_owned())
            .collect::<Vec<_>>()
            .join(" · "),
        establece,
    }
}

pub(super) fn marco_normativo(r: &Referencia) -> MarcoNormativoDoc {
    let de = |clase| {
        r.normas
            .iter()
            .filter(|n| n.clase == clase)
            .map(norma_doc)
            .collect()
    };
    MarcoNormativoDoc {
        normas: de(ClaseNorma::Norma),
        instrumentos: de(ClaseNorma::Instrumento),
    }
}

/// The legal basis of the approval: the norms of the framework with their articles. `organo` is
/// the body that approves ("Concejo Municipal", "Concejo Metropolitano").
pub(super) fn base_legal(r: &Referencia, organo: &str) -> BaseLegalDoc {
    BaseLegalDoc {
        introduccion: format!("El {organo} aprueba este plan vistas las siguientes normas:"),
        normas: r
            .normas
            .iter()
            .filter(|n| n.clase == ClaseNorma::Norma)
            .map(|n| match &n.articulos {
                Some(a) => format!("{}, {}", n.nombre.trim(), a.trim()),
                None => n.nombre.trim().to_owned(),
            })
            .collect(),
    }
}

pub(super) fn principios(r: &Referencia) -> Option<PrincipiosDoc> {
    r.principios.as_ref().map(|p| PrincipiosDoc {
        introduccion: p.introduccion.trim().to_owned(),
        valores: p
            .valores
            .iter()
            .map(|v| Termino {
                termino: v.nombre.clone(),
                definicion: v.descripcion.trim().to_owned(),
            })
            .collect(),
    })
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
        ("las poblaciones de la ruta", &r.poblaciones_ruta.fuentes),
        (
            "los límites de competencia por población",
            &r.limites_poblacion.fuentes,
        ),
        ("las instituciones nacionales", &r.instituciones.fuentes),
        ("los pasos fronterizos", &r.pasos_fronterizos.fuentes),
    ];
    let mut por_elemento: Vec<(String, &[String])> = citas
        .into_iter()
        .map(|(que, f)| (que.to_owned(), f))
        .collect();
    let nombrados = |que: &str, nombre: &str| format!("{que} «{nombre}»");
    por_elemento.extend(
        r.ejes
            .valores
            .iter()
            .map(|e| (nombrados("el eje", &e.nombre), e.fuentes.as_slice())),
    );
    por_elemento.extend(
        r.etapas_ruta
            .valores
            .iter()
            .map(|e| (nombrados("la etapa", &e.nombre), e.fuentes.as_slice())),
    );
    por_elemento.extend(
        r.instituciones
            .valores
            .iter()
            .map(|i| (nombrados("la institución", &i.nombre), i.fuentes.as_slice())),
    );
    por_elemento.extend(
        r.normas
            .iter()
            .map(|n| (nombrados("la norma", n.cita()), n.fuentes.as_slice())),
    );
    if let Some(p) = &r.principios {
        por_elemento.push(("los principios".to_owned(), &p.fuentes));
    }
    if let Some(t) = &r.trafico_migrantes {
        por_elemento.push(("el tráfico ilícito de migrantes".to_owned(), &t.fuentes));
        por_elemento.push((
            "la ruta de las personas objeto de tráfico".to_owned(),
            &t.etapas_ruta.fuentes,
        ));
    }
    por_elemento.extend(r.glosario.iter().filter_map(|t| {
        Some((
            nombrados("el término", &t.termino),
            std::slice::from_ref(t.fuente.as_ref()?),
        ))
    }));
    r.fuentes
        .iter()
        .map(|f| {
            let mut sustenta: Vec<String> = Vec::new();
            for (que, ids) in &por_elemento {
                if ids.contains(&f.id) && !sustenta.contains(que) {
                    sustenta.push(que.clone());
                }
            }
            FuenteDoc {
                titulo: f.titulo.clone(),
                detalle: detalle_fuente(f),
                tipo: f.tipo.map(|t| t.nombre().to_owned()).unwrap_or_default(),
                verificacion: match f.verificacion {
                    Some(Verificacion::Verificado) => "verificado".to_owned(),
                    Some(Verificacion::Parcial) => "en parte".to_owned(),
                    None => String::new(),
                },
                sustenta: sustenta.join("; "),
            }
        })
        .collect()
}

/// Trafficking, the forms of exploitation named by the plan's risks, in the reference's order, and
/// the smuggling of migrants.
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
        trafico: del_glosario("Tráfico ilícito de migrantes").unwrap_or_default(),
        diferencias: r
            .trafico_migrantes
            .iter()
            .flat_map(|t| &t.diferencias)
            .map(|d| DiferenciaDoc {
                aspecto: d.aspecto.clone(),
                trata: d.trata.clone(),
                trafico: d.trafico.clone(),
            })
            .collect(),
    }
}

/// A glossary definition as printed: a literal quote between « » with its norm ("Protocolo de
/// Palermo, art. 3 lit. a"), or the reference's own wording, marked as a paraphrase when it rests
/// on a norm; then its note.
fn definicion(r: &Referencia, t: &TerminoGlosario) -> String {
    let cita = match t
        .norma
        .as_deref()
        .and_then(|id| r.normas.iter().find(|n| n.id == id))
    {
        Some(n) => Some(n.cita().to_owned()),
        None => t
            .fuente
            .as_deref()
            .and_then(|id| r.fuentes.iter().find(|f| f.id == id))
            .map(|f| {
                // The acronym the title gives in parentheses ("(COIP)"), else the title.
                f.titulo
                    .split_once('(')
                    .and_then(|(_, resto)| resto.split_once(')'))
                    .map(|(s, _)| s.to_owned())
                    .filter(|s| s.chars().any(char::is_uppercase) && s.len() <= 12)
                    .unwrap_or_else(|| f.titulo.clone())
            }),
    }
    .map(|c| match &t.articulo {
        Some(a) => format!("{c}, {a}"),
        None => c,
    });
    let texto = t.definicion.trim();
    let mut out = match (t.cita_textual, cita) {
        (true, Some(cita)) => format!("«{texto}» ({cita})."),
        // A paraphrase that already names its norm needs no "según".
        (false, Some(_)) if texto.starts_with("Según") => texto.to_owned(),
        (false, Some(cita)) => format!("{} (según {cita}).", texto.trim_end_matches('.')),
        (_, None) => texto.to_owned(),
    };
    if let Some(n) = &t.nota {
        out.push(' ');
        out.push_str(n.trim());
    }
    out
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

/// Whether `sigla` appears in `texto` as a word of its own (not inside "GADI" or "SPAVTS").
pub fn aparece(texto: &str, sigla: &str) -> bool {
    texto.match_indices(sigla).any(|(i, _)| {
        let antes = texto[..i].chars().next_back();
        let despues = texto[i + sigla.len()..].chars().next();
        !antes.is_some_and(char::is_alphanumeric) && !despues.is_some_and(char::is_alphanumeric)
    })
}

/// The acronyms of the document: every acronym the reference knows (its list and its
/// institutions') that appears in `texto` (all the document prints), and the plan's own.
pub(super) fn siglas(plan: &Plan, r: &Referencia, texto: &str) -> Vec<Sigla> {
    let mut out: Vec<Sigla> = Vec::new();
    let mut poner = |siglas: &str, significado: String| {
        if !out.iter().any(|s| s.siglas == siglas) {
            out.push(Sigla {
                siglas: siglas.to_owned(),
                significado,
            });
        }
    };
    for s in &plan.siglas {
        poner(s.siglas.trim(), s.significado.trim().to_owned());
    }
    for s in &r.siglas {
        if aparece(texto, &s.siglas) {
            poner(&s.siglas, s.significado.clone());
        }
    }
    for i in &r.instituciones.valores {
        if !i.siglas.is_empty() && !i.solo_siglas && aparece(texto, &i.siglas) {
            poner(&i.siglas, i.nombre_impreso());
        }
    }
    out.sort_by(|a, b| a.siglas.cmp(&b.siglas));
    out
}
