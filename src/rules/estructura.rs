//! S001–S009: whether the file can be read as a plan at all. Reported by the loader
//! (`plan::load`, `plan::schema`), except S005 for the catalogues of the national reference,
//! which needs the reference and is checked here.

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::{Severidad, lista};
use crate::path;
use crate::plan::spans::NodePath;
use crate::suggest::did_you_mean;

/// YAML cannot be read.
pub static S001: Regla = Regla {
    codigo: "S001",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "El archivo no se puede leer como YAML",
    explicacion: Explicacion {
        que: "Que el archivo sea texto UTF-8 con sintaxis YAML válida: sangría con espacios (no tabulaciones), comillas y corchetes cerrados, un solo documento.",
        por_que: "Si el archivo no se puede leer, ninguna otra comprobación es posible y no se puede generar el plan.",
        incorrecto: "acciones:\n\t- id: A1        # sangría con tabulación",
        correcto: "acciones:\n  - id: A1        # sangría con dos espacios",
    },
    comprobar: Comprobacion::Carga,
};

/// Unknown key.
pub static S002: Regla = Regla {
    codigo: "S002",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Campo desconocido",
    explicacion: Explicacion {
        que: "Que cada campo sea uno de los del formato del plan. Los nombres van en minúsculas, sin tildes, con `_` entre palabras.",
        por_que: "Un campo mal escrito se ignoraría en silencio: el dato que el funcionario escribió no llegaría al plan impreso.",
        incorrecto: "acciones:\n  - id: A1\n    responsble: gad-ibarra",
        correcto: "acciones:\n  - id: A1\n    responsable: gad-ibarra",
    },
    comprobar: Comprobacion::Carga,
};

/// Wrong type or malformed value.
pub static S003: Regla = Regla {
    codigo: "S003",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Valor de tipo incorrecto o mal formado",
    explicacion: Explicacion {
        que: "Que cada valor tenga la forma esperada: fechas AAAA-MM-DD, números sin comillas, listas donde se espera una lista, identificadores con letras sin tilde, dígitos, `_` y `-`, códigos DPA de cuatro dígitos entre comillas.",
        por_que: "Fechas, montos y metas mal escritos no se pueden ordenar, sumar ni comparar: el cronograma y el presupuesto del plan saldrían mal.",
        incorrecto: "plazo: { inicio: 01/03/2026, fin: 2026-11-30 }",
        correcto: "plazo: { inicio: 2026-03-01, fin: 2026-11-30 }",
    },
    comprobar: Comprobacion::Carga,
};

/// Required field missing.
pub static S004: Regla = Regla {
    codigo: "S004",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Falta un campo obligatorio",
    explicacion: Explicacion {
        que: "Que estén todos los campos obligatorios del formato (por ejemplo, `responsable` e `indicador` de cada acción).",
        por_que: "Una acción sin responsable o sin indicador no se puede ejecutar ni evaluar.",
        incorrecto: "acciones:\n  - id: A1\n    objetivo: O1\n    descripcion: Talleres en colegios",
        correcto: "acciones:\n  - id: A1\n    objetivo: O1\n    descripcion: Talleres en colegios\n    responsable: gad-ibarra\n    indicador: { nombre: Estudiantes capacitados, unidad: estudiantes, linea_base: 0, meta: 1200, medio_verificacion: Registros de asistencia }\n    plazo: { inicio: 2026-03-01, fin: 2026-11-30 }",
    },
    comprobar: Comprobacion::Carga,
};

/// Value not in its catalogue.
pub static S005: Regla = Regla {
    codigo: "S005",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Valor fuera de su catálogo",
    explicacion: Explicacion {
        que: "Que los valores con lista cerrada (estado, probabilidad, impacto, frecuencia, tipo de indicador, fines de explotación, poblaciones, tipos de actor, poblaciones de la ruta) sean uno de los permitidos.",
        por_que: "Los fines de explotación siguen el art. 91 del COIP y las poblaciones y tipos de actor permiten consolidar la información de todos los cantones; un valor inventado rompe esa comparación.",
        incorrecto: "fines: [explotacion_sexaul]",
        correcto: "fines: [explotacion_sexual]",
    },
    comprobar: Comprobacion::Plan(comprobar_catalogos),
};

/// Unsupported format version.
pub static S006: Regla = Regla {
    codigo: "S006",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Versión de formato no admitida",
    explicacion: Explicacion {
        que: "Que `formato` sea una versión que esta versión de cantonal sabe leer (hoy, 1).",
        por_que: "Otra versión del formato puede tener otros campos; leerla como si fuera la 1 daría mensajes engañosos.",
        incorrecto: "formato: 2",
        correcto: "formato: 1",
    },
    comprobar: Comprobacion::Carga,
};

/// Amount written in a way that would be misread, or out of range.
pub static S007: Regla = Regla {
    codigo: "S007",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Monto mal escrito o fuera de rango",
    explicacion: Explicacion {
        que: "Que cada `monto` sea una cifra en dólares escrita como la lee el programa: sin separador de miles, con punto decimal y como máximo dos decimales (`1500` o `1500.50`), sin exponente ni símbolo de moneda, y no mayor que USD 1.000.000.000. Se revisa el monto tal como está escrito en el archivo.",
        por_que: "`monto: 1.500` se lee como un dólar y medio, no como mil quinientos, y `1.500,50` dentro de `{ … }` se parte en dos: el presupuesto que vota el Concejo Municipal saldría mal sin ningún aviso.",
        incorrecto: "presupuesto: { monto: 1.500, fuente: GAD Municipal }",
        correcto: "presupuesto: { monto: 1500, fuente: GAD Municipal }",
    },
    comprobar: Comprobacion::Carga,
};

