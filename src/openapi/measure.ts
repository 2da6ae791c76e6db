/**
 * Measures the added CPU cost of validating a 16 KiB JSON request body against the petstore fixture
 * (`POST /v1/pets`, a Pet with a large `attributes` map): JSON.parse alone vs. parameter + body validation.
 * Run: `node src/openapi/measure.ts`. Prints µs per request for both and the difference.
 */
import { compileSpec } from './compile.ts';
import { validateBody, validateParams } from './validate.ts';

const api = compileSpec(new URL('./fixtures/petstore/openapi.yaml', import.meta.url).pathname);
const m = api.match('POST', '/v1/pets');
if (m.kind !== 'match') throw new Error('fixture changed: POST /v1/pets not found');
const attributes: Record<string, string> = {};
let n = 0;
const base = {
  name: 'Rex',
  kind: { petType: 'dog', barks: true, packSize: 3 },
  owner: {
    email: 'ann@example.test',
    address: { street: 'Main St 1', city: 'Springfield', postcode: '12345' },
  },
  attributes,
};
while (JSON.stringify(base).length < 16 * 1024)
  attributes[`attribute_${n++}`] = 'a fairly ordinary attribute value';
const body = Buffer.from(JSON.stringify(base));

function bench(label: string, fn: () => void): number {
  for (let i = 0; i < 2000; i++) fn();
  const runs = 5;
  const iterations = 5000;
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t0 = process.cpuUsage();
    for (let i = 0; i < iterations; i++) fn();
    const d = process.cpuUsage(t0);
    best = Math.min(best, (d.user + d.system) / iterations);
  }
  process.stdout.write(
    `${label.padEnd(44)} ${best.toFixed(1)} µs CPU/request (best of ${runs}×${iterations})\n`,
  );
  return best;
}

const op = m.op;
const segments = m.segments;
const parseOnly = bench('JSON.parse only (16 KiB)', () => {
  JSON.parse(body.toString('utf8'));
});
const full = bench('openapi: params + parse + validate (16 KiB)', () => {
  validateParams(op, segments, '', {});
  const r = validateBody(op, 'application/json', body);
  if (r.kind !== 'ok') throw new Error('body should be valid');
});
process.stdout.write(
  `body: ${body.length} bytes, ${n} attributes; added by validation: ${(full - parseOnly).toFixed(1)} µs\n`,
);
