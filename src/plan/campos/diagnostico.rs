//! The diagnosis (context, cases by year and their breakdown) and the canton's risks.

use super::{Campo, Catalogo, Identidad, Lista, Requerido, Tipo, Valor, c};

/// Counts of one breakdown group: each a whole number of cases.
const fn cuenta(clave: &'static str, etiqueta: &'static str, ayuda: &'static str) -> Campo {
    c(clave, etiqueta, Tipo::Entero, Requerido::No, ayuda, "")
}

pub(super) const DIAGNOSTICO: Campo = c(
    "diagnostico",
    "Diagnóstico",
    Tipo::Grupo {
        campos: &[
            c(
                "contexto",
                "Contexto del cantón",
                Tipo::Parrafos,
                Requerido::No,
                "La situación del cantón que explica sus riesgos: población, movilidad humana, economía, lugares de paso.",
                "",
            ),
            c(
                "casos",
                "Casos registrados por año",
                Tipo::Lista {
                    lista: &Lista {
                        singular: "año",
                        plural: "años",
                        hoja: "Casos",
                        identidad: Identidad::Posicion,
                        prefijo: "",
                        resumen: &["anio"],
                        campos: &[
                            c(
                                "anio",
                                "Año",
                                Tipo::Entero,
                                Requerido::Si,
                                "El año de los casos.",
                                "2025",
                            ),
                            c(
                                "casos",
                                "Número de casos",
                                Tipo::Entero,
                                Requerido::Si,
                                "Cuántos casos de trata se registraron en el cantón ese año.",
                                "7",
                            ),
                            c(
                                "fuente",
                                "Fuente del dato",
                                Tipo::Texto,
                                Requerido::Si,
                                "De dónde sale la cifra: la institución y, si lo hay, el informe.",
                                "Fiscalía Provincial de Imbabura",
                            ),
                            c(
                                "desglose",
                                "Desglose de los casos",
                                Tipo::Grupo {
                                    campos: &[
                                        c(
                                            "sexo",
                                            "Por sexo",
                                            Tipo::Grupo {
                                                campos: &[
                                                    cuenta(
                                                        "mujeres",
                                                        "Mujeres",
                                                        "Los casos en que la víctima es una mujer o una niña.",
                                                    ),
                                                    cuenta(
                                                        "hombres",
                                                        "Hombres",
                                                        "Los casos en que la víctima es un hombre o un niño.",
                                                    ),
                                                    cuenta(
                                                        "sin_dato",
                                                        "Sexo sin dato",
                                                        "Los casos del año sin el dato del sexo de la víctima.",
                                                    ),
                                                ],
                                            },
                                            Requerido::No,
                                            "Los casos del año por sexo de la víctima; suman el total del año.",
                                            "",
                                        ),
                                        c(
                                            "edad",
                                            "Por edad",
                                            Tipo::Grupo {
                                                campos: &[
                                                    cuenta(
                                                        "ninez_adolescencia",
                                                        "Niñas, niños y adolescentes",
                                                        "Los casos de víctimas menores de 18 años.",
                                                    ),
                                                    cuenta(
                                                        "adultos",
                                                        "Personas adultas",
                                                        "Los casos de víctimas de 18 años o más.",
                                                    ),
                                                    cuenta(
                                                        "sin_dato",
                                                        "Edad sin dato",
                                                        "Los casos del año sin el dato de la edad de la víctima.",
                                                    ),
                                                ],
                                            },
                                            Requerido::No,
                                            "Los casos del año por grupo de edad de la víctima; suman el total del año.",
                                            "",
                                        ),
                                        c(
                                            "nacionalidad",
                                            "Por nacionalidad",
                                            Tipo::Grupo {
                                                campos: &[
                                                    cuenta(
                                                        "ecuatoriana",
                                                        "Ecuatorianas",
                                                        "Los casos de víctimas de nacionalidad ecuatoriana.",
                                                    ),
                                                    cuenta(
                                                        "extranjera",
                                                        "De otra nacionalidad",
                                                        "Los casos de víctimas de otra nacionalidad.",
                                                    ),
                                                    cuenta(
                                                        "sin_dato",
                                                        "Nacionalidad sin dato",
                                                        "Los casos del año sin el dato de la nacionalidad de la víctima.",
                                                    ),
                                                ],
                                            },
                                            Requerido::No,
                                            "Los casos del año por nacionalidad de la víctima; suman el total del año.",
                                            "",
                                        ),
                                        c(
                                            "fines",
                                            "Por fin de explotación",
                                            Tipo::Conteos {
                                                catalogo: Catalogo::Fines,
                                            },
                                            Requerido::No,
                                            "Cuántos casos hubo de cada fin de explotación. Un caso puede tener más de un fin, así que estas cifras no tienen que sumar el total.",
                                            "",
                                        ),
                                    ],
                                },
                                Requerido::Recomendado,
                                "Los mismos casos por sexo, edad, nacionalidad y fin de explotación: muestra a quién afecta la trata en el cantón.",
                                "",
                            ),
                        ],
                    },
                },
                Requerido::No,
                "Los casos de trata registrados en el cantón, un año por fila.",
                "",
            ),
        ],
    },
    Requerido::No,
    "La situación de la trata en el cantón: su contexto y los casos registrados.",
    "",
);

