//! The fields of a plan's monitoring file (`docs/seguimiento.md`): its cuts, each with what every
//! action of the plan reached by that date, and the actions as the Concejo approved them.

use super::{Campo, Identidad, Lista, Requerido, Seccion, Tipo, Valor, c, generales};

/// The states an action can be in at a cut, as the file writes them and as a form shows them.
pub const ESTADOS: &[Valor] = &[
    Valor {
        id: "no_iniciada",
        nombre: "No iniciada",
    },
    Valor {
        id: "en_curso",
        nombre: "En curso",
    },
    Valor {
        id: "cumplida",
        nombre: "Cumplida",
    },
    Valor {
        id: "retrasada",
        nombre: "Retrasada",
    },
    Valor {
        id: "suspendida",
        nombre: "Suspendida",
    },
];

const EJEMPLO: Campo = c(
    "ejemplo",
    "Seguimiento de ejemplo",
    Tipo::SiNo,
    Requerido::No,
    "Sí solo en un seguimiento de ejemplo con datos ilustrativos: cada página del informe de avance lleva entonces la marca EJEMPLO.",
    "No",
);

/// What an action of the plan was when the Concejo approved it.
const ACCION_APROBADA: &[Campo] = &[
    c(
        "accion",
        "Acción",
        Tipo::Referencia { lista: "acciones" },
        Requerido::Si,
        "El identificador de la acción en el plan aprobado.",
        "A1",
    ),
    c(
        "inicio",
        "Inicio aprobado",
        Tipo::Fecha,
        Requerido::Si,
        "El día en que la acción debía empezar según el plan aprobado.",
        "2026-03-01",
    ),
    c(
        "fin",
        "Fin aprobado",
        Tipo::Fecha,
        Requerido::Si,
        "El día en que la acción debía terminar según el plan aprobado.",
        "2026-11-30",
    ),
    c(
        "linea_base",
        "Línea base aprobada",
        Tipo::Numero,
        Requerido::No,
        "El valor del indicador al inicio, según el plan aprobado.",
        "0",
    ),
    c(
        "meta",
        "Meta aprobada",
        Tipo::Numero,
        Requerido::No,
        "El valor del indicador que la acción debía alcanzar, según el plan aprobado.",
        "1200",
    ),
    c(
        "monto",
        "Presupuesto aprobado",
        Tipo::Monto,
        Requerido::No,
        "El presupuesto de la acción en dólares, según el plan aprobado.",
        "4.500,00",
    ),
];

const PLAN_APROBADO: Campo = c(
    "plan_aprobado",
    "Plan aprobado",
    Tipo::Grupo {
        campos: &[
            c(
                "fecha",
                "Fecha de aprobación",
                Tipo::Fecha,
                Requerido::No,
                "La fecha del acto con el que el Concejo aprobó el plan que se sigue; vacía si se sigue un borrador.",
                "2026-03-15",
            ),
            c(
                "acciones",
                "Acciones aprobadas",
                Tipo::Lista {
                    lista: &Lista {
                        singular: "acción aprobada",
                        plural: "acciones aprobadas",
                        hoja: "",
                        identidad: Identidad::Campo("accion"),
                        prefijo: "",
                        resumen: &["accion"],
                        campos: ACCION_APROBADA,
                    },
                },
                Requerido::Si,
                "Cada acción del plan con su plazo, su meta y su presupuesto tal como se aprobaron, para notar si el plan cambió después.",
                "",
            ),
        ],
    },
    Requerido::No,
    "Las acciones del plan tal como el Concejo las aprobó. El programa las escribe al crear el archivo: no las cambie a mano, salvo que el Concejo apruebe una reforma del plan.",
    "",
);

/// What a cut says of one action.
const REPORTE: &[Campo] = &[
    c(
        "accion",
        "Acción",
        Tipo::Referencia { lista: "acciones" },
        Requerido::Si,
        "La acción del plan de la que se informa.",
        "A1",
    ),
    c(
        "estado",
        "Estado",
        Tipo::Opcion { valores: ESTADOS },
        Requerido::Si,
        "En qué está la acción a la fecha del corte: no iniciada, en curso, cumplida, retrasada (no avanza como se planificó) o suspendida (se detuvo).",
        "En curso",
    ),
    c(
        "valor",
        "Valor alcanzado",
        Tipo::Numero,
        Requerido::Recomendado,
        "El valor del indicador de la acción alcanzado hasta la fecha del corte, en su unidad: lo acumulado desde el inicio del plan, no solo lo de este período. Con él se calcula el porcentaje de avance.",
        "420",
    ),
    c(
        "ejecutado",
        "Monto ejecutado",
        Tipo::Monto,
        Requerido::Recomendado,
        "Los dólares gastados en la acción desde el inicio del plan hasta la fecha del corte (acumulado).",
        "1.500,00",
    ),
    c(
        "evidencias",
        "Evidencias",
        Tipo::Textos,
        Requerido::Recomendado,
        "Los documentos que prueban lo informado: listas de asistencia, informes, actas, fotografías. Nunca datos de una víctima. Necesarias para marcar la acción como cumplida.",
        "Listas de asistencia de los talleres de abril y mayo",
    ),
    c(
        "dificultades",
        "Dificultades",
        Tipo::Parrafos,
        Requerido::Recomendado,
        "Qué detuvo o retrasó la acción y qué se está haciendo al respecto. Necesario si la acción está retrasada o suspendida, o si venció su plazo sin cumplirse. Sin nombres ni datos de víctimas.",
        "",
    ),
];

