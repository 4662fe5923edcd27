//! The plan format (`docs/formato.md`) as Rust types.
//!
//! These types are the single definition of the format: `serde` deserialises plans into them and
//! `schemars` derives the JSON Schema from them (`cantonal esquema`), so the field names here are
//! exactly the YAML keys and the doc comments are the Spanish help an editor shows on hover.
//! Values whose catalogue lives in the national reference (axes, purposes, populations, actor
//! types, route stages, institutions) are plain strings: the reference file, not this code, says
//! which values exist, and the rules check them.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Patrón de los identificadores: letras sin tilde, dígitos, `_` y `-`.
pub const ID_PATTERN: &str = "^[A-Za-z0-9_-]+$";

/// Plan cantonal contra la trata de personas.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Plan cantonal contra la trata de personas")]
pub struct Plan {
    /// Versión del formato del archivo. Obligatorio. Hoy solo existe la versión 1.
    pub formato: u32,
    /// Identificador de la referencia nacional con la que se alinea el plan. Obligatorio.
    /// Ejemplo: `pacta-2019-2030`.
    pub plan_nacional: String,
    /// Cantón al que pertenece el plan. Obligatorio.
    pub canton: Canton,
    /// Período de vigencia del plan. Obligatorio.
    pub periodo: Periodo,
    /// Estado del documento. Obligatorio: `borrador`, `en_revision` o `aprobado`.
    pub estado: Estado,
    /// `true` en un plan de ejemplo, con datos ilustrativos: cada página del documento lleva la
    /// marca EJEMPLO. Opcional.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ejemplo: bool,
    /// Acto de aprobación. Obligatorio cuando `estado` es `aprobado`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aprobacion: Option<Aprobacion>,
    /// Quién elaboró el plan y cuándo. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elaboracion: Option<Elaboracion>,
    /// Texto de presentación (Markdown). Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presentacion: Option<String>,
    /// Introducción (Markdown): por qué el cantón necesita el plan y cómo se elaboró. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduccion: Option<String>,
    /// Diagnóstico de la situación de la trata en el cantón. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagnostico: Option<Diagnostico>,
    /// Riesgos de trata identificados en el cantón. Opcional.
    #[serde(default)]
    pub riesgos: Vec<Riesgo>,
    /// Instituciones y organizaciones que participan en el plan. Obligatorio.
    pub actores: Vec<Actor>,
    /// Objetivo general del plan (Markdown). Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objetivo_general: Option<String>,
    /// Objetivos específicos, cada uno en un eje del plan nacional. Obligatorio.
    pub objetivos: Vec<Objetivo>,
    /// Acciones del plan. Obligatorio.
    pub acciones: Vec<Accion>,
    /// Ruta de atención a víctimas: quién responde en cada etapa. Obligatorio.
    pub ruta_atencion: Vec<EtapaRuta>,
    /// Ruta de atención a personas objeto de tráfico ilícito de migrantes: quién responde en
    /// cada etapa. Opcional, pero necesaria si el plan identifica riesgos de tráfico.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ruta_trafico: Vec<EtapaTrafico>,
    /// Cómo se dará seguimiento al plan. Obligatorio.
    pub seguimiento: Seguimiento,
    /// Alineación con el Plan de Desarrollo y Ordenamiento Territorial (PDOT) del cantón.
    /// Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pdot: Option<Pdot>,
    /// Siglas propias del plan (de instituciones locales, por ejemplo) con su significado, para
    /// la tabla de siglas del documento. Opcional.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub siglas: Vec<SiglaPlan>,
}

/// Una sigla que usa el plan, con su significado.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiglaPlan {
    /// La sigla. Obligatorio. Ejemplo: `UPC`.
    pub siglas: String,
    /// Lo que significa. Obligatorio. Ejemplo: `Unidad de Policía Comunitaria`.
    pub significado: String,
}

/// Cantón según el catálogo DPA del INEC.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Canton {
    /// Código DPA del INEC, cuatro dígitos entre comillas. Obligatorio. Ejemplo: `"1001"`.
    #[schemars(regex(pattern = r"^[0-9]{4}$"))]
    pub codigo: String,
    /// Nombre del cantón. Obligatorio. Ejemplo: `Ibarra`.
    pub nombre: String,
    /// Provincia del cantón. Obligatorio. Ejemplo: `Imbabura`.
    pub provincia: String,
    /// Nombre oficial del cantón, cuando es distinto del nombre corto; no el de su GAD, que la
    /// portada ya escribe antes (regla C021). Opcional. Ejemplo: `San Miguel de Ibarra`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nombre_oficial: Option<String>,
    /// Archivo del escudo del cantón (PNG, JPEG o SVG de hasta 2 MB), junto al plan, para la
    /// portada y el encabezado. Opcional. Ejemplo: `escudo-ibarra.png`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escudo: Option<String>,
}

