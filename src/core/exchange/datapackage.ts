/**
 * The published data package: the dataset as a Frictionless Tabular Data Package (https://specs.frictionlessdata.io/),
 * a `datapackage.json` with a Table Schema per resource plus four CSV files, and the way back from such a package
 * to a dataset. Pure: no file system, no hashing library; the caller hands in file texts and a sha256 function.
 *
 *   regions.csv   one row per plan: region, period and baseline years, title, issuing number, seed file, origin …
 *   entries.csv   one row per indicator of a plan: the name and unit as written, table row, remark, 属性
 *   values.csv    one row per figure as written: role, field, year, raw text, parsed number, seed, line, quote, cell
 *   actuals.csv   official actual values by year with their source (publication, table, page or URL)
 *
 * A package edited by hand is sealed again (./packageSeal.ts): checksums, version, the edited figures' quotes marked.
 *
 * A plan is keyed by its region and period, so a region may have plans of two periods (the seed 赣州 2021-2025 and
 * an imported 赣州 2026-2030). Plans from the seeds (origin `seed`) are rebuilt by the seed rules (./dataset.ts) and
 * have the seed period; plans imported from a table (origin `table`, ./import.ts) are rebuilt by the table rules with
 * their own period and keep their file and cell as provenance.
 *
 * Reading a package refuses it whole at the first fault, naming the file, the line and the field.
 */
export * from './packageFormat';
export * from './packageWriter';
export * from './packageReader';
export * from './packageSeal';
