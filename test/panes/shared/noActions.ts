/** Pane actions for a pane rendered to a string (no host): any call is a test failure. */
import type { PaneActions } from '../../../src/panes/shared/actions';

const never = (): Promise<never> => Promise.reject(new Error('not called'));

export const noActions: PaneActions = {
  insertNew: never,
  insertHere: never,
  refresh: never,
  readSelection: never,
  markCells: never,
  clearMarks: never,
  writeFormula: never,
};
