// Números y montos como los escribe una persona en Ecuador: punto entre los miles y coma antes
// de los decimales (1.500,50), o una cifra simple (1500.50). La misma regla que la biblioteca
// (plan::montos::leer_escrito): las pruebas usan los mismos casos, tests/fixtures/numeros.json.

/** El número que dice `texto`, o null si no es un número. */
export function leerNumero(texto) {
  const limpio = String(texto ?? '')
    .replace(/US\$|USD|usd|\$/g, '')
    .replace(/[\s\u00a0\u202f]/g, '');
  if (limpio === '') return null;
  const signo = limpio.startsWith('-') ? '-' : '';
  const cuerpo = signo ? limpio.slice(1) : limpio;
  let cifra;
  if (cuerpo.includes(',')) {
    const i = cuerpo.indexOf(',');
    let entero = cuerpo.slice(0, i);
    const decimales = cuerpo.slice(i + 1);
    if (entero.includes('.')) {
      entero = miles(entero);
      if (entero === null) return null;
    }
    cifra = `${entero}.${decimales}`;
  } else {
    cifra = miles(cuerpo) ?? cuerpo;
  }
  const punto = cifra.indexOf('.');
  const entero = punto < 0 ? cifra : cifra.slice(0, punto);
  const decimales = punto < 0 ? '0' : cifra.slice(punto + 1);
  if (!/^\d+$/.test(entero) || !/^\d+$/.test(decimales)) return null;
  const n = Number(`${signo}${cifra}`);
  return Number.isFinite(n) ? n : null;
}

/** `1.500.000` → `1500000`: grupos de tres cifras después de un primer grupo de una a tres. */
function miles(s) {
  const grupos = s.split('.');
  if (grupos.length < 2) return null;
  const [primero, ...resto] = grupos;
  if (!/^\d{1,3}$/.test(primero) || !resto.every((g) => /^\d{3}$/.test(g))) return null;
  return grupos.join('');
}

/**
 * Un número como lo lee una persona: 1.500,5 (o con `decimales` fijos: 1.500,50). Los años y
 * demás enteros sin separador de miles (`agrupar` falso).
 */
export function escribirNumero(n, { decimales, agrupar = true } = {}) {
  if (n === null || n === undefined || n === '') return '';
  if (typeof n !== 'number') return String(n);
  const [ent, dec] = (decimales === undefined ? String(n) : n.toFixed(decimales)).split('.');
  const miles = agrupar ? ent.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : ent;
  return dec ? `${miles},${dec}` : miles;
}

/** «1 error», «2 errores»: la regla de la biblioteca (espanol::plural). */
export function plural(n, uno, varios) {
  return `${n} ${n === 1 ? uno : varios}`;
}

const MESES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** Una fecha AAAA-MM-DD como se dice: «30 de septiembre de 2026» (la misma regla que la
 * biblioteca, espanol::fecha_larga); lo que no es una fecha queda como está. */
export function fechaLarga(texto) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(texto));
  const d = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (!d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return String(texto);
  return `${+m[3]} de ${MESES[+m[2] - 1]} de ${m[1]}`;
}
