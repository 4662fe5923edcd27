//! `cantonal completions SHELL` and `cantonal manual`: shell completions and the man page,
//! generated from the clap definitions so they never drift from the real options.

use clap::CommandFactory;

use super::{Cli, Fallo};

/// Arguments of `completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Intérprete de órdenes: bash, zsh, fish, powershell o elvish.
    pub shell: clap_complete::Shell,
}

pub(super) fn run(args: Args) -> Result<(), Fallo> {
    let mut guion = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "cantonal", &mut guion);
    super::escribir(&guion);
    Ok(())
}

pub(super) fn manual() -> Result<(), Fallo> {
    let mut pagina = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut pagina)
        .map_err(|e| Fallo::NoSePudo(e.to_string()))?;
    super::escribir(&pagina);
    Ok(())
}
