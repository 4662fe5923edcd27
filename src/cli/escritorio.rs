//! Starting `cantonal.exe` with a double-click from the Windows Explorer.
//!
//! Officials do not open terminals: a double-click on the program has to open the editor on
//! their plans. Windows gives a console program started from the Explorer a console window of
//! its own, and no arguments; from a terminal (`cmd`, PowerShell) the console is shared with the
//! shell, and `cantonal` is the command line as always. In the first case [`abrir`] finds the
//! user's Documents folder, creates `Planes cantonales` in it (with the example plans, the first
//! time), says in Spanish where the plans are and how to close the editor, and hands the folder
//! over to the editor. When anything fails, the window waits for Enter: it would otherwise close
//! before the message could be read.

use std::path::{Path, PathBuf};

use super::{Fallo, OK};

/// The folder, inside Documents, where the plans of a double-click start live.
pub const CARPETA: &str = "Planes cantonales";

/// The example plans with their monitoring files (and the schemas their first line names),
/// copied into a new [`CARPETA`] by file name: `plans/` of the source tree, as it is when the
/// program is built.
pub const EJEMPLOS: &[(&str, &str)] = &[
    ("colta.yaml", include_str!("../../plans/colta.yaml")),
    ("cotacachi.yaml", include_str!("../../plans/cotacachi.yaml")),
    ("guamote.yaml", include_str!("../../plans/guamote.yaml")),
    ("ibarra.yaml", include_str!("../../plans/ibarra.yaml")),
    (
        "lago-agrio.yaml",
        include_str!("../../plans/lago-agrio.yaml"),
    ),
    ("otavalo.yaml", include_str!("../../plans/otavalo.yaml")),
    (
        "otavalo.observaciones.yaml",
        include_str!("../../plans/otavalo.observaciones.yaml"),
    ),
    (
        "santo-domingo.yaml",
        include_str!("../../plans/santo-domingo.yaml"),
    ),
    (
        "esquema/plan-cantonal.schema.json",
        include_str!("../../plans/esquema/plan-cantonal.schema.json"),
    ),
    (
        "esquema/observaciones.schema.json",
        include_str!("../../plans/esquema/observaciones.schema.json"),
    ),
    (
        "cotacachi.seguimiento.yaml",
        include_str!("../../plans/cotacachi.seguimiento.yaml"),
    ),
    (
        "guamote.seguimiento.yaml",
        include_str!("../../plans/guamote.seguimiento.yaml"),
    ),
    (
        "ibarra.seguimiento.yaml",
        include_str!("../../plans/ibarra.seguimiento.yaml"),
    ),
    (
        "lago-agrio.seguimiento.yaml",
        include_str!("../../plans/lago-agrio.seguimiento.yaml"),
    ),
    (
        "otavalo.seguimiento.yaml",
        include_str!("../../plans/otavalo.seguimiento.yaml"),
    ),
    (
        "santo-domingo.seguimiento.yaml",
        include_str!("../../plans/santo-domingo.seguimiento.yaml"),
    ),
    (
        "esquema/seguimiento.schema.json",
        include_str!("../../plans/esquema/seguimiento.schema.json"),
    ),
];

/// Whether the program was started from the Explorer: no arguments, and alone in its console.
pub fn abierto_con_doble_clic() -> bool {
    std::env::args_os().len() == 1 && consola_propia()
}

/// Whether this process is the only one attached to its console: Windows made the console for
/// it (a double-click, a shortcut, `start`). A shell that started it would be attached too.
#[cfg(windows)]
fn consola_propia() -> bool {
    let mut procesos = [0u32; 2];
    // SAFETY: the buffer holds as many process ids as the length passed.
    let adjuntos = unsafe {
        windows_sys::Win32::System::Console::GetConsoleProcessList(
            procesos.as_mut_ptr(),
            procesos.len() as u32,
        )
    };
    adjuntos == 1
}

