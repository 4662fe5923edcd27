//! The JSON Schema of the plan format, derived from the model with `schemars`, and the structural
//! check of a document against it.
//!
//! One schema serves two purposes. Validating a document against it reports every unknown key
//! (S002), malformed value (S003), missing field (S004) and value outside a fixed list (S005) at
//! once, each at its path, instead of stopping at the first one as deserialisation would. With the
//! national catalogues added as enums (`catalogos::editor_schema`) it is what `cantonal esquema`
//! prints for editors.

/// Where `nuevo`, `importar` and the example plans expect the schema, relative to the plan.
pub const SCHEMA_PATH: &str = "esquema/plan-cantonal.schema.json";

use std::cell::OnceCell;
use std::sync::OnceLock;

use jsonschema::error::ValidationErrorKind;
use jsonschema::{ValidationError, Validator};
use serde_json::{Value, json};

use super::campos::{self, Campo};
use super::model::Plan;
use super::observaciones::Observaciones;
use super::ruta::{Nombres, ruta_con};
use super::spans::{NodePath, Seg};
use crate::diagnostics::lista;
use crate::suggest::did_you_mean;

/// A document format's schema, derived from its Rust types, and the validator built from it.
pub struct Esquema {
    estructura: Value,
    validador: Validator,
    /// How messages name the whole document: "el plan", "las observaciones".
    documento: &'static str,
}

impl Esquema {
    fn new(mut estructura: Value, documento: &'static str) -> Self {
        integer_bounds(&mut estructura);
        let validador = jsonschema::options()
            .should_validate_formats(true)
            .build(&estructura)
            .expect("the schema derived from the model is a valid JSON Schema");
        Esquema {
            estructura,
            validador,
            documento,
        }
    }

    /// How messages name a whole document of this kind: "el plan", "el seguimiento".
    pub fn documento(&self) -> &'static str {
        self.documento
    }

    /// The schema as a JSON value (draft 2020-12).
    pub fn estructura(&self) -> &Value {
        &self.estructura
    }

    /// Whether the mapping at `path` may have a field `campo` (so that naming it is meaningful
    /// even where it is absent).
    pub fn admite(&'static self, path: &[Seg], campo: &str) -> bool {
        self.subschema(path)
            .and_then(|s| s.get("properties"))
            .is_some_and(|p| p.get(campo).is_some())
    }
}

/// Gives every integer of the schema the range of its Rust type (`int32`, `uint32`, `int64`), so
/// that a number too large for its field is a located problem of the structure like any other.
fn integer_bounds(schema: &mut Value) {
    match schema {
        Value::Object(node) => {
            let bounds = match node.get("format").and_then(Value::as_str) {
                Some("int32") => Some((json!(i32::MIN), json!(i32::MAX))),
                Some("uint32") => Some((json!(0), json!(u32::MAX))),
                Some("int64") => Some((json!(i64::MIN), json!(i64::MAX))),
                _ => None,
            };
            if let Some((min, max)) = bounds {
                node.entry("minimum").or_insert(min);
                node.entry("maximum").or_insert(max);
            }
            node.values_mut().for_each(integer_bounds);
        }
        Value::Array(items) => items.iter_mut().for_each(integer_bounds),
        _ => {}
    }
}

/// The schema of the plan format: the structure derived from the model, each field described
/// by the catalogue of fields ([`super::campos`]), so that an editor's hover and a missing
/// field's message say what a form says.
pub fn plan() -> &'static Esquema {
    static ESQUEMA: OnceLock<Esquema> = OnceLock::new();
    ESQUEMA.get_or_init(|| {
        let mut estructura = schemars::schema_for!(Plan).to_value();
        describir(&mut estructura, "", campos::PLAN, &mut Default::default());
        Esquema::new(estructura, "el plan")
    })
}

