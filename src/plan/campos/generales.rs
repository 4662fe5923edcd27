//! The plan's general data: format, national reference, canton, period, state, approval,
//! drafting and the introductory texts.

use super::{Campo, Catalogo, Identidad, Lista, Requerido, Tipo, Valor, c};

pub(super) const FORMATO: Campo = c(
    "formato",
    "Versión del formato",
    Tipo::Entero,
    Requerido::Si,
    "Hoy es siempre 1; el programa la escribe por usted.",
    "1",
);

pub(super) const PLAN_NACIONAL: Campo = c(
    "plan_nacional",
    "Plan nacional",
    Tipo::Catalogo {
        catalogo: Catalogo::PlanNacional,
    },
    Requerido::Si,
    "El plan nacional con el que se alinea este plan: de él salen los ejes, las etapas de la ruta y las instituciones que se pueden elegir.",
    "Plan de Acción contra la Trata de Personas en Ecuador 2019-2030 (PACTA)",
);

pub(super) const CANTON: Campo = c(
    "canton",
    "Cantón",
    Tipo::Grupo {
        campos: &[
            c(
                "codigo",
                "Código del cantón",
                Tipo::Texto,
                Requerido::Si,
                "Los cuatro dígitos del cantón en la división político-administrativa del INEC. Un plan nuevo ya lo trae.",
                "1001",
            ),
            c(
                "nombre",
                "Nombre del cantón",
                Tipo::Texto,
                Requerido::Si,
                "El nombre corto del cantón, como se usa a diario.",
                "Ibarra",
            ),
            c(
                "provincia",
                "Provincia",
                Tipo::Texto,
                Requerido::Si,
                "La provincia a la que pertenece el cantón.",
                "Imbabura",
            ),
            c(
                "nombre_oficial",
                "Nombre oficial del cantón",
                Tipo::Texto,
                Requerido::No,
                "Solo si el nombre oficial del cantón es distinto del nombre corto. Es el nombre del cantón, no el del municipio: la portada escribe sola «Gobierno Autónomo Descentralizado Municipal del cantón…».",
                "San Miguel de Ibarra",
            ),
            c(
                "escudo",
                "Archivo del escudo",
                Tipo::Texto,
                Requerido::No,
                "El nombre del archivo de imagen del escudo del cantón (PNG, JPEG o SVG), guardado en la misma carpeta que el plan. Va en la portada y en el encabezado de cada página.",
                "escudo-ibarra.png",
            ),
        ],
    },
    Requerido::Si,
    "El cantón al que pertenece el plan, según el catálogo del INEC.",
    "",
);

pub(super) const PERIODO: Campo = c(
    "periodo",
    "Período del plan",
    Tipo::Grupo {
        campos: &[
            c(
                "inicio",
                "Inicio del período",
                Tipo::Fecha,
                Requerido::Si,
                "El día en que empieza a regir el plan.",
                "2026-01-01",
            ),
            c(
                "fin",
                "Fin del período",
                Tipo::Fecha,
                Requerido::Si,
                "El último día del plan. El período debe quedar dentro del plan nacional.",
                "2028-12-31",
            ),
        ],
    },
    Requerido::Si,
    "Las fechas en que rige el plan.",
    "",
);

pub(super) const ESTADO: Campo = c(
    "estado",
    "Estado del documento",
    Tipo::Opcion {
        valores: &[
            Valor {
                id: "borrador",
                nombre: "Borrador",
            },
            Valor {
                id: "en_revision",
                nombre: "En revisión",
            },
            Valor {
                id: "aprobado",
                nombre: "Aprobado",
            },
        ],
    },
    Requerido::Si,
    "Borrador mientras se elabora; en revisión cuando lo revisa la asesoría técnica; aprobado cuando el Concejo lo aprobó (entonces se completa el acto de aprobación y los controles se vuelven más exigentes).",
    "Borrador",
);

pub(super) const EJEMPLO: Campo = c(
    "ejemplo",
    "Plan de ejemplo",
    Tipo::SiNo,
    Requerido::No,
    "Sí solo en un plan de ejemplo con datos ilustrativos: cada página del documento lleva entonces la marca EJEMPLO.",
    "No",
);

