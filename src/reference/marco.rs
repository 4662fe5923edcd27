//! The parts of the national reference that frame the plan rather than check it item by item:
//! the legal framework (norms and policy instruments, with what each establishes), the guiding
//! principles, the acronyms the document may use, the smuggling of migrants (how it differs from
//! trafficking, its referral route, the words that would treat a smuggled migrant as an offender),
//! the border crossings by canton, and the toolkit's budget criteria. Every fact says whether it is
//! verified in its source or only in part (`docs/referencia-nacional.md`).

use serde::{Deserialize, Serialize};

use super::catalogo::{Catalogo, Etapa, Item, Origen};

/// Whether a fact was seen in its source's own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verificacion {
    /// Seen in the source text itself, or in an official reproduction of it.
    Verificado,
    /// Partly: press, a secondary reproduction, or only the gist. Never printed as certain.
    Parcial,
}

/// What kind of document a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TipoFuente {
    /// The text of a norm (law, code, treaty, decree), or a compilation of it.
    Norma,
    /// A national plan or protocol.
    Politica,
    /// A page or bulletin of a public institution.
    Oficial,
    /// Press.
    Prensa,
    /// A secondary reproduction or study.
    Secundaria,
}

impl TipoFuente {
    /// How the annex of sources names the kind.
    pub fn nombre(self) -> &'static str {
        match self {
            TipoFuente::Norma => "Norma",
            TipoFuente::Politica => "Política pública",
            TipoFuente::Oficial => "Publicación oficial",
            TipoFuente::Prensa => "Prensa",
            TipoFuente::Secundaria => "Fuente secundaria",
        }
    }
}

/// What a norm of the legal framework is for the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaseNorma {
    /// A norm: part of the legal basis of the act of approval.
    Norma,
    /// A policy instrument, protocol or declaration: framework, never legal basis.
    Instrumento,
}

/// An entry of the legal framework.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Norma {
    /// Id, cited by the glossary.
    pub id: String,
    /// Norm or instrument.
    pub clase: ClaseNorma,
    /// Full name.
    pub nombre: String,
    /// How the glossary cites it ("COIP"); its name when absent.
    #[serde(default)]
    pub corto: Option<String>,
    /// Where it was published (a verified Registro Oficial), or who issued it and when.
    #[serde(default)]
    pub registro: Option<String>,
    /// The articles the plan rests on ("arts. 54 lit. j, 57 y 598").
    #[serde(default)]
    pub articulos: Option<String>,
    /// What it establishes for the plan, in the reference's own words (never a quotation).
    pub establece: String,
    /// Whom the content is attributed to, when a partial source gives it.
    #[serde(default)]
    pub segun: Option<String>,
    /// Sources it was read in.
    #[serde(default)]
    pub fuentes: Vec<String>,
    /// Whether what is printed of it is verified.
    pub verificacion: Verificacion,
}

impl Norma {
    /// How the glossary cites the norm.
    pub fn cita(&self) -> &str {
        self.corto.as_deref().unwrap_or(&self.nombre)
    }
}

/// The guiding principles of the plan, from their source.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principios {
    /// Sources.
    #[serde(default)]
    pub fuentes: Vec<String>,
    /// The sentence that introduces them, naming their source.
    pub introduccion: String,
    /// The principles.
    pub valores: Vec<Principio>,
}

/// A guiding principle.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principio {
    /// Name.
    pub nombre: String,
    /// What it asks, continuing the name.
    pub descripcion: String,
}

/// An acronym the document may use, with its meaning.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiglaReferencia {
    /// The acronym.
    pub siglas: String,
    /// What it stands for.
    pub significado: String,
}

/// The smuggling of migrants.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TraficoMigrantes {
    /// Sources.
    #[serde(default)]
    pub fuentes: Vec<String>,
    /// How it differs from trafficking, aspect by aspect.
    pub diferencias: Vec<Diferencia>,
    /// The national institutions that intervene.
    #[serde(default)]
    pub instituciones: Vec<String>,
    /// Words that would treat the smuggled migrant as an offender in the route.
    #[serde(default)]
    pub trato_infractor: Vec<String>,
    /// Words that show a sentence speaks of the smugglers, where those words are right.
    #[serde(default)]
    pub sobre_traficantes: Vec<String>,
    /// The stages of the route for smuggled migrants.
    pub etapas_ruta: Catalogo<Etapa>,
}

/// An aspect in which trafficking and smuggling differ.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Diferencia {
    /// The aspect.
    pub aspecto: String,
    /// In trafficking.
    pub trata: String,
    /// In the smuggling of migrants.
    pub trafico: String,
}

/// A land border crossing.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasoFronterizo {
    /// Id.
    pub id: String,
    /// Name.
    pub nombre: String,
    /// DPA code of its canton.
    pub canton: String,
    /// The neighbouring country.
    pub pais: String,
    /// Open to international traffic (since 24 December 2025, only two are).
    #[serde(default)]
    pub habilitado: bool,
    /// Whether the crossing and its canton are verified.
    pub verificacion: Verificacion,
}

impl Item for PasoFronterizo {
    fn id(&self) -> &str {
        &self.id
    }
    fn nombre(&self) -> &str {
        &self.nombre
    }
}

/// The toolkit's budget criteria.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriteriosPresupuesto {
    /// Provenance.
    #[serde(default)]
    pub origen: Option<Origen>,
    /// The share of the plan's budget the municipality should put in, at least (0–1).
    pub aporte_municipal_minimo: f64,
    /// Why, in Spanish.
    pub motivo: String,
}
