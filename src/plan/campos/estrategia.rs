//! The actors, the objectives, the actions and the alignment with the canton's development plan.

use super::{Campo, Catalogo, Identidad, Lista, Requerido, Tipo, Valor, c};

pub(super) const ACTORES: Campo = c(
    "actores",
    "Actores",
    Tipo::Lista {
        lista: &Lista {
            singular: "actor",
            plural: "actores",
            hoja: "Actores",
            identidad: Identidad::Id,
            prefijo: "actor-",
            resumen: &["id", "nombre"],
            campos: &[
                c(
                    "id",
                    "Identificador",
                    Tipo::Texto,
                    Requerido::Si,
                    "Un nombre corto y único para elegir al actor en las acciones y en la ruta: letras sin tildes, números, guiones.",
                    "gad-ibarra",
                ),
                c(
                    "nombre",
                    "Nombre de la institución",
                    Tipo::Texto,
                    Requerido::Si,
                    "El nombre completo de la institución u organización.",
                    "GAD Municipal de Ibarra",
                ),
                c(
                    "tipo",
                    "Tipo de actor",
                    Tipo::Catalogo {
                        catalogo: Catalogo::TiposActor,
                    },
                    Requerido::Si,
                    "Qué clase de institución es.",
                    "GAD municipal",
                ),
                c(
                    "institucion",
                    "Institución nacional",
                    Tipo::Catalogo {
                        catalogo: Catalogo::Instituciones,
                    },
                    Requerido::No,
                    "La institución nacional a la que pertenece, si es una oficina local de una institución del Estado (por ejemplo la Fiscalía o un ministerio).",
                    "Fiscalía General del Estado",
                ),
                c(
                    "rol",
                    "Papel en el plan",
                    Tipo::Parrafos,
                    Requerido::No,
                    "Qué hace esta institución en el plan.",
                    "",
                ),
                c(
                    "contacto",
                    "Contacto",
                    Tipo::Grupo {
                        campos: &[
                            c(
                                "telefono",
                                "Teléfono",
                                Tipo::Texto,
                                Requerido::No,
                                "El teléfono al que se llama para una víctima.",
                                "06 000 0000",
                            ),
                            c(
                                "correo",
                                "Correo electrónico",
                                Tipo::Texto,
                                Requerido::No,
                                "El correo de la oficina o de la persona de contacto.",
                                "oficina@municipio.gob.ec",
                            ),
                            c(
                                "direccion",
                                "Dirección",
                                Tipo::Texto,
                                Requerido::No,
                                "Dónde atiende.",
                                "Calle Bolívar y Flores, Ibarra",
                            ),
                        ],
                    },
                    Requerido::Recomendado,
                    "Cómo comunicarse con el actor. Necesario si responde en la ruta de atención: una víctima debe saber a quién llamar.",
                    "",
                ),
            ],
        },
    },
    Requerido::Si,
    "Las instituciones y organizaciones que participan en el plan.",
    "",
);

pub(super) const OBJETIVO_GENERAL: Campo = c(
    "objetivo_general",
    "Objetivo general",
    Tipo::Parrafos,
    Requerido::No,
    "Lo que el plan busca en su conjunto.",
    "",
);

pub(super) const OBJETIVOS: Campo = c(
    "objetivos",
    "Objetivos específicos",
    Tipo::Lista {
        lista: &Lista {
            singular: "objetivo",
            plural: "objetivos",
            hoja: "Objetivos",
            identidad: Identidad::Id,
            prefijo: "O",
            resumen: &["id", "descripcion"],
            campos: &[
                c(
                    "id",
                    "Identificador",
                    Tipo::Texto,
                    Requerido::Si,
                    "Un nombre corto y único para elegir el objetivo en las acciones: letras sin tildes, números, guiones.",
                    "O1",
                ),
                c(
                    "eje",
                    "Eje del plan nacional",
                    Tipo::Catalogo {
                        catalogo: Catalogo::Ejes,
                    },
                    Requerido::Si,
                    "El eje del plan nacional al que contribuye el objetivo.",
                    "Prevención y promoción de derechos",
                ),
                c(
                    "descripcion",
                    "Qué se quiere lograr",
                    Tipo::Texto,
                    Requerido::Si,
                    "El objetivo, en una frase.",
                    "Reducir la captación de adolescentes en el cantón",
                ),
            ],
        },
    },
    Requerido::Si,
    "Los objetivos del plan: al menos uno en cada eje del plan nacional.",
    "",
);

