/* global Office */
// Loaded by taskpane.html (shared runtime) and as functions.js (the manifest's script): registers PLAN.* with Excel
// once, at load, as Excel expects; results follow Office's display language once Office is ready.
import { registerFunctions } from './functions';
import { setLanguage } from './impl';

registerFunctions();
if (typeof Office !== 'undefined') void Office.onReady(() => setLanguage(Office.context?.displayLanguage));
