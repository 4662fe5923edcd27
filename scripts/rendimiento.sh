#!/usr/bin/env bash
# Benchmarks of the performance targets, in release mode. Prints the figures recorded in docs/rendimiento.md.
# The first run compiles the dependencies in release mode (about ten minutes on two cores).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --bench rendimiento