const TIPOS_INDICADOR: &[Valor] = &[
    Valor {
        id: "resultado",
        nombre: "De resultado (mide un cambio en la población)",
    },
    Valor {
        id: "actividad",
        nombre: "De actividad (cuenta lo que se hizo)",
    },
];

const INDICADOR: &[Campo] = &[
    c(
        "nombre",
        "Indicador",
        Tipo::Texto,
        Requerido::Si,
        "Qué se mide para saber si la acción avanza.",
        "Estudiantes que reconocen una oferta de empleo engañosa",
    ),
    c(
        "tipo",
        "Tipo de indicador",
        Tipo::Opcion {
            valores: TIPOS_INDICADOR,
        },
        Requerido::Recomendado,
        "De resultado si mide el cambio que busca el objetivo (víctimas atendidas a tiempo, adolescentes que reconocen un engaño); de actividad si cuenta lo que se hizo (talleres, sesiones). Cada objetivo necesita al menos un indicador de resultado.",
        "De resultado (mide un cambio en la población)",
    ),
    c(
        "unidad",
        "Unidad de medida",
        Tipo::Texto,
        Requerido::Recomendado,
        "En qué se cuenta el indicador.",
        "estudiantes",
    ),
    c(
        "linea_base",
        "Línea base",
        Tipo::Numero,
        Requerido::Recomendado,
        "El valor del indicador al empezar el plan.",
        "0",
    ),
    c(
        "meta",
        "Meta",
        Tipo::Numero,
        Requerido::Recomendado,
        "El valor que se quiere alcanzar al final del plazo.",
        "1.200",
    ),
    c(
        "medio_verificacion",
        "Medio de verificación",
        Tipo::Texto,
        Requerido::Recomendado,
        "Con qué documento se comprobará el avance.",
        "Registros de asistencia de los talleres",
    ),
];

const PRESUPUESTO: &[Campo] = &[
    c(
        "monto",
        "Presupuesto",
        Tipo::Monto,
        Requerido::Si,
        "Cuánto cuesta la acción, en dólares.",
        "4.500,00",
    ),
    c(
        "fuente",
        "Fuente de financiamiento",
        Tipo::Texto,
        Requerido::No,
        "Quién paga la acción.",
        "GAD Municipal de Ibarra",
    ),
    c(
        "asignado",
        "Monto ya asignado",
        Tipo::SiNo,
        Requerido::No,
        "Sí si el monto ya está en un presupuesto aprobado; no si todavía hay que gestionarlo.",
        "Sí",
    ),
    c(
        "financia",
        "Quién financia",
        Tipo::Opcion { valores: FINANCIA },
        Requerido::Recomendado,
        "El GAD municipal (lo compromete el Concejo), otras entidades (el Concejo no puede comprometerlas: su aporte queda por gestionar) o ambos.",
        "GAD municipal",
    ),
    c(
        "aporte_municipal",
        "Aporte del GAD municipal",
        Tipo::Monto,
        Requerido::No,
        "Si financian el GAD y otras entidades: cuánto del monto pone el GAD, en dólares.",
        "2.000,00",
    ),
];

/// Who finances an action.
const FINANCIA: &[Valor] = &[
    Valor {
        id: "municipio",
        nombre: "GAD municipal",
    },
    Valor {
        id: "otras_entidades",
        nombre: "Otras entidades",
    },
    Valor {
        id: "mixto",
        nombre: "GAD municipal y otras entidades",
    },
];

