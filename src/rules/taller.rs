//! T001–T003: whether a workshop workbook can be read into a plan at all, or a monitoring
//! workbook into a cut. Reported by the import (`taller::importar`, `seguimiento::libro`,
//! `cantonal importar`), located by sheet, row and column; with any of them nothing is
//! written. They live in the registry so that `cantonal explicar`, `cantonal reglas` and
//! `docs/reglas.md` explain them like every other code an official may see.

use super::{Comprobacion, Explicacion, Regla};
use crate::diagnostics::Severidad;

/// The workbook cannot be read.
pub static T001: Regla = Regla {
    codigo: "T001",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "El libro del taller o de seguimiento no se puede leer",
    explicacion: Explicacion {
        que: "Que el archivo que se importa sea un libro de hoja de cálculo legible: .xlsx guardado por Excel o LibreOffice, u .ods de LibreOffice.",
        por_que: "Si el libro no se puede abrir, no se puede leer ninguna hoja y no se escribe el plan: lo trabajado en el taller no se pierde, pero hay que guardarlo en un formato que se pueda leer.",
        incorrecto: "cantonal importar taller.pdf      # un PDF, una foto o un libro .xls antiguo",
        correcto: "cantonal importar taller.xlsx     # guardado como «Libro de Excel (.xlsx)»",
    },
    comprobar: Comprobacion::Taller,
};

/// A sheet, a column or a row of the template is missing.
pub static T002: Regla = Regla {
    codigo: "T002",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Falta una hoja, una columna o una fila de la plantilla del libro",
    explicacion: Explicacion {
        que: "Que el libro tenga todas las hojas de su plantilla (`cantonal plantilla-taller` o `cantonal plantilla-seguimiento`) con sus nombres, y en cada hoja los títulos de columna de la primera fila y las filas de «Datos generales» o de «Datos del corte».",
        por_que: "La importación busca cada dato por el nombre de su hoja y el título de su columna: una hoja renombrada o una columna borrada dejaría datos del taller fuera del plan sin que nadie lo note.",
        incorrecto: "Hojas del libro: Datos generales, Equipo, Casos, Riesgos, Actores, Objetivos, Actividades\n(«Acciones» se renombró como «Actividades»)",
        correcto: "Hojas del libro: Datos generales, Equipo, Casos, Riesgos, Actores, Objetivos, Acciones, Ruta de atención, Listas\n(todas las hojas de la plantilla, aunque alguna quede vacía)",
    },
    comprobar: Comprobacion::Taller,
};

/// A cell whose value is not of its column's kind.
pub static T003: Regla = Regla {
    codigo: "T003",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Una celda del libro no es del tipo de su columna",
    explicacion: Explicacion {
        que: "Que cada celda tenga el tipo de dato de su columna: fechas como fecha (AAAA-MM-DD o DD/MM/AAAA), montos y metas como número, años y casos como número entero, «sí» o «no» donde se pregunta, y los desgloses como pares `clave: número` separados por punto y coma; y que en el libro de seguimiento cada fila de una acción diga su estado.",
        por_que: "Una fecha escrita en palabras o un monto con texto no se pueden ordenar ni sumar: el cronograma y el presupuesto del plan saldrían mal. La celda se señala por hoja, fila y columna para corregirla en el mismo libro.",
        incorrecto: "hoja Acciones, fila 3, columna Inicio: marzo",
        correcto: "hoja Acciones, fila 3, columna Inicio: 2026-03-01",
    },
    comprobar: Comprobacion::Taller,
};