/// Intervalo de fechas (AAAA-MM-DD).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Periodo {
    /// Fecha de inicio, AAAA-MM-DD. Obligatorio.
    pub inicio: NaiveDate,
    /// Fecha de fin, AAAA-MM-DD. Obligatorio.
    pub fin: NaiveDate,
}

/// Estado del documento.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Estado {
    /// Borrador en elaboración.
    Borrador,
    /// En revisión técnica.
    EnRevision,
    /// Aprobado por el Concejo Municipal.
    Aprobado,
}

/// Acto con el que el Concejo Municipal aprobó el plan.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Aprobacion {
    /// Tipo de instrumento: `ordenanza` o `resolucion`. Obligatorio.
    pub instrumento: Instrumento,
    /// Número del instrumento. Obligatorio.
    pub numero: String,
    /// Fecha de aprobación, AAAA-MM-DD. Obligatorio.
    pub fecha: NaiveDate,
    /// Órgano que aprobó. Obligatorio. Ejemplo: `Concejo Municipal de Ibarra`.
    pub organo: String,
    /// Quienes firman el acto de aprobación, en el orden del bloque de firmas. Opcional: sin
    /// nombres, el documento deja las líneas de firma con los cargos habituales.
    #[serde(default)]
    pub firmantes: Vec<Firmante>,
    /// En una ordenanza, la fecha del primer debate (el segundo es el de `fecha`). Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primer_debate: Option<NaiveDate>,
    /// En una ordenanza, la fecha en que la alcaldía la sancionó. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sancion: Option<NaiveDate>,
    /// En una ordenanza, dónde y cuándo se publicó (Registro Oficial, gaceta municipal). Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publicacion: Option<String>,
}

/// Una persona que firma la aprobación del plan.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Firmante {
    /// Nombre. Obligatorio.
    pub nombre: String,
    /// Cargo. Obligatorio. Ejemplo: `Alcaldesa del cantón Ibarra`.
    pub cargo: String,
}

/// Alineación con el Plan de Desarrollo y Ordenamiento Territorial del cantón.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pdot {
    /// Nombre y período del PDOT. Obligatorio. Ejemplo: `PDOT de Ibarra 2023-2027`.
    pub nombre: String,
    /// Objetivos del PDOT a los que contribuye este plan. Obligatorio.
    pub objetivos: Vec<ObjetivoPdot>,
}

/// Un objetivo del PDOT y los objetivos del plan que contribuyen a él.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ObjetivoPdot {
    /// El objetivo del PDOT, como lo escribe el PDOT. Obligatorio.
    pub objetivo: String,
    /// Ids de los objetivos de este plan que contribuyen a él. Obligatorio.
    pub contribuyen: Vec<String>,
}

/// Tipo de instrumento de aprobación.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Instrumento {
    /// Ordenanza municipal.
    Ordenanza,
    /// Resolución del Concejo.
    Resolucion,
}

/// Elaboración del plan.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Elaboracion {
    /// Fecha de elaboración, AAAA-MM-DD. Obligatorio.
    pub fecha: NaiveDate,
    /// Equipo que elaboró el plan. Opcional.
    #[serde(default)]
    pub equipo: Vec<Integrante>,
}

/// Persona del equipo de elaboración.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Integrante {
    /// Nombre. Obligatorio.
    pub nombre: String,
    /// Cargo. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cargo: Option<String>,
    /// Institución. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institucion: Option<String>,
}

/// Diagnóstico cantonal.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Diagnostico {
    /// Contexto del cantón (Markdown). Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contexto: Option<String>,
    /// Casos registrados por año. Opcional.
    #[serde(default)]
    pub casos: Vec<CasosAnio>,
}

/// Casos registrados en un año.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CasosAnio {
    /// Año. Obligatorio.
    pub anio: i32,
    /// Número de casos. Obligatorio.
    pub casos: i64,
    /// Fuente del dato. Obligatorio.
    pub fuente: String,
    /// Los mismos casos desglosados por sexo, grupo de edad, nacionalidad y fin de explotación.
    /// Opcional, pero recomendado: muestra a quién afecta la trata en el cantón.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desglose: Option<Desglose>,
}

