//! The national reference (`docs/referencia-nacional.md`): `plans/nacional/<id>.yaml`.
//!
//! Every national fact a rule uses comes from here. The file embedded in the binary is the
//! PACTA 2019–2030 reference; a plan can name another one that sits in a `nacional/` folder next
//! to it, and that file on disk also overrides the embedded one of the same id.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalogo::item;
pub use super::catalogo::{Catalogo, Etapa, Item, Lideran, Origen, PlazoActivacion};
use super::marco::{
    CriteriosPresupuesto, Norma, PasoFronterizo, Principios, SiglaReferencia, TipoFuente,
    TraficoMigrantes, Verificacion,
};
use crate::plan::model::Periodo;

/// The embedded reference file.
pub const PACTA_YAML: &str = include_str!("../../plans/nacional/pacta-2019-2030.yaml");

/// A national reference.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Referencia {
    /// Id that plans name in `plan_nacional`.
    pub id: String,
    /// Full name.
    pub nombre: String,
    /// Short name for headings.
    pub nombre_corto: String,
    /// Period in force.
    pub vigencia: Periodo,
    /// Sources cited by the rest of the file.
    pub fuentes: Vec<Fuente>,
    /// Axes.
    pub ejes: Catalogo<Eje>,
    /// Approaches.
    pub enfoques: Catalogo<Entrada>,
    /// Purposes of exploitation.
    pub fines_explotacion: Catalogo<Entrada>,
    /// Populations.
    pub poblaciones: Catalogo<Entrada>,
    /// Actor types.
    pub tipos_actor: Catalogo<Entrada>,
    /// Cantonal bodies every plan must name.
    pub actores_cantonales_requeridos: Requeridos,
    /// Stages of the referral route.
    pub etapas_ruta: Catalogo<Etapa>,
    /// National institutions.
    pub instituciones: Catalogo<Institucion>,
    /// Populations the referral route distinguishes (`poblacion` of a route entry). Absent in
    /// references written before the route distinguished them: then nothing is checked by
    /// population.
    #[serde(default)]
    pub poblaciones_ruta: Catalogo<PoblacionRuta>,
    /// Bodies that may be responsible only for route entries of some populations.
    #[serde(default)]
    pub limites_poblacion: Catalogo<LimitePoblacion>,
    /// Glossary of the printed document.
    #[serde(default)]
    pub glosario: Vec<TerminoGlosario>,
    /// Acronyms the document may use besides the institutions'.
    #[serde(default)]
    pub siglas: Vec<SiglaReferencia>,
    /// The legal framework: norms (the legal basis of the approval) and policy instruments.
    #[serde(default)]
    pub normas: Vec<Norma>,
    /// The plan's guiding principles.
    #[serde(default)]
    pub principios: Option<Principios>,
    /// The smuggling of migrants: differences from trafficking, its route, its institutions.
    #[serde(default)]
    pub trafico_migrantes: Option<TraficoMigrantes>,
    /// Land border crossings by canton.
    #[serde(default)]
    pub pasos_fronterizos: Catalogo<PasoFronterizo>,
    /// The toolkit's budget criteria.
    #[serde(default)]
    pub presupuesto: Option<CriteriosPresupuesto>,
}

/// A source.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fuente {
    /// Id cited by `fuentes:` lists.
    pub id: String,
    /// Title.
    pub titulo: String,
    /// Author.
    #[serde(default)]
    pub autor: Option<String>,
    /// Date, as precise as known: `2019-11`, `2025-08-15`.
    #[serde(default)]
    pub fecha: Option<String>,
    /// Caveat.
    #[serde(default)]
    pub nota: Option<String>,
    /// What kind of document it is.
    #[serde(default)]
    pub tipo: Option<TipoFuente>,
    /// Whether what is taken from it is verified in its text.
    #[serde(default)]
    pub verificacion: Option<Verificacion>,
}

/// A plain catalogue entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entrada {
    /// Id.
    pub id: String,
    /// Name.
    pub nombre: String,
    /// Description.
    #[serde(default)]
    pub descripcion: Option<String>,
}
item!(Entrada);