/// A required text written empty.
pub static S009: Regla = Regla {
    codigo: "S009",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Campo obligatorio vacío",
    explicacion: Explicacion {
        que: "Que ningún campo obligatorio de texto esté escrito vacío (`nombre: \"\"`): el campo está, pero no dice nada.",
        por_que: "Un indicador sin nombre, un actor sin nombre o una acción sin descripción se imprimen como un hueco en el plan que aprueba el Concejo; para el formato el campo existe, así que solo esta regla lo ve.",
        incorrecto: "indicador:\n  nombre: \"\"",
        correcto: "indicador:\n  nombre: Estudiantes capacitados",
    },
    comprobar: Comprobacion::Carga,
};

/// Text nested too deeply.
pub static S008: Regla = Regla {
    codigo: "S008",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Texto anidado demasiado profundamente",
    explicacion: Explicacion {
        que: "Que ningún texto anide más de 12 niveles de listas, citas (`>`), énfasis (`*`, `_`) o enlaces, contando el párrafo: una lista dentro de otra lista usa cuatro.",
        por_que: "Un texto así no lo escribe nadie a mano (suele venir de pegar algo que no era texto) y no se puede imprimir: el documento no llegaría a generarse.",
        incorrecto: "descripcion: \"> > > > > > > > > > > > > > > > > > > > > > Coordinación\"",
        correcto: "descripcion: \"> Coordinación\"",
    },
    comprobar: Comprobacion::Carga,
};

/// S005 for the catalogues that live in the national reference (fines and poblaciones of risks
/// and actions, actor tipo, the route's poblacion, purposes of the case breakdown): the fixed
/// lists of the format (estado, probabilidad, …) are checked by the schema in the loader.
fn comprobar_catalogos(ctx: &Contexto) -> Vec<Hallazgo> {
    let r = ctx.referencia;
    let mut out = Vec::new();
    let mut check = |path: NodePath, value: &str, que: &str, ids: Vec<&str>| {
        if !ids.contains(&value) {
            let ayuda = match did_you_mean(value, ids.iter().copied()) {
                Some(best) => format!("¿Quiso decir `{best}`? Valores posibles: {}.", lista(&ids)),
                None => format!("Valores posibles: {}.", lista(&ids)),
            };
            out.push(Hallazgo::en(
                path,
                format!("`{value}` no es {que} del catálogo nacional"),
                ayuda,
            ));
        }
    };
    for (i, riesgo) in ctx.plan.riesgos.iter().enumerate() {
        for (j, fin) in riesgo.fines.iter().enumerate() {
            check(
                path!["riesgos", i, "fines", j],
                fin,
                "un fin de explotación",
                r.fines_explotacion.ids(),
            );
        }
        for (j, p) in riesgo.poblaciones.iter().enumerate() {
            check(
                path!["riesgos", i, "poblaciones", j],
                p,
                "una población",
                r.poblaciones.ids(),
            );
        }
    }
    for (i, actor) in ctx.plan.actores.iter().enumerate() {
        check(
            path!["actores", i, "tipo"],
            &actor.tipo,
            "un tipo de actor",
            r.tipos_actor.ids(),
        );
    }
    for (i, accion) in ctx.plan.acciones.iter().enumerate() {
        for (j, fin) in accion.fines.iter().enumerate() {
            check(
                path!["acciones", i, "fines", j],
                fin,
                "un fin de explotación",
                r.fines_explotacion.ids(),
            );
        }
        for (j, p) in accion.poblaciones.iter().enumerate() {
            check(
                path!["acciones", i, "poblaciones", j],
                p,
                "una población",
                r.poblaciones.ids(),
            );
        }
    }
    if !r.poblaciones_ruta.valores.is_empty() {
        for (i, e) in ctx.plan.ruta_atencion.iter().enumerate() {
            if let Some(p) = &e.poblacion {
                check(
                    path!["ruta_atencion", i, "poblacion"],
                    p,
                    "una población de la ruta",
                    r.poblaciones_ruta.ids(),
                );
            }
        }
        for (i, e) in ctx.plan.ruta_trafico.iter().enumerate() {
            if let Some(p) = &e.poblacion {
                check(
                    path!["ruta_trafico", i, "poblacion"],
                    p,
                    "una población de la ruta",
                    r.poblaciones_ruta.ids(),
                );
            }
        }
    }
    let casos = ctx.plan.diagnostico.iter().flat_map(|d| d.casos.iter());
    for (i, c) in casos.enumerate() {
        for fin in c.desglose.iter().flat_map(|d| d.fines.keys()) {
            check(
                path!["diagnostico", "casos", i, "desglose", "fines", fin.as_str()],
                fin,
                "un fin de explotación",
                r.fines_explotacion.ids(),
            );
        }
    }
    out
}
