// Los números de la página se leen con la misma regla que la biblioteca: los mismos casos que
// plan::montos::leer_escrito (tests/fixtures/numeros.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { escribirNumero, fechaLarga, leerNumero, plural } from '../../src/editor/recursos/numeros.js';

const casos = JSON.parse(readFileSync(new URL('../fixtures/numeros.json', import.meta.url), 'utf8'));

test('cada texto se lee como lo lee la biblioteca', () => {
  for (const [texto, esperado] of casos) assert.equal(leerNumero(texto), esperado, texto);
});

test('los montos se escriben como en Ecuador y los años sin separador de miles', () => {
  assert.equal(escribirNumero(1500.5, { decimales: 2 }), '1.500,50');
  assert.equal(escribirNumero(1234567), '1.234.567');
  assert.equal(escribirNumero(2024, { agrupar: false }), '2024');
  assert.equal(escribirNumero(undefined), '');
  for (const n of [0, 7, 1500.5, 1234567.25]) assert.equal(leerNumero(escribirNumero(n, { decimales: 2 })), n);
});

test('el plural sigue la regla de la biblioteca', () => {
  assert.equal(plural(1, 'error', 'errores'), '1 error');
  assert.equal(plural(0, 'error', 'errores'), '0 errores');
  assert.equal(plural(2, 'problema', 'problemas'), '2 problemas');
});

test('una fecha se dice como la dice la biblioteca; lo que no es una fecha queda igual', () => {
  assert.equal(fechaLarga('2026-09-30'), '30 de septiembre de 2026');
  assert.equal(fechaLarga('2027-01-01'), '1 de enero de 2027');
  assert.equal(fechaLarga('2026-02-30'), '2026-02-30');
  assert.equal(fechaLarga('30/09/2026'), '30/09/2026');
});
