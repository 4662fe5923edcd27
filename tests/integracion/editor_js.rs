//! The editor page's own logic (numbers, state, undo, new items, headers), tested without a
//! browser by Node's test runner (`tests/js/`), on the catalogue of fields the server serves.

use crate::common;

use std::process::Command;

#[test]
fn the_page_s_logic_passes_its_unit_tests_in_node() {
    if !common::herramienta("node", "nodejs") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let formato = dir.path().join("formato.json");
    let catalogo = serde_json::json!({
        "plan": cantonal::plan::campos::FORMA_PLAN,
        "seguimiento": cantonal::plan::campos::FORMA_SEGUIMIENTO,
    });
    std::fs::write(&formato, catalogo.to_string()).unwrap();
    let out = Command::new("node")
        .args(["--test", "tests/js/"])
        .env("CANTONAL_FORMATO", &formato)
        .output()
        .unwrap();
    let salida = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{salida}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Every test ran: Node's summary counts them.
    let pasaron = salida
        .lines()
        .find_map(|l| l.strip_prefix("# pass "))
        .and_then(|n| n.trim().parse::<u32>().ok());
    assert!(pasaron >= Some(14), "{salida}");
}