/// Sets the description of every property of the node at `puntero` (and of the definitions
/// they refer to) from the catalogue. A definition shared by two fields (a period and an
/// action's term) keeps the description of the first: `vistas` holds those already described.
fn describir(
    schema: &mut Value,
    puntero: &str,
    campos: &'static [Campo],
    vistas: &mut std::collections::HashSet<String>,
) {
    for c in campos {
        let propiedad = format!("{puntero}/properties/{}", c.clave);
        let Some(nodo) = schema.pointer_mut(&propiedad) else {
            continue;
        };
        let mut texto = format!("{} {}.", c.ayuda, c.requerido.texto());
        if !c.ejemplo.is_empty() {
            texto.push_str(&format!(" Ejemplo: {}.", c.ejemplo));
        }
        nodo["description"] = Value::String(texto);
        let definicion = nodo
            .get("$ref")
            .or_else(|| nodo.get("items").and_then(|i| i.get("$ref")))
            .or_else(|| {
                nodo.get("anyOf")?
                    .as_array()?
                    .iter()
                    .find_map(|b| b.get("$ref"))
            })
            .and_then(Value::as_str)
            .map(|r| r.replacen('#', "", 1));
        if let Some(def) = definicion
            && !c.tipo.hijos().is_empty()
            && vistas.insert(def.clone())
        {
            describir(schema, &def, c.tipo.hijos(), vistas);
        }
    }
}

/// Typographic quotes, as a word processor writes them, that YAML takes as text.
pub const COMILLAS_TIPOGRAFICAS: [char; 6] = ['“', '”', '‘', '’', '«', '»'];

/// The schema of a review observations file (`docs/revision.md`).
pub fn observaciones() -> &'static Esquema {
    static ESQUEMA: OnceLock<Esquema> = OnceLock::new();
    ESQUEMA.get_or_init(|| {
        Esquema::new(
            schemars::schema_for!(Observaciones).to_value(),
            "las observaciones",
        )
    })
}

/// The schema of a plan's monitoring file (`docs/seguimiento.md`), each field described by its
/// catalogue ([`campos::SEGUIMIENTO`]).
pub fn seguimiento() -> &'static Esquema {
    static ESQUEMA: OnceLock<Esquema> = OnceLock::new();
    ESQUEMA.get_or_init(|| {
        let mut estructura = schemars::schema_for!(super::seguimiento::Registro).to_value();
        describir(
            &mut estructura,
            "",
            campos::SEGUIMIENTO,
            &mut Default::default(),
        );
        Esquema::new(estructura, "el seguimiento")
    })
}

/// How many unknown fields of one mapping get a did-you-mean.
const MAX_SUGERENCIAS: usize = 100;

/// One structural problem, located by path.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where.
    pub path: NodePath,
    /// Rule code (S002–S005).
    pub codigo: &'static str,
    /// Message.
    pub mensaje: String,
    /// Hint.
    pub ayuda: String,
    /// Whether to mark the key of the entry rather than its value.
    pub en_clave: bool,
}

impl Esquema {
    /// Checks `document` against this structure: every problem at once, ordered by path.
    pub fn check(&'static self, document: &Value) -> Vec<Problem> {
        let mut out = Vec::new();
        let nombres = OnceCell::new();
        for error in self.validador.iter_errors(document) {
            self.describe(document, &nombres, &error, &mut out);
        }
        out.sort_by_cached_key(|p| p.path.cmp_key());
        out.dedup();
        out
    }
}

trait PathOrder {
    fn cmp_key(&self) -> Vec<(usize, String)>;
}

impl PathOrder for NodePath {
    fn cmp_key(&self) -> Vec<(usize, String)> {
        self.iter()
            .map(|s| match s {
                Seg::Key(k) => (0, k.clone()),
                Seg::Index(i) => (*i, String::new()),
            })
            .collect()
    }
}

fn instance_path(error: &ValidationError<'_>) -> NodePath {
    error
        .instance_path()
        .iter()
        .map(|seg| match seg {
            jsonschema::paths::LocationSegment::Property(p) => Seg::Key(p.into_owned()),
            jsonschema::paths::LocationSegment::Index(i) => Seg::Index(i),
        })
        .collect()
}