pub(super) const ACCIONES: Campo = c(
    "acciones",
    "Acciones",
    Tipo::Lista {
        lista: &Lista {
            singular: "acción",
            plural: "acciones",
            hoja: "Acciones",
            identidad: Identidad::Id,
            prefijo: "A",
            resumen: &["id", "descripcion"],
            campos: &[
                c(
                    "id",
                    "Identificador",
                    Tipo::Texto,
                    Requerido::Si,
                    "Un nombre corto y único de la acción: letras sin tildes, números, guiones.",
                    "A1",
                ),
                c(
                    "objetivo",
                    "Objetivo",
                    Tipo::Referencia { lista: "objetivos" },
                    Requerido::Si,
                    "El objetivo al que contribuye la acción.",
                    "O1",
                ),
                c(
                    "descripcion",
                    "Qué se hará",
                    Tipo::Texto,
                    Requerido::Si,
                    "La acción, en una frase.",
                    "Talleres sobre ofertas de empleo engañosas en los colegios",
                ),
                c(
                    "riesgos",
                    "Riesgos que atiende",
                    Tipo::Referencias { lista: "riesgos" },
                    Requerido::No,
                    "Los riesgos del diagnóstico a los que responde.",
                    "R1",
                ),
                c(
                    "fines",
                    "Fines de explotación que atiende",
                    Tipo::Catalogos {
                        catalogo: Catalogo::Fines,
                    },
                    Requerido::Recomendado,
                    "Los fines de explotación a los que se dirige. Permite comprobar que la acción atiende de verdad los riesgos que nombra.",
                    "Explotación sexual",
                ),
                c(
                    "poblaciones",
                    "Poblaciones a las que se dirige",
                    Tipo::Catalogos {
                        catalogo: Catalogo::Poblaciones,
                    },
                    Requerido::Recomendado,
                    "A quién se dirige. Permite comprobar que la acción atiende de verdad los riesgos que nombra.",
                    "Adolescentes",
                ),
                c(
                    "responsable",
                    "Responsable",
                    Tipo::Referencia { lista: "actores" },
                    Requerido::Si,
                    "La institución que responde por la acción.",
                    "gad-ibarra",
                ),
                c(
                    "corresponsables",
                    "Corresponsables",
                    Tipo::Referencias { lista: "actores" },
                    Requerido::No,
                    "Otras instituciones que participan.",
                    "",
                ),
                c(
                    "indicador",
                    "Indicador",
                    Tipo::Grupo { campos: INDICADOR },
                    Requerido::Si,
                    "Cómo se medirá el avance, desde dónde y hasta dónde.",
                    "",
                ),
                c(
                    "plazo",
                    "Plazo de ejecución",
                    Tipo::Grupo {
                        campos: &[
                            c(
                                "inicio",
                                "Inicio de la acción",
                                Tipo::Fecha,
                                Requerido::Si,
                                "Cuándo empieza la acción, dentro del período del plan.",
                                "2026-03-01",
                            ),
                            c(
                                "fin",
                                "Fin de la acción",
                                Tipo::Fecha,
                                Requerido::Si,
                                "Cuándo termina la acción, dentro del período del plan.",
                                "2026-11-30",
                            ),
                        ],
                    },
                    Requerido::Si,
                    "Cuándo se hará.",
                    "",
                ),
                c(
                    "presupuesto",
                    "Presupuesto",
                    Tipo::Grupo {
                        campos: PRESUPUESTO,
                    },
                    Requerido::No,
                    "Cuánto cuesta, quién lo paga y si ya está asignado.",
                    "",
                ),
            ],
        },
    },
    Requerido::Si,
    "Lo que se hará: cada objetivo necesita al menos una acción.",
    "",
);

pub(super) const PDOT: Campo = c(
    "pdot",
    "Alineación con el PDOT",
    Tipo::Grupo {
        campos: &[
            c(
                "nombre",
                "Nombre del PDOT",
                Tipo::Texto,
                Requerido::Si,
                "El Plan de Desarrollo y Ordenamiento Territorial del cantón, con su período.",
                "PDOT de Ibarra 2023-2027",
            ),
            c(
                "objetivos",
                "Objetivos del PDOT",
                Tipo::Lista {
                    lista: &Lista {
                        singular: "objetivo del PDOT",
                        plural: "objetivos del PDOT",
                        hoja: "Objetivos del PDOT",
                        identidad: Identidad::Posicion,
                        prefijo: "",
                        resumen: &["objetivo"],
                        campos: &[
                            c(
                                "objetivo",
                                "Objetivo del PDOT",
                                Tipo::Texto,
                                Requerido::Si,
                                "El objetivo, como lo escribe el PDOT.",
                                "Garantizar los derechos de los grupos de atención prioritaria",
                            ),
                            c(
                                "contribuyen",
                                "Objetivos del plan que contribuyen",
                                Tipo::Referencias { lista: "objetivos" },
                                Requerido::Si,
                                "Los objetivos de este plan que contribuyen a él.",
                                "O1",
                            ),
                        ],
                    },
                },
                Requerido::Si,
                "Los objetivos del PDOT a los que contribuye este plan.",
                "",
            ),
        ],
    },
    Requerido::No,
    "Cómo se alinea el plan con el Plan de Desarrollo y Ordenamiento Territorial del cantón.",
    "",
);
