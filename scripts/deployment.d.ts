/** Types of scripts/deployment.js (plain JavaScript, required by webpack.config.js). */
export interface Deployment {
  base: string;
  officeJs: string;
  metaCsp: string;
  headerCsp: string;
  manifest(xml: string): string;
}
export function deployment(env?: { base?: string; officejs?: string; frameAncestors?: string }): Deployment;
export function normalizeBase(base?: string): string;
export const DEV_BASE: string;
export const OFFICE_CDN: string;