impl Esquema {
    fn describe(
        &'static self,
        document: &Value,
        nombres: &OnceCell<Nombres>,
        error: &ValidationError<'_>,
        out: &mut Vec<Problem>,
    ) {
        let path = instance_path(error);
        let schema = self.subschema(&path);
        let field = field_name(&path);
        if let Some(options) = self
            .enum_options(&path)
            .filter(|_| !error.instance().is_null())
        {
            let given = scalar_text(error.instance());
            let ayuda = match did_you_mean(&given, options.iter().copied()) {
                Some(best) => format!(
                    "¿Quiso decir `{best}`? Valores posibles: {}.",
                    lista(&options)
                ),
                None => format!("Valores posibles: {}.", lista(&options)),
            };
            out.push(Problem {
                mensaje: format!("`{given}` no es un valor válido para `{field}`"),
                path,
                codigo: "S005",
                ayuda,
                en_clave: false,
            });
            return;
        }
        let instance = error.instance();
        let mut push = |path: NodePath, codigo, mensaje: String, ayuda: String, en_clave| {
            out.push(Problem {
                path,
                codigo,
                mensaje,
                ayuda,
                en_clave,
            })
        };
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                let known: Vec<&str> = schema
                    .and_then(|s| s.get("properties"))
                    .and_then(Value::as_object)
                    .map(|p| p.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                let validos = lista(&known);
                for (n, key) in unexpected.iter().enumerate() {
                    let mut child = path.clone();
                    child.push(Seg::Key(key.clone()));
                    // A misspelling is looked for among the first unknown fields of a mapping:
                    // thousands of them are not a matter of spelling, and looking would cost
                    // more than the rest of the check.
                    let parecido = if n < MAX_SUGERENCIAS {
                        did_you_mean(key, known.iter().copied())
                    } else {
                        None
                    };
                    let ayuda = match parecido {
                    _ if key.contains(COMILLAS_TIPOGRAFICAS) => "Parece el resto de un texto entre comillas tipográficas (“ ”), que YAML no reconoce como comillas: use comillas rectas \" o quite las comillas.".to_owned(),
                    _ if key.contains(' ') => "Parece la continuación de un texto que contiene una coma dentro de `{ … }`: escriba ese texto entre comillas, por ejemplo `nombre: \"MIES, oficina de Cotacachi\"`.".to_owned(),
                    Some(best) => format!(
                        "¿Quiso decir `{best}`? Campos válidos aquí: {validos}."
                    ),
                    None => format!(
                        "Los campos válidos aquí son: {validos}. Los nombres van en minúsculas y sin tildes."
                    ),
                };
                    push(
                        child,
                        "S002",
                        format!("campo desconocido `{key}`"),
                        ayuda,
                        true,
                    );
                }
            }
            ValidationErrorKind::Required { property } => {
                let name = property.as_str().unwrap_or_default().to_owned();
                let help = schema
                    .and_then(|s| s.get("properties"))
                    .and_then(|p| p.get(&name))
                    .map(|p| first_sentence(&self.description(p)))
                    .filter(|d| !d.is_empty())
                    .map(|d| format!("Agregue `{name}:`. {d}"))
                    .unwrap_or_else(|| format!("Agregue el campo `{name}:`."));
                let donde = if path.is_empty() {
                    format!("en {}", self.documento)
                } else {
                    let nombres = nombres.get_or_init(|| Nombres::de(document));
                    format!("en `{}`", ruta_con(&path, nombres))
                };
                push(
                    path,
                    "S004",
                    format!("falta el campo obligatorio `{name}` {donde}"),
                    help,
                    true,
                );
            }
            ValidationErrorKind::Minimum { limit } => push(
                path,
                "S003",
                if limit.as_i64() == Some(0) {
                    format!(
                        "`{field}` no puede ser negativo: `{}`",
                        scalar_text(instance)
                    )
                } else {
                    format!(
                        "`{field}` es demasiado pequeño: `{}` (el mínimo es {limit})",
                        scalar_text(instance)
                    )
                },
                "Escriba un número entero desde 0, sin signo.".into(),
                false,
            ),
            ValidationErrorKind::Maximum { limit } => push(
                path,
                "S003",
                format!(
                    "`{field}` es demasiado grande: `{}` (el máximo es {limit})",
                    scalar_text(instance)
                ),
                "Revise la cifra: probablemente tiene dígitos de más.".into(),
                false,
            ),
            ValidationErrorKind::Format { format } if format == "date" => push(
                path,
                "S003",
                format!("fecha no válida en `{field}`: `{}`", scalar_text(instance)),
                "Escriba la fecha como AAAA-MM-DD, por ejemplo `2026-03-15`.".into(),
                false,
            ),
            ValidationErrorKind::Pattern { pattern } => {
                let ayuda = if pattern.contains("[0-9]{4}") {
                    "El código DPA del INEC tiene cuatro dígitos y va entre comillas, por ejemplo `codigo: \"1001\"`."
                } else {
                    "Un identificador solo lleva letras sin tilde, dígitos, `_` y `-`, sin espacios; por ejemplo `A1` o `gad-ibarra`."
                };
                push(
                    path,
                    "S003",
                    format!(
                        "valor mal formado en `{field}`: `{}`",
                        scalar_text(instance)
                    ),
                    ayuda.into(),
                    false,
                );
            }
            ValidationErrorKind::AnyOf { context }
            | ValidationErrorKind::OneOfNotValid { context } => {
                // `Option<T>` is `anyOf: [T, null]`: report what is wrong against `T`.
                let mut inner = Vec::new();
                for branch in context {
                    if branch.iter().all(|e| expects_only_null(e)) {
                        continue;
                    }
                    for e in branch {
                        self.describe(document, nombres, e, &mut inner);
                    }
                }
                if inner.is_empty() {
                    push(
                        path,
                        "S003",
                        format!("valor no válido en `{field}`"),
                        expected_hint(schema),
                        false,
                    );
                } else {
                    out.extend(inner);
                }
            }
            _ => {
                let mensaje = if instance.is_null() {
                    format!("`{field}` no tiene valor")
                } else {
                    format!(
                        "`{field}` debe ser {}, no {}",
                        expected(schema),
                        json_type_name(instance)
                    )
                };
                // A field of fixed values left empty: say which values it takes.
                let ayuda = match self.enum_options(&path).filter(|_| instance.is_null()) {
                    Some(valores) => format!("Escriba uno de estos valores: {}.", lista(&valores)),
                    None => expected_hint(schema),
                };
                push(path, "S003", mensaje, ayuda, false);
            }
        }
    }
}

