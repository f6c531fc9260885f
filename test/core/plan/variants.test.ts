import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, variantPairs } from '../../../scripts/gen-variants';

test('the committed traditional → simplified table is what OpenCC gives today', () => {
  const committed = readFileSync(join(__dirname, '..', '..', '..', 'src', 'core', 'plan', 'variants.generated.ts'), 'utf8');
  expect(committed).toBe(render(variantPairs()));
});

test('in the browser panes the pairs arrive with the data: names compare with them once they are set, not before', () => {
  jest.isolateModules(() => {
    // As webpack swaps it in for the panes (scripts/data-json.js).
    jest.doMock('../../../src/core/plan/variants.generated', () => jest.requireActual('../../../src/core/plan/variants.generated.browser'));
    const { toSimplified } = require('../../../src/core/plan/normalize') as typeof import('../../../src/core/plan/normalize');
    const { setVariantPairs } =
      require('../../../src/core/plan/variants.generated.browser') as typeof import('../../../src/core/plan/variants.generated.browser');
    const { VARIANT_PAIRS } = jest.requireActual(
      '../../../src/core/plan/variants.generated',
    ) as typeof import('../../../src/core/plan/variants.generated');
    expect(toSimplified('贛州高新技術企業')).toBe('贛州高新技術企業'); // not yet: the data has not come
    setVariantPairs(VARIANT_PAIRS);
    expect(toSimplified('贛州高新技術企業')).toBe('赣州高新技术企业');
  });
});
