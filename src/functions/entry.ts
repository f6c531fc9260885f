/* global CustomFunctions, Office */
// Loaded by taskpane.html (shared runtime) and as functions.js (the manifest's script): registers PLAN.* with Excel.
import { registerFunctions } from './functions';

if (typeof CustomFunctions !== 'undefined') {
  registerFunctions();
  if (typeof Office !== 'undefined') void Office.onReady(() => registerFunctions());
}
