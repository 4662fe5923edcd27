//! Diagnostics as the editor shows them: the place named as the form names it («Diagnóstico ›
//! Casos registrados por año › 2025 › Desglose de los casos»), the values of catalogues by their
//! Spanish names instead of their codes, the section of the form each one belongs to, and an
//! honest summary per section (fields still to fill, errors, warnings) written with the
//! library's plural rule. The codes and id paths stay available in a details line for the
//! adviser. The command line keeps the messages as they are.
//!
//! The same for every file the editor edits with forms (a plan, its monitoring file): each is
//! named against its own form ([`Forma`]), and a monitoring file's references to the plan's
//! actions by the plan's own value.

use serde::Serialize;
use serde_json::Value;

use crate::catalogos::valores;
use crate::diagnostics::{Diagnostic, Severidad};
use crate::espanol::plural;
use std::path::Path;

use crate::plan::campos::{self, Campo, Catalogo, FORMA_PLAN, FORMA_SEGUIMIENTO, Forma, Tipo};
use crate::plan::ruta::resolver;
use crate::plan::spans::Seg;
use crate::reference::nacional::Referencia;

/// A diagnostic for the editor's page.
#[derive(Debug, Serialize)]
pub struct Aviso {
    /// Rule code.
    pub codigo: &'static str,
    /// Severity.
    pub severidad: Severidad,
    /// The message, with the values of catalogues by their names.
    pub mensaje: String,
    /// How to fix it, likewise.
    pub ayuda: String,
    /// Id path (for observations and the adviser).
    pub ruta: String,
    /// The path of keys and positions in the plan's value, for the form to find its field.
    pub camino: Vec<Value>,
    /// The place, as the form names it.
    pub lugar: String,
    /// The section of the form.
    pub seccion: &'static str,
    /// Whether it says that something is still to be written (a text «POR COMPLETAR», a missing
    /// or empty required field), rather than that something written is wrong.
    pub pendiente: bool,
    /// For the adviser: the code and the id path.
    pub detalle: String,
}

/// How much of a section (or of the plan) is still to do.
#[derive(Debug, Default, Serialize)]
pub struct Cuenta {
    /// Fields to fill.
    pub pendientes: usize,
    /// Errors.
    pub errores: usize,
    /// Warnings and suggestions.
    pub avisos: usize,
    /// In words: «3 campos por completar, 1 error».
    pub texto: String,
}

impl Cuenta {
    fn sumar(&mut self, a: &Aviso) {
        match (a.pendiente, a.severidad) {
            (true, _) => self.pendientes += 1,
            (false, Severidad::Error) => self.errores += 1,
            (false, _) => self.avisos += 1,
        }
    }

    fn escribir(&mut self) {
        let mut partes = Vec::new();
        if self.pendientes > 0 {
            partes.push(plural(
                self.pendientes,
                "campo por completar",
                "campos por completar",
            ));
        }
        if self.errores > 0 {
            partes.push(plural(self.errores, "error", "errores"));
        }
        if self.avisos > 0 {
            partes.push(plural(self.avisos, "aviso", "avisos"));
        }
        self.texto = if partes.is_empty() {
            "Sin problemas".into()
        } else {
            partes.join(", ")
        };
    }
}

/// The diagnostics of a plan for the page, and the counts per section and for the whole plan.
#[derive(Debug, Serialize)]
pub struct Resumen {
    /// Every diagnostic.
    pub avisos: Vec<Aviso>,
    /// Counts by section id.
    pub secciones: std::collections::BTreeMap<&'static str, Cuenta>,
    /// Counts for the whole plan.
    pub total: Cuenta,
}

/// The form of the file at `archivo`: a monitoring file's by its name, a plan's otherwise.
pub fn forma(archivo: &Path) -> &'static Forma {
    if crate::plan::seguimiento::es_archivo(archivo) {
        &FORMA_SEGUIMIENTO
    } else {
        &FORMA_PLAN
    }
}

/// What the places of one file are named against.
#[derive(Clone, Copy)]
pub struct Contexto<'a> {
    /// The file's form.
    pub forma: &'static Forma,
    /// The file's value.
    pub valor: &'a Value,
    /// The value whose lists its references name: the file itself for a plan, the plan it
    /// follows for a monitoring file.
    pub listas: &'a Value,
    /// The national reference, for the names of catalogue values.
    pub r: &'a Referencia,
}