/// Elsewhere programs are started from a terminal or a launcher that names what to do.
#[cfg(not(windows))]
fn consola_propia() -> bool {
    false
}

/// The user's Documents folder: the Windows known folder (wherever the user or OneDrive moved
/// it; `dirs` asks `SHGetKnownFolderPath`), `XDG_DOCUMENTS_DIR` elsewhere, or `Documents` in
/// the home folder.
pub fn documentos() -> Option<PathBuf> {
    dirs::document_dir().or_else(|| dirs::home_dir().map(|h| h.join("Documents")))
}

/// The plans folder, ready for the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarpetaDePlanes {
    /// `…\Documents\Planes cantonales`.
    pub carpeta: PathBuf,
    /// How many example files were copied now (none when the folder already existed).
    pub ejemplos: usize,
}

/// `Planes cantonales` inside `documentos`, created with the examples when missing. The new
/// folder is filled under a temporary name and then renamed, so it appears whole: an interrupted
/// first start leaves no half copy, and the next start copies again. An existing folder is left
/// as the user keeps it: examples deleted do not come back, plans changed are not overwritten.
pub fn preparar(documentos: &Path) -> Result<CarpetaDePlanes, Fallo> {
    let carpeta = documentos.join(CARPETA);
    let ya_esta = |carpeta| CarpetaDePlanes {
        carpeta,
        ejemplos: 0,
    };
    if carpeta.is_dir() {
        return Ok(ya_esta(carpeta));
    }
    if carpeta.exists() {
        return Err(Fallo::NoSePudo(format!(
            "{} existe pero no es una carpeta.\nayuda: cámbiele el nombre o muévalo a otro lugar, y vuelva a abrir cantonal.",
            carpeta.display()
        )));
    }
    let no_se_pudo = |que: &Path, e: std::io::Error| {
        Fallo::NoSePudo(format!(
            "no se pudo crear {}: {e}\nayuda: compruebe que puede guardar archivos en {}.",
            que.display(),
            documentos.display()
        ))
    };
    std::fs::create_dir_all(documentos).map_err(|e| no_se_pudo(documentos, e))?;
    let nueva = tempfile::Builder::new()
        .prefix(&format!(".{CARPETA}-"))
        .tempdir_in(documentos)
        .map_err(|e| no_se_pudo(&carpeta, e))?;
    for (nombre, texto) in EJEMPLOS {
        let destino = ruta_de(nueva.path(), nombre);
        let padre = destino.parent().unwrap_or(nueva.path());
        std::fs::create_dir_all(padre)
            .and_then(|()| std::fs::write(&destino, texto))
            .map_err(|e| no_se_pudo(&ruta_de(&carpeta, nombre), e))?;
    }
    match std::fs::rename(nueva.path(), &carpeta) {
        Ok(()) => {
            let _ = nueva.keep();
            Ok(CarpetaDePlanes {
                carpeta,
                ejemplos: EJEMPLOS.len(),
            })
        }
        // Another start made it in the meantime: that one is the user's folder now.
        Err(_) if carpeta.is_dir() => Ok(ya_esta(carpeta)),
        Err(e) => Err(no_se_pudo(&carpeta, e)),
    }
}

/// Where the example `nombre` (`esquema/plan-cantonal.schema.json`) goes inside `carpeta`, with
/// the separator of the system.
fn ruta_de(carpeta: &Path, nombre: &str) -> PathBuf {
    nombre.split('/').fold(carpeta.to_owned(), |p, c| p.join(c))
}

