//! Benchmarks of the performance targets of `docs/rendimiento.md`, printed as figures and ratios measured in one run (not assertions:
//! machines are shared and noisy). Run with `scripts/rendimiento.sh` or `cargo bench`.
//!
//! 1. `validar` of 221 synthetic plans of 40 actions (in-process and through the binary);
//! 2. `generar` PDF of plans/ibarra.yaml beside a bare Typst compile + export of the same
//!    document with a ready World, in the same run: the ratio;
//! 3. a batch of 221 PDFs through the binary: wall time, CPU use and peak memory;
//! 4. the progress report (`generar --seguimiento`) of Ibarra beside its plan's PDF, through
//!    the binary: time and peak memory, and their ratios;
//! 5. `informe` of the 221 synthetic plans, each with a monitoring file of four cuts, beside
//!    the same plans without them (text and PDF), and its peak memory with 55 and 221 plans.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use cantonal::documento::{Documento, fecha_documento};
use cantonal::plan::model::Plan;
use cantonal::reference::nacional::Referencia;
use cantonal::render::pdf::{PdfCompilado, plan_pdf};
use cantonal::render::templates::Plantillas;
use cantonal::render::typst::{PdfConfig, PlanWorld, compile, pdf as export};
use cantonal::rules::Opciones;

/// What `generar` does for one plan in process: its document, laid out and exported.
fn generar(plan: &Plan, r: &Referencia) -> PdfCompilado {
    let documento = Documento::new(plan, r, fecha_documento(plan));
    plan_pdf(
        plan,
        &documento,
        Plantillas::default(),
        PdfConfig::default(),
    )
    .unwrap()
}

/// Runs the binary with `args` `n` times: the median wall time and the largest peak memory.
fn medido(n: usize, args: &[&str]) -> (Duration, u64) {
    let runs: Vec<(Duration, u64, f64)> = (0..n).map(|_| run_measured(args)).collect();
    (
        median(runs.iter().map(|r| r.0).collect()),
        runs.iter().map(|r| r.1).max().unwrap_or(0),
    )
}

/// `n` synthetic plans in `dir`, each with a monitoring file of four cuts.
fn con_seguimiento(dir: &Path, n: usize) {
    cantonal::sintetico::write_all(dir, n).unwrap();
    cantonal::sintetico::write_seguimientos(dir, &cantonal::sintetico::cortes_2026()).unwrap();
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Runs the binary with `args`, returning wall time, peak resident memory (polled from /proc)
/// and CPU time of the child.
fn run_measured(args: &[&str]) -> (Duration, u64, f64) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_cantonal"))
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let status_path = format!("/proc/{}/status", child.id());
    let stat_path = format!("/proc/{}/stat", child.id());
    let mut peak_kb = 0u64;
    let mut cpu_ticks = 0u64;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_path) {
            for line in status.lines() {
                if let Some(v) = line.strip_prefix("VmHWM:") {
                    let kb: u64 = v.trim().trim_end_matches("kB").trim().parse().unwrap_or(0);
                    peak_kb = peak_kb.max(kb);
                }
            }
        }
        if let Ok(stat) = std::fs::read_to_string(&stat_path) {
            let fields: Vec<&str> = stat
                .rsplit(')')
                .next()
                .unwrap_or("")
                .split_whitespace()
                .collect();
            // utime and stime are fields 14 and 15 of /proc/PID/stat (12 and 13 after the name).
            if fields.len() > 13 {
                cpu_ticks =
                    fields[11].parse::<u64>().unwrap_or(0) + fields[12].parse::<u64>().unwrap_or(0);
            }
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    (start.elapsed(), peak_kb, cpu_ticks as f64 / 100.0)
}

