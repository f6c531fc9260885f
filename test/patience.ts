/**
 * How long a test waits for a process, a browser page or LibreOffice before calling it hung, set here and nowhere
 * else (jest's own limit is in jest.config.js). Sized for a loaded 2-core machine (issue 32): under `npm run test:load`
 * a hostile `plan` call that ends in 2 s idle took over 10 s. No test asserts how fast anything is; `npm run bench`
 * measures that.
 */
export const PATIENCE_MS = 300_000;
