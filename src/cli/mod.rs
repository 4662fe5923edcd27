//! The command line: argument definitions (clap, in Spanish, with English aliases), and dispatch
//! to one file per subcommand, each a thin layer over the library. Every subcommand returns
//! `Result<(), Fallo>`; [`main`] alone prints the final message and picks the exit code: 0 without
//! errors, 1 when errors were found in the plans, 2 when the command could not run.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue};
use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostics::{lista, visible};
use crate::suggest::did_you_mean;

/// `print!` for the subcommands, through [`escribir`].
macro_rules! salida {
    ($($arg:tt)*) => { $crate::cli::escribir(format!($($arg)*).as_bytes()) };
}

/// `println!` for the subcommands, through [`escribir`].
macro_rules! salidaln {
    ($($arg:tt)*) => { $crate::cli::escribir(format!("{}\n", format!($($arg)*)).as_bytes()) };
}

mod comparar;
mod completions;
mod editar;
mod escritorio;
mod esquema;
mod explicar;
mod generar;
mod importar;
mod informe;
mod nuevo;
mod plantilla_seguimiento;
mod plantilla_taller;
mod reglas;
mod seguimiento;
mod validar;
mod vigilar;

/// Writes to standard output. When the reader has gone (`cantonal validar plans/ | head -1`),
/// the rest is not wanted: the process ends quietly with 0, as Unix tools do, instead of
/// panicking; any other failure to write is said in Spanish (exit 2). Temporary files of writes
/// in progress are removed either way.
pub(crate) fn escribir(bytes: &[u8]) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => crate::escritura::terminar(0),
        Err(e) => {
            eprintln!("error: no se pudo escribir la salida (error del sistema: {e})");
            crate::escritura::terminar(NO_SE_PUDO.into())
        }
    }
}

/// A file name as printed to a terminal: made [`visible`], so that a name with control
/// characters (`"x\e]0;…\a.pdf"`) is shown escaped and never acts on the terminal.
pub(crate) fn mostrar(path: impl AsRef<std::path::Path>) -> String {
    visible(&path.as_ref().display().to_string()).into_owned()
}

/// Exit code: no errors.
pub const OK: u8 = 0;
/// Exit code: errors found in the plans.
pub const ERRORES: u8 = 1;
/// Exit code: the command could not run.
pub const NO_SE_PUDO: u8 = 2;

/// Why a command did not end well.
#[derive(Debug)]
pub enum Fallo {
    /// The command could not run (exit 2); the message says why.
    NoSePudo(String),
    /// The command could not run (exit 2) and has already said why.
    NoSePudoYaDicho,
    /// The command ran and found errors in the plans (exit 1); the diagnostics are printed, and
    /// the message, when there is one, ends the output.
    Errores(Option<String>),
}

impl From<crate::Error> for Fallo {
    fn from(e: crate::Error) -> Self {
        Fallo::NoSePudo(e.to_string())
    }
}

impl Fallo {
    /// Prints the final message, if any, and gives the exit code.
    fn terminar(resultado: Result<(), Fallo>) -> u8 {
        match resultado {
            Ok(()) => OK,
            Err(Fallo::NoSePudo(m)) => {
                eprintln!("error: {m}");
                NO_SE_PUDO
            }
            Err(Fallo::NoSePudoYaDicho) => NO_SE_PUDO,
            Err(Fallo::Errores(m)) => {
                if let Some(m) = m {
                    eprintln!("error: {m}");
                }
                ERRORES
            }
        }
    }
}

const PLANTILLA_AYUDA: &str = "\
{before-help}{about-with-newline}
{usage-heading} {usage}

{all-args}{after-help}";

