//! The workshop workbook: cantonal workshops fill the parts of a plan in a spreadsheet, and the
//! filled workbook becomes a plan file.
//!
//! [`plantilla`] writes the template (`cantonal plantilla-taller`): the sheet «Datos generales»
//! with one row per field outside the plan's lists, one sheet per list with a header row and a
//! row that explains each column, drop-down lists for the catalogues, the fixed values and the
//! ids declared on other sheets, optionally filled from an existing plan. [`importar`] reads a
//! filled workbook (XLSX or ODS, opened within limits by [`libro`]) back into the text of a plan
//! file (`cantonal importar`), with every problem located by sheet, row and column.
//!
//! Both sides are built from the catalogue of the plan's fields ([`crate::plan::campos`]): a
//! column is a field (its title the field's label, its explanation the field's help), a sheet is
//! a list, and [`celdas`] turns a value into a cell and back by the field's kind, accepting what
//! the editor accepts (the Spanish names of catalogue values, amounts written `1.500,00`) and
//! writing the canonical values. A plan → template → plan round trip gives the same plan, and a
//! diagnostic about `acciones.A3.indicador.meta` points to the cell the workshop filled.
//! Workbooks made by earlier versions keep importing: their column titles are in [`anteriores`].

pub mod anteriores;
pub mod celdas;
pub mod importar;
pub mod libro;
pub mod plantilla;

use crate::plan::campos::{self, Campo, Tipo};

/// A column of a sheet (or a row of «Datos generales»): a field of the catalogue.
#[derive(Debug, Clone)]
pub struct Columna {
    /// Its key, dotted, from the sheet's item (`indicador.meta`) or, in «Datos generales», from
    /// the plan (`canton.nombre`).
    pub clave: String,
    /// The field.
    pub campo: &'static Campo,
}

impl Columna {
    /// Its title: the field's label.
    pub fn titulo(&self) -> &'static str {
        self.campo.etiqueta
    }

    /// What to write, for the second header row: the field's help, whether it is required, an
    /// example.
    pub fn ayuda(&self) -> String {
        let c = self.campo;
        let mut t = format!("{} {}.", c.ayuda, c.requerido.texto());
        match c.tipo {
            Tipo::Catalogos { .. } | Tipo::Referencias { .. } => {
                t.push_str(" Varios: sepárelos con punto y coma.")
            }
            Tipo::Lugares | Tipo::Textos => t.push_str(" Varios: sepárelos con punto y coma."),
            Tipo::Conteos { .. } => t.push_str(
                " Escriba cada uno con su cifra: «Explotación sexual: 3; Mendicidad: 1».",
            ),
            _ => {}
        }
        if !c.ejemplo.is_empty() {
            t.push_str(&format!(" Ejemplo: {}.", c.ejemplo));
        }
        t
    }
}

/// A sheet with one item of a plan list per row.
#[derive(Debug, Clone)]
pub struct Hoja {
    /// Sheet name.
    pub nombre: &'static str,
    /// The plan list it holds, dotted (`acciones`, `elaboracion.equipo`).
    pub lista: String,
    /// Columns, in the catalogue's order.
    pub columnas: Vec<Columna>,
}

/// Name of the sheet of general data.
pub const HOJA_GENERALES: &str = "Datos generales";
/// Name of the sheet with the values of the drop-down lists.
pub const HOJA_LISTAS: &str = "Listas";
/// Rows before the data in a list sheet: the headings and their explanations.
pub const FILAS_ENCABEZADO: u32 = 2;

/// The fields of `campos` that are cells (groups flattened: `indicador.meta`), and the lists
/// found on the way.
fn aplanar(
    campos: &'static [Campo],
    base: &str,
    columnas: &mut Vec<Columna>,
    listas: &mut Vec<(String, &'static Campo)>,
) {
    for c in campos {
        let clave = if base.is_empty() {
            c.clave.to_owned()
        } else {
            format!("{base}.{}", c.clave)
        };
        match c.tipo {
            Tipo::Grupo { campos } => aplanar(campos, &clave, columnas, listas),
            Tipo::Lista { .. } => listas.push((clave, c)),
            _ => columnas.push(Columna { clave, campo: c }),
        }
    }
}

/// The rows of «Datos generales»: every field outside the plan's lists, but the version of the
/// format, which the program writes.
pub fn generales() -> Vec<Columna> {
    let mut columnas = Vec::new();
    aplanar(campos::PLAN, "", &mut columnas, &mut Vec::new());
    columnas.retain(|c| c.clave != "formato");
    columnas
}

/// The sheets with the plan's lists, in the catalogue's order.
pub fn hojas() -> Vec<Hoja> {
    let mut pendientes = Vec::new();
    aplanar(campos::PLAN, "", &mut Vec::new(), &mut pendientes);
    let mut out = Vec::new();
    for (lista, c) in pendientes {
        let Tipo::Lista { lista: l } = c.tipo else {
            continue;
        };
        let mut columnas = Vec::new();
        aplanar(l.campos, "", &mut columnas, &mut Vec::new());
        out.push(Hoja {
            nombre: l.hoja,
            lista,
            columnas,
        });
    }
    out
}

/// The sheet of the plan list `lista` (`actores`), for the drop-down lists of references.
pub fn hoja_de(lista: &str) -> Option<&'static str> {
    campos::lista(lista).map(|l| l.hoja)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_cell_and_titles_are_unique_in_each_sheet() {
        let mut vistos = std::collections::BTreeSet::new();
        let hojas = hojas();
        for h in &hojas {
            let mut titulos = std::collections::BTreeSet::new();
            for c in &h.columnas {
                assert!(titulos.insert(c.titulo()), "{}: {}", h.nombre, c.titulo());
                vistos.insert(format!("{}[].{}", h.lista, c.clave));
            }
        }
        let mut titulos = std::collections::BTreeSet::new();
        for c in generales() {
            assert!(titulos.insert(c.titulo()), "{}", c.titulo());
            vistos.insert(c.clave.clone());
        }
        for (ruta, c) in campos::todos() {
            if matches!(c.tipo, Tipo::Grupo { .. } | Tipo::Lista { .. }) || ruta == "formato" {
                continue;
            }
            assert!(vistos.contains(&ruta), "{ruta} has no cell in the workbook");
        }
        let nombres: std::collections::BTreeSet<_> = hojas.iter().map(|h| h.nombre).collect();
        assert_eq!(nombres.len(), hojas.len());
    }
}
