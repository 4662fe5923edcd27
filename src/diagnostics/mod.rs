//! What `cantonal` tells an official about a plan: the diagnostic type and its two printers
//! (human, in the style of rustc, and the JSON of `docs/diagnosticos.md`).
//!
//! A diagnostic always carries a position: the loader and the rules never build one without a
//! [`Region`], so a message can always show the line to fix.

use std::borrow::Cow;
use std::fmt::Write;

use serde::Serialize;

use crate::espanol::plural;

pub mod human;
pub mod json;

/// A position in the source text: 1-based line, 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

/// A range of the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// First character.
    pub start: Pos,
    /// One past the last character.
    pub end: Pos,
}

impl Region {
    /// The region of a single point, used when nothing better is known.
    pub fn point(line: usize, col: usize) -> Self {
        let p = Pos { line, col };
        Region { start: p, end: p }
    }

    /// Whether `pos` falls inside the region (a point region contains its own point).
    pub fn contains(&self, pos: Pos) -> bool {
        self.start <= pos && (pos < self.end || pos == self.start)
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severidad {
    /// Blocks `generar`.
    Error,
    /// Should be fixed; does not block.
    Advertencia,
    /// An improvement worth considering.
    Sugerencia,
}

impl Severidad {
    /// The Spanish word, as printed.
    pub fn nombre(self) -> &'static str {
        match self {
            Severidad::Error => "error",
            Severidad::Advertencia => "advertencia",
            Severidad::Sugerencia => "sugerencia",
        }
    }
}

/// One finding about one node of a plan.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    /// Rule code, e.g. `R002`.
    pub codigo: &'static str,
    /// Severity after `--estricto` / `estado: aprobado` escalation.
    pub severidad: Severidad,
    /// What is wrong, in Spanish.
    pub mensaje: String,
    /// Id path of the node (`acciones.A3.indicador.meta`); empty for the whole file.
    pub ruta: String,
    /// 1-based line.
    pub linea: usize,
    /// 1-based column, in characters.
    pub columna: usize,
    /// How to fix it, in Spanish.
    pub ayuda: String,
    /// The marked region of the source.
    #[serde(skip)]
    pub region: Region,
    /// For a plan imported from a workbook (`cantonal importar`): the cell the problem is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub celda: Option<Celda>,
}

/// A place in a workbook: sheet, 1-based row and, when known, the column by its heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Celda {
    /// Sheet.
    pub hoja: String,
    /// Row, from 1 as the spreadsheet numbers it (0 for the whole sheet).
    pub fila: usize,
    /// Column heading.
    pub columna: Option<String>,
}

impl std::fmt::Display for Celda {
    /// "hoja Acciones, fila 7, columna Responsable".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "hoja {}", self.hoja)?;
        if self.fila > 0 {
            write!(f, ", fila {}", self.fila)?;
        }
        match &self.columna {
            Some(c) => write!(f, ", columna {c}"),
            None => Ok(()),
        }
    }
}

impl Diagnostic {
    /// A diagnostic at `region`.
    pub fn new(
        codigo: &'static str,
        severidad: Severidad,
        region: Region,
        ruta: String,
        mensaje: String,
        ayuda: String,
    ) -> Self {
        Diagnostic {
            codigo,
            severidad,
            mensaje,
            ruta,
            linea: region.start.line,
            columna: region.start.col,
            ayuda,
            region,
            celda: None,
        }
    }
}

/// Counts of diagnostics by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Conteo {
    /// Errors.
    pub errores: usize,
    /// Warnings.
    pub advertencias: usize,
    /// Suggestions.
    pub sugerencias: usize,
}

impl Conteo {
    /// Counts `diagnostics`.
    pub fn de(diagnostics: &[Diagnostic]) -> Self {
        let mut c = Conteo::default();
        for d in diagnostics {
            c.sumar_uno(d.severidad);
        }
        c
    }

    fn sumar_uno(&mut self, s: Severidad) {
        match s {
            Severidad::Error => self.errores += 1,
            Severidad::Advertencia => self.advertencias += 1,
            Severidad::Sugerencia => self.sugerencias += 1,
        }
    }

    /// Adds another count to this one.
    pub fn sumar(&mut self, other: Conteo) {
        self.errores += other.errores;
        self.advertencias += other.advertencias;
        self.sugerencias += other.sugerencias;
    }

    /// "1 error, 2 advertencias, 0 sugerencias".
    pub fn texto(&self) -> String {
        format!(
            "{}, {}, {}",
            plural(self.errores, "error", "errores"),
            plural(self.advertencias, "advertencia", "advertencias"),
            plural(self.sugerencias, "sugerencia", "sugerencias")
        )
    }
}

/// Formats values for a message: "`a`, `b`, `c`".
pub fn lista<S: AsRef<str>>(values: &[S]) -> String {
    values
        .iter()
        .map(|v| format!("`{}`", v.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Plan text made safe to print on a terminal: control characters other than line breaks and
/// tabs (escape sequences, the bell, carriage returns) and the invisible marks that reorder text
/// are written as visible escapes such as `\u{1b}`, so that no plan can move the cursor, change
/// colours, ring the bell or hide part of a line. Everything `cantonal` prints that comes from a
/// plan or a file name goes through here.
pub fn visible(texto: &str) -> Cow<'_, str> {
    if !texto.chars().any(oculto) {
        return Cow::Borrowed(texto);
    }
    let mut out = String::with_capacity(texto.len() + 16);
    for c in texto.chars() {
        if oculto(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `c` acts on the terminal or on the order of the text instead of being shown.
fn oculto(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_escapes_what_a_terminal_would_obey() {
        assert_eq!(visible("Ibarra"), "Ibarra");
        assert!(matches!(visible("Ibarra"), Cow::Borrowed(_)));
        assert_eq!(
            visible("Iba\u{1b}[31mrra\u{7}\r\u{9b}\u{202e}x\ny\tz"),
            "Iba\\u{1b}[31mrra\\u{7}\\u{d}\\u{9b}\\u{202e}x\ny\tz"
        );
    }
}