/// Planes cantonales contra la trata de personas, alineados con el PACTA 2019-2030.
#[derive(Debug, Parser)]
#[command(
    name = "cantonal",
    version,
    about,
    help_template = PLANTILLA_AYUDA,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Comandos",
    next_help_heading = "Opciones generales"
)]
pub struct Cli {
    /// Colores en la salida: auto (por omisión), siempre o nunca; NO_COLOR se respeta.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Silencioso: solo muestra los errores.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Muestra esta ayuda.
    #[arg(short = 'h', long = "help", global = true, action = clap::ArgAction::Help)]
    help: Option<bool>,
    /// Muestra la versión.
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    pub comando: Comando,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// Colores en la terminal, salvo que NO_COLOR esté definida.
    Auto,
    /// Siempre con colores.
    Siempre,
    /// Nunca con colores.
    Nunca,
}

impl Color {
    /// Whether to colour stdout.
    pub fn activo(self) -> bool {
        match self {
            Color::Siempre => true,
            Color::Nunca => false,
            Color::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

/// How `validar` shows its diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VistaDiagnosticos {
    /// Para personas.
    Texto,
    /// Para programas (forma en docs/diagnosticos.md).
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Comando {
    /// Crea un plan inicial para un cantón, con cada campo explicado.
    #[command(visible_alias = "new")]
    Nuevo(nuevo::Args),
    /// Valida planes: archivos .yaml o carpetas con archivos .yaml.
    #[command(visible_alias = "check")]
    Validar(validar::Args),
    /// Genera el documento imprimible del plan (PDF, HTML, Markdown, JSON, Word o Excel).
    #[command(visible_alias = "build")]
    Generar(generar::Args),
    /// Abre el editor de planes en el navegador: formularios, validación y vista previa.
    #[command(visible_alias = "edit")]
    Editar(editar::Args),
    /// Vuelve a validar y generar el documento cada vez que se guarda el plan.
    #[command(visible_alias = "watch")]
    Vigilar(vigilar::Args),
    /// Imprime el esquema JSON del formato del plan (para editores).
    #[command(visible_alias = "schema")]
    Esquema(esquema::Args),
    /// Explica una regla: qué comprueba, por qué importa, un ejemplo y cómo corregirlo.
    #[command(visible_alias = "explain")]
    Explicar(explicar::Args),
    /// Compara dos borradores de un plan: qué se agregó, quitó o cambió.
    #[command(visible_alias = "diff")]
    Comparar(comparar::Args),
    /// Informe consolidado de una carpeta de planes: estado, cobertura, ruta, presupuesto.
    #[command(visible_alias = "report")]
    Informe(informe::Args),
    /// Crea el libro de Excel del taller cantonal (vacío para un cantón, o lleno desde un plan).
    PlantillaTaller(plantilla_taller::Args),
    /// Crea el libro de Excel de un corte del seguimiento, para las instituciones responsables.
    PlantillaSeguimiento(plantilla_seguimiento::Args),
    /// Convierte un libro del taller (.xlsx u .ods) en un archivo de plan, o un libro de
    /// seguimiento en un corte del seguimiento.
    #[command(visible_alias = "import")]
    Importar(importar::Args),
    /// Agrega un corte al seguimiento de un plan aprobado (crea PLAN.seguimiento.yaml si falta).
    #[command(visible_alias = "monitor")]
    Seguimiento(seguimiento::Args),
    /// Lista todas las reglas.
    #[command(visible_alias = "rules")]
    Reglas(reglas::Args),
    /// Imprime las completaciones de órdenes para bash, zsh, fish, powershell o elvish.
    Completions(completions::Args),
    /// Imprime la página de manual (man) de cantonal.
    Manual,
}

/// Runs the command line and returns the exit code.
pub fn main() -> ExitCode {
    crate::escritura::instalar_limpieza();
    if escritorio::abierto_con_doble_clic() {
        // Started from the Explorer: the editor on the user's Documents (docs/distribucion.md).
        return ExitCode::from(escritorio::abrir(|carpeta| {
            editar::run(
                editar::Args {
                    carpeta: Some(carpeta.to_path_buf()),
                    puerto: 0,
                    no_abrir: false,
                },
                false,
            )
        }));
    }
    ExitCode::from(Fallo::terminar(ejecutar()))
}

fn ejecutar() -> Result<(), Fallo> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return argument_error(e),
    };
    let color = cli.color.activo();
    match cli.comando {
        Comando::Validar(args) => validar::run(args, color, cli.quiet),
        Comando::Nuevo(args) => nuevo::run(args, cli.quiet),
        Comando::Generar(args) => generar::run(args, color, cli.quiet),
        Comando::Vigilar(args) => vigilar::run(args, color, cli.quiet),
        Comando::Editar(args) => editar::run(args, cli.quiet),
        Comando::Esquema(args) => esquema::run(args),
        Comando::Comparar(args) => comparar::run(args, color),
        Comando::Informe(args) => informe::run(args, color, cli.quiet),
        Comando::Completions(args) => completions::run(args),
        Comando::Manual => completions::manual(),
        Comando::Explicar(args) => explicar::run(args),
        Comando::Reglas(args) => reglas::run(args),
        Comando::PlantillaTaller(args) => plantilla_taller::run(args, cli.quiet),
        Comando::Importar(args) => importar::run(args, color, cli.quiet),
        Comando::Seguimiento(args) => seguimiento::run(args, cli.quiet),
        Comando::PlantillaSeguimiento(args) => plantilla_seguimiento::run(args, cli.quiet),
    }
}

fn argument_error(e: clap::Error) -> Result<(), Fallo> {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp => {
            salida!("{}", ayuda_en_espanol(&e.render().to_string()));
            Ok(())
        }
        ErrorKind::DisplayVersion => {
            let _ = e.print();
            Ok(())
        }
        _ => {
            let (mensaje, ayuda) = explicar_error(&e);
            let uso = e
                .get(ContextKind::Usage)
                .map(|uso| format!("\n{}", ayuda_en_espanol(&uso.to_string()).trim_end()))
                .unwrap_or_default();
            Err(Fallo::NoSePudo(format!("{mensaje}\nayuda: {ayuda}{uso}")))
        }
    }
}