/// Desglose de los casos de un año. Cada grupo es opcional; el de sexo, el de edad y el de
/// nacionalidad suman el total de casos del año (use `sin_dato` para los casos sin ese dato).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Desglose {
    /// Casos por sexo de la víctima. Ejemplo: `{ mujeres: 6, hombres: 1 }`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sexo: Option<PorSexo>,
    /// Casos por grupo de edad de la víctima. Ejemplo: `{ ninez_adolescencia: 4, adultos: 3 }`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edad: Option<PorEdad>,
    /// Casos por nacionalidad de la víctima. Ejemplo: `{ ecuatoriana: 5, extranjera: 2 }`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nacionalidad: Option<PorNacionalidad>,
    /// Casos por fin de explotación (COIP art. 91). Un caso puede tener más de un fin, así que
    /// estos números no tienen que sumar el total. Ejemplo: `{ explotacion_sexual: 5 }`.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub fines: std::collections::BTreeMap<String, i64>,
}

/// Casos por sexo.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PorSexo {
    /// Mujeres.
    #[serde(default)]
    pub mujeres: i64,
    /// Hombres.
    #[serde(default)]
    pub hombres: i64,
    /// Casos sin este dato.
    #[serde(default)]
    pub sin_dato: i64,
}

/// Casos por grupo de edad.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PorEdad {
    /// Niñas, niños y adolescentes (menores de 18 años).
    #[serde(default)]
    pub ninez_adolescencia: i64,
    /// Personas adultas.
    #[serde(default)]
    pub adultos: i64,
    /// Casos sin este dato.
    #[serde(default)]
    pub sin_dato: i64,
}

/// Casos por nacionalidad.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PorNacionalidad {
    /// Víctimas ecuatorianas.
    #[serde(default)]
    pub ecuatoriana: i64,
    /// Víctimas de otra nacionalidad.
    #[serde(default)]
    pub extranjera: i64,
    /// Casos sin este dato.
    #[serde(default)]
    pub sin_dato: i64,
}

/// Nivel de probabilidad o de impacto de un riesgo.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Probabilidad {
    /// Baja.
    Baja,
    /// Media.
    Media,
    /// Alta.
    Alta,
}

/// Impacto de un riesgo.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Impacto {
    /// Bajo.
    Bajo,
    /// Medio.
    Medio,
    /// Alto.
    Alto,
}

/// Riesgo de trata o de tráfico ilícito de migrantes en el cantón.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Riesgo {
    /// Identificador único del riesgo. Obligatorio. Ejemplo: `R1`.
    #[schemars(regex(pattern = r"^[A-Za-z0-9_-]+$"))]
    pub id: String,
    /// Título breve. Obligatorio.
    pub titulo: String,
    /// `trata` (por omisión) o `trafico_migrantes`. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tipo: Option<TipoRiesgo>,
    /// Fines de explotación (COIP art. 91). Obligatorio en un riesgo de trata; un riesgo de
    /// tráfico ilícito de migrantes no tiene. Ejemplo: `[explotacion_sexual]`.
    #[serde(default)]
    pub fines: Vec<String>,
    /// Poblaciones expuestas. Obligatorio. Ejemplo: `[adolescentes, mujeres]`.
    pub poblaciones: Vec<String>,
    /// Lugares del cantón donde se presenta. Opcional.
    #[serde(default)]
    pub zonas: Vec<String>,
    /// Probabilidad: `alta`, `media` o `baja`. Obligatorio.
    pub probabilidad: Probabilidad,
    /// Impacto: `alto`, `medio` o `bajo`. Obligatorio.
    pub impacto: Impacto,
    /// Descripción (Markdown). Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub descripcion: Option<String>,
}

/// Qué delito amenaza en un riesgo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TipoRiesgo {
    /// Trata de personas: captación con fines de explotación.
    #[default]
    Trata,
    /// Tráfico ilícito de migrantes: facilitar, por un beneficio, el cruce irregular de una
    /// frontera o la permanencia irregular.
    TraficoMigrantes,
}

impl Riesgo {
    /// Whether it is a risk of smuggling of migrants rather than of trafficking.
    pub fn es_trafico(&self) -> bool {
        self.tipo == Some(TipoRiesgo::TraficoMigrantes)
    }
}

