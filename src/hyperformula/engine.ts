/**
 * The PLAN functions registered in HyperFormula, a real spreadsheet formula engine, so that formulas that mix
 * PLAN.* with built-ins evaluate in Node exactly as the add-in computes them in Excel.
 * HyperFormula is used under its GPL-3.0 licence key; this project is GPL-3.0-or-later.
 */
import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from 'hyperformula';
import { NOT_FOUND_CODES, PlanError } from '../core/errors';
import { FUNCTIONS, getLanguage, getPlan, type FunctionId } from '../functions/impl';
import { readFormula } from './quotes';

/** Parameter counts: [required, optional]. Mirrors the JSDoc of src/functions/functions.ts. */
export const ARITY: Record<FunctionId, [number, number]> = {
  TARGET: [2, 2],
  BASELINE: [2, 1],
  STATUS: [4, 1],
  GAP: [4, 1],
  PROGRESS: [3, 2],
  REQUIRED: [4, 0],
  INFO: [2, 1],
  ACTUAL: [2, 2],
  REGIONS: [0, 0],
  INDICATORS: [0, 1],
  TABLE: [1, 0],
};

const ARRAY_FUNCTIONS: ReadonlySet<FunctionId> = new Set(['REGIONS', 'INDICATORS', 'TABLE']);

/** A PLAN error as the engine's error value: #N/A for what does not exist, #VALUE! for malformed arguments. */
export function toCellError(e: unknown): CellError {
  if (e instanceof PlanError) {
    return new CellError(NOT_FOUND_CODES.has(e.code) ? ErrorType.NA : ErrorType.VALUE, e.text(getLanguage()));
  }
  return new CellError(ErrorType.VALUE, `内部错误 / internal error: ${e instanceof Error ? e.message : String(e)}`);
}

/** Engine values to the plain values the implementations take. */
function plain(v: unknown): unknown {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(plain));
  if (typeof v === 'symbol') return null; // EmptyValue: a blank cell
  if (v !== null && typeof v === 'object' && 'val' in v) return (v as { val: unknown }).val; // a formatted number
  return v;
}

/** The largest result an array function can give, so a spill's size is known before its arguments are. */
function maxSize(id: FunctionId): [number, number] {
  const p = getPlan();
  const longest = Math.max(...p.regions().map((r) => r.entries.length));
  if (id === 'REGIONS') return [p.regions().length, 1];
  if (id === 'INDICATORS') return [Math.max(longest, p.dataset.catalogue.length), 1];
  return [longest + 1, 9];
}

function pad(rows: (string | number)[][], [height, width]: [number, number]): (string | number)[][] {
  const out = rows.map((r) => [...r, ...Array(Math.max(0, width - r.length)).fill('')]);
  while (out.length < height) out.push(Array(width).fill(''));
  return out;
}

export class PlanPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = Object.fromEntries(
    (Object.keys(FUNCTIONS) as FunctionId[]).map((id) => {
      const [req, opt] = ARITY[id];
      const parameters = [
        ...Array.from({ length: req }, () => ({ argumentType: FunctionArgumentType.ANY })),
        ...Array.from({ length: opt }, () => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
      ];
      const def: ImplementedFunctions[string] = { method: `plan${id}`, parameters };
      if (ARRAY_FUNCTIONS.has(id)) def.sizeOfResultArrayMethod = `planSize${id}`;
      return [`PLAN.${id}`, def];
    }),
  );
}

/** One PLAN call inside the engine: an error argument passes through, a PlanError becomes the cell's error. */
function evaluate(id: FunctionId, impl: (...args: unknown[]) => unknown, args: unknown[]): unknown {
  const error = args.find((a) => a instanceof CellError);
  if (error) return error;
  try {
    const result = impl(...args.map(plain));
    if (ARRAY_FUNCTIONS.has(id)) return SimpleRangeValue.onlyValues(pad(result as (string | number)[][], maxSize(id)));
    return result;
  } catch (e) {
    return toCellError(e);
  }
}

for (const id of Object.keys(FUNCTIONS) as FunctionId[]) {
  const impl = FUNCTIONS[id] as (...args: unknown[]) => unknown;
  Object.defineProperty(PlanPlugin.prototype, `plan${id}`, {
    value(this: PlanPlugin, ast: { args: never[] }, state: never) {
      return this['runFunction'](ast.args, state, this['metadata'](`PLAN.${id}`), (...args: unknown[]): never => {
        return evaluate(id, impl, args) as never;
      });
    },
  });
  if (ARRAY_FUNCTIONS.has(id)) {
    Object.defineProperty(PlanPlugin.prototype, `planSize${id}`, {
      value() {
        const [height, width] = maxSize(id);
        return new ArraySize(width, height);
      },
    });
  }
}

const translations = {
  enGB: Object.fromEntries(Object.keys(FUNCTIONS).map((id) => [`PLAN.${id}`, `PLAN.${id}`])),
};

let registered = false;

type Sheets = Record<string, (string | number | boolean | null)[][]>;

/** A cell's content with a formula's curly or full-width quotes and punctuation read as straight ones. */
export function readCell<T>(content: T): T {
  if (typeof content !== 'string' || !/^\s*[=＝]/.test(content)) return content;
  return readFormula(content).formula as T;
}

/**
 * A HyperFormula engine that knows the PLAN functions. Sheets are given as rows of cell contents; formulas typed
 * with a Chinese input method's quotes (“赣州”) are read as if typed with straight ones (src/hyperformula/quotes.ts).
 * No undo history is kept (`undoLimit: 0`): nothing here undoes, and keeping it cost a fifth of each cell change.
 */
export function createEngine(sheets: Sheets = { Sheet1: [[]] }): HyperFormula {
  if (!registered) {
    HyperFormula.registerFunctionPlugin(PlanPlugin, translations);
    registered = true;
  }
  const read: Sheets = Object.fromEntries(Object.entries(sheets).map(([name, rows]) => [name, rows.map((row) => row.map(readCell))]));
  return HyperFormula.buildFromSheets(read, { licenseKey: 'gpl-v3', useArrayArithmetic: true, undoLimit: 0 });
}
