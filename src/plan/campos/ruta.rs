//! The referral route of attention to victims and the plan's monitoring.

use super::{Campo, Catalogo, Identidad, Lista, Requerido, Tipo, Valor, c};

pub(super) const RUTA_ATENCION: Campo = c(
    "ruta_atencion",
    "Ruta de atención",
    Tipo::Lista {
        lista: &Lista {
            singular: "entrada de la ruta",
            plural: "entradas de la ruta",
            hoja: "Ruta de atención",
            identidad: Identidad::EtapaPoblacion,
            prefijo: "",
            resumen: &["etapa", "poblacion", "responsable"],
            campos: &[
                c(
                    "etapa",
                    "Etapa",
                    Tipo::Catalogo {
                        catalogo: Catalogo::Etapas,
                    },
                    Requerido::Si,
                    "La etapa de la ruta nacional de atención. Una etapa puede tener varias entradas, una por grupo de víctimas.",
                    "Identificación y detección",
                ),
                c(
                    "poblacion",
                    "Víctimas que atiende",
                    Tipo::Catalogo {
                        catalogo: Catalogo::PoblacionesRuta,
                    },
                    Requerido::Recomendado,
                    "A quién atiende esta entrada. Cada etapa obligatoria debe decir quién atiende a niñas, niños y adolescentes, a personas adultas y a personas extranjeras: con «todas», una misma institución atiende a todas las víctimas. «Mujeres adultas» es para las medidas de protección inmediata que otorga la Junta Cantonal, además de quien las acoge.",
                    "Todas las víctimas",
                ),
                c(
                    "responsable",
                    "Quién responde",
                    Tipo::Referencia { lista: "actores" },
                    Requerido::Recomendado,
                    "La institución que atiende a la víctima en esta etapa. Sin ella, una víctima no tiene a quién acudir: es obligatoria en cada etapa obligatoria.",
                    "jcpd-ibarra",
                ),
                c(
                    "apoyo",
                    "Quién apoya",
                    Tipo::Referencias { lista: "actores" },
                    Requerido::No,
                    "Otras instituciones que apoyan en esta etapa.",
                    "",
                ),
                c(
                    "plazo_horas",
                    "Plazo de respuesta (horas)",
                    Tipo::Entero,
                    Requerido::Recomendado,
                    "En cuántas horas actúa el responsable desde que la etapa se activa: un compromiso del plan. Necesario en cada etapa obligatoria.",
                    "24",
                ),
                c(
                    "requiere",
                    "Etapas previas",
                    Tipo::Catalogos {
                        catalogo: Catalogo::Etapas,
                    },
                    Requerido::No,
                    "Las etapas que deben cumplirse antes de esta. La protección, la salud, la intervención en crisis, el retorno y la reintegración no pueden esperar a la denuncia.",
                    "Identificación y detección",
                ),
                c(
                    "evaluacion_riesgo",
                    "Evaluación del riesgo",
                    Tipo::Parrafos,
                    Requerido::Recomendado,
                    "Quién evalúa y cómo el riesgo antes de que la víctima vuelva a su familia, a su comunidad o a su país. Necesaria en el retorno y en la reintegración.",
                    "",
                ),
                c(
                    "descripcion",
                    "Qué se hace en esta etapa",
                    Tipo::Parrafos,
                    Requerido::No,
                    "Lo que hace el responsable en esta etapa, para la víctima.",
                    "",
                ),
            ],
        },
    },
    Requerido::Si,
    "Quién atiende a una víctima en cada etapa de la ruta nacional de atención.",
    "",
);

