/**
 * The legacy pane: plain DOM for the webviews that cannot run React 19 and Fluent UI 9 — IE11 (Trident) in
 * volume-licensed Office 2016/2019 and EdgeHTML in some retail builds. Those Excel versions have no custom
 * functions, so it offers what they can do: pick a region, insert its table as plain values and ordinary
 * formulas (flags where ExcelApi 1.6 is there), refresh, and the portable workbook.
 *
 * Same core, same layout, same host adapter (`PaneActions`) as the React pane; only the rendering differs.
 * Compiled to ES5 with the polyfills IE11 needs (see webpack.config.js); uses only DOM APIs IE11 has.
 */
import { targetText } from '../../core/plan/rows';
import { baseYearOf, describePeriod, isSeedPeriod, periodOf } from '../../core/plan/model';
import type { Lang, Plan } from '../../core/plan/plan';
import type { PaneActions } from '../shared/actions';
import type { EarlyQueue } from '../startup/early';
import { describeDataSource, type DataSource } from '../shared/dataSource';
import { errorText, type Notice } from '../shared/messages';
import { strings } from '../shared/i18n';
import { applyRefresh, beforeRefresh } from './refresh';
import { appendSelfTest } from './selfTest';

const WORDS = {
  zh: {
    workbook: '下载便携工作簿（WPS、LibreOffice 及任何 Excel 可用）',
    plainOnly: '插入方式：普通数值与公式',
    busy: '正在处理…',
  },
  en: {
    workbook: 'Download the portable workbook (WPS, LibreOffice, any Excel)',
    plainOnly: 'Inserted as plain values and formulas',
    busy: 'Working…',
  },
};

