//! `cantonal esquema [-o FILE] [--observaciones]`: the JSON Schema (draft 2020-12) of the plan
//! format, derived from the same types that read plans, with the national catalogues as enums,
//! for editors with the YAML language server; or that of review observations files.

use std::path::PathBuf;

use super::{NO_SE_PUDO, OK};
use crate::plan::schema::editor_schema;
use crate::reference::nacional::Referencia;
use crate::render::write_atomic;

/// Arguments of `esquema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Escribe el esquema en este archivo (por ejemplo plans/esquema/plan-cantonal.schema.json).
    #[arg(short = 'o', long = "salida", value_name = "ARCHIVO")]
    pub salida: Option<PathBuf>,
    /// El esquema de los archivos de observaciones de revisión en lugar del de los planes.
    #[arg(long)]
    pub observaciones: bool,
}

/// The schema text, as printed.
pub fn texto() -> String {
    serde_json::to_string_pretty(&editor_schema(Referencia::pacta())).expect("schema") + "\n"
}

/// The schema of review observations files, as printed.
pub fn texto_observaciones() -> String {
    serde_json::to_string_pretty(crate::plan::schema::observaciones().estructura()).expect("schema")
        + "\n"
}

pub(super) fn run(args: Args) -> u8 {
    let json = if args.observaciones {
        texto_observaciones()
    } else {
        texto()
    };
    match args.salida {
        None => {
            print!("{json}");
            OK
        }
        Some(path) => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
                && let Err(e) = std::fs::create_dir_all(dir)
            {
                eprintln!("error: no se pudo crear {}: {e}", dir.display());
                return NO_SE_PUDO;
            }
            match write_atomic(&path, json.as_bytes()) {
                Ok(()) => OK,
                Err(e) => {
                    eprintln!("error: no se pudo escribir {}: {e}", path.display());
                    NO_SE_PUDO
                }
            }
        }
    }
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