/// Probability of a risk.
const PROBABILIDAD: &[Valor] = &[
    Valor {
        id: "alta",
        nombre: "Alta",
    },
    Valor {
        id: "media",
        nombre: "Media",
    },
    Valor {
        id: "baja",
        nombre: "Baja",
    },
];

/// What a risk threatens.
const TIPOS_RIESGO: &[Valor] = &[
    Valor {
        id: "trata",
        nombre: "Trata de personas",
    },
    Valor {
        id: "trafico_migrantes",
        nombre: "Tráfico ilícito de migrantes",
    },
];

/// Impact of a risk.
const IMPACTO: &[Valor] = &[
    Valor {
        id: "alto",
        nombre: "Alto",
    },
    Valor {
        id: "medio",
        nombre: "Medio",
    },
    Valor {
        id: "bajo",
        nombre: "Bajo",
    },
];

pub(super) const RIESGOS: Campo = c(
    "riesgos",
    "Riesgos",
    Tipo::Lista {
        lista: &Lista {
            singular: "riesgo",
            plural: "riesgos",
            hoja: "Riesgos",
            identidad: Identidad::Id,
            prefijo: "R",
            resumen: &["id", "titulo"],
            campos: &[
                c(
                    "id",
                    "Identificador",
                    Tipo::Texto,
                    Requerido::Si,
                    "Un nombre corto y único para citar el riesgo desde las acciones: letras sin tildes, números, guiones.",
                    "R1",
                ),
                c(
                    "titulo",
                    "Título del riesgo",
                    Tipo::Texto,
                    Requerido::Si,
                    "El riesgo en pocas palabras.",
                    "Captación de adolescentes por redes sociales",
                ),
                c(
                    "tipo",
                    "Tipo de riesgo",
                    Tipo::Opcion {
                        valores: TIPOS_RIESGO,
                    },
                    Requerido::No,
                    "Trata de personas (captación para explotar a la víctima), o tráfico ilícito de migrantes (cobrar por hacer cruzar una frontera de forma irregular). Sin él, el riesgo es de trata.",
                    "Trata de personas",
                ),
                c(
                    "fines",
                    "Fines de explotación",
                    Tipo::Catalogos {
                        catalogo: Catalogo::Fines,
                    },
                    Requerido::Recomendado,
                    "Con qué fin se explotaría a las víctimas de este riesgo. Todo riesgo de trata lo dice; un riesgo de tráfico ilícito de migrantes no tiene fin de explotación.",
                    "Explotación sexual",
                ),
                c(
                    "poblaciones",
                    "Poblaciones expuestas",
                    Tipo::Catalogos {
                        catalogo: Catalogo::Poblaciones,
                    },
                    Requerido::Si,
                    "A quién afecta este riesgo.",
                    "Adolescentes",
                ),
                c(
                    "zonas",
                    "Lugares del cantón",
                    Tipo::Lugares,
                    Requerido::No,
                    "Dónde se presenta: barrios, parroquias, terminales, pasos de frontera.",
                    "Terminal terrestre",
                ),
                c(
                    "probabilidad",
                    "Probabilidad",
                    Tipo::Opcion {
                        valores: PROBABILIDAD,
                    },
                    Requerido::Si,
                    "Qué tan probable es que ocurra en el cantón.",
                    "Alta",
                ),
                c(
                    "impacto",
                    "Impacto",
                    Tipo::Opcion { valores: IMPACTO },
                    Requerido::Si,
                    "Qué tan grave sería para las víctimas.",
                    "Alto",
                ),
                c(
                    "descripcion",
                    "Descripción del riesgo",
                    Tipo::Parrafos,
                    Requerido::No,
                    "Cómo ocurre, dónde y a quién afecta.",
                    "",
                ),
            ],
        },
    },
    Requerido::No,
    "Los riesgos de trata y de tráfico ilícito de migrantes del cantón. El plan debe responder a ellos con acciones.",
    "",
);