pub(super) const APROBACION: Campo = c(
    "aprobacion",
    "Acto de aprobación",
    Tipo::Grupo {
        campos: &[
            c(
                "instrumento",
                "Instrumento de aprobación",
                Tipo::Opcion {
                    valores: &[
                        Valor {
                            id: "ordenanza",
                            nombre: "Ordenanza",
                        },
                        Valor {
                            id: "resolucion",
                            nombre: "Resolución del Concejo",
                        },
                    ],
                },
                Requerido::Si,
                "Con qué instrumento aprobó el Concejo el plan.",
                "Ordenanza",
            ),
            c(
                "numero",
                "Número del instrumento",
                Tipo::Texto,
                Requerido::Si,
                "El número de la ordenanza o de la resolución, como lo escribe el Concejo.",
                "014-2026",
            ),
            c(
                "fecha",
                "Fecha de aprobación",
                Tipo::Fecha,
                Requerido::Si,
                "El día en que el Concejo aprobó el plan.",
                "2026-03-20",
            ),
            c(
                "organo",
                "Órgano que aprobó",
                Tipo::Texto,
                Requerido::Si,
                "El nombre del órgano que aprobó el plan.",
                "Concejo Municipal de Ibarra",
            ),
            c(
                "primer_debate",
                "Fecha del primer debate",
                Tipo::Fecha,
                Requerido::No,
                "Si el plan se aprobó por ordenanza: el día del primer debate en el Concejo. El segundo debate es el de la fecha de aprobación.",
                "2026-03-01",
            ),
            c(
                "sancion",
                "Fecha de la sanción",
                Tipo::Fecha,
                Requerido::No,
                "Si el plan se aprobó por ordenanza: el día en que la alcaldía la sancionó.",
                "2026-03-20",
            ),
            c(
                "publicacion",
                "Publicación",
                Tipo::Texto,
                Requerido::No,
                "Si el plan se aprobó por ordenanza: dónde y cuándo se publicó (gaceta oficial municipal, sitio web del GAD, Registro Oficial).",
                "Gaceta oficial del GAD y su sitio web",
            ),
            c(
                "firmantes",
                "Firmantes",
                Tipo::Lista {
                    lista: &Lista {
                        singular: "firmante",
                        plural: "firmantes",
                        hoja: "Firmantes",
                        identidad: Identidad::Posicion,
                        prefijo: "",
                        resumen: &["nombre", "cargo"],
                        campos: &[
                            c(
                                "nombre",
                                "Nombre de quien firma",
                                Tipo::Texto,
                                Requerido::Si,
                                "El nombre de la persona que firma el acto de aprobación.",
                                "",
                            ),
                            c(
                                "cargo",
                                "Cargo de quien firma",
                                Tipo::Texto,
                                Requerido::Si,
                                "Su cargo, como va bajo la firma.",
                                "Alcaldesa del cantón Ibarra",
                            ),
                        ],
                    },
                },
                Requerido::No,
                "Quienes firman el acto, en el orden del bloque de firmas. Sin nombres, el documento deja las líneas de firma con los cargos habituales. Cuando el alcalde o la alcaldesa preside el Consejo Cantonal de Protección de Derechos, firma una sola vez.",
                "",
            ),
        ],
    },
    Requerido::SiAprobado,
    "El acto con el que el Concejo aprobó el plan. Se completa cuando el estado es «aprobado».",
    "",
);

pub(super) const ELABORACION: Campo = c(
    "elaboracion",
    "Elaboración",
    Tipo::Grupo {
        campos: &[
            c(
                "fecha",
                "Fecha de elaboración",
                Tipo::Fecha,
                Requerido::Si,
                "Cuándo se terminó de elaborar esta versión del plan.",
                "2025-11-28",
            ),
            c(
                "equipo",
                "Equipo que elaboró el plan",
                Tipo::Lista {
                    lista: &Lista {
                        singular: "persona del equipo",
                        plural: "personas del equipo",
                        hoja: "Equipo",
                        identidad: Identidad::Posicion,
                        prefijo: "",
                        resumen: &["nombre", "institucion"],
                        campos: &[
                            c(
                                "nombre",
                                "Nombre",
                                Tipo::Texto,
                                Requerido::Si,
                                "El nombre de la persona.",
                                "",
                            ),
                            c(
                                "cargo",
                                "Cargo",
                                Tipo::Texto,
                                Requerido::No,
                                "Su cargo en la institución.",
                                "Secretaria ejecutiva",
                            ),
                            c(
                                "institucion",
                                "Institución",
                                Tipo::Texto,
                                Requerido::No,
                                "La institución en la que trabaja.",
                                "Consejo Cantonal de Protección de Derechos de Ibarra",
                            ),
                        ],
                    },
                },
                Requerido::No,
                "Las personas que elaboraron el plan.",
                "",
            ),
        ],
    },
    Requerido::No,
    "Quién elaboró el plan y cuándo.",
    "",
);

pub(super) const PRESENTACION: Campo = c(
    "presentacion",
    "Presentación",
    Tipo::Parrafos,
    Requerido::No,
    "Unas palabras de presentación del plan, de la autoridad del cantón.",
    "",
);

pub(super) const SIGLAS: Campo = c(
    "siglas",
    "Siglas propias del plan",
    Tipo::Lista {
        lista: &Lista {
            singular: "sigla",
            plural: "siglas",
            hoja: "Siglas",
            identidad: Identidad::Posicion,
            prefijo: "",
            resumen: &["siglas", "significado"],
            campos: &[
                c(
                    "siglas",
                    "Sigla",
                    Tipo::Texto,
                    Requerido::Si,
                    "La sigla, como la escribe el plan.",
                    "UPC",
                ),
                c(
                    "significado",
                    "Significado",
                    Tipo::Texto,
                    Requerido::Si,
                    "Lo que significa la sigla, escrito completo.",
                    "Unidad de Policía Comunitaria",
                ),
            ],
        },
    },
    Requerido::No,
    "Las siglas que usa el plan y que no son de instituciones nacionales (las de estas ya las conoce el programa). Van a la tabla de siglas del documento.",
    "",
);

pub(super) const INTRODUCCION: Campo = c(
    "introduccion",
    "Introducción",
    Tipo::Parrafos,
    Requerido::No,
    "Por qué el cantón necesita este plan y cómo se elaboró (talleres, instituciones que participaron).",
    "",
);