impl<'a> Contexto<'a> {
    /// A plan's.
    pub fn plan(valor: &'a Value, r: &'a Referencia) -> Contexto<'a> {
        Contexto {
            forma: &FORMA_PLAN,
            valor,
            listas: valor,
            r,
        }
    }
}

/// The codes that say something is still to be written.
const PENDIENTES: [&str; 3] = ["C009", "S004", "S009"];

/// The diagnostics of a file for the editor.
pub fn resumir(diagnosticos: &[Diagnostic], cx: Contexto) -> Resumen {
    let avisos: Vec<Aviso> = diagnosticos.iter().map(|d| aviso(d, cx)).collect();
    let mut secciones: std::collections::BTreeMap<&'static str, Cuenta> = cx
        .forma
        .secciones
        .iter()
        .map(|s| (s.id, Cuenta::default()))
        .collect();
    let mut total = Cuenta::default();
    for a in &avisos {
        total.sumar(a);
        secciones.entry(a.seccion).or_default().sumar(a);
    }
    total.escribir();
    secciones.values_mut().for_each(Cuenta::escribir);
    Resumen {
        avisos,
        secciones,
        total,
    }
}

/// The key of the field a «missing required field» diagnostic (S004) names: the diagnostic is
/// located at the object that lacks it, the form shows it at the field.
fn falta(d: &Diagnostic) -> Option<&str> {
    if d.codigo != "S004" {
        return None;
    }
    d.mensaje
        .strip_prefix("falta el campo obligatorio `")?
        .split('`')
        .next()
}

fn aviso(d: &Diagnostic, cx: Contexto) -> Aviso {
    let (forma, r) = (cx.forma, cx.r);
    let mut path = resolver(cx.valor, &d.ruta).unwrap_or_default();
    if let Some(clave) = falta(d) {
        path.push(Seg::Key(clave.to_owned()));
        if campos::campo_en(forma.campos, &path).is_none() {
            path.pop();
        }
    }
    let camino = path
        .iter()
        .map(|s| match s {
            Seg::Key(k) => Value::String(k.clone()),
            Seg::Index(i) => Value::from(*i),
        })
        .collect();
    // Text still to be written is named by its field's label: its key may belong to several
    // fields (`nombre`).
    let (mensaje, ayuda) = match (d.codigo, campos::campo_en(forma.campos, &path)) {
        ("C009", Some(c)) => (
            format!("«{}» está por completar", c.etiqueta),
            en_palabras(&d.ayuda, forma, r),
        ),
        ("S009", Some(c)) => (
            format!("«{}» está vacío, y es obligatorio", c.etiqueta),
            c.ayuda.to_owned(),
        ),
        ("S004", Some(c)) if falta(d) == Some(c.clave) => (
            format!("Falta «{}», que es obligatorio", c.etiqueta),
            c.ayuda.to_owned(),
        ),
        _ => (
            en_palabras(&d.mensaje, forma, r),
            en_palabras(&d.ayuda, forma, r),
        ),
    };
    Aviso {
        codigo: d.codigo,
        severidad: d.severidad,
        mensaje,
        ayuda,
        ruta: d.ruta.clone(),
        camino,
        lugar: lugar(&path, cx),
        seccion: seccion(forma, &path),
        pendiente: PENDIENTES.contains(&d.codigo),
        detalle: if d.ruta.is_empty() {
            d.codigo.to_owned()
        } else {
            format!("{} · {}", d.codigo, d.ruta)
        },
    }
}

/// The section of the form that shows the node at `path` (the first section for a node no
/// section shows).
pub fn seccion(forma: &Forma, path: &[Seg]) -> &'static str {
    let secciones = forma.secciones;
    let claves: Vec<&str> = path.iter().filter_map(Seg::clave).collect();
    if let Some(s) = secciones.iter().find(|s| {
        s.vista.is_some_and(|(lista, campo)| {
            claves.first() == Some(&lista) && claves.get(1) == Some(&campo)
        })
    }) {
        return s.id;
    }
    claves
        .first()
        .and_then(|k| secciones.iter().find(|s| s.claves.contains(k)))
        .or(secciones.first())
        .map_or("", |s| s.id)
}

