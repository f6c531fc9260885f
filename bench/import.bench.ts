/**
 * npm run bench: importing a plan table of 1,000, 10,000 and 100,000 rows (importPlanTable, then Plan.withImported
 * joining it to the seed plans), timed in one run. Printed as time per row, never asserted: linear work keeps the
 * per-row figure flat as the table grows.
 */
import { performance } from 'node:perf_hooks';
import { importPlanTable } from '../src/core/exchange/import';
import { Plan } from '../src/core/plan/plan';
import { dataset } from '../src/data/index';

const d = dataset();
console.log('import of a plan table: rows, total ms, µs per row');
for (const n of [1_000, 10_000, 100_000]) {
  // n rows in all: the header and n − 1 indicators (TABLE_LIMITS.rows counts every row of a table).
  const rows = Array.from({ length: n - 1 }, (_, i) => [`指标${i}`, '万元', String(i), String(i + 1)]);
  const t0 = performance.now();
  const region = importPlanTable([['指标名称', '单位', '2024年(基期)', '2030年目标'], ...rows], {
    file: 'bench.csv',
    region: '南昌',
    catalogue: d.catalogue,
  });
  const plan = Plan.withImported(d, [region]);
  const ms = performance.now() - t0;
  if (plan.dataset.catalogue.length !== d.catalogue.length + n - 1) throw new Error('rows lost');
  console.log(`${String(n).padStart(7)}  ${ms.toFixed(0).padStart(7)}  ${((ms * 1000) / n).toFixed(1).padStart(7)}`);
}
