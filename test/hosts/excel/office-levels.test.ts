import { readFileSync } from 'node:fs';
import { officeLevels, OUTPUT, render } from '../../../scripts/office-levels';
import { conditionLevel, levelOf, OFFICE_LEVELS } from '../../fakes/officeLevels';

const levels = officeLevels();

test("the committed requirement-set table is what Microsoft's installed typings give today", () => {
  expect(readFileSync(OUTPUT, 'utf8')).toBe(render(levels));
});

test('a tag is read as its first set; the conditions after it stay in the text', () => {
  expect(levels['Excel.Worksheet.getRangeByIndexes']).toBe('ExcelApi 1.7');
  expect(levels['Excel.Worksheet.pageLayout']).toBe('ExcelApi 1.9');
  expect(levels['CustomFunctions.ErrorCode.invalidValue']).toBe('CustomFunctionsRuntime 1.3');
  expect(levels['Excel.TableRowCollection.add']).toMatch(/^ExcelApi 1\.1 for adding a single row; 1\.4 allows adding of multiple rows/);
  expect(levelOf(levels['Excel.TableRowCollection.add'])).toEqual({ name: 'ExcelApi', version: '1.1' });
  expect(levelOf('ExcelApi 1.1 for get, 1.8 for set')).toEqual({ name: 'ExcelApi', version: '1.1' });
  expect(() => levelOf('All support Read mode')).toThrow(/unreadable/);
  expect(conditionLevel('Excel.TableRowCollection.add', 'multiple rows')).toBe('1.4');
  expect(conditionLevel('Excel.Worksheet.visibility', 'setting')).toBe('1.2');
  expect(() => conditionLevel('Excel.Worksheet.getRangeByIndexes', 'multiple rows')).toThrow(/no level/);
  expect(OFFICE_LEVELS).toEqual(levels); // what the fakes read is the committed table
});