/// What the console window says while the editor runs.
pub fn aviso(c: &CarpetaDePlanes) -> String {
    let ejemplos = if c.ejemplos > 0 {
        "\nAhí se copiaron planes de ejemplo de varios cantones (ilustrativos, con datos\n\
         ficticios); puede usarlos de modelo o borrarlos.\n"
    } else {
        ""
    };
    format!(
        "cantonal {version}: editor de planes cantonales\n\
         \n\
         Sus planes se guardan en la carpeta\n    {carpeta}\n{ejemplos}\
         \n\
         El editor está funcionando y se abre en su navegador. Deje abierta esta ventana\n\
         mientras trabaja. Para cerrar el editor, cierre esta ventana (o pulse Ctrl+C en ella).\n",
        version = env!("CARGO_PKG_VERSION"),
        carpeta = c.carpeta.display(),
    )
}

/// The start from the Explorer up to the editor: prepares the plans folder in `documentos`,
/// prints [`aviso`] and runs `editar` on the folder until the user closes it.
pub fn iniciar(
    documentos: Option<PathBuf>,
    editar: impl FnOnce(&Path) -> Result<(), Fallo>,
) -> Result<(), Fallo> {
    let documentos = documentos.ok_or_else(|| {
        Fallo::NoSePudo(
            "no se encontró la carpeta Documentos de este usuario.\nayuda: abra una terminal y use `cantonal editar CARPETA` con la carpeta de sus planes."
                .into(),
        )
    })?;
    let carpeta = preparar(&documentos)?;
    salidaln!("{}", aviso(&carpeta));
    editar(&carpeta.carpeta)
}

/// The whole double-click start: [`iniciar`] on the user's Documents, the final message, and,
/// when the start failed, a pause until Enter so that the window does not close unread.
/// Gives the exit code.
pub fn abrir(editar: impl FnOnce(&Path) -> Result<(), Fallo>) -> u8 {
    let codigo = Fallo::terminar(iniciar(documentos(), editar));
    if codigo != OK {
        esperar_intro();
    }
    codigo
}

