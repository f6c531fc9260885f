/// <reference types="wps-jsapi" />
/**
 * src/hosts/wps/et.ts restates the ET members the adapter uses with their run-time shapes. This file checks, when it is
 * type-checked (`tsc --noEmit`, the typecheck step of `npm test`, fails otherwise), that every member named there exists under the same
 * name in the published `wps-jsapi` typings — so a misspelt or invented member cannot reach WPS.
 */
import { readFileSync } from 'node:fs';
import type * as Mine from '../../../src/hosts/wps/et';
import { bgr, grid, rgbHex } from '../../../src/hosts/wps/et';

/** Compiles only when T is never: the member names of M missing from W. */
type NoneMissing<T extends never> = T;
type Missing<M, W> = Exclude<keyof M, keyof W>;

export type Checks = [
  NoneMissing<Missing<Mine.EtApplication, Et.EtApplication>>,
  NoneMissing<Missing<Mine.EtWorkbook, Et.EtWorkbook>>,
  NoneMissing<Missing<Mine.EtSheets, Et.EtSheets>>,
  NoneMissing<Missing<Mine.EtWorksheet, Et.EtWorksheet>>,
  NoneMissing<Missing<Mine.EtRange, Et.EtRange>>,
  NoneMissing<Missing<Mine.EtInterior, Et.EtInterior>>,
  NoneMissing<Missing<Mine.EtFont, Et.EtFont>>,
  NoneMissing<Missing<Mine.EtFormatConditions, Et.EtFormatConditions>>,
  NoneMissing<Missing<Mine.EtFormatCondition, Et.EtFormatCondition>>,
  NoneMissing<Missing<Mine.EtListObjects, Et.EtListObjects>>,
  NoneMissing<Missing<Mine.EtListObject, Et.EtListObject>>,
  NoneMissing<Missing<Mine.EtWindow, Et.EtWindow>>,
  NoneMissing<Missing<Mine.EtCustomXMLParts, Kso.KsoCustomXMLParts>>,
  NoneMissing<Missing<Mine.EtCustomXMLPart, Kso.KsoCustomXMLPart>>,
];

// Where our shapes differ from wps-jsapi's on purpose (object-returning methods declared void there).
type ReturnsVoid<F> = F extends (...args: never[]) => infer R ? ([R] extends [void] ? true : false) : false;
export type Differences = [ReturnsVoid<Et.EtRange['Resize']>, ReturnsVoid<Et.EtWorksheet['Range']>, ReturnsVoid<Et.EtListObjects['Add']>];
const differences: Differences = [true, true, true];

test('wps-jsapi declares the object-returning methods void, which is why et.ts restates them', () => {
  expect(differences).toEqual([true, true, true]);
  const src = readFileSync(require.resolve('wps-jsapi/src/lib.et.d.ts'), 'utf8');
  expect(src).toMatch(/Resize\(RowSize\?: any, ColumnSize\?: any, RHS\?: EtRange\): void;/);
});

test('wps-jsapi has CreateTaskPane (the ribbon opens the pane with it)', () => {
  const src = readFileSync(require.resolve('wps-jsapi/src/index.d.ts'), 'utf8');
  expect(src).toMatch(/export function CreateTaskPane\(url: string/);
});

test('colours are BGR longs, cell blocks rows of columns', () => {
  expect(bgr('FF0000')).toBe(0x0000ff);
  expect(bgr('#FFC7CE')).toBe(0xcec7ff);
  expect(() => bgr('red')).toThrow();
  expect(rgbHex(bgr('FFC7CE'))).toBe('#FFC7CE');
  expect(grid(5)).toEqual([[5]]);
  expect(grid([[1, 2]])).toEqual([[1, 2]]);
  expect(grid([1, 2])).toEqual([[1, 2]]);
});