/// The message and the hint, in Spanish, for an argument error of clap (whose own texts are
/// English): what was wrong, naming the argument, and what is accepted.
fn explicar_error(e: &clap::Error) -> (String, String) {
    use clap::error::ErrorKind;
    let texto = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.first().cloned(),
        _ => None,
    };
    let lista_de = |kind| match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    // "--formato <FORMATO>" names the option `--formato`; a positional keeps its placeholder.
    let argumento = texto(ContextKind::InvalidArg)
        .map(|a| match a.split_once(' ') {
            Some((opcion, _)) if opcion.starts_with('-') => opcion.to_owned(),
            _ => a,
        })
        .unwrap_or_default();
    let general =
        "`cantonal --help` lista los comandos; `cantonal <comando> --help`, sus opciones.";
    let sugerencia = |kind| texto(kind).map(|s| format!("¿Quiso decir `{s}`? "));
    match e.kind() {
        ErrorKind::InvalidValue => {
            let valido = lista_de(ContextKind::ValidValue);
            let valor = texto(ContextKind::InvalidValue).unwrap_or_default();
            let mensaje = if valor.is_empty() {
                format!("falta el valor de `{argumento}`")
            } else {
                format!("`{valor}` no es un valor válido para `{argumento}`")
            };
            let ayuda = if valido.is_empty() {
                format!("Escriba el valor después de `{argumento}`.")
            } else {
                format!(
                    "{}Valores posibles: {}.",
                    sugerencia(ContextKind::SuggestedValue).unwrap_or_default(),
                    lista(&valido)
                )
            };
            (mensaje, ayuda)
        }
        // A value the option's own parser refused (a date not written AAAA-MM-DD): its reason,
        // already in Spanish, is the hint.
        ErrorKind::ValueValidation => (
            format!(
                "`{}` no es un valor válido para `{argumento}`",
                texto(ContextKind::InvalidValue).unwrap_or_default()
            ),
            std::error::Error::source(e).map_or_else(|| general.to_owned(), |s| format!("{}.", s)),
        ),
        ErrorKind::MissingRequiredArgument => {
            let faltan = lista_de(ContextKind::InvalidArg);
            let mensaje = if faltan.len() == 1 {
                format!("falta el argumento obligatorio {}", lista(&faltan))
            } else {
                format!("faltan los argumentos obligatorios {}", lista(&faltan))
            };
            let ayuda = if e.get(ContextKind::Usage).is_some() {
                "Escríbalo como muestra el uso:"
            } else {
                general
            };
            (mensaje, ayuda.to_owned())
        }
        ErrorKind::UnknownArgument if !argumento.starts_with('-') => (
            format!("sobra el argumento `{argumento}`"),
            "Compruebe cuántos archivos o valores espera el comando; un nombre con espacios va entre comillas.".to_owned(),
        ),
        ErrorKind::UnknownArgument => (
            format!("opción desconocida `{argumento}`"),
            sugerencia(ContextKind::SuggestedArg)
                .map(|s| s.trim_end().to_owned())
                .unwrap_or_else(|| general.to_owned()),
        ),
        ErrorKind::TooManyValues => (
            format!(
                "`{argumento}` no lleva valor (se escribió `{}`)",
                texto(ContextKind::InvalidValue).unwrap_or_default()
            ),
            format!("Escriba solo `{argumento}`."),
        ),
        ErrorKind::InvalidSubcommand => {
            let dado = texto(ContextKind::InvalidSubcommand).unwrap_or_default();
            let nombres = comandos();
            let cercano = did_you_mean(&dado, nombres.iter().map(String::as_str))
                .map(|c| format!("¿Quiso decir `{c}`? "))
                .unwrap_or_default();
            (
                format!("comando desconocido `{dado}`"),
                format!("{cercano}Comandos: {}.", lista(&nombres)),
            )
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => (
            "falta el comando".to_owned(),
            format!(
                "Comandos: {}. `cantonal <comando> --help` explica cada uno.",
                lista(&comandos())
            ),
        ),
        ErrorKind::ArgumentConflict => (
            format!(
                "`{argumento}` no se puede usar junto con `{}`",
                texto(ContextKind::PriorArg).unwrap_or_default()
            ),
            "Elija una de las dos opciones.".to_owned(),
        ),
        ErrorKind::InvalidUtf8 => (
            "un argumento no es texto UTF-8 válido".to_owned(),
            "Cambie el nombre del archivo o de la carpeta por uno sin caracteres extraños.".to_owned(),
        ),
        _ if !argumento.is_empty() => (
            format!("argumento no válido: `{argumento}`"),
            general.to_owned(),
        ),
        _ => ("argumentos no válidos".to_owned(), general.to_owned()),
    }
}

/// The names of the commands, for hints.
fn comandos() -> Vec<String> {
    use clap::CommandFactory;
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect()
}

/// clap writes a few words of its help in English (headings, placeholders, the labels of
/// possible and default values); the texts of cantonal are Spanish, so these become Spanish too.
fn ayuda_en_espanol(ayuda: &str) -> String {
    const PALABRAS: [(&str, &str); 10] = [
        ("Usage:", "Uso:"),
        ("Arguments:", "Argumentos:"),
        ("Options:", "Opciones:"),
        ("Commands:", "Comandos:"),
        ("Possible values:", "Valores posibles:"),
        ("[default: ", "[por omisión: "),
        ("[possible values: ", "[valores posibles: "),
        ("[aliases: ", "[alias: "),
        ("[OPTIONS]", "[OPCIONES]"),
        ("<COMMAND>", "<COMANDO>"),
    ];
    PALABRAS
        .iter()
        .fold(ayuda.to_owned(), |t, (en, es)| t.replace(en, es))
}
