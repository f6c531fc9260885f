/**
 * docs/wps-api-audit.md is what scripts/wps-audit.ts makes of src/hosts/wps/et.ts and the installed wps-jsapi typings:
 * a member added to et.ts, or a new wps-jsapi, changes the page (npm run gen:wps-audit).
 */
import { readFileSync } from 'node:fs';
import { audit, OUTPUT } from '../../../scripts/wps-audit';

test('the committed WPS API audit is current', () => {
  expect(readFileSync(OUTPUT, 'utf8')).toBe(audit());
});

test('it tells declared members, members typed otherwise, and calls the typings lack', () => {
  const page = audit();
  expect(page).toMatch(/\| ActiveCell \| `ActiveCell: EtRange` \| `ActiveCell: EtRange` \| ✓ \|/);
  expect(page).toMatch(/\| Value2 \| .*`Value2: number` \| 不同 \/ differs \|/);
  expect(page).toMatch(/`wps.AddCustomFunction\(namespace, name, fn\)` \| src\/hosts\/wps\/functions.ts \| \*\*未声明 \/ not declared\*\*/);
  expect(page).toMatch(/## EtCustomXMLPart → Kso.KsoCustomXMLPart/);
});
