//! The workshop workbook: cantonal workshops fill the parts of a plan in a spreadsheet, and the
//! filled workbook becomes a plan file.
//!
//! [`plantilla`] writes the template (`cantonal plantilla-taller`): one sheet per part of the
//! plan, a header row and a row that explains each column in Spanish, drop-down lists for the
//! national catalogues and for the ids declared on other sheets, optionally filled from an
//! existing plan. [`importar`] reads a filled workbook (XLSX, or ODS) back into the text of a
//! plan file (`cantonal importar`), with every problem located by sheet, row and column.
//!
//! Both sides read the same description of the workbook, [`HOJAS`] and [`GENERALES`]: each column
//! names the plan key it holds (`indicador.meta`), so a plan → template → plan round trip gives
//! the same plan, and a diagnostic about `acciones.A3.indicador.meta` points to the cell the
//! workshop filled.

pub mod importar;
pub mod libro;
pub mod plantilla;

use crate::reference::nacional::Referencia;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tipo {
    /// Text (Markdown in the plan's free-text fields).
    Texto,
    /// A date.
    Fecha,
    /// A number.
    Numero,
    /// A whole number.
    Entero,
    /// Ids separated by commas.
    Ids,
    /// Free-text items separated by semicolons (places).
    Lugares,
    /// Yes or no: `sí` / `no`.
    SiNo,
    /// Counts by catalogue id: `explotacion_sexual: 3; mendicidad: 1`.
    Conteos,
}