/// Asks for Enter and waits for it (or for the end of the input).
fn esperar_intro() {
    eprintln!("\nPulse Intro para cerrar esta ventana.");
    let _ = std::io::stdin().lines().next();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Documents folder under a user name with accents and a space, as Windows makes them.
    fn documentos_de_jose() -> (tempfile::TempDir, PathBuf) {
        let raiz = tempfile::tempdir().unwrap();
        let documentos = raiz
            .path()
            .join("Users")
            .join("José Ñauta")
            .join("Documents");
        (raiz, documentos)
    }

    #[test]
    fn the_examples_are_every_plan_of_the_source_tree() {
        let plans = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
        let mut en_disco = Vec::new();
        for (sub, extension) in [("", "yaml"), ("esquema/", "json")] {
            for e in std::fs::read_dir(plans.join(sub)).unwrap() {
                let path = e.unwrap().path();
                if path.extension().is_some_and(|x| x == extension) {
                    let nombre = path.file_name().unwrap().to_str().unwrap();
                    en_disco.push(format!("{sub}{nombre}"));
                }
            }
        }
        en_disco.sort();
        let mut incorporados: Vec<String> = EJEMPLOS.iter().map(|(n, _)| n.to_string()).collect();
        incorporados.sort();
        assert_eq!(incorporados, en_disco);
    }

    #[test]
    fn the_first_start_creates_the_folder_with_the_examples_and_they_validate() {
        let (_raiz, documentos) = documentos_de_jose();
        let c = preparar(&documentos).unwrap();
        assert_eq!(c.carpeta, documentos.join("Planes cantonales"));
        assert_eq!(c.ejemplos, EJEMPLOS.len());
        for (nombre, texto) in EJEMPLOS {
            let copiado = std::fs::read_to_string(ruta_de(&c.carpeta, nombre)).unwrap();
            assert_eq!(&copiado, texto, "{nombre}");
        }
        let opciones = crate::rules::Opciones { estricto: false };
        let otavalo = crate::validar(&c.carpeta.join("otavalo.yaml"), opciones)
            .con_observaciones(&c.carpeta.join("otavalo.observaciones.yaml"));
        assert!(!otavalo.tiene_errores(), "{:?}", otavalo.diagnostics);
        let restos: Vec<_> = std::fs::read_dir(&documentos)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(restos, ["Planes cantonales"], "no temporary folder is left");
    }

    #[test]
    fn a_later_start_keeps_what_the_user_changed_and_deleted() {
        let (_raiz, documentos) = documentos_de_jose();
        let c = preparar(&documentos).unwrap();
        std::fs::write(c.carpeta.join("otavalo.yaml"), "# mi borrador\n").unwrap();
        std::fs::remove_file(c.carpeta.join("colta.yaml")).unwrap();
        let otra = preparar(&documentos).unwrap();
        assert_eq!(otra.ejemplos, 0);
        assert_eq!(
            std::fs::read_to_string(c.carpeta.join("otavalo.yaml")).unwrap(),
            "# mi borrador\n"
        );
        assert!(!c.carpeta.join("colta.yaml").exists());
    }

    #[test]
    fn a_file_named_like_the_folder_is_refused_with_a_hint() {
        let (_raiz, documentos) = documentos_de_jose();
        std::fs::create_dir_all(&documentos).unwrap();
        std::fs::write(documentos.join("Planes cantonales"), "").unwrap();
        let Err(Fallo::NoSePudo(m)) = preparar(&documentos) else {
            panic!("refused")
        };
        assert!(
            m.contains("Planes cantonales existe pero no es una carpeta"),
            "{m}"
        );
        assert!(m.contains("ayuda: cámbiele el nombre"), "{m}");
    }

    #[test]
    fn the_editor_gets_the_prepared_folder_after_the_notice() {
        let (_raiz, documentos) = documentos_de_jose();
        let mut recibida = None;
        iniciar(Some(documentos.clone()), |carpeta| {
            recibida = Some(carpeta.to_owned());
            assert!(carpeta.join("ibarra.yaml").is_file());
            Ok(())
        })
        .unwrap();
        assert_eq!(recibida, Some(documentos.join("Planes cantonales")));
    }

    #[test]
    fn without_a_documents_folder_the_editor_is_not_started() {
        let r = iniciar(None, |_| panic!("the editor must not start"));
        let Err(Fallo::NoSePudo(m)) = r else {
            panic!("refused")
        };
        assert!(m.contains("no se encontró la carpeta Documentos"), "{m}");
    }

    #[test]
    fn the_notice_says_where_the_plans_are_and_how_to_close() {
        let c = CarpetaDePlanes {
            carpeta: PathBuf::from("/home/josé ñauta/Documentos/Planes cantonales"),
            ejemplos: 10,
        };
        let aviso = aviso(&c);
        assert!(aviso.contains("\n    /home/josé ñauta/Documentos/Planes cantonales\n"));
        assert!(aviso.contains("planes de ejemplo"));
        assert!(aviso.contains("Para cerrar el editor, cierre esta ventana"));
        let sin = super::aviso(&CarpetaDePlanes { ejemplos: 0, ..c });
        assert!(!sin.contains("ejemplo"));
    }

    #[cfg(windows)]
    #[test]
    fn not_started_from_the_explorer_when_tests_run() {
        // The test runner shares the console of the terminal that started `cargo test`.
        assert!(!abierto_con_doble_clic());
    }

    #[cfg(windows)]
    #[test]
    fn windows_paths_keep_drive_backslashes_accents_and_spaces() {
        let documentos = Path::new(r"C:\Users\José Ñauta\Documents");
        let c = CarpetaDePlanes {
            carpeta: documentos.join(CARPETA),
            ejemplos: 0,
        };
        assert!(aviso(&c).contains(r"    C:\Users\José Ñauta\Documents\Planes cantonales"));
        let esquema = ruta_de(&c.carpeta, "esquema/plan-cantonal.schema.json");
        assert_eq!(
            esquema.to_str().unwrap(),
            r"C:\Users\José Ñauta\Documents\Planes cantonales\esquema\plan-cantonal.schema.json"
        );
    }
}