fn expects_only_null(error: &ValidationError<'_>) -> bool {
    matches!(error.kind(), ValidationErrorKind::Type { kind: jsonschema::error::TypeKind::Single(t) } if *t == jsonschema::JsonType::Null)
}

fn field_name(path: &[Seg]) -> String {
    match path.last() {
        Some(Seg::Key(k)) => k.clone(),
        Some(Seg::Index(i)) => {
            let parent = field_name(&path[..path.len() - 1]);
            format!("{parent}[{}]", i + 1)
        }
        None => "plan".into(),
    }
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn first_sentence(text: &str) -> String {
    let text = text.replace('\n', " ");
    match text.find(". ") {
        Some(end) => text[..=end].to_owned(),
        None => text,
    }
}

impl Esquema {
    fn description(&'static self, schema: &'static Value) -> String {
        let own = schema.get("description").and_then(Value::as_str);
        own.map(str::to_owned)
            .or_else(|| {
                self.resolve(schema)
                    .get("description")
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            })
            .unwrap_or_default()
    }

    /// The allowed values when the node at `path` is a fixed list (a Rust enum: `enum`, or `oneOf`
    /// of `const` when its variants are documented).
    fn enum_options(&'static self, path: &[Seg]) -> Option<Vec<&'static str>> {
        let (last, parent) = path.split_last()?;
        let parent = self.subschema(parent)?;
        let node = match last {
            Seg::Key(k) => parent.get("properties")?.get(k)?,
            Seg::Index(_) => parent.get("items")?,
        };
        self.options_of(node, 0)
    }

    fn options_of(
        &'static self,
        schema: &'static Value,
        depth: usize,
    ) -> Option<Vec<&'static str>> {
        if depth > 8 {
            return None;
        }
        if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            let name = r.strip_prefix("#/$defs/")?;
            return self.options_of(self.estructura.get("$defs")?.get(name)?, depth + 1);
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            return Some(values.iter().filter_map(Value::as_str).collect());
        }
        if let Some(c) = schema.get("const").and_then(Value::as_str) {
            return Some(vec![c]);
        }
        let branches = schema
            .get("oneOf")
            .or_else(|| schema.get("anyOf"))
            .and_then(Value::as_array)?;
        let mut out = Vec::new();
        for b in branches {
            if b.get("type") == Some(&json!("null")) {
                continue;
            }
            out.extend(self.options_of(b, depth + 1)?);
        }
        (!out.is_empty()).then_some(out)
    }

    /// The schema that describes the node at `path`, following `$ref` and `Option` wrappers.
    fn subschema(&'static self, path: &[Seg]) -> Option<&'static Value> {
        let mut schema = self.resolve(&self.estructura);
        for seg in path {
            let next = match seg {
                Seg::Key(k) => schema.get("properties")?.get(k)?,
                Seg::Index(_) => schema.get("items")?,
            };
            schema = self.resolve(next);
        }
        Some(schema)
    }

    fn resolve(&'static self, mut schema: &'static Value) -> &'static Value {
        let root = &self.estructura;
        for _ in 0..16 {
            if let Some(name) = schema
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/$defs/"))
            {
                match root.get("$defs").and_then(|d| d.get(name)) {
                    Some(s) => schema = s,
                    None => break,
                }
            } else if let Some(branch) = schema
                .get("anyOf")
                .or_else(|| schema.get("oneOf"))
                .and_then(Value::as_array)
                .and_then(|b| b.iter().find(|s| s.get("type") != Some(&json!("null"))))
            {
                schema = branch;
            } else {
                break;
            }
        }
        schema
    }
}
fn type_list(schema: Option<&Value>) -> Vec<String> {
    match schema.and_then(|s| s.get("type")) {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .filter(|t| *t != "null")
            .map(str::to_owned)
            .collect(),
        _ if schema.is_some_and(|s| s.get("enum").is_some()) => vec!["string".into()],
        _ => vec![],
    }
}

