//! Writes synthetic plans (40 actions, 15 actors, 10 risks, the full route) for benchmarks and
//! load tests: `cargo run --example sinteticos -- 221 /tmp/planes`, and with `--seguimiento`
//! beside each its monitoring file with the four cuts of 2026 (every action reported).
//! One plan per canton of the DPA catalogue, cycling when N is larger than 221.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seguimiento = args.iter().any(|a| a == "--seguimiento");
    let mut args = args.into_iter().filter(|a| a != "--seguimiento");
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(221);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "planes-sinteticos".into()));
    let mut escrito = cantonal::sintetico::write_all(&dir, n);
    if seguimiento && escrito.is_ok() {
        escrito =
            cantonal::sintetico::write_seguimientos(&dir, &cantonal::sintetico::cortes_2026());
    }
    if let Err(e) = escrito {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
    let con = if seguimiento {
        ", con su seguimiento de 4 cortes,"
    } else {
        ""
    };
    println!("{n} planes sintéticos{con} en {}", dir.display());
}
