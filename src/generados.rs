//! Texts generated from the code, so that they cannot drift from it: the JSON schemas that
//! editors use (`plans/esquema/`), and the reference pages `docs/formato.md` (from the schema) and
//! `docs/reglas.md` (from the rule registry). `cantonal esquema` and `cantonal reglas --markdown`
//! print them; tests fail when a committed copy is stale.

use crate::plan::schema::{self, editor_schema};
use crate::reference::nacional::Referencia;
use crate::rules::{Comprobacion, REGLAS, datos};

/// The plan schema for editors, as `cantonal esquema` prints it.
pub fn esquema_plan() -> String {
    serde_json::to_string_pretty(&editor_schema(Referencia::pacta())).expect("schema") + "\n"
}

/// The schema of review observations files, as `cantonal esquema --observaciones` prints it.
pub fn esquema_observaciones() -> String {
    serde_json::to_string_pretty(schema::observaciones().estructura()).expect("schema") + "\n"
}

/// The field-by-field reference of the plan format (docs/formato.md), generated from the schema.
pub fn formato_markdown() -> String {
    use serde_json::Value;
    let schema = editor_schema(Referencia::pacta());
    let defs = schema["$defs"].as_object().cloned().unwrap_or_default();
    let tipo = |p: &Value| -> String {
        let r = |v: &Value| {
            v.get("$ref").and_then(Value::as_str).map(|r| {
                format!(
                    "[{0}](#{1})",
                    r.trim_start_matches("#/$defs/"),
                    r.trim_start_matches("#/$defs/").to_lowercase()
                )
            })
        };
        if let Some(x) = r(p) {
            return x;
        }
        if let Some(branches) = p.get("anyOf").and_then(Value::as_array)
            && let Some(x) = branches.iter().find_map(r)
        {
            return x;
        }
        let base = match p.get("type") {
            Some(Value::String(t)) => t.clone(),
            Some(Value::Array(ts)) => ts
                .iter()
                .filter_map(Value::as_str)
                .filter(|t| *t != "null")
                .collect::<Vec<_>>()
                .join(" o "),
            _ => String::new(),
        };
        let base = match (base.as_str(), p.get("format").and_then(Value::as_str)) {
            ("string", Some("date")) => "fecha AAAA-MM-DD".to_owned(),
            ("string", _) => "texto".to_owned(),
            ("integer", _) => "número entero".to_owned(),
            ("number", _) => "número".to_owned(),
            ("array", _) => {
                let items = p.get("items").cloned().unwrap_or_default();
                match r(&items) {
                    Some(x) => format!("lista de {x}"),
                    None => "lista de textos".to_owned(),
                }
            }
            (other, _) => other.to_owned(),
        };
        let valores = p
            .get("enum")
            .or_else(|| p.get("items").and_then(|i| i.get("enum")))
            .and_then(Value::as_array)
            .map(|v| {
                v.iter()
                    .filter_map(Value::as_str)
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            });
        match valores {
            Some(v) => format!("{base}: {v}"),
            None => base,
        }
    };
    let tabla = |titulo: &str, def: &Value| -> String {
        let required: Vec<&str> = def["required"]
            .as_array()
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut out = format!("\n## {titulo}\n\n");
        if let Some(d) = def.get("description").and_then(Value::as_str) {
            out.push_str(&format!("{d}\n\n"));
        }
        if let Some(values) = def.get("oneOf").and_then(Value::as_array) {
            for v in values {
                out.push_str(&format!(
                    "- `{}`: {}\n",
                    v["const"].as_str().unwrap_or(""),
                    v["description"].as_str().unwrap_or("")
                ));
            }
            return out;
        }
        out.push_str("| campo | tipo | obligatorio | descripción |\n|---|---|---|---|\n");
        if let Some(props) = def["properties"].as_object() {
            for (name, p) in props {
                let desc = p
                    .get("description")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .replace('\n', " ")
                    .replace('|', "\\|");
                out.push_str(&format!(
                    "| `{name}` | {} | {} | {desc} |\n",
                    tipo(p).replace('|', "\\|"),
                    if required.contains(&name.as_str()) {
                        "sí"
                    } else {
                        "no"
                    }
                ));
            }
        }
        out
    };
    let mut out = String::from(
        "# Formato del plan cantonal\n\n\
         <!-- Generado desde el esquema (`cantonal esquema`); no editar a mano. -->\n\n\
         Un plan es un archivo YAML. Los nombres de campo van en minúsculas, sin tildes, con `_`\n\
         entre palabras; las fechas se escriben AAAA-MM-DD; los montos, en dólares con punto\n\
         decimal; los campos de texto largo admiten Markdown (párrafos, *cursiva*, **negrita**,\n\
         listas y enlaces). Los identificadores (`id`) llevan letras sin tilde, dígitos, `_` y `-`.\n\
         Los valores de ejes, fines, poblaciones, tipos de actor, etapas e instituciones son los de\n\
         la referencia nacional (`plans/nacional/pacta-2019-2030.yaml`).\n",
    );
    out.push_str(&tabla("Plan", &schema));
    for (name, def) in &defs {
        out.push_str(&tabla(name, def));
    }
    out
}

/// The rule reference in Markdown, generated from the registry.
pub fn reglas_markdown() -> String {
    let mut out = String::from(
        "# Reglas de validación\n\n\
         <!-- Generado por `cantonal reglas --markdown`; no editar a mano. -->\n\n\
         Severidades: **error** impide generar el plan; **advertencia** y **sugerencia** no. \
         Las reglas marcadas *estricta* pasan de advertencia a error con `--estricto` y en todo \
         plan con `estado: aprobado`.\n\n\
         | código | severidad | regla |\n|---|---|---|\n",
    );
    for r in REGLAS {
        out.push_str(&format!(
            "| [{c}](#{l}) | {s}{e} | {t} |\n",
            c = r.codigo,
            l = r.codigo.to_lowercase(),
            s = r.severidad.nombre(),
            e = if r.estricta { ", estricta" } else { "" },
            t = r.titulo
        ));
    }
    let referencia = Referencia::pacta();
    for r in REGLAS {
        let e = &r.explicacion;
        let datos = datos::de_la_regla(r.codigo, referencia);
        let datos = if datos.is_empty() {
            String::new()
        } else {
            format!(
                "**Según la referencia nacional ({}).**\n\n{}\n\n",
                referencia.nombre_corto,
                datos
                    .iter()
                    .map(|d| format!("- {d}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        };
        out.push_str(&format!(
            "\n## {c}\n\n**{t}** — {s}{est}\n\n**Qué comprueba.** {que}\n\n**Por qué importa.** {pq}\n\n\
             {datos}Incorrecto:\n\n```{lenguaje}\n{mal}\n```\n\nCorrecto:\n\n```{lenguaje}\n{bien}\n```\n",
            c = r.codigo,
            t = r.titulo,
            s = r.severidad.nombre(),
            est = if r.estricta { " (estricta)" } else { "" },
            que = e.que,
            pq = e.por_que,
            mal = e.incorrecto,
            bien = e.correcto,
            // The workbook rules show cells and commands, not plan fragments.
            lenguaje = if matches!(r.comprobar, Comprobacion::Taller) {
                "text"
            } else {
                "yaml"
            },
        ));
    }
    out
}