/// An axis of the national plan.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eje {
    /// Id.
    pub id: String,
    /// Name.
    pub nombre: String,
    /// Description.
    pub descripcion: String,
    /// Whether every plan must cover it.
    pub obligatorio: bool,
    /// Institutions one of which must lead or co-lead the axis's actions.
    #[serde(default)]
    pub responsables_requeridos: Vec<String>,
    /// Sources.
    #[serde(default)]
    pub fuentes: Vec<String>,
    /// Provenance.
    #[serde(default)]
    pub origen: Option<Origen>,
    /// Caveat.
    #[serde(default)]
    pub nota: Option<String>,
}
item!(Eje);

/// A population the referral route distinguishes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoblacionRuta {
    /// Id.
    pub id: String,
    /// Name.
    pub nombre: String,
    /// Who belongs to it.
    #[serde(default)]
    pub descripcion: Option<String>,
    /// Whether every mandatory stage must say who answers for it.
    #[serde(default)]
    pub requerida: bool,
    /// Populations this one stands for (`todas`).
    #[serde(default)]
    pub incluye: Vec<String>,
    /// An entry for it adds to the entry of the population it is part of instead of replacing
    /// it (adult women, for the Junta's immediate protection measures): it never collides with
    /// another population's entry, and it covers no required population.
    #[serde(default)]
    pub complementaria: bool,
    /// Sources.
    #[serde(default)]
    pub fuentes: Vec<String>,
}
item!(PoblacionRuta);

impl Catalogo<PoblacionRuta> {
    /// Whether an entry for population `entrada` serves population `poblacion`.
    pub fn cubre(&self, entrada: &str, poblacion: &str) -> bool {
        entrada == poblacion
            || self
                .get(entrada)
                .is_some_and(|p| p.incluye.iter().any(|i| i == poblacion))
    }
}

/// A body whose competence is limited to some populations.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitePoblacion {
    /// Actor type it applies to.
    #[serde(default)]
    pub tipo_actor: Option<String>,
    /// National institution it applies to.
    #[serde(default)]
    pub institucion: Option<String>,
    /// Route populations it may be responsible for.
    pub poblaciones: Vec<String>,
    /// Why, in Spanish, with its legal basis.
    pub motivo: String,
    /// Populations it may be responsible for only in some stages.
    #[serde(default)]
    pub solo_en: Vec<SoloEn>,
}

/// Populations a limited body may answer for only in some stages (the Junta: adult women, for
/// immediate protection measures).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SoloEn {
    /// Route populations.
    pub poblaciones: Vec<String>,
    /// The stages in which it may answer for them.
    pub etapas: Vec<String>,
    /// Why, in Spanish, with its legal basis.
    pub motivo: String,
}

/// A term of the glossary.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerminoGlosario {
    /// The term.
    pub termino: String,
    /// Its definition.
    pub definicion: String,
    /// Id of the source in `fuentes`; the toolkit's own definition when absent.
    #[serde(default)]
    pub fuente: Option<String>,
    /// The norm of `normas` the definition comes from, cited by its short name.
    #[serde(default)]
    pub norma: Option<String>,
    /// Article or section of the norm (or of the source).
    #[serde(default)]
    pub articulo: Option<String>,
    /// Printed after the definition.
    #[serde(default)]
    pub nota: Option<String>,
    /// Whether `definicion` quotes the source word for word; otherwise it is a paraphrase, whose
    /// literal fragments go between « ».
    #[serde(default)]
    pub cita_textual: bool,
}