/// Where the values of a drop-down list come from.
#[derive(Debug, Clone, Copy)]
pub enum Opciones {
    /// No list.
    Ninguna,
    /// A catalogue of the national reference: its ids, listed on the sheet "Listas" under
    /// this heading (see [`catalogos`]).
    Catalogo(&'static str),
    /// The ids declared in the first column of another sheet.
    Ids(&'static str),
    /// Fixed values of the plan format.
    Fijas(&'static [&'static str]),
}

/// A column of a sheet.
#[derive(Debug, Clone, Copy)]
pub struct Columna {
    /// Heading, as the workshop reads it.
    pub titulo: &'static str,
    /// The plan key it holds, relative to the item (`indicador.meta`).
    pub clave: &'static str,
    /// What it holds.
    pub tipo: Tipo,
    /// What to write, in Spanish (the second header row).
    pub ayuda: &'static str,
    /// Drop-down list.
    pub opciones: Opciones,
}

/// A sheet with one item of a plan list per row.
#[derive(Debug, Clone, Copy)]
pub struct Hoja {
    /// Sheet name.
    pub nombre: &'static str,
    /// The plan list it holds (`acciones`, `elaboracion.equipo`).
    pub lista: &'static str,
    /// Columns, in order.
    pub columnas: &'static [Columna],
}

/// Rows of the sheet "Datos generales": one field of the plan per row (label, value, help).
pub const GENERALES: &[Columna] = &[
    col(
        "Referencia nacional",
        "plan_nacional",
        Tipo::Texto,
        "Id de la referencia nacional. Obligatorio. Normalmente pacta-2019-2030.",
        Opciones::Ninguna,
    ),
    col(
        "Código DPA del cantón",
        "canton.codigo",
        Tipo::Texto,
        "Cuatro dígitos del catálogo DPA del INEC. Obligatorio.",
        Opciones::Ninguna,
    ),
    col(
        "Cantón",
        "canton.nombre",
        Tipo::Texto,
        "Nombre del cantón. Obligatorio.",
        Opciones::Ninguna,
    ),
    col(
        "Provincia",
        "canton.provincia",
        Tipo::Texto,
        "Provincia del cantón. Obligatorio.",
        Opciones::Ninguna,
    ),
    col(
        "Inicio del período",
        "periodo.inicio",
        Tipo::Fecha,
        "Fecha de inicio del plan (AAAA-MM-DD). Obligatorio.",
        Opciones::Ninguna,
    ),
    col(
        "Fin del período",
        "periodo.fin",
        Tipo::Fecha,
        "Fecha de fin del plan (AAAA-MM-DD). Obligatorio.",
        Opciones::Ninguna,
    ),
    col(
        "Estado",
        "estado",
        Tipo::Texto,
        "borrador, en_revision o aprobado. Obligatorio.",
        Opciones::Fijas(&["borrador", "en_revision", "aprobado"]),
    ),
    col(
        "Aprobación: instrumento",
        "aprobacion.instrumento",
        Tipo::Texto,
        "ordenanza o resolucion. Solo si el Concejo aprobó el plan.",
        Opciones::Fijas(&["ordenanza", "resolucion"]),
    ),
    col(
        "Aprobación: número",
        "aprobacion.numero",
        Tipo::Texto,
        "Número del instrumento de aprobación.",
        Opciones::Ninguna,
    ),
    col(
        "Aprobación: fecha",
        "aprobacion.fecha",
        Tipo::Fecha,
        "Fecha de aprobación (AAAA-MM-DD).",
        Opciones::Ninguna,
    ),
    col(
        "Aprobación: órgano",
        "aprobacion.organo",
        Tipo::Texto,
        "Órgano que aprobó, por ejemplo Concejo Municipal.",
        Opciones::Ninguna,
    ),
    col(
        "Fecha de elaboración",
        "elaboracion.fecha",
        Tipo::Fecha,
        "Cuándo se elaboró el plan (AAAA-MM-DD). El equipo va en la hoja Equipo.",
        Opciones::Ninguna,
    ),
    col(
        "Presentación",
        "presentacion",
        Tipo::Texto,
        "Texto de presentación del plan. Opcional.",
        Opciones::Ninguna,
    ),
    col(
        "Contexto del diagnóstico",
        "diagnostico.contexto",
        Tipo::Texto,
        "Contexto del cantón. Opcional. Los casos por año van en la hoja Casos.",
        Opciones::Ninguna,
    ),
    col(
        "Objetivo general",
        "objetivo_general",
        Tipo::Texto,
        "Objetivo general del plan. Opcional.",
        Opciones::Ninguna,
    ),
    col(
        "Seguimiento: responsable",
        "seguimiento.responsable",
        Tipo::Texto,
        "Id del actor que da seguimiento (hoja Actores). Obligatorio.",
        Opciones::Ids("Actores"),
    ),
    col(
        "Seguimiento: frecuencia",
        "seguimiento.frecuencia",
        Tipo::Texto,
        "mensual, trimestral, semestral o anual. Obligatorio.",
        Opciones::Fijas(&["mensual", "trimestral", "semestral", "anual"]),
    ),
    col(
        "Seguimiento: descripción",
        "seguimiento.descripcion",
        Tipo::Texto,
        "Cómo se dará seguimiento. Opcional.",
        Opciones::Ninguna,
    ),
    col(
        "Plan de ejemplo",
        "ejemplo",
        Tipo::SiNo,
        "sí si el plan es un ejemplo con datos ficticios (cada página lleva la marca EJEMPLO). Opcional.",
        Opciones::Fijas(&["sí", "no"]),
    ),
    col(
        "Nombre oficial del cantón",
        "canton.nombre_oficial",
        Tipo::Texto,
        "Solo si es distinto del nombre (por ejemplo, San Miguel de Ibarra); el del cantón, no el de su GAD. Opcional.",
        Opciones::Ninguna,
    ),
];

/// The sheets with the plan's lists, in order.
pub const HOJAS: &[Hoja] = &[
    Hoja {
        nombre: "Equipo",
        lista: "elaboracion.equipo",
        columnas: &[
            col(
                "Nombre",
                "nombre",
                Tipo::Texto,
                "Nombre de la persona. Obligatorio.",
                Opciones::Ninguna,
            ),
            col(
                "Cargo",
                "cargo",
                Tipo::Texto,
                "Cargo. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Institución",
                "institucion",
                Tipo::Texto,
                "Institución. Opcional.",
                Opciones::Ninguna,
            ),
        ],
    },
    Hoja {
        nombre: "Casos",
        lista: "diagnostico.casos",
        columnas: &[
            col(
                "Año",
                "anio",
                Tipo::Entero,
                "Año. Obligatorio.",
                Opciones::Ninguna,
            ),
            col(
                "Casos",
                "casos",
                Tipo::Entero,
                "Casos registrados ese año. Obligatorio.",
                Opciones::Ninguna,
            ),
            col(
                "Fuente",
                "fuente",
                Tipo::Texto,
                "Fuente del dato. Obligatorio.",
                Opciones::Ninguna,
            ),
            col(
                "Mujeres",
                "desglose.sexo.mujeres",
                Tipo::Entero,
                "Casos de mujeres. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Hombres",
                "desglose.sexo.hombres",
                Tipo::Entero,
                "Casos de hombres. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Sexo sin dato",
                "desglose.sexo.sin_dato",
                Tipo::Entero,
                "Casos sin el dato de sexo. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Niñez y adolescencia",
                "desglose.edad.ninez_adolescencia",
                Tipo::Entero,
                "Casos de menores de 18 años. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Adultos",
                "desglose.edad.adultos",
                Tipo::Entero,
                "Casos de personas adultas. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Edad sin dato",
                "desglose.edad.sin_dato",
                Tipo::Entero,
                "Casos sin el dato de edad. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Ecuatorianas",
                "desglose.nacionalidad.ecuatoriana",
                Tipo::Entero,
                "Casos de víctimas ecuatorianas. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Extranjeras",
                "desglose.nacionalidad.extranjera",
                Tipo::Entero,
                "Casos de víctimas de otra nacionalidad. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Nacionalidad sin dato",
                "desglose.nacionalidad.sin_dato",
                Tipo::Entero,
                "Casos sin el dato de nacionalidad. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Casos por fin",
                "desglose.fines",
                Tipo::Conteos,
                "Casos por fin de explotación: `explotacion_sexual: 3; mendicidad: 1`. Opcional.",
                Opciones::Ninguna,
            ),
        ],
    },
    Hoja {
        nombre: "Riesgos",
        lista: "riesgos",
        columnas: &[
            col(
                "Id",
                "id",
                Tipo::Texto,
                "Identificador único, por ejemplo R1. Obligatorio.",
                Opciones::Ninguna,
            ),
            col(
                "Título",
                "titulo",
                Tipo::Texto,
                "Título breve. Obligatorio.",
                Opciones::Ninguna,
            ),
            col(
                "Fines de explotación",
                "fines",
                Tipo::Ids,
                "Ids de la hoja Listas, separados por comas. Obligatorio.",
                Opciones::Ninguna,
            ),
            col(
                "Poblaciones",
                "poblaciones",
                Tipo::Ids,
                "Ids de la hoja Listas, separados por comas. Obligatorio.",
                Opciones::Ninguna,
            ),
            col(
                "Zonas",
                "zonas",
                Tipo::Lugares,
                "Lugares del cantón, separados por punto y coma. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Probabilidad",
                "probabilidad",
                Tipo::Texto,
                "alta, media o baja. Obligatorio.",
                Opciones::Fijas(&["alta", "media", "baja"]),
            ),
            col(
                "Impacto",
                "impacto",
                Tipo::Texto,
                "alto, medio o bajo. Obligatorio.",
                Opciones::Fijas(&["alto", "medio", "bajo"]),
            ),
            col(
                "Descripción",
                "descripcion",
                Tipo::Texto,
                "Descripción. Opcional.",
                Opciones::Ninguna,
            ),
        ],
    },
    Hoja {
        nombre: "Actores",
        lista: "actores",
        columnas: &[
            col(
                "Id",
                "id",
                Tipo::Texto,
                "Identificador único, sin espacios ni tildes, por ejemplo gad-ibarra. Obligatorio.",
                Opciones::Ninguna,
            ),
            col(
                "Nombre",
                "nombre",
                Tipo::Texto,
                "Nombre completo. Obligatorio.",
                Opciones::Ninguna,
            ),
            col(
                "Tipo",
                "tipo",
                Tipo::Texto,
                "Tipo de actor (lista). Obligatorio.",
                Opciones::Catalogo("Tipos de actor"),
            ),
            col(
                "Institución nacional",
                "institucion",
                Tipo::Texto,
                "Institución nacional a la que pertenece (lista). Opcional.",
                Opciones::Catalogo("Instituciones nacionales"),
            ),
            col(
                "Papel en el plan",
                "rol",
                Tipo::Texto,
                "Qué hace en el plan. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Teléfono",
                "contacto.telefono",
                Tipo::Texto,
                "Teléfono. Necesario si responde en la ruta de atención.",
                Opciones::Ninguna,
            ),
            col(
                "Correo",
                "contacto.correo",
                Tipo::Texto,
                "Correo electrónico. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Dirección",
                "contacto.direccion",
                Tipo::Texto,
                "Dirección. Opcional.",
                Opciones::Ninguna,
            ),
        ],
    },
    Hoja {
        nombre: "Objetivos",
        lista: "objetivos",
        columnas: &[
            col(
                "Id",
                "id",
                Tipo::Texto,
                "Identificador único, por ejemplo O1. Obligatorio.",
                Opciones::Ninguna,
            ),
            col(
                "Eje",
                "eje",
                Tipo::Texto,
                "Eje del plan nacional (lista). Obligatorio.",
                Opciones::Catalogo("Ejes"),
            ),
            col(
                "Descripción",
                "descripcion",
                Tipo::Texto,
                "Qué se quiere lograr. Obligatorio.",
                Opciones::Ninguna,
            ),
        ],
    },
    Hoja {
        nombre: "Acciones",
        lista: "acciones",
        columnas: &[
            col(
                "Id",
                "id",
                Tipo::Texto,
                "Identificador único, por ejemplo A1. Obligatorio.",
                Opciones::Ninguna,
            ),
            col(
                "Objetivo",
                "objetivo",
                Tipo::Texto,
                "Id del objetivo (hoja Objetivos). Obligatorio.",
                Opciones::Ids("Objetivos"),
            ),
            col(
                "Descripción",
                "descripcion",
                Tipo::Texto,
                "Qué se hará. Obligatorio.",
                Opciones::Ninguna,
            ),
            col(
                "Riesgos",
                "riesgos",
                Tipo::Ids,
                "Ids de los riesgos que atiende (hoja Riesgos), separados por comas. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Responsable",
                "responsable",
                Tipo::Texto,
                "Id del actor responsable (hoja Actores). Obligatorio.",
                Opciones::Ids("Actores"),
            ),
            col(
                "Corresponsables",
                "corresponsables",
                Tipo::Ids,
                "Ids de actores (hoja Actores), separados por comas. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Fines",
                "fines",
                Tipo::Ids,
                "Fines de explotación a los que se dirige (ids de la hoja Listas), separados por comas. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Poblaciones",
                "poblaciones",
                Tipo::Ids,
                "Poblaciones a las que se dirige (ids de la hoja Listas), separadas por comas. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Indicador",
                "indicador.nombre",
                Tipo::Texto,
                "Nombre del indicador. Obligatorio.",
                Opciones::Ninguna,
            ),
            col(
                "Tipo de indicador",
                "indicador.tipo",
                Tipo::Texto,
                "resultado (mide el cambio buscado) o actividad (cuenta lo hecho). Opcional.",
                Opciones::Fijas(&["resultado", "actividad"]),
            ),
            col(
                "Unidad",
                "indicador.unidad",
                Tipo::Texto,
                "Unidad de medida. Recomendado.",
                Opciones::Ninguna,
            ),
            col(
                "Línea base",
                "indicador.linea_base",
                Tipo::Numero,
                "Valor al inicio (número). Recomendado.",
                Opciones::Ninguna,
            ),
            col(
                "Meta",
                "indicador.meta",
                Tipo::Numero,
                "Valor a alcanzar (número). Recomendado.",
                Opciones::Ninguna,
            ),
            col(
                "Medio de verificación",
                "indicador.medio_verificacion",
                Tipo::Texto,
                "Cómo se comprobará. Recomendado.",
                Opciones::Ninguna,
            ),
            col(
                "Inicio",
                "plazo.inicio",
                Tipo::Fecha,
                "Fecha de inicio (AAAA-MM-DD), dentro del período. Obligatorio.",
                Opciones::Ninguna,
            ),
            col(
                "Fin",
                "plazo.fin",
                Tipo::Fecha,
                "Fecha de fin (AAAA-MM-DD), dentro del período. Obligatorio.",
                Opciones::Ninguna,
            ),
            col(
                "Presupuesto (USD)",
                "presupuesto.monto",
                Tipo::Numero,
                "Monto en dólares (número). Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Fuente de financiamiento",
                "presupuesto.fuente",
                Tipo::Texto,
                "Quién financia. Opcional.",
                Opciones::Ninguna,
            ),
        ],
    },
    Hoja {
        nombre: "Ruta de atención",
        lista: "ruta_atencion",
        columnas: &[
            col(
                "Etapa",
                "etapa",
                Tipo::Texto,
                "Etapa de la ruta nacional (lista). Obligatorio.",
                Opciones::Catalogo("Etapas de la ruta"),
            ),
            col(
                "Población",
                "poblacion",
                Tipo::Texto,
                "A quién atiende esta fila: todas, ninez_adolescencia, adultos, extranjeros o en_el_exterior (una fila por población).",
                Opciones::Catalogo("Poblaciones de la ruta"),
            ),
            col(
                "Responsable",
                "responsable",
                Tipo::Texto,
                "Id del actor que atiende a la víctima en esta etapa (hoja Actores).",
                Opciones::Ids("Actores"),
            ),
            col(
                "Apoyo",
                "apoyo",
                Tipo::Ids,
                "Ids de actores que apoyan, separados por comas. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Plazo (horas)",
                "plazo_horas",
                Tipo::Entero,
                "Plazo máximo de respuesta, en horas. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Después de",
                "requiere",
                Tipo::Ids,
                "Etapas que deben cumplirse antes (ids), separadas por comas. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Descripción",
                "descripcion",
                Tipo::Texto,
                "Qué se hace en esta etapa. Opcional.",
                Opciones::Ninguna,
            ),
            col(
                "Evaluación del riesgo",
                "evaluacion_riesgo",
                Tipo::Texto,
                "Antes de un retorno o una reintegración: cómo se evalúa el riesgo. Opcional.",
                Opciones::Ninguna,
            ),
        ],
    },
];

/// Name of the sheet of general data.
pub const HOJA_GENERALES: &str = "Datos generales";
/// Name of the sheet with the catalogue values.
pub const HOJA_LISTAS: &str = "Listas";
/// Rows before the data in a list sheet: the headings and their explanations.
pub const FILAS_ENCABEZADO: u32 = 2;

const fn col(
    titulo: &'static str,
    clave: &'static str,
    tipo: Tipo,
    ayuda: &'static str,
    opciones: Opciones,
) -> Columna {
    Columna {
        titulo,
        clave,
        tipo,
        ayuda,
        opciones,
    }
}

fn ids(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

/// The catalogues listed on the sheet "Listas", with their headings.
pub fn catalogos(r: &Referencia) -> Vec<(&'static str, Vec<String>)> {
    vec![
        ("Ejes", ids(&r.ejes.ids())),
        ("Fines de explotación", ids(&r.fines_explotacion.ids())),
        ("Poblaciones", ids(&r.poblaciones.ids())),
        ("Tipos de actor", ids(&r.tipos_actor.ids())),
        ("Instituciones nacionales", ids(&r.instituciones.ids())),
        ("Etapas de la ruta", ids(&r.etapas_ruta.ids())),
        ("Poblaciones de la ruta", ids(&r.poblaciones_ruta.ids())),
    ]
}
