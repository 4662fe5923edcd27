//! Texts generated from the code, so that they cannot drift from it: the JSON schemas that
//! editors use (`plans/esquema/`), and the reference pages `docs/formato.md` (from the catalogue
//! of fields) and `docs/reglas.md` (from the rule registry). `cantonal esquema` and `cantonal reglas --markdown`
//! print them; tests fail when a committed copy is stale.

use crate::catalogos::editor_schema;
use crate::plan::campos::{Campo, Identidad, Tipo};
use crate::plan::schema;
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

/// The schema of monitoring files, as `cantonal esquema --seguimiento` prints it.
pub fn esquema_seguimiento() -> String {
    serde_json::to_string_pretty(schema::seguimiento().estructura()).expect("schema") + "\n"
}

/// The field-by-field reference of the plan format (docs/formato.md), generated from the
/// catalogue of fields (section by section, as the editor shows them) and the national
/// reference's catalogues.
pub fn formato_markdown() -> String {
    use crate::plan::campos;
    let r = Referencia::pacta();
    let mut out = String::from(
        "# Formato del plan cantonal\n\n\
         <!-- Generado desde el catálogo de campos (`src/plan/campos/`); no editar a mano. -->\n\n\
         Un plan es un archivo YAML: cada campo se escribe `clave: valor`, con la clave exacta de\n\
         las tablas de abajo (en minúsculas, sin tildes, con `_` entre palabras). Las fechas se\n\
         escriben AAAA-MM-DD; los montos, en dólares con punto decimal y sin separador de miles\n\
         (`4500.50`); los textos de párrafos admiten Markdown (párrafos, *cursiva*, **negrita**,\n\
         listas y enlaces). El editor del navegador (`cantonal editar`) y el libro del taller\n\
         (`cantonal plantilla-taller`) muestran los mismos campos con las mismas etiquetas y\n\
         ayudas. La primera línea de un plan es `formato: 1`, la versión del formato.\n",
    );
    for s in campos::SECCIONES.iter().filter(|s| s.vista.is_none()) {
        out.push_str(&format!("\n## {}\n\n{}\n\n{ENCABEZADO}", s.titulo, s.ayuda));
        let propios: Vec<Campo> = s
            .claves
            .iter()
            .filter_map(|k| campos::PLAN.iter().find(|c| c.clave == *k).copied())
            .collect();
        tablas(&propios, "del taller", &mut out);
    }
    out.push_str(&format!(
        "\n## Listas de la referencia nacional\n\nLos valores que admiten los campos de catálogo, según {} (`plans/nacional/{}.yaml`). En el archivo se escribe el código; el editor y el libro del taller muestran el nombre.\n",
        r.nombre_corto, r.id
    ));
    for cat in campos::Catalogo::TODOS {
        out.push_str(&format!(
            "\n### {}\n\n| código | nombre |\n|---|---|\n",
            capitalizar(cat.nombre())
        ));
        for o in crate::catalogos::valores(cat, r) {
            let nota = o.nota.map(|n| format!(" — {n}")).unwrap_or_default();
            out.push_str(&format!("| `{}` | {}{nota} |\n", o.id, o.nombre));
        }
    }
    out
}

const ENCABEZADO: &str =
    "| clave | campo | valor | obligatorio | qué escribir |\n|---|---|---|---|---|\n";