/// The place of `path`, as the form names it: the section, then each field by its label and each
/// item by what names it in its list's header.
pub fn lugar(path: &[Seg], cx: Contexto) -> String {
    let mut partes = vec![
        cx.forma
            .secciones
            .iter()
            .find(|s| s.id == seccion(cx.forma, path))
            .map_or("Plan", |s| s.titulo)
            .to_owned(),
    ];
    let mut campos: &'static [Campo] = cx.forma.campos;
    let mut actual: Option<&'static Campo> = None;
    let mut nodo = Some(cx.valor);
    for seg in path {
        match seg {
            Seg::Key(k) => {
                nodo = nodo.and_then(|n| n.get(k));
                let Some(c) = campos.iter().find(|c| c.clave == k) else {
                    break;
                };
                if partes.last().map(String::as_str) != Some(c.etiqueta) {
                    partes.push(c.etiqueta.to_owned());
                }
                actual = Some(c);
                campos = c.tipo.hijos();
            }
            Seg::Index(i) => {
                nodo = nodo.and_then(|n| n.get(i));
                match actual.map(|c| c.tipo) {
                    Some(Tipo::Lista { lista }) => {
                        partes.push(resumen_item(lista, nodo, *i, cx));
                    }
                    _ => partes.push(format!("{}.º", i + 1)),
                }
            }
        }
    }
    partes.join(" › ")
}

/// What names an item in its list's header: its summary fields, by their names.
pub fn resumen_item(lista: &campos::Lista, item: Option<&Value>, i: usize, cx: Contexto) -> String {
    let Some(item) = item else {
        return format!("{} {}", lista.singular, i + 1);
    };
    let partes: Vec<String> = lista
        .resumen
        .iter()
        .filter_map(|k| {
            let c = lista.campos.iter().find(|c| c.clave == *k)?;
            let v = item.get(*k)?;
            let t = match c.tipo {
                Tipo::Catalogo { catalogo } => nombre(catalogo, v.as_str()?, cx.r),
                Tipo::Referencia { lista } => nombre_de(cx.listas, lista, v.as_str()?),
                Tipo::Fecha => v.as_str().map_or_else(
                    || v.to_string(),
                    |t| {
                        chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
                            .map_or_else(|_| t.to_owned(), crate::espanol::fecha_larga)
                    },
                ),
                Tipo::Opcion { valores } => {
                    let id = v.as_str()?;
                    valores
                        .iter()
                        .find(|x| x.id == id)
                        .map_or(id, |x| x.nombre)
                        .to_owned()
                }
                _ => v
                    .as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| v.to_string()),
            };
            (!t.is_empty()).then_some(t)
        })
        .collect();
    if partes.is_empty() {
        format!("{} {}", lista.singular, i + 1)
    } else {
        partes.join(" — ")
    }
}

fn nombre(catalogo: Catalogo, id: &str, r: &Referencia) -> String {
    valores(catalogo, r)
        .into_iter()
        .find(|o| o.id == id)
        .map_or_else(|| id.to_owned(), |o| o.nombre)
}

/// The name of the item `id` of the plan's list `lista`: an actor by its name; an item known by
/// its description (an objective, an action) by its id and description, as its own list shows it.
fn nombre_de(plan: &Value, lista: &str, id: &str) -> String {
    let item = plan.get(lista).and_then(Value::as_array).and_then(|l| {
        l.iter()
            .find(|x| x.get("id").and_then(Value::as_str) == Some(id))
    });
    let texto = |k: &str| item.and_then(|x| x.get(k)).and_then(Value::as_str);
    match (
        texto("nombre"),
        texto("descripcion").or_else(|| texto("titulo")),
    ) {
        (Some(n), _) => n.to_owned(),
        (None, Some(d)) => format!("{id} — {d}"),
        (None, None) => id.to_owned(),
    }
}

/// A message with the codes between backquotes read as a person reads them: the values of the
/// national catalogues and of the fixed values by their Spanish names (`[explotacion_sexual]`,
/// `institucion: ministerio-gobierno`, `tipo: resultado`), field keys by their labels, and any
/// other code between «».
pub fn en_palabras(mensaje: &str, forma: &Forma, r: &Referencia) -> String {
    let mut out = String::with_capacity(mensaje.len());
    let mut partes = mensaje.split('`');
    if let Some(primera) = partes.next() {
        out.push_str(primera);
    }
    let mut dentro = true;
    for parte in partes {
        if dentro {
            out.push_str(&format!("«{}»", codigo(parte, forma, r)));
        } else {
            out.push_str(parte);
        }
        dentro = !dentro;
    }
    out
}

