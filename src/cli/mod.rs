//! The command line: argument definitions (clap, in Spanish, with English aliases), and dispatch
//! to one file per subcommand, each a thin layer over the library. Every subcommand returns
//! `Result<(), Fallo>`; [`main`] alone prints the final message and picks the exit code: 0 without
//! errors, 1 when errors were found in the plans, 2 when the command could not run.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod comparar;
mod completions;
pub mod escritorio;
mod esquema;
mod explicar;
mod generar;
mod informe;
mod nuevo;
mod reglas;
mod validar;
mod vigilar;

pub use nuevo::{SCHEMA_PATH, buscar_canton, plan_inicial};

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
    /// Genera el documento imprimible del plan (PDF, HTML, Markdown o JSON).
    #[command(visible_alias = "build")]
    Generar(generar::Args),
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
        Comando::Esquema(args) => esquema::run(args),
        Comando::Comparar(args) => comparar::run(args, color),
        Comando::Informe(args) => informe::run(args, color, cli.quiet),
        Comando::Completions(args) => completions::run(args),
        Comando::Manual => completions::manual(),
        Comando::Explicar(args) => explicar::run(args),
        Comando::Reglas(args) => reglas::run(args),
    }
}

fn argument_error(e: clap::Error) -> Result<(), Fallo> {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp => {
            print!("{}", ayuda_en_espanol(&e.render().to_string()));
            Ok(())
        }
        ErrorKind::DisplayVersion => {
            let _ = e.print();
            Ok(())
        }
        kind => {
            let detalle = e.to_string();
            let detalle = detalle
                .lines()
                .next()
                .unwrap_or("")
                .trim_start_matches("error: ");
            let que = match kind {
                ErrorKind::InvalidSubcommand => "comando desconocido",
                ErrorKind::UnknownArgument => "opción desconocida",
                ErrorKind::MissingRequiredArgument => "falta un argumento obligatorio",
                ErrorKind::InvalidValue => "valor no válido",
                ErrorKind::MissingSubcommand
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => "falta el comando",
                _ => "argumentos no válidos",
            };
            Err(Fallo::NoSePudo(format!(
                "{que} ({detalle})\nayuda: `cantonal --help` lista los comandos; `cantonal <comando> --help`, sus opciones."
            )))
        }
    }
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