/// The aggregate counts of the referral route in a cut: numbers only.
const RUTA: &[Campo] = &[
    c(
        "casos_identificados",
        "Casos identificados",
        Tipo::Entero,
        Requerido::No,
        "Cuántas posibles víctimas de trata identificó la ruta en el período del corte.",
        "4",
    ),
    c(
        "casos_atendidos",
        "Casos atendidos",
        Tipo::Entero,
        Requerido::No,
        "Cuántas víctimas atendió la ruta en el período del corte.",
        "3",
    ),
    c(
        "casos_derivados",
        "Casos derivados",
        Tipo::Entero,
        Requerido::No,
        "Cuántos casos se derivaron a otra institución o a otro cantón en el período del corte.",
        "1",
    ),
];

const CORTES: Campo = c(
    "cortes",
    "Cortes",
    Tipo::Lista {
        lista: &Lista {
            singular: "corte",
            plural: "cortes",
            hoja: "Datos del corte",
            identidad: Identidad::Campo("fecha_corte"),
            prefijo: "",
            resumen: &["fecha_corte", "informa"],
            campos: &[
                c(
                    "fecha_corte",
                    "Fecha de corte",
                    Tipo::Fecha,
                    Requerido::Si,
                    "El día hasta el que se informa: lo que se hizo hasta esa fecha. Cada corte tiene una fecha distinta.",
                    "2026-06-30",
                ),
                c(
                    "informa",
                    "Quién informa",
                    Tipo::Texto,
                    Requerido::Si,
                    "La unidad o institución que reúne el informe de este corte.",
                    "Unidad de Planificación del GAD Municipal de Ibarra",
                ),
                c(
                    "acciones",
                    "Avance de las acciones",
                    Tipo::Lista {
                        lista: &Lista {
                            singular: "avance de una acción",
                            plural: "avances de las acciones",
                            hoja: "Acciones",
                            identidad: Identidad::Campo("accion"),
                            prefijo: "",
                            resumen: &["accion", "estado"],
                            campos: REPORTE,
                        },
                    },
                    Requerido::Si,
                    "Una entrada por cada acción del plan con lo que logró hasta la fecha del corte.",
                    "",
                ),
                c(
                    "ruta_atencion",
                    "Ruta de atención en el período",
                    Tipo::Grupo { campos: RUTA },
                    Requerido::No,
                    "Cifras agregadas de la ruta de atención a víctimas en el período del corte: solo números, nunca datos de una persona.",
                    "",
                ),
            ],
        },
    },
    Requerido::Si,
    "Los cortes del seguimiento, del más antiguo al más reciente: cada uno dice cómo iba cada acción del plan a su fecha.",
    "",
);

/// The fields of a monitoring file, in the order of the format.
pub static SEGUIMIENTO: &[Campo] = &[generales::FORMATO, EJEMPLO, PLAN_APROBADO, CORTES];

/// The editor's sections of a monitoring file: the cuts first, which is what an official fills
/// each quarter; the plan as approved after, which the program writes and nobody should need.
pub static SECCIONES: &[Seccion] = &[
    Seccion {
        id: "cortes",
        titulo: "Cortes",
        ayuda: "Cómo iba cada acción del plan en cada fecha de corte: su estado, el valor de su indicador, lo ejecutado, las evidencias y las dificultades. Agregue un corte cada trimestre o cada año.",
        claves: &["cortes"],
        vista: None,
    },
    Seccion {
        id: "aprobado",
        titulo: "Plan aprobado",
        ayuda: "Las acciones del plan tal como el Concejo las aprobó, con las que se mide el avance, y si este seguimiento es un ejemplo.",
        claves: &["ejemplo", "plan_aprobado"],
        vista: None,
    },
];