/// Institución u organización que participa en el plan.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Identificador único del actor. Obligatorio. Ejemplo: `gad-ibarra`.
    #[schemars(regex(pattern = r"^[A-Za-z0-9_-]+$"))]
    pub id: String,
    /// Nombre completo. Obligatorio.
    pub nombre: String,
    /// Tipo de actor. Obligatorio. Ejemplo: `gad_municipal`.
    pub tipo: String,
    /// Institución nacional a la que pertenece (id de la referencia nacional). Opcional.
    /// Ejemplo: `fiscalia`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institucion: Option<String>,
    /// Papel del actor en el plan (Markdown). Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rol: Option<String>,
    /// Datos de contacto. Opcional, pero necesario si el actor responde en la ruta de atención.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacto: Option<Contacto>,
}

/// Datos de contacto.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contacto {
    /// Teléfono. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telefono: Option<String>,
    /// Correo electrónico. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correo: Option<String>,
    /// Dirección. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direccion: Option<String>,
}

/// Objetivo específico del plan.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Objetivo {
    /// Identificador único del objetivo. Obligatorio. Ejemplo: `O1`.
    #[schemars(regex(pattern = r"^[A-Za-z0-9_-]+$"))]
    pub id: String,
    /// Eje del plan nacional. Obligatorio: `prevencion`, `proteccion`, `investigacion` o
    /// `gobernanza`.
    pub eje: String,
    /// Descripción del objetivo. Obligatorio.
    pub descripcion: String,
}

/// Acción del plan.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Accion {
    /// Identificador único de la acción. Obligatorio. Ejemplo: `A1`.
    #[schemars(regex(pattern = r"^[A-Za-z0-9_-]+$"))]
    pub id: String,
    /// Id del objetivo al que contribuye. Obligatorio.
    pub objetivo: String,
    /// Qué se hará. Obligatorio.
    pub descripcion: String,
    /// Ids de los riesgos que atiende. Opcional.
    #[serde(default)]
    pub riesgos: Vec<String>,
    /// Fines de explotación (COIP art. 91) a los que se dirige la acción. Opcional, pero
    /// necesario para comprobar que la acción atiende de verdad los riesgos que nombra.
    /// Ejemplo: `[explotacion_sexual]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fines: Vec<String>,
    /// Poblaciones a las que se dirige la acción. Opcional, pero necesario para comprobar que la
    /// acción atiende de verdad los riesgos que nombra. Ejemplo: `[adolescentes]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub poblaciones: Vec<String>,
    /// Id del actor responsable. Obligatorio.
    pub responsable: String,
    /// Ids de los actores corresponsables. Opcional.
    #[serde(default)]
    pub corresponsables: Vec<String>,
    /// Indicador con línea base y meta. Obligatorio.
    pub indicador: Indicador,
    /// Plazo de ejecución. Obligatorio.
    pub plazo: Periodo,
    /// Presupuesto en dólares (USD). Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presupuesto: Option<Presupuesto>,
}

/// Indicador de una acción.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicador {
    /// Nombre del indicador. Obligatorio.
    pub nombre: String,
    /// `resultado` si mide el cambio que busca el objetivo (víctimas atendidas dentro del plazo,
    /// adolescentes que reconocen una oferta engañosa) o `actividad` si cuenta lo que se hizo
    /// (talleres, sesiones). Opcional; cada objetivo necesita al menos un indicador de resultado.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tipo: Option<TipoIndicador>,
    /// Unidad de medida. Ejemplo: `estudiantes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unidad: Option<String>,
    /// Valor al inicio del plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linea_base: Option<f64>,
    /// Valor que se quiere alcanzar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<f64>,
    /// Cómo se comprobará el avance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medio_verificacion: Option<String>,
}

/// Tipo de indicador.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TipoIndicador {
    /// Mide el cambio buscado en la situación de las personas.
    Resultado,
    /// Cuenta actividades o productos.
    Actividad,
}

/// Presupuesto de una acción.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Presupuesto {
    /// Monto en dólares (USD). Obligatorio.
    pub monto: f64,
    /// Fuente de financiamiento. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fuente: Option<String>,
    /// `true` si el monto ya está asignado en un presupuesto aprobado; `false` si todavía hay que
    /// gestionarlo. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asignado: Option<bool>,
    /// Quién financia: `municipio` (el GAD municipal, lo compromete el Concejo), `otras_entidades`
    /// (por gestionar con ellas) o `mixto`. Opcional; sin él, se deduce de `fuente`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financia: Option<Financia>,
    /// En un financiamiento `mixto`, la parte del monto que pone el GAD municipal, en dólares.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aporte_municipal: Option<f64>,
}