fn tipo(c: &Campo) -> String {
    match c.tipo {
        Tipo::Opcion { valores } => format!(
            "uno de: {}",
            valores
                .iter()
                .map(|v| format!("`{}` ({})", v.id, v.nombre))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Tipo::Catalogo { catalogo } | Tipo::Catalogos { catalogo } | Tipo::Conteos { catalogo } => {
            let ancla = catalogo.nombre().replace(' ', "-");
            format!("{} ([lista](#{ancla}))", c.tipo.en_palabras())
        }
        _ => c.tipo.en_palabras(),
    }
}
fn tabla(campos: &[Campo], base: &str, out: &mut String, listas: &mut Vec<(String, Campo)>) {
    for c in campos {
        let clave = if base.is_empty() {
            c.clave.to_owned()
        } else {
            format!("{base}.{}", c.clave)
        };
        match c.tipo {
            Tipo::Grupo { campos } => tabla(campos, &clave, out, listas),
            Tipo::Lista { .. } => {
                out.push_str(&format!(
                    "| `{clave}` | {} | {} | {} | {} |\n",
                    c.etiqueta,
                    tipo(c),
                    c.requerido.texto().to_lowercase(),
                    c.ayuda
                ));
                listas.push((clave, *c));
            }
            _ => out.push_str(&format!(
                "| `{clave}` | {} | {} | {} | {}{} |\n",
                c.etiqueta,
                tipo(c),
                c.requerido.texto().to_lowercase(),
                c.ayuda,
                ejemplo(c)
            )),
        }
    }
}
/// « Ejemplo: 4.500,00 (en el archivo: `4500.0`).»: the example as a form shows it, and as
/// the file holds it when that differs.
fn ejemplo(c: &Campo) -> String {
    let Some(valor) = crate::catalogos::ejemplo_en_archivo(c, Referencia::pacta()) else {
        return String::new();
    };
    let en_archivo = match (&valor, c.tipo) {
        (serde_json::Value::String(s), _) => s.clone(),
        (serde_json::Value::Number(n), Tipo::Monto) => {
            format!("{:.2}", n.as_f64().unwrap_or_default())
        }
        (otro, _) => otro.to_string(),
    };
    if en_archivo == c.ejemplo {
        format!(" Ejemplo: `{en_archivo}`.")
    } else {
        format!(" Ejemplo: {} (en el archivo: `{en_archivo}`).", c.ejemplo)
    }
}

/// The table of `campos` and, below it, one table for each list among them (and the lists
/// inside those), each saying what identifies its items and, when it has one, its sheet in the
/// workbook named by `libro` ("del taller").
fn tablas(campos: &[Campo], libro: &str, out: &mut String) {
    let mut listas = Vec::new();
    tabla(campos, "", out, &mut listas);
    while let Some((clave, c)) = (!listas.is_empty()).then(|| listas.remove(0)) {
        let Tipo::Lista { lista } = c.tipo else {
            continue;
        };
        let identidad = match lista.identidad {
            Identidad::Id => format!(
                "Cada elemento ({}) se identifica por su `id`.",
                lista.singular
            ),
            Identidad::EtapaPoblacion => format!(
                "Cada elemento ({}) se identifica por su etapa, `ruta_atencion.denuncia`, o por su etapa y su población, `ruta_atencion.denuncia/adultos`, cuando la etapa tiene una entrada por población.",
                lista.singular
            ),
            Identidad::Posicion => format!(
                "Cada elemento ({}) se identifica por su posición: `{clave}[1]`.",
                lista.singular
            ),
            Identidad::Campo(campo) => format!(
                "Cada elemento ({}) se identifica por su `{campo}`.",
                lista.singular
            ),
        };
        let hoja = if lista.hoja.is_empty() {
            String::new()
        } else {
            format!(" En el libro {libro}, hoja «{}».", lista.hoja)
        };
        out.push_str(&format!(
            "\n### {} (`{clave}`)\n\n{identidad}{hoja}\n\n{ENCABEZADO}",
            c.etiqueta
        ));
        let mut internas = Vec::new();
        tabla(lista.campos, "", out, &mut internas);
        listas.extend(
            internas
                .into_iter()
                .map(|(k, c)| (format!("{clave}[].{k}"), c)),
        );
    }
}

/// The field-by-field reference of monitoring files (`docs/formato-seguimiento.md`), generated
/// from their catalogue of fields.
pub fn formato_seguimiento_markdown() -> String {
    let mut out = String::from(
        "# Formato del archivo de seguimiento\n\n\
         <!-- Generado desde el catálogo de campos (`src/plan/campos/seguimiento.rs`); no editar a mano. -->\n\n\
         El seguimiento de un plan es un archivo YAML junto al plan (`ibarra.seguimiento.yaml` junto a\n\
         `ibarra.yaml`), con las mismas reglas de escritura que el plan (`docs/formato.md`): fechas\n\
         AAAA-MM-DD, montos en dólares con punto decimal y sin separador de miles. Cómo se crea, se\n\
         revisa y se imprime está en `docs/seguimiento.md`; cada corte se agrega con `cantonal\n\
         seguimiento PLAN --corte AAAA-MM-DD`.\n\n## Campos\n\n",
    );
    out.push_str(ENCABEZADO);
    tablas(crate::plan::campos::SEGUIMIENTO, "de seguimiento", &mut out);
    out
}

fn capitalizar(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|p| p.to_uppercase().chain(c).collect())
        .unwrap_or_default()
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
