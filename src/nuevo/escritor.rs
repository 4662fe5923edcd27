//! Writing the starter plan from the catalogue of fields: every field with the comment that
//! says what it is, what to write and whether it is required (its label, help and requirement,
//! the same an editor form shows), texts as blocks so that any sentence can replace a
//! placeholder, and commented examples of list items built from the catalogue's examples. The
//! new cut of a monitoring file (`cantonal seguimiento --corte`) is written with it too.

use serde_json::Value;

use crate::catalogos::ejemplo_en_archivo;
use crate::plan::campos::{Campo, Tipo};
use crate::plan::yaml_edit::{en_comentario, yaml_texto};
use crate::reference::nacional::Referencia;

/// Widest comment line.
const ANCHO: usize = 96;

/// The text of a starter plan being written.
#[derive(Default)]
pub(crate) struct Escritor {
    pub(crate) out: String,
    /// The catalogue's examples speak of one canton (Ibarra, in Imbabura, `gad-ibarra`): in a
    /// starter plan they speak of its own: (name, province, file-name form of the name).
    pub(super) canton: (String, String, String),
}

/// What a field holds in the starter plan.
pub(crate) enum Valor<'a> {
    /// A scalar, already written as YAML (`2026-01-01`, `borrador`, `"1406"`).
    Yaml(String),
    /// A text of one line, written as a block (`>-`).
    Linea(&'a str),
    /// A text of paragraphs, written as a block (`|`).
    Parrafos(&'a str),
    /// Nothing yet (`responsable:`): the official writes it.
    Nada,
    /// A group or a list whose content follows.
    Abre,
}

impl Escritor {
    /// A comment of one or more lines at indentation `sangria`, wrapped at [`ANCHO`].
    pub(crate) fn comentario(&mut self, sangria: usize, texto: &str) {
        let pad = " ".repeat(sangria);
        let mut linea = String::new();
        for palabra in en_comentario(texto).split(' ') {
            if !linea.is_empty() && sangria + 2 + linea.len() + 1 + palabra.len() > ANCHO {
                self.out.push_str(&format!("{pad}# {linea}\n"));
                linea.clear();
            }
            if !linea.is_empty() {
                linea.push(' ');
            }
            linea.push_str(palabra);
        }
        self.out.push_str(&format!("{pad}# {}\n", linea.trim_end()));
    }

    /// A blank line between parts of the plan.
    pub(crate) fn blanco(&mut self) {
        self.out.push('\n');
    }

    /// The field `clave` of `campos` (as `- clave:` when `guion`), with its comment (`extra`
    /// adds a sentence of the plan's own) and its value.
    pub(crate) fn campo(
        &mut self,
        campos: &'static [Campo],
        clave: &str,
        sangria: usize,
        guion: bool,
        extra: &str,
        valor: Valor,
    ) {
        let c = campos
            .iter()
            .find(|c| c.clave == clave)
            .unwrap_or_else(|| panic!("the catalogue has the field {clave}"));
        let mut texto = explicacion(c);
        if !extra.is_empty() {
            texto = format!("{texto} {extra}");
        }
        // The comment of an item's first field goes above its dash, so that it moves with it.
        self.comentario(
            if guion {
                sangria.saturating_sub(2)
            } else {
                sangria
            },
            &texto,
        );
        self.valor(clave, sangria, guion, valor);
    }

    /// The field `clave` with its value and no comment (as `- clave:` when `guion`).
    pub(crate) fn valor(&mut self, clave: &str, sangria: usize, guion: bool, valor: Valor) {
        let pad = " ".repeat(sangria);
        let (pad_clave, hijo) = if guion {
            (
                format!("{}- ", " ".repeat(sangria.saturating_sub(2))),
                sangria + 2,
            )
        } else {
            (pad.clone(), sangria + 2)
        };
        let linea = match valor {
            Valor::Yaml(v) => format!("{pad_clave}{clave}: {v}\n"),
            Valor::Linea(t) => format!("{pad_clave}{clave}: >-\n{}{t}\n", " ".repeat(hijo)),
            Valor::Parrafos(t) => {
                let cuerpo: String = t
                    .lines()
                    .map(|l| {
                        if l.is_empty() {
                            "\n".to_owned()
                        } else {
                            format!("{}{l}\n", " ".repeat(hijo))
                        }
                    })
                    .collect();
                format!("{pad_clave}{clave}: |\n{cuerpo}")
            }
            Valor::Nada | Valor::Abre => format!("{pad_clave}{clave}:\n"),
        };
        self.out.push_str(&linea);
    }

    /// A commented example of one item with the fields `campos` (quite los `#` para usarlo), at indentation
    /// `sangria`, from the examples of the catalogue; `cambiar` replaces the example of some
    /// fields (a date of the plan's period, an id of the plan).
    pub(super) fn ejemplo(
        &mut self,
        campos: &'static [Campo],
        sangria: usize,
        guion: bool,
        r: &Referencia,
        cambiar: &[(&str, Value)],
    ) {
        let mut lineas: Vec<(String, String)> = Vec::new();
        item(campos, 2, guion, r, cambiar, "", &mut lineas);
        let (nombre, provincia, slug) = &self.canton;
        for (linea, _) in &mut lineas {
            *linea = linea
                .replace("ibarra", slug)
                .replace("Ibarra", nombre)
                .replace("Imbabura", provincia);
        }
        let ancho = lineas
            .iter()
            .map(|(l, _)| l.chars().count())
            .max()
            .unwrap_or(0);
        for (linea, nota) in lineas {
            let relleno = " ".repeat(ancho - linea.chars().count());
            self.out.push_str(&format!(
                "{}# {linea}{relleno}  # {nota}\n",
                " ".repeat(sangria)
            ));
        }
    }
}

/// What the comment of a field says: its label, its help and whether it is required.
pub(crate) fn explicacion(c: &Campo) -> String {
    format!("{}. {} {}.", c.etiqueta, c.ayuda, c.requerido.texto())
}

/// The lines of a commented example item: each with what it is, in a few words.
fn item(
    campos: &'static [Campo],
    sangria: usize,
    guion: bool,
    r: &Referencia,
    cambiar: &[(&str, Value)],
    base: &str,
    out: &mut Vec<(String, String)>,
) {
    for c in campos {
        let ruta = if base.is_empty() {
            c.clave.to_owned()
        } else {
            format!("{base}.{}", c.clave)
        };
        let prefijo = if guion && out.is_empty() {
            format!("{}- ", " ".repeat(sangria))
        } else {
            " ".repeat(sangria + if guion { 2 } else { 0 })
        };
        let nota = format!("{}, {}", c.etiqueta, c.requerido.texto().to_lowercase());
        let valor = cambiar
            .iter()
            .find(|(k, _)| *k == ruta)
            .map(|(_, v)| v.clone())
            .or_else(|| ejemplo_en_archivo(c, r));
        match c.tipo {
            Tipo::Grupo { campos } => {
                // A group whose fields have no example is left out.
                let mut dentro = Vec::new();
                let sangria = sangria + if guion { 4 } else { 2 };
                item(campos, sangria, false, r, cambiar, &ruta, &mut dentro);
                if !dentro.is_empty() {
                    out.push((format!("{prefijo}{}:", c.clave), nota));
                    out.extend(dentro);
                }
            }
            _ => {
                let escrito = match (valor, c.tipo) {
                    (Some(Value::Number(n)), Tipo::Monto) => {
                        Some(format!("{:.2}", n.as_f64().unwrap_or_default()))
                    }
                    (Some(v), _) => Some(escalar(&v)),
                    (None, _) => None,
                };
                if let Some(v) = escrito {
                    out.push((format!("{prefijo}{}: {v}", c.clave), nota));
                }
            }
        }
    }
}

/// A value of an example, on one line.
fn escalar(v: &Value) -> String {
    match v {
        Value::String(s) => yaml_texto(s),
        Value::Array(l) => format!("[{}]", l.iter().map(escalar).collect::<Vec<_>>().join(", ")),
        Value::Number(n) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        otro => otro.to_string(),
    }
}
