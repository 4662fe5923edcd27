//! `cantonal completions SHELL` and `cantonal manual`: shell completions and the man page,
//! generated from the clap definitions so they never drift from the real options.

use clap::CommandFactory;

use super::{Cli, OK};

/// Arguments of `completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Intérprete de órdenes: bash, zsh, fish, powershell o elvish.
    pub shell: clap_complete::Shell,
}

pub(super) fn run(args: Args) -> u8 {
    clap_complete::generate(
        args.shell,
        &mut Cli::command(),
        "cantonal",
        &mut std::io::stdout(),
    );
    OK
}

pub(super) fn manual() -> u8 {
    let man = clap_mangen::Man::new(Cli::command());
    if let Err(e) = man.render(&mut std::io::stdout()) {
        eprintln!("error: {e}");
        return super::NO_SE_PUDO;
    }
    OK
}
