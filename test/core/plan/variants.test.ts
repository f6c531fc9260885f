import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, variantPairs } from '../../../scripts/gen-variants';

test('the committed traditional → simplified table is what OpenCC gives today', () => {
  const committed = readFileSync(join(__dirname, '..', '..', '..', 'src', 'core', 'plan', 'variants.generated.ts'), 'utf8');
  expect(committed).toBe(render(variantPairs()));
});