pub(super) const RUTA_TRAFICO: Campo = c(
    "ruta_trafico",
    "Ruta de tráfico de migrantes",
    Tipo::Lista {
        lista: &Lista {
            singular: "entrada de la ruta de tráfico",
            plural: "entradas de la ruta de tráfico",
            hoja: "Ruta de tráfico",
            identidad: Identidad::EtapaPoblacion,
            prefijo: "",
            resumen: &["etapa", "poblacion", "responsable"],
            campos: &[
                c(
                    "etapa",
                    "Etapa",
                    Tipo::Catalogo {
                        catalogo: Catalogo::EtapasTrafico,
                    },
                    Requerido::Si,
                    "La etapa de la ruta de atención a personas objeto de tráfico ilícito de migrantes.",
                    "Detección y primer contacto",
                ),
                c(
                    "poblacion",
                    "Personas que atiende",
                    Tipo::Catalogo {
                        catalogo: Catalogo::PoblacionesRuta,
                    },
                    Requerido::No,
                    "A quién atiende esta entrada, si no es a todas las personas objeto de tráfico.",
                    "Personas adultas extranjeras",
                ),
                c(
                    "responsable",
                    "Quién responde",
                    Tipo::Referencia { lista: "actores" },
                    Requerido::Recomendado,
                    "La institución que atiende a la persona en esta etapa. Es obligatoria en cada etapa obligatoria.",
                    "cancilleria-zona1",
                ),
                c(
                    "apoyo",
                    "Quién apoya",
                    Tipo::Referencias { lista: "actores" },
                    Requerido::No,
                    "Otras instituciones que acompañan a la persona migrante en esta etapa.",
                    "",
                ),
                c(
                    "plazo_horas",
                    "Plazo de respuesta (horas)",
                    Tipo::Entero,
                    Requerido::No,
                    "En cuántas horas actúa el responsable desde que la etapa se activa: un compromiso del plan.",
                    "24",
                ),
                c(
                    "requiere",
                    "Etapas previas",
                    Tipo::Catalogos {
                        catalogo: Catalogo::EtapasTrafico,
                    },
                    Requerido::No,
                    "Las etapas que deben cumplirse antes de esta. La asistencia humanitaria y la información de derechos no esperan a la denuncia.",
                    "Detección y primer contacto",
                ),
                c(
                    "descripcion",
                    "Qué se hace en esta etapa",
                    Tipo::Parrafos,
                    Requerido::No,
                    "Lo que hace el responsable en esta etapa, para la persona migrante, que es objeto de protección y nunca infractora.",
                    "",
                ),
            ],
        },
    },
    Requerido::No,
    "Quién atiende a una persona objeto de tráfico ilícito de migrantes en cada etapa. Necesaria si el plan identifica riesgos de tráfico.",
    "",
);

const FRECUENCIAS: &[Valor] = &[
    Valor {
        id: "mensual",
        nombre: "Mensual",
    },
    Valor {
        id: "trimestral",
        nombre: "Trimestral",
    },
    Valor {
        id: "semestral",
        nombre: "Semestral",
    },
    Valor {
        id: "anual",
        nombre: "Anual",
    },
];

pub(super) const SEGUIMIENTO: Campo = c(
    "seguimiento",
    "Seguimiento del plan",
    Tipo::Grupo {
        campos: &[
            c(
                "responsable",
                "Responsable del seguimiento",
                Tipo::Referencia { lista: "actores" },
                Requerido::Si,
                "La institución que da seguimiento al plan.",
                "ccpd-ibarra",
            ),
            c(
                "frecuencia",
                "Frecuencia del seguimiento",
                Tipo::Opcion {
                    valores: FRECUENCIAS,
                },
                Requerido::Si,
                "Cada cuánto se revisa el avance del plan.",
                "Trimestral",
            ),
            c(
                "descripcion",
                "Cómo se hará el seguimiento",
                Tipo::Parrafos,
                Requerido::No,
                "Cómo se recoge y se revisa la información del avance.",
                "",
            ),
            c(
                "informa_a",
                "A quién se informa",
                Tipo::Texto,
                Requerido::No,
                "A quién presenta sus informes el responsable del seguimiento.",
                "Concejo Municipal",
            ),
            c(
                "evaluacion_intermedia",
                "Evaluación intermedia",
                Tipo::Fecha,
                Requerido::No,
                "Cuándo se hará la evaluación de medio término.",
                "2027-06-30",
            ),
            c(
                "evaluacion_final",
                "Evaluación final",
                Tipo::Fecha,
                Requerido::No,
                "Cuándo se hará la evaluación final.",
                "2028-12-15",
            ),
            c(
                "rendicion_cuentas",
                "Rendición de cuentas",
                Tipo::Parrafos,
                Requerido::No,
                "Cómo se rinden cuentas a la ciudadanía del avance del plan.",
                "",
            ),
            c(
                "proteccion_datos",
                "Protección de los datos de las víctimas",
                Tipo::Parrafos,
                Requerido::No,
                "Si el plan crea un registro de casos: quién lo custodia, quién accede y cómo se protegen los datos personales de las víctimas.",
                "",
            ),
        ],
    },
    Requerido::Si,
    "Cómo se dará seguimiento al plan.",
    "",
);