/// Quién financia una acción.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Financia {
    /// El GAD municipal: lo compromete el Concejo.
    Municipio,
    /// Otras entidades (el Estado central, la cooperación): el Concejo no lo compromete.
    OtrasEntidades,
    /// El GAD municipal y otras entidades: `aporte_municipal` dice la parte del GAD.
    Mixto,
}

/// Etapa de la ruta de atención a víctimas.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EtapaRuta {
    /// Etapa de la ruta nacional. Obligatorio. Ejemplo: `identificacion`. Una etapa puede tener
    /// varias entradas, una por población.
    pub etapa: String,
    /// A quién atiende esta entrada: `todas`, `ninez_adolescencia`, `adultos`, `extranjeros`,
    /// `en_el_exterior` o `mujeres_adultas` (medidas de protección inmediata de la Junta Cantonal).
    /// Opcional, pero cada etapa obligatoria debe decir quién atiende a niñas, niños y
    /// adolescentes, a personas adultas y a personas extranjeras.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poblacion: Option<String>,
    /// Id del actor que responde en esta etapa. Sin responsable, una víctima no tiene a quién
    /// acudir.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsable: Option<String>,
    /// Ids de los actores que apoyan. Opcional.
    #[serde(default)]
    pub apoyo: Vec<String>,
    /// Plazo de respuesta que el plan compromete, en horas: en cuánto tiempo actúa el responsable
    /// desde que la etapa se activa. Opcional, pero necesario en cada etapa obligatoria.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plazo_horas: Option<u32>,
    /// Etapas que deben cumplirse antes de esta. Opcional. La protección, la salud, la
    /// intervención en crisis, el retorno y la reintegración no pueden esperar a la denuncia.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requiere: Vec<String>,
    /// Quién evalúa y cómo el riesgo antes de que la víctima vuelva a su familia, a su comunidad o
    /// a su país (Markdown). Necesario en el retorno y en la reintegración.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluacion_riesgo: Option<String>,
    /// Qué se hace en esta etapa (Markdown). Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub descripcion: Option<String>,
}

/// Etapa de la ruta de atención a personas objeto de tráfico ilícito de migrantes.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EtapaTrafico {
    /// Etapa de la ruta de tráfico ilícito de migrantes. Obligatorio. Ejemplo: `deteccion`.
    pub etapa: String,
    /// A quién atiende esta entrada, como en la ruta de atención. Opcional: sin ella, vale para
    /// todas las personas objeto de tráfico.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poblacion: Option<String>,
    /// Id del actor que responde en esta etapa.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsable: Option<String>,
    /// Ids de los actores que apoyan. Opcional.
    #[serde(default)]
    pub apoyo: Vec<String>,
    /// Plazo de respuesta que el plan compromete, en horas. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plazo_horas: Option<u32>,
    /// Etapas que deben cumplirse antes de esta. Opcional. La asistencia no espera a la denuncia.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requiere: Vec<String>,
    /// Qué se hace en esta etapa (Markdown). Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub descripcion: Option<String>,
}

/// Seguimiento del plan.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Seguimiento {
    /// Id del actor responsable del seguimiento. Obligatorio.
    pub responsable: String,
    /// Frecuencia: `mensual`, `trimestral`, `semestral` o `anual`. Obligatorio.
    pub frecuencia: Frecuencia,
    /// Cómo se hará (Markdown). Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub descripcion: Option<String>,
    /// A quién informa el responsable del seguimiento. Opcional. Ejemplo: `Concejo Municipal`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub informa_a: Option<String>,
    /// Fecha de la evaluación de medio término, AAAA-MM-DD. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluacion_intermedia: Option<NaiveDate>,
    /// Fecha de la evaluación final, AAAA-MM-DD. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluacion_final: Option<NaiveDate>,
    /// Cómo se rinden cuentas a la ciudadanía (Markdown). Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rendicion_cuentas: Option<String>,
    /// Si el plan crea un registro de casos: quién lo custodia, quién accede y cómo se protegen
    /// los datos personales de las víctimas (Markdown). Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proteccion_datos: Option<String>,
}

/// Frecuencia del seguimiento.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Frecuencia {
    /// Cada mes.
    Mensual,
    /// Cada tres meses.
    Trimestral,
    /// Cada seis meses.
    Semestral,
    /// Cada año.
    Anual,
}
