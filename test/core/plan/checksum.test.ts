import { fnv1a64 } from '../../../src/core/plan/dataset';

// Published FNV-1a 64-bit test vectors (offset basis cbf29ce484222325, prime 100000001b3), over 8-bit input,
// which equals our UTF-16 code-unit reading for ASCII text.
test.each([
  ['', 'cbf29ce484222325'],
  ['a', 'af63dc4c8601ec8c'],
  ['foobar', '85944171f73967e8'],
])('FNV-1a 64 of %j is %s', (text, hash) => {
  expect(fnv1a64(text)).toBe(hash);
});

test('code units above 0xff enter whole, as BigInt arithmetic would compute them', () => {
  // Reference computed with BigInt: h ^= code unit; h = h * prime mod 2^64.
  let h = 0xcbf29ce484222325n;
  const text = '赣州高新技术企业\uffff';
  for (let i = 0; i < text.length; i++) h = ((h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  expect(fnv1a64(text)).toBe(h.toString(16).padStart(16, '0'));
});