fn main() {
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    println!("cantonal: rendimiento ({cores} núcleos)\n");
    let dir = tempfile::tempdir().unwrap();
    let planes = dir.path().join("planes");
    cantonal::sintetico::write_all(&planes, 221).unwrap();

    // 1. validar
    let files: Vec<_> = std::fs::read_dir(&planes)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let mut runs = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        for f in &files {
            let v = cantonal::validar(f, Opciones::default());
            assert!(!v.tiene_errores());
        }
        runs.push(start.elapsed());
    }
    let en_proceso = median(runs);
    let cli: Vec<Duration> = (0..5)
        .map(|_| run_measured(&["validar", "--formato", "json", planes.to_str().unwrap()]).0)
        .collect();
    let cli = median(cli);
    println!("validar, 221 planes de 40 acciones:");
    println!(
        "  en proceso: {}   con el binario: {}   (objetivo: < 500 ms)",
        ms(en_proceso),
        ms(cli)
    );

    // 2. generar Ibarra vs bare Typst compile of the same document.
    let v = cantonal::validar(Path::new("plans/ibarra.yaml"), Opciones::default());
    let plan = v.loaded.datos.unwrap();
    let r = Referencia::pacta();
    // Warm-up: fonts and the standard library are loaded once per process, as in a real run.
    generar(&plan, r);
    let mut con_generar = Vec::new();
    let mut bare = Vec::new();
    let mut paginas = 0;
    for _ in 0..7 {
        let start = Instant::now();
        let out = generar(&plan, r);
        con_generar.push(start.elapsed());
        paginas = out.document.pages().len();

        let fecha = fecha_documento(&plan);
        let world = PlanWorld::new(
            &Documento::new(&plan, r, fecha),
            Plantillas::default(),
            fecha,
        );
        let start = Instant::now();
        let document = compile(&world).unwrap();
        export(&world, &document, "bench", fecha, PdfConfig::default()).unwrap();
        bare.push(start.elapsed());
    }
    let (g, b) = (median(con_generar), median(bare));
    println!("\ngenerar PDF de plans/ibarra.yaml ({paginas} páginas):");
    println!(
        "  generar: {}   compilación Typst sola (mismo documento): {}   razón: {:.2}× (objetivo: ≤ 1,3×)",
        ms(g),
        ms(b),
        g.as_secs_f64() / b.as_secs_f64()
    );
    let (wall, _, _) = run_measured(&[
        "generar",
        "plans/ibarra.yaml",
        "-o",
        dir.path().join("ibarra.pdf").to_str().unwrap(),
    ]);
    println!(
        "  con el binario (incluye arranque y carga de fuentes): {}",
        ms(wall)
    );

    // 3. Batch of 221 PDFs.
    let salida = dir.path().join("pdf");
    let (wall, peak_kb, cpu) = run_measured(&[
        "generar",
        planes.to_str().unwrap(),
        "-o",
        salida.to_str().unwrap(),
    ]);
    let n = std::fs::read_dir(&salida).map(|d| d.count()).unwrap_or(0);
    println!("\nlote de {n} PDF (221 planes sintéticos):");
    println!(
        "  tiempo: {:.1} s   CPU: {:.1} s ({:.0} % de {cores} núcleos)   memoria máxima: {} MB (objetivo: < 300 MB)",
        wall.as_secs_f64(),
        cpu,
        cpu / wall.as_secs_f64() / cores as f64 * 100.0,
        peak_kb / 1024
    );

    // 4. The progress report of Ibarra beside its plan's PDF.
    let pdf = dir.path().join("plan.pdf");
    let avance = dir.path().join("avance.pdf");
    let (plan_t, plan_kb) = medido(
        5,
        &["generar", "plans/ibarra.yaml", "-o", pdf.to_str().unwrap()],
    );
    let (avance_t, avance_kb) = medido(
        5,
        &[
            "generar",
            "plans/ibarra.yaml",
            "--seguimiento",
            "plans/ibarra.seguimiento.yaml",
            "-o",
            avance.to_str().unwrap(),
        ],
    );
    println!(
        "
informe de avance de Ibarra frente al PDF del plan (binario, mediana de 5):"
    );
    println!(
        "  plan: {} y {} MB   avance: {} y {} MB   razón: {:.2}× en tiempo, {:.2}× en memoria (objetivo: ≤ 1,2×)",
        ms(plan_t),
        plan_kb / 1024,
        ms(avance_t),
        avance_kb / 1024,
        avance_t.as_secs_f64() / plan_t.as_secs_f64(),
        avance_kb as f64 / plan_kb as f64
    );

    // 5. informe over 221 plans, each with four cuts, beside the same plans alone.
    let seguidos = dir.path().join("seguidos");
    con_seguimiento(&seguidos, 221);
    let pocos = dir.path().join("pocos");
    con_seguimiento(&pocos, 55);
    println!("
informe de 221 planes con 4 cortes cada uno, frente a los mismos planes sin seguimiento (mediana de 3):");
    for (formato, salida) in [
        ("texto", None),
        ("PDF", Some(dir.path().join("informe.pdf"))),
    ] {
        let args = |carpeta: &Path| {
            let mut a = vec!["informe".to_owned(), carpeta.to_str().unwrap().to_owned()];
            if let Some(s) = &salida {
                a.extend(["-o".to_owned(), s.to_str().unwrap().to_owned()]);
            }
            a
        };
        let sin = args(&planes);
        let con = args(&seguidos);
        let (sin_t, sin_kb) = medido(3, &sin.iter().map(String::as_str).collect::<Vec<_>>());
        let (con_t, con_kb) = medido(3, &con.iter().map(String::as_str).collect::<Vec<_>>());
        println!(
            "  {formato}: sin seguimiento {} ({} MB)   con seguimiento {} ({} MB)   razón: {:.2}× (objetivo: ≤ 1,5×)",
            ms(sin_t),
            sin_kb / 1024,
            ms(con_t),
            con_kb / 1024,
            con_t.as_secs_f64() / sin_t.as_secs_f64()
        );
    }
    let (_, kb_55) = medido(1, &["informe", pocos.to_str().unwrap()]);
    let (_, kb_221) = medido(1, &["informe", seguidos.to_str().unwrap()]);
    println!(
        "  memoria máxima con seguimiento: 55 planes {} MB, 221 planes {} MB (objetivo: plana)",
        kb_55 / 1024,
        kb_221 / 1024
    );
}
