//! Writes synthetic plans (40 actions, 15 actors, 10 risks, the full route) for benchmarks and
//! load tests: `cargo run --example sinteticos -- 221 /tmp/planes`.
//! One plan per canton of the DPA catalogue, cycling when N is larger than 221.

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(221);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "planes-sinteticos".into()));
    if let Err(e) = cantonal::sintetico::write_all(&dir, n) {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
    println!("{n} planes sintéticos en {}", dir.display());
}