fn expected(schema: Option<&Value>) -> String {
    let is_date = schema.and_then(|s| s.get("format")) == Some(&json!("date"));
    let names: Vec<&str> = type_list(schema)
        .iter()
        .map(|t| match t.as_str() {
            "string" if is_date => "una fecha AAAA-MM-DD",
            "string" => "un texto",
            "integer" => "un número entero",
            "number" => "un número",
            "boolean" => "`true` o `false`",
            "array" => "una lista",
            "object" => "un conjunto de campos",
            _ => "otro tipo de valor",
        })
        .collect();
    if names.is_empty() {
        "otro tipo de valor".into()
    } else {
        names.join(" o ")
    }
}

fn expected_hint(schema: Option<&Value>) -> String {
    let types = type_list(schema);
    let text = match types.first().map(String::as_str) {
        Some("array") => {
            "Escriba una lista: `[a, b]` en una línea, o un elemento por línea empezando con `- `."
        }
        Some("object") => "Escriba los campos debajo, con dos espacios más de sangría.",
        Some("integer") => "Escriba un número entero, sin comillas ni separadores de miles.",
        Some("number") => "Escriba un número sin comillas, con punto decimal: `4500.50`.",
        Some("string") if schema.and_then(|s| s.get("pattern")).is_some() => {
            "Escriba el valor entre comillas, por ejemplo `\"1001\"`."
        }
        Some("string") => {
            "Escriba un texto; si empieza con un número o contiene `: `, póngalo entre comillas."
        }
        _ => "Compare con el ejemplo plans/ibarra.yaml o con `cantonal esquema`.",
    };
    text.into()
}

fn json_type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "un valor vacío",
        Value::Bool(_) => "`true`/`false`",
        Value::Number(n) if n.is_i64() || n.is_u64() => "un número entero",
        Value::Number(_) => "un número",
        Value::String(_) => "un texto",
        Value::Array(_) => "una lista",
        Value::Object(_) => "un conjunto de campos",
    }
}