/// A national institution, with its period of existence.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Institucion {
    /// Id.
    pub id: String,
    /// Name.
    pub nombre: String,
    /// Acronym; empty when none is verified.
    #[serde(default)]
    pub siglas: String,
    /// No source fixes the expanded name: print the acronym alone.
    #[serde(default)]
    pub solo_siglas: bool,
    /// Whom the name is attributed to, when only a partial source gives it; printed with it.
    #[serde(default)]
    pub segun: Option<String>,
    /// How it ended (`hasta`): a merger, a renaming or a transformation, and by which decree.
    #[serde(default)]
    pub cambio: Option<Cambio>,
    /// Created on.
    #[serde(default)]
    pub desde: Option<NaiveDate>,
    /// Ceased on.
    #[serde(default)]
    pub hasta: Option<NaiveDate>,
    /// Institution that took over its duties.
    #[serde(default)]
    pub sucesora: Option<String>,
    /// Ministry it is attached to (adscrita).
    #[serde(default)]
    pub adscrita_a: Option<String>,
    /// Sources.
    #[serde(default)]
    pub fuentes: Vec<String>,
    /// What changed, in Spanish.
    #[serde(default)]
    pub nota: Option<String>,
}
item!(Institucion);

/// How an institution ended as a body of its own.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cambio {
    /// What happened.
    pub tipo: TipoCambio,
    /// The decree, as printed ("Decreto Ejecutivo N.º 100, agosto de 2025; número según la
    /// prensa"), with what of it is not verified.
    #[serde(default)]
    pub decreto: Option<String>,
}

/// What happened to an institution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TipoCambio {
    /// Merged into (absorbed by) its successor; services continue during the merger.
    Fusion,
    /// Renamed.
    Renombre,
    /// Transformed into its successor.
    Transformacion,
}

impl Institucion {
    /// The institution's name as printed: with the source it is attributed to, when only a
    /// partial source gives it.
    pub fn nombre_impreso(&self) -> String {
        match &self.segun {
            Some(s) => format!("{} ({s})", self.nombre),
            None => self.nombre.clone(),
        }
    }

    /// What became of it, in a sentence that follows its name: "se fusionó en el Ministerio de
    /// Gobierno (Decreto Ejecutivo N.º 101, …)"; `None` while it exists.
    pub fn que_paso(&self, instituciones: &Catalogo<Institucion>) -> Option<String> {
        self.hasta?;
        let sucesora = self
            .sucesora
            .as_deref()
            .map(|s| instituciones.nombre(s).to_owned());
        let cambio = self.cambio.as_ref();
        // Every successor is a ministry or a secretariat: "el Ministerio…", "la Secretaría…".
        let con_articulo = |s: &str| {
            let articulo = if s.starts_with("Secretar") {
                "la"
            } else {
                "el"
            };
            format!("{articulo} {s}")
        };
        let verbo = match (cambio.map(|c| c.tipo), &sucesora) {
            (Some(TipoCambio::Fusion), Some(s)) => format!("se fusionó en {}", con_articulo(s)),
            (Some(TipoCambio::Renombre), Some(s)) => format!("pasó a llamarse {s}"),
            (_, Some(s)) => format!("se transformó en {}", con_articulo(s)),
            (_, None) => "dejó de existir como entidad propia".to_owned(),
        };
        Some(match cambio.and_then(|c| c.decreto.as_deref()) {
            Some(d) => format!("{verbo} ({d})"),
            None => verbo,
        })
    }
}

/// Cantonal actor types every plan must name.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requeridos {
    /// Actor types.
    pub tipos: Vec<String>,
    /// Sources.
    #[serde(default)]
    pub fuentes: Vec<String>,
    /// Caveat.
    #[serde(default)]
    pub nota: Option<String>,
}

impl Referencia {
    /// The embedded PACTA 2019–2030 reference.
    pub fn pacta() -> &'static Referencia {
        static PACTA: std::sync::OnceLock<Referencia> = std::sync::OnceLock::new();
        PACTA.get_or_init(|| {
            Referencia::parse(PACTA_YAML).expect("the embedded national reference is valid")
        })
    }

    /// Parses a reference file.
    pub fn parse(text: &str) -> Result<Referencia, serde_yaml::Error> {
        serde_yaml::from_str(text)
    }

    /// Ids of the references embedded in the binary.
    pub fn embedded_ids() -> Vec<&'static str> {
        vec![Referencia::pacta().id.as_str()]
    }
}

#[cfg(test)]
#[path = "nacional_pruebas.rs"]
mod tests;
