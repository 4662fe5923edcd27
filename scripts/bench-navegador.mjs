// The editor's speed as the browser sees it: a real Chromium (headless, DevTools protocol) opens
// Ibarra in `cantonal editar`, changes one action's target N times, and reads from the page's own
// Resource Timing how long each /api/validar and /api/vista took, from the request to the end of
// its answer (what the official waits for). Prints medians and worst cases; given two binaries
// (before and after a change) it measures both in the same run, alternating, and prints the
// ratios. Results go to docs/rendimiento.md («Editor»). A benchmark: nothing here passes or fails.
//
//   cargo build --release && node --experimental-websocket scripts/bench-navegador.mjs \
//       target/release/cantonal [OTRO_CANTONAL] [--ediciones N] [--rondas R]
//
// Needs `chromium` and Node 20 or later.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const args = process.argv.slice(2);
const opcion = (nombre, defecto) => {
  const i = args.indexOf(nombre);
  if (i < 0) return defecto;
  const v = Number(args[i + 1]);
  args.splice(i, 2);
  return v;
};
const N = opcion('--ediciones', 30);
const RONDAS = opcion('--rondas', 2);
const binarios = args;
if (!binarios.length || binarios.length > 2) {
  console.error('uso: node --experimental-websocket scripts/bench-navegador.mjs CANTONAL [OTRO_CANTONAL] [--ediciones N] [--rondas R]');
  process.exit(2);
}
const dormir = (ms) => new Promise((r) => setTimeout(r, ms));

/** The durations (ms) of N edits' /api/validar and /api/vista with `binario`. */
async function medir(binario) {
  // The editor, on a copy of Ibarra; each value typed is new, so no answer repeats an earlier one.
  const carpeta = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-navegador-'));
  fs.copyFileSync('plans/ibarra.yaml', path.join(carpeta, 'ibarra.yaml'));
  const editor = spawn(binario, ['editar', carpeta, '--no-abrir'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((ok, mal) => {
    readline.createInterface({ input: editor.stdout }).once('line', ok);
    editor.once('exit', () => mal(new Error('el editor terminó sin dar su dirección')));
  });

  // Chromium, driven over the DevTools protocol.
  const perfil = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-perfil-'));
  const chromium = spawn('chromium', ['--headless=new', '--no-sandbox', '--disable-gpu', '--remote-debugging-port=0',
    '--window-size=1400,1000', `--user-data-dir=${perfil}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const puerto = await new Promise((ok) => {
    let b = '';
    chromium.stderr.on('data', (d) => { b += d; const m = b.match(/DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)/); if (m) ok(m[1]); });
  });
  let paginas;
  for (;;) {
    paginas = await (await fetch(`http://127.0.0.1:${puerto}/json/list`)).json();
    if (paginas.some((t) => t.type === 'page')) break;
    await dormir(100);
  }
  const ws = new WebSocket(paginas.find((t) => t.type === 'page').webSocketDebuggerUrl);
  await new Promise((ok) => ws.addEventListener('open', ok));
  let siguiente = 0;
  const pendientes = new Map();
  ws.addEventListener('message', (ev) => {
    const m = JSON.parse(ev.data);
    if (m.id && pendientes.has(m.id)) { pendientes.get(m.id)(m); pendientes.delete(m.id); }
  });
  const llamar = (method, params = {}) => new Promise((ok) => {
    const id = ++siguiente;
    pendientes.set(id, ok);
    ws.send(JSON.stringify({ id, method, params }));
  });
  const js = async (expression) => {
    const r = await llamar('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.result?.exceptionDetails) throw new Error(`${expression}: ${JSON.stringify(r.result.exceptionDetails)}`);
    return r.result?.result?.value;
  };
  const esperar = async (expr, que) => {
    const inicio = Date.now();
    while (!(await js(expr))) {
      if (Date.now() - inicio > 60000) throw new Error(`no llegó: ${que}`);
      await dormir(20);
    }
  };

  await llamar('Page.enable');
  await llamar('Page.navigate', { url: `${url}#plan=ibarra.yaml` });
  await esperar("document.querySelector('#titulo')?.textContent === 'Plan de Ibarra' && !!document.querySelector('#seccion-acciones')", 'Ibarra');
  await js("performance.setResourceTimingBufferSize(100000)");
  await js("document.querySelector('#seccion-acciones').click()");
  await js("document.querySelector('#f-acciones-2-abrir').click()");
  await esperar("!!document.querySelector('#f-acciones-2-indicador-meta')", 'el formulario de la acción');
  // The first preview of the plan (every page new) is not an edit: wait for it before measuring.
  await esperar("performance.getEntriesByType('resource').some((e) => e.name.endsWith('/api/vista'))", 'la primera vista previa');
  await dormir(1500);

  const duraciones = (nombre) => `performance.getEntriesByType('resource').filter((e) => e.name.endsWith('${nombre}')).map((e) => e.responseEnd - e.startTime)`;
  const antes = { validar: (await js(duraciones('/api/validar'))).length, vista: (await js(duraciones('/api/vista'))).length };
  for (let i = 0; i < N; i++) {
    const hechas = { validar: (await js(duraciones('/api/validar'))).length, vista: (await js(duraciones('/api/vista'))).length };
    await js("(() => { const e = document.querySelector('#f-acciones-2-indicador-meta'); e.focus(); e.select(); })()");
    await llamar('Input.insertText', { text: String(200 + i) });
    await esperar(`${duraciones('/api/validar')}.length > ${hechas.validar} && ${duraciones('/api/vista')}.length > ${hechas.vista}`, 'la respuesta');
    // Past both pauses of the page (250 ms and 400 ms), so that one edit is one request of each.
    await dormir(600);
  }
  const medidas = {
    validar: (await js(duraciones('/api/validar'))).slice(antes.validar),
    vista: (await js(duraciones('/api/vista'))).slice(antes.vista),
  };
  ws.close();
  chromium.kill();
  editor.kill('SIGINT');
  await dormir(300);
  fs.rmSync(carpeta, { recursive: true, force: true });
  fs.rmSync(perfil, { recursive: true, force: true });
  return medidas;
}
const mediana = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => `${Math.round(x)} ms`;
const todas = binarios.map(() => ({ validar: [], vista: [] }));
for (let r = 0; r < RONDAS; r++) {
  for (const [i, b] of binarios.entries()) {
    const m = await medir(b);
    todas[i].validar.push(...m.validar);
    todas[i].vista.push(...m.vista);
  }
}
console.log(`Ibarra en el navegador, ${N} cambios de la meta de una acción × ${RONDAS} rondas (de la petición al final de la respuesta):`);
for (const [i, b] of binarios.entries()) {
  console.log(`  ${b}`);
  for (const [nombre, xs] of Object.entries(todas[i])) {
    console.log(`    /api/${nombre}: mediana ${ms(mediana(xs))}, peor ${ms(Math.max(...xs))} (${xs.length} peticiones)`);
  }
}
if (binarios.length === 2) {
  for (const nombre of ['validar', 'vista']) {
    console.log(`  /api/${nombre}, el segundo frente al primero: ${(mediana(todas[1][nombre]) / mediana(todas[0][nombre])).toFixed(2)}× la mediana`);
  }
}
process.exit(0);