function el(tag: string, attrs: Record<string, string>, text?: string): HTMLElement {
  const e = document.createElement(tag);
  for (const k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
  if (text !== undefined) e.appendChild(document.createTextNode(text));
  return e;
}

export interface LegacyOptions {
  plan: Plan;
  actions: PaneActions;
  lang: Lang;
  /** Why the linked mode is missing here (always shown: these hosts have no PLAN functions). */
  why: string;
  /** Where the portable workbook is served, relative to the page. */
  workbookUrl: string;
  /** Which data is in use (./source.ts): a published package or the compiled-in data; `plan` is its plan. */
  source: DataSource;
  /**
   * The static first screen's queue (startup.js, src/panes/startup/early.ts): the pane starts with the region chosen
   * there and performs the click kept there, once.
   */
  early?: EarlyQueue;
}

/**
 * The top of the pane — title, why, region select, insert buttons — as data: renderLegacy draws it with the DOM, and
 * the build draws it as the page's static legacy screen (./firstScreen.ts), so the two cannot drift apart.
 */
export interface LegacyTop {
  lang: Lang;
  title: string;
  why: string;
  regionLabel: string;
  /** Every plan (a published package may hold a plan of another period), each named by its reference (Plan.refOf). */
  options: { value: string; label: string }[];
  /** The region shown first: the last of the plans in force (the province's follows the cities'). */
  selected: string;
  plainOnly: string;
  /** The buttons as the pane shows them at first (overwrite appears only after a refresh). */
  buttons: { action: 'insert' | 'insert-all' | 'refresh'; text: string }[];
}

export function legacyTop(plan: Plan, lang: Lang, why: string): LegacyTop {
  const t = strings(lang);
  const options = plan.allRegions().map((r) => {
    const p = periodOf(r);
    const label = `${lang === 'zh' ? `${r.name} — ${r.planTitle}` : r.en || r.name}${isSeedPeriod(p) ? '' : ` (${describePeriod(p)})`}`;
    return { value: plan.refOf(r), label };
  });
  const main = plan.regions();
  return {
    lang,
    title: t.title,
    why,
    regionLabel: t.region,
    options,
    selected: plan.refOf(main[main.length - 1]),
    plainOnly: WORDS[lang].plainOnly,
    buttons: [
      { action: 'insert', text: t.insertNew },
      { action: 'insert-all', text: t.allRegions },
      { action: 'refresh', text: t.refresh },
    ],
  };
}

/** Render the pane into `root`; returns nothing, the DOM is the state. */
export function renderLegacy(root: HTMLElement, o: LegacyOptions): void {
  const t = strings(o.lang);
  const w = WORDS[o.lang];
  // Every plan (a published package may hold a plan of another period), each named by its reference (Plan.refOf).
  const regions = o.plan.allRegions();
  const top = legacyTop(o.plan, o.lang, o.why);
  // What the static first screen shows chosen, read before this render replaces it.
  const chosen = o.early ? o.early.choice() : {};
  root.innerHTML = '';
  const pane = el('div', { class: 'pane legacy', lang: o.lang === 'zh' ? 'zh-CN' : 'en', 'data-pane': 'legacy' });
  root.appendChild(pane);
  pane.appendChild(el('h1', {}, top.title));
  pane.appendChild(el('p', { class: 'why', 'data-why': '' }, top.why));

  const label = el('label', { for: 'legacy-region' }, top.regionLabel);
  const select = el('select', { id: 'legacy-region', 'data-region': '' }) as HTMLSelectElement;
  const known: Record<string, boolean> = {};
  for (let i = 0; i < top.options.length; i++) {
    select.appendChild(el('option', { value: top.options[i].value }, top.options[i].label) as HTMLOptionElement);
    known[top.options[i].value] = true;
  }
  select.value = chosen.region && known[chosen.region] ? chosen.region : top.selected;
  pane.appendChild(label);
  pane.appendChild(select);
  pane.appendChild(el('p', { class: 'plan-meta' }, top.plainOnly));
  // The plan's document, seed file and data version are for whoever checks a figure: behind a toggle (IE11 has no
  // <details>), except a refused package, which the person must see.
  const about = el('div', { class: 'about', 'data-about': '', style: 'display:none' });
  const aboutToggle = el('a', { href: '#', class: 'plan-meta about-toggle', 'data-action': 'about' }, `${t.aboutData} ▸`);
  const meta = el('p', { class: 'plan-meta' });
  about.appendChild(meta);
  // Which data is in use: version, date, compiled-in or published, and why a package beside the page was refused.
  const dataLine = el(
    'p',
    o.source.refused
      ? { class: 'plan-meta data-source error', 'data-source': o.source.kind, 'data-refused': '', style: 'color:#9c0006' }
      : { class: 'plan-meta data-source', 'data-source': o.source.kind },
    describeDataSource(o.source, o.lang),
  );

  const buttons = el('div', { class: 'buttons' });
  const byAction: Record<string, HTMLButtonElement> = {};
  for (let i = 0; i < top.buttons.length; i++) {
    const b = el('button', { type: 'button', 'data-action': top.buttons[i].action }, top.buttons[i].text) as HTMLButtonElement;
    byAction[top.buttons[i].action] = b;
    buttons.appendChild(b);
  }
  const insert = byAction['insert'];
  const insertAll = byAction['insert-all'];
  const refresh = byAction['refresh'];
  // Shown after a refresh that kept hand edits: the person may choose to replace them with the plan's figures.
  const overwrite = el('button', { type: 'button', 'data-action': 'overwrite', style: 'display:none' }, t.overwrite) as HTMLButtonElement;
  buttons.appendChild(overwrite);
  pane.appendChild(buttons);
  const notice = el('div', { class: 'notice', role: 'status' });
  pane.appendChild(notice);
  if (o.source.refused) pane.appendChild(dataLine);
  else about.appendChild(dataLine);
  pane.appendChild(aboutToggle);
  pane.appendChild(about);
  aboutToggle.addEventListener('click', (ev) => {
    ev.preventDefault();
    const open = about.style.display === 'none';
    about.style.display = open ? '' : 'none';
    aboutToggle.innerHTML = '';
    aboutToggle.appendChild(document.createTextNode(`${t.aboutData} ${open ? '▾' : '▸'}`));
  });
  // Before a refresh that brings other data than the tables used: what changed, then confirm or cancel.
  // Styled inline: the page's style sheet (taskpane.html) is the modern pane's too.
  const ask = el('div', {
    class: 'ask',
    role: 'dialog',
    'data-ask': '',
    style: 'display:none;border:1px solid #c8c6c4;padding:6px 8px;margin:0 0 8px;font-size:12px',
  });
  const askText = el('p', {});
  const askList = el('ul', { class: 'changes' });
  const askButtons = el('div', { class: 'buttons' });
  const confirm = el('button', { type: 'button', 'data-action': 'confirm' }, t.refresh) as HTMLButtonElement;
  const cancel = el('button', { type: 'button', 'data-action': 'cancel' }, t.cancel) as HTMLButtonElement;
  askButtons.appendChild(confirm);
  askButtons.appendChild(cancel);
  ask.appendChild(askText);
  ask.appendChild(askList);
  ask.appendChild(askButtons);
  pane.appendChild(ask);
  pane.appendChild(el('p', {}));
  pane.lastChild!.appendChild(el('a', { href: o.workbookUrl, download: '', 'data-workbook': '' }, w.workbook));
  // The colours the sheet uses, as swatches beside their meaning.
  const legend = el('p', { class: 'legend' });
  const swatch = (fill: string, text: string): void => {
    legend.appendChild(el('span', { class: 'swatch', style: `background:${fill}` }));
    legend.appendChild(document.createTextNode(` ${text}; `));
  };
  swatch('#ffeb9c', t.legendAmber);
  swatch('#ffc7ce', t.legendRed);
  legend.appendChild(document.createTextNode(t.legendRank));
  pane.appendChild(legend);
  const table = el('table', { class: 'region-table' });
  pane.appendChild(table);

  const show = (n: Notice): void => {
    notice.innerHTML = '';
    if (!n) {
      notice.removeAttribute('data-notice');
      notice.className = 'notice';
      return;
    }
    notice.setAttribute('data-notice', n.kind);
    notice.className = `notice ${n.kind}`;
    notice.appendChild(document.createTextNode(n.text));
  };
  const showAsk = (text: string, items: string[]): void => {
    askText.innerHTML = '';
    askText.appendChild(document.createTextNode(text));
    askList.innerHTML = '';
    for (let i = 0; i < items.length; i++) askList.appendChild(el('li', {}, items[i]));
    ask.style.display = '';
  };
  const hideAsk = (): void => {
    ask.style.display = 'none';
  };

  const drawRegion = (): void => {
    const region = o.plan.regionByRef(select.value);
    const period = periodOf(region);
    const baseYear = baseYearOf(period);
    meta.innerHTML = '';
    meta.appendChild(
      document.createTextNode(
        `${region.planTitle}${region.issuingNumber ? `（${region.issuingNumber}）` : ''} · ${region.seed} · ${t.version(o.plan.dataset.version)}`,
      ),
    );
    table.innerHTML = '';
    const head = el('tr', {});
    const headers = [t.indicator, t.unit, String(baseYear), o.lang === 'zh' ? `${period.target}年目标` : `${period.target} target`];
    for (let i = 0; i < headers.length; i++) head.appendChild(el('th', {}, headers[i]));
    table.appendChild(head);
    for (let i = 0; i < region.entries.length; i++) {
      const e = region.entries[i];
      const tr = el('tr', { 'data-indicator': e.indicator.id });
      tr.appendChild(el('td', {}, o.lang === 'zh' ? e.name : e.indicator.en));
      tr.appendChild(el('td', {}, o.lang === 'en' && e.unit === e.indicator.unit ? e.indicator.unitEn : e.unit));
      const b = e.values[baseYear];
      tr.appendChild(el('td', {}, b ? b.raw : ''));
      tr.appendChild(el('td', {}, targetText(e)));
      table.appendChild(tr);
    }
  };

  const all = [insert, insertAll, refresh, overwrite, confirm, cancel];
  const enable = (on: boolean): void => {
    for (let i = 0; i < all.length; i++) all[i].disabled = !on;
  };
  const attempt = (op: () => Promise<Notice>): void => {
    enable(false);
    hideAsk();
    show({ kind: 'info', text: w.busy });
    op().then(
      (n) => {
        enable(true);
        show(n);
      },
      (e: unknown) => {
        enable(true);
        show({ kind: 'error', text: errorText(e, o.lang) });
      },
    );
  };
  // Whether every table in the workbook was inserted here from the data in use: the workbook held none when the pane
  // opened. Then refresh need not ask which data they used, which a host without records cannot say.
  let startedEmpty = false;
  if (o.actions.recordedTables)
    o.actions.recordedTables().then(
      (r) => {
        startedEmpty = r.length === 0;
      },
      () => undefined,
    );
  let insertedHere = false;
  const inserted = (text: string): Notice => {
    insertedHere = startedEmpty;
    return { kind: 'success', text: t.inserted(text) };
  };

  select.addEventListener('change', () => {
    drawRegion();
    show(null); // a notice speaks of the region it was given for
    hideAsk();
  });
  insert.addEventListener('click', () => attempt(() => o.actions.insertNew([select.value], 'plain').then(inserted)));
  // Insert all: a region already in the workbook is not inserted twice; the notice names the ones skipped.
  insertAll.addEventListener('click', () =>
    attempt(() =>
      (o.actions.recordedTables ? o.actions.recordedTables() : Promise.resolve([])).then((recorded) => {
        const present: Record<string, boolean> = {};
        for (let i = 0; i < recorded.length; i++) if (recorded[i].ref) present[recorded[i].ref as string] = true;
        const todo: string[] = [];
        const skipped: string[] = [];
        for (let i = 0; i < regions.length; i++) {
          const ref = o.plan.refOf(regions[i]);
          if (present[ref]) skipped.push(o.lang === 'zh' ? regions[i].name : regions[i].en || regions[i].name);
          else todo.push(ref);
        }
        const done: Promise<Notice> = todo.length
          ? o.actions.insertNew(todo, 'plain').then(inserted)
          : Promise.resolve({ kind: 'info', text: t.nothingNew } as Notice);
        return done.then((n): Notice => (skipped.length && n ? { kind: 'info', text: `${n.text} ${t.skipped(skipped)}` } : n));
      }),
    ),
  );
  // Refresh, then offer to replace the hand edits it kept (only when the person asks).
  const apply = (overwriteEdits: boolean): Promise<Notice> =>
    applyRefresh(o.actions, o.source, o.lang, overwriteEdits).then((r) => {
      overwrite.style.display = r.edits.length ? '' : 'none';
      return r.edits.length ? { kind: 'warning', text: `${r.notice.text} ${t.askOverwrite(r.edits)}` } : r.notice;
    });
  // First what changed since the tables' data version, to confirm; older data than the workbook's is refused.
  refresh.addEventListener('click', () =>
    attempt(() =>
      beforeRefresh(o.actions, o.source, o.lang, insertedHere).then((before): Notice | Promise<Notice> => {
        if (!before) return apply(false);
        if (before.kind === 'refused') return { kind: 'error', text: before.text };
        showAsk(before.text, before.items);
        return null;
      }),
    ),
  );
  confirm.addEventListener('click', () => attempt(() => apply(false)));
  cancel.addEventListener('click', () => {
    hideAsk();
    show(null);
  });
  overwrite.addEventListener('click', () => attempt(() => apply(true)));
  drawRegion();
  appendSelfTest(pane, o.actions, o.lang);
  // A click on the static first screen before this render: performed now, once, on the region chosen then.
  const click = o.early ? o.early.take() : null;
  if (click && byAction[click.action]) {
    if (click.region && known[click.region] && click.region !== select.value) {
      select.value = click.region;
      drawRegion();
    }
    byAction[click.action].click();
  }
}