/// One code between backquotes, in words.
fn codigo(t: &str, forma: &Forma, r: &Referencia) -> String {
    let t = t.trim();
    if let Some(lista) = t.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
        return lista
            .split(',')
            .map(|x| codigo(x, forma, r))
            .collect::<Vec<_>>()
            .join(", ");
    }
    if let Some((clave, valor)) = t.split_once(": ") {
        // A key several fields share (`tipo`) is told apart by the fixed values of its field.
        let con_valor = campos::todos_en(forma.campos)
            .into_iter()
            .find_map(|(_, c)| match c.tipo {
                Tipo::Opcion { valores } if c.clave == clave => valores
                    .iter()
                    .find(|v| v.id == valor)
                    .map(|v| (c.etiqueta, v.nombre)),
                _ => None,
            });
        if let Some((etiqueta, nombre)) = con_valor {
            return format!("{etiqueta}: {nombre}");
        }
        let etiqueta = etiqueta(forma, clave).unwrap_or(clave);
        return format!("{etiqueta}: {}", codigo(valor, forma, r));
    }
    if let Some(nombre) = Catalogo::TODOS
        .iter()
        .flat_map(|c| valores(*c, r))
        .find(|o| o.id == t)
        .map(|o| o.nombre)
    {
        return nombre;
    }
    if let Some(nombre) = campos::todos_en(forma.campos)
        .iter()
        .find_map(|(_, c)| match c.tipo {
            Tipo::Opcion { valores } => valores.iter().find(|v| v.id == t).map(|v| v.nombre),
            _ => None,
        })
    {
        return nombre.to_owned();
    }
    etiqueta(forma, t).map_or_else(|| t.to_owned(), str::to_owned)
}

/// The label of the field whose key (or dotted path) is `clave`, when one field has it.
fn etiqueta(forma: &Forma, clave: &str) -> Option<&'static str> {
    let ultimo = clave.rsplit('.').next()?;
    let mut con_clave = campos::todos_en(forma.campos)
        .into_iter()
        .filter(|(ruta, c)| {
            c.clave == ultimo
                && (ruta == clave || ruta.ends_with(&format!(".{clave}")) || !clave.contains('.'))
        });
    let primero = con_clave.next()?;
    let mismo = con_clave.all(|(_, c)| c.etiqueta == primero.1.etiqueta);
    mismo.then_some(primero.1.etiqueta)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn codes_are_read_as_words() {
        let r = Referencia::pacta();
        assert_eq!(
            en_palabras(
                "el riesgo tiene `[explotacion_sexual, mendicidad]`",
                &FORMA_PLAN,
                r
            ),
            "el riesgo tiene «Explotación sexual, Mendicidad»"
        );
        assert_eq!(
            en_palabras("el indicador es `tipo: resultado`", &FORMA_PLAN, r),
            "el indicador es «Tipo de indicador: De resultado (mide un cambio en la población)»"
        );
        assert_eq!(
            en_palabras("el actor `cpd` no existe", &FORMA_PLAN, r),
            "el actor «cpd» no existe"
        );
    }

    #[test]
    fn a_place_is_named_as_the_form_names_it() {
        let r = Referencia::pacta();
        let plan = json!({"diagnostico": {"casos": [{"anio": 2024}, {"anio": 2025, "casos": 3}]}});
        let path = crate::path!["diagnostico", "casos", 1, "desglose"];
        assert_eq!(
            lugar(&path, Contexto::plan(&plan, r)),
            "Diagnóstico › Casos registrados por año › 2025 › Desglose de los casos"
        );
        let plan = json!({"acciones": [{"id": "A1", "descripcion": "Talleres", "presupuesto": {"monto": 1}}]});
        let path = crate::path!["acciones", 0, "presupuesto", "monto"];
        assert_eq!(seccion(&FORMA_PLAN, &path), "presupuesto");
        assert_eq!(
            lugar(&path, Contexto::plan(&plan, r)),
            "Presupuesto › Acciones › A1 — Talleres › Presupuesto"
        );
    }
}
