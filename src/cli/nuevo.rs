//! `cantonal nuevo --canton CODE|NAME`: writes the starter plan of [`crate::nuevo`] for a canton,
//! never over an existing file, with the schema for editors next to it. `validar` on the fresh
//! file lists exactly what is still to be written, each at its line.

use std::path::{Path, PathBuf};

use super::{Fallo, mostrar};
use crate::catalogos::editor_schema;
use crate::escritura::write_atomic;
use crate::nuevo::{buscar_canton, plan_inicial, slug};
use crate::plan::schema::SCHEMA_PATH;
use crate::reference::nacional::Referencia;
use crate::rules::pendientes::PENDIENTE;

/// Arguments of `nuevo`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Código DPA del INEC (por ejemplo 1004) o nombre del cantón (por ejemplo Otavalo).
    #[arg(long)]
    pub canton: String,
    /// Archivo a crear (por omisión, `<cantón>.yaml` en la carpeta actual).
    #[arg(short = 'o', long = "salida", value_name = "ARCHIVO")]
    pub salida: Option<PathBuf>,
}

pub(super) fn run(args: Args, quiet: bool) -> Result<(), Fallo> {
    let canton = buscar_canton(&args.canton).map_err(Fallo::NoSePudo)?;
    let salida = args
        .salida
        .unwrap_or_else(|| PathBuf::from(format!("{}.yaml", slug(&canton.nombre))));
    if salida.exists() {
        return Err(Fallo::NoSePudo(format!(
            "{} ya existe; no se sobrescribe. Elija otro nombre con -o.",
            mostrar(&salida)
        )));
    }
    let referencia = Referencia::pacta();
    let hoy = chrono::Local::now().date_naive();
    let texto = plan_inicial(canton, referencia, hoy);
    write_atomic(&salida, texto.as_bytes())?;
    let carpeta = salida
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let esquema = carpeta.join(SCHEMA_PATH);
    if !esquema.exists() {
        let json = serde_json::to_string_pretty(&editor_schema(referencia)).expect("schema") + "\n";
        let dir = esquema.parent().unwrap_or(carpeta);
        let written = std::fs::create_dir_all(dir)
            .map_err(|e| crate::Error::Escritura(dir.to_owned(), e))
            .and_then(|_| write_atomic(&esquema, json.as_bytes()));
        if let Err(e) = written {
            eprintln!("aviso: {e}");
        }
    }
    if !quiet {
        salidaln!(
            "{}: plan inicial de {} ({}). Complete los textos «{PENDIENTE}» y revise con `cantonal validar {}`.",
            mostrar(&salida),
            canton.nombre,
            canton.provincia,
            mostrar(&salida)
        );
    }
    Ok(())
}
