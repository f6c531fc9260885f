import { distance } from 'fastest-levenshtein';
import { PlanError, quoteInput } from '../errors';
import type { Dataset, Entry, IndicatorDef, Region } from './model';
import { agrees, askedOf, MEASURE_WORDS, stripIgnorable } from './measure';
import { normalizeName, stripUnit } from './normalize';

/** Jiangxi's cities whose plans are not in the seeds: named so that a user hears "no plan", not "unknown". */
const CITIES_WITHOUT_PLAN: [string, string][] = [
  ['南昌', 'Nanchang'],
  ['景德镇', 'Jingdezhen'],
  ['萍乡', 'Pingxiang'],
  ['新余', 'Xinyu'],
  ['鹰潭', 'Yingtan'],
  ['宜春', 'Yichun'],
  ['抚州', 'Fuzhou'],
];

/** Extra ways people name the five regions: official abbreviation, pinyin without apostrophe, "全省". */
const REGION_ALIASES: Record<string, string[]> = {
  江西: ['赣', '全省', 'jiangxi province', 'jx'],
  九江: ['jiujiang city'],
  吉安: ['jian', "ji'an city"],
  上饶: ['shangrao city'],
  赣州: ['ganzhou city', 'gz'],
};

const MAX_CACHE = 20000;
/** The id prefix of an indicator defined by an imported table's row (`importedIndicator` in core/exchange/import.ts). */
const IMPORTED = 'imported:';
/**
 * Words that name several indicators of a plan but have one common reading, which wins with a note.
 * A bare "R&D" / "研发" (研究与试验发展) means R&D intensity — R&D expenditure as a share of GDP (研发投入强度) —
 * the headline indicator of every 十四五 S&T plan and the only R&D indicator all five plans here share.
 */
const COMMON_READINGS: Record<string, string> = { 'r&d': 'rd_intensity' };

/** Longer input is not a name; refusing it early keeps every lookup fast. */
const MAX_NAME_LENGTH = 120;
const MAX_CANDIDATES = 5;
/** Suggestions compare at most this many characters: enough to tell names apart, cheap for long input. */
const SUGGEST_LENGTH = 24;

/** "赣州市" and "江西省" are typed with and without their suffix. */
function regionKey(s: string): string {
  return normalizeName(s).replace(/(?:省|市|city|province)$/, '');
}

/** A key people could type, and the indicator it stands for. */
interface Key {
  key: string;
  id: string;
}

/** The indicator names of a dataset, normalised and indexed for exact, partial and closest matching. */
interface IndicatorIndex {
  indicatorKeys: Key[];
  /** Keys by each character they contain, and by their first character: partial matching looks only there. */
  keysWithChar: Map<string, Key[]>;
  keysStartingWith: Map<string, Key[]>;
  exactIndicator: Map<string, Set<string>>;
  catalogue: Map<string, IndicatorDef>;
  /** Per region, each entry with the normalised names it is known by: the pool for "closest" suggestions. */
  suggestionPool: Map<string, { e: Entry; keys: string[] }[]>;
}

function indicatorIndex(dataset: Dataset): IndicatorIndex {
  const ix: IndicatorIndex = {
    indicatorKeys: [],
    keysWithChar: new Map(),
    keysStartingWith: new Map(),
    exactIndicator: new Map(),
    catalogue: new Map(),
    suggestionPool: new Map(),
  };
  for (const r of dataset.regions)
    ix.suggestionPool.set(
      r.name,
      r.entries.map((e) => ({
        e,
        keys: [e.name, e.indicator.zh, ...e.indicator.aliases].map((t) => normalizeName(stripUnit(t)).slice(0, SUGGEST_LENGTH)),
      })),
    );
  const add = (text: string, id: string): void => {
    const key = normalizeName(stripUnit(text));
    if (!key) return;
    let ids = ix.exactIndicator.get(key);
    if (!ids) {
      ids = new Set();
      ix.exactIndicator.set(key, ids);
      const k = { key, id };
      ix.indicatorKeys.push(k);
      for (const ch of new Set(key)) push(ix.keysWithChar, ch, k);
      push(ix.keysStartingWith, [...key][0], k);
    }
    ids.add(id);
  };
  for (const d of dataset.catalogue) {
    ix.catalogue.set(d.id, d);
    for (const t of [d.id, d.zh, d.en, ...d.aliases]) add(t, d.id);
  }
  for (const r of dataset.regions) for (const e of r.entries) add(e.name, e.indicator.id);
  return ix;
}

/**
 * Resolves the names people type to the regions and indicators of one dataset, forgivingly but never by
 * guessing: exact (after normalisation) or an unambiguous partial name, else an error naming the closest.
 * Results are cached per spelling, so repeated formulas cost a map lookup.
 */
export class Resolver {
  private readonly regionKeys = new Map<string, Region>();
  private readonly noPlanKeys = new Map<string, [string, string]>();
  /**
   * The indicator names, normalised and indexed: built on the first indicator asked for, not with the resolver.
   * Normalising every name of the catalogue and the plans is most of a Plan's cost, and a task pane's first screen
   * (regions only) does not need it (issue 30: ready at once).
   */
  private built?: IndicatorIndex;
  private readonly entryIndex = new Map<string, Map<string, Entry>>();
  private readonly regionCache = new Map<string, Region | PlanError>();
  private readonly indicatorCache = new Map<string, Entry | PlanError>();
  /** Notes for names read by their common meaning, per region and spelling. */
  private readonly readings = new Map<string, { zh: string; en: string }>();
  /** The regions' names (normalised), which a name may carry without changing the measure. */
  private readonly regionWords: string[];
  /** The regions' short names only (吉安, not 吉安市). */
  private readonly regionNames: string[];

  constructor(private readonly dataset: Dataset) {
    for (const r of dataset.regions) {
      for (const k of [r.name, r.fullName, r.en, ...(REGION_ALIASES[r.name] ?? [])]) this.regionKeys.set(regionKey(k), r);
      this.entryIndex.set(r.name, new Map(r.entries.map((e) => [e.indicator.id, e])));
    }
    this.regionWords = unique(
      [...dataset.regions.flatMap((r) => [r.fullName, r.name]), ...CITIES_WITHOUT_PLAN.flatMap(([zh]) => [`${zh}市`, zh])].map(
        normalizeName,
      ),
    ).sort((a, b) => b.length - a.length);
    this.regionNames = dataset.regions.map((r) => normalizeName(r.name));
    for (const [zh, py] of CITIES_WITHOUT_PLAN) {
      this.noPlanKeys.set(regionKey(zh), [zh, py]);
      this.noPlanKeys.set(regionKey(py), [zh, py]);
    }
  }

  private get ix(): IndicatorIndex {
    return (this.built ??= indicatorIndex(this.dataset));
  }

  /** The region a person means by `input`, or a PlanError saying why there is none. */
  region(input: string): Region {
    return cached(this.regionCache, input, () => this.findRegion(input));
  }

  /** The entry of `region`'s plan that a person means by `input`, or a PlanError saying why there is none. */
  entry(region: Region, input: string): Entry {
    return cached(this.indicatorCache, `${region.name}\u0000${input}`, () => this.findEntry(region, input));
  }

  /**
   * When `input` named several indicators of `region`'s plan and was read by its common meaning (COMMON_READINGS),
   * a note saying so and naming the other readings; otherwise undefined. Resolves `input` first.
   */
  reading(region: Region, input: string): { zh: string; en: string } | undefined {
    this.entry(region, input);
    return this.readings.get(`${region.name}\u0000${input}`);
  }

  /** The catalogue indicator a name (unit in parentheses allowed) names exactly, after normalisation; undefined when none or several. */
  catalogueMatch(name: string): IndicatorDef | undefined {
    const ids = [...(this.ix.exactIndicator.get(normalizeName(stripUnit(name))) ?? [])];
    return ids.length === 1 ? this.ix.catalogue.get(ids[0]) : undefined;
  }

  /** Both at once, the way every PLAN function starts. */
  lookup(regionInput: string, indicatorInput: string): Entry {
    return this.entry(this.region(regionInput), indicatorInput);
  }

  /** The normalised names an indicator is known by. */
  private namesOf(id: string): string[] {
    return this.ix.indicatorKeys.filter((k) => k.id === id).map((k) => k.key);
  }

  private def(id: string): IndicatorDef {
    return this.ix.catalogue.get(id) as IndicatorDef;
  }

  /** Known names that contain `key`: looked for among the names holding its rarest character. */
  private containing(key: string): Key[] {
    if ([...key].length < 2) return [];
    let pool: Key[] = this.ix.indicatorKeys;
    for (const ch of new Set(key)) {
      const withCh = this.ix.keysWithChar.get(ch) ?? [];
      if (withCh.length < pool.length) pool = withCh;
    }
    return pool.filter((k) => k.key.includes(key));
  }

  /**
   * Known names inside `key` whose leftover (before and after) may be ignored; with `any`, every known name of two
   * or more characters inside it, longest first, whatever is left over.
   */
  private inside(key: string, any = false): Key[] {
    const found: Key[] = [];
    for (const ch of new Set(key)) {
      for (const k of this.ix.keysStartingWith.get(ch) ?? []) {
        const at = k.key.length >= 2 ? key.indexOf(k.key) : -1;
        if (at < 0) continue;
        const rest = [key.slice(0, at), key.slice(at + k.key.length)];
        if (any || rest.every((x) => stripIgnorable(x, this.regionWords) === '')) found.push(k);
      }
    }
    return found.sort((a, b) => b.key.length - a.key.length);
  }

  private findRegion(input: string): Region {
    tooLong(input, '地区', 'region');
    const key = regionKey(input);
    const names = this.dataset.regions.map((r) => r.name);
    const namesEn = this.dataset.regions.map((r) => r.en).join(', ');
    if (!key) {
      throw new PlanError('BAD_ARGUMENT', `请填写地区，可选：${names.join('、')}`, `Give a region: one of ${namesEn}`, names);
    }
    const exact = this.regionKeys.get(key);
    if (exact) return exact;
    const noPlan = this.noPlanKeys.get(key);
    if (noPlan) {
      throw new PlanError(
        'NO_PLAN',
        `${noPlan[0]}市的“十四五”科技创新规划不在本数据中；可选：${names.join('、')}`,
        `The plan of ${noPlan[1]} is not in this dataset; available: ${namesEn}`,
        names,
      );
    }
    const partial = new Set<Region>();
    for (const [k, r] of this.regionKeys) if (k.length > 1 && (k.startsWith(key) || key.startsWith(k))) partial.add(r);
    if (partial.size === 1) return [...partial][0];
    const shown = quoteInput(input);
    if (partial.size > 1) {
      const c = [...partial].map((r) => r.name);
      const en = [...partial].map((r) => r.en);
      throw new PlanError(
        'AMBIGUOUS_REGION',
        `地区“${shown}”不明确：${c.join('、')}？`,
        `Region "${shown}" is ambiguous: ${en.join(', ')}?`,
        c,
      );
    }
    // By edit distance first; among equals, the name closest in length ("赣洲" → 赣州 before 江西's one-character 赣).
    const ranked = [...this.regionKeys]
      .map(([k, r]) => ({ r, d: distance(k, key), len: Math.abs(k.length - key.length) }))
      .sort((a, b) => a.d - b.d || a.len - b.len);
    const closest = [...new Set(ranked.map((x) => x.r))].slice(0, 3);
    const c = closest.map((r) => r.name);
    throw new PlanError(
      'UNKNOWN_REGION',
      `未知地区“${shown}”；是否指：${c.join('、')}？`,
      `Unknown region "${shown}"; did you mean ${closest.map((r) => r.en).join(', ')}?`,
      c,
    );
  }

  private findEntry(region: Region, input: string): Entry {
    tooLong(input, '指标名称', 'indicator name');
    const entries = this.entryIndex.get(region.name) ?? new Map<string, Entry>();
    const key = normalizeName(stripUnit(input));
    const shown = quoteInput(input);
    if (!key) {
      throw new PlanError(
        'BAD_ARGUMENT',
        `请填写指标名称，例如“${region.entries[0]?.name ?? '高新技术企业'}”`,
        `Give an indicator name, e.g. "${region.entries[0]?.indicator.en ?? 'High-tech enterprises'}"`,
      );
    }
    const inRegion = (ids: Iterable<string>): string[] => [...ids].filter((id) => entries.has(id));
    const asked = askedOf(key);
    const bare = stripIgnorable(key, this.regionWords);
    const agreeing = (ks: Key[]): string[] => unique(ks.map((k) => k.id)).filter((id) => agrees(asked, this.def(id)));

    // 1. The name, or the name without what may be left over (region, year, unit, 数, 全社会 …), is a known name.
    // A unit in brackets after a name that ends in brackets itself: "Patents granted (all kinds)（%）".
    const twice = normalizeName(stripUnit(stripUnit(input)));
    let ids = [
      ...(this.ix.exactIndicator.get(key) ??
        this.ix.exactIndicator.get(stripIgnorable(key, this.regionWords, false)) ??
        // 吉安市工程技术研究中心: 吉安 and 市工程技术研究中心, when 吉安市 leaves no name
        this.ix.exactIndicator.get(stripIgnorable(key, this.regionNames, false)) ??
        this.ix.exactIndicator.get(bare) ??
        this.ix.exactIndicator.get(twice) ??
        []),
    ];
    if (ids.length === 0 && [...bare].length >= 2) {
      // 2. A partial name: known names that contain it, of the measure its words name.
      ids = agreeing(this.containing(bare));
      if (ids.length === 0) {
        // 3. The input says more than a name: only what may be left over, nothing that changes the measure.
        ids = unique(this.inside(key).map((k) => k.id));
      }
    }
    if (ids.length > 0) {
      const here = inRegion(ids);
      if (here.length === 1) return entries.get(here[0]) as Entry;
      const common = COMMON_READINGS[key];
      if (here.length > 1 && common && here.includes(common)) {
        const entry = entries.get(common) as Entry;
        const others = here.filter((id) => id !== common);
        this.readings.set(`${region.name}\u0000${input}`, {
          zh: `注：“${shown}”按最常见的含义读作“${entry.name}”；也可能指：${others.map((id) => (entries.get(id) as Entry).name).join('；')}`,
          en: `Note: "${shown}" was read in its common meaning, ${entry.indicator.en}; it could also mean: ${others
            .map((id) => this.ix.catalogue.get(id)?.en ?? id)
            .join('; ')}`,
        });
        return entry;
      }
      if (here.length > 1) {
        const c = here.map((id) => (entries.get(id) as Entry).name);
        throw new PlanError(
          'AMBIGUOUS_INDICATOR',
          `指标“${shown}”在${region.name}的规划中不明确：${c.join('；')}`,
          `Indicator "${shown}" is ambiguous in the plan of ${region.en}: ${here.map((id) => this.ix.catalogue.get(id)?.en ?? id).join('; ')}`,
          c.slice(0, MAX_CANDIDATES),
        );
      }
      if (ids.length === 1) {
        const def = this.ix.catalogue.get(ids[0]) as IndicatorDef;
        // Asked for a level the plan gives only as a flow over the period ("新建…100个"): name the flow, never answer it.
        const flow = region.entries.find((e) => e.indicator.definition?.flowOf === def.id);
        if (flow) {
          const said = flow.target ? `“${flow.target.raw}”（${flow.target.source.seed}:${flow.target.source.line}）` : '';
          throw new PlanError(
            'NOT_IN_PLAN',
            `${region.name}的规划没有“${def.zh}”的年末总数；只有规划期内的新增数“${flow.name}”${said}，不能当作总数。请查询“${flow.indicator.zh}”`,
            `The plan of ${region.en} gives no year-end total of "${def.en}", only a flow over the plan period, "${flow.indicator.en}"${
              flow.target ? ` ("${flow.target.raw}", ${flow.target.source.seed}:${flow.target.source.line})` : ''
            }, which is not a total. Ask for "${flow.indicator.en}"`,
            [flow.name],
          );
        }
        // An imported table may name the measure at more length ("科技型中小企业评价入库数量"): its one row of its
        // own (no catalogue indicator) that contains the name is meant, when of the same kind and when no other
        // known measure's name in it says more (专利授权量 never finds a row "发明专利授权量…").
        const around = this.containing(bare);
        const own = inRegion(agreeing(around)).filter(
          (id) =>
            id.startsWith(IMPORTED) &&
            sameKind(def, this.def(id)) &&
            !around.some((k) => k.id !== id && k.id !== def.id && this.namesOf(id).some((n) => n.includes(k.key))),
        );
        if (own.length === 1) return entries.get(own[0]) as Entry;
        const where = this.dataset.regions.filter((r) => this.entryIndex.get(r.name)?.has(def.id)).map((r) => r.name);
        throw new PlanError(
          'NOT_IN_PLAN',
          `${region.name}的规划没有“${def.zh}”指标${where.length ? `（见于：${where.join('、')}）` : ''}`,
          `The plan of ${region.en} has no "${def.en}" indicator${
            where.length
              ? ` (found in: ${this.dataset.regions
                  .filter((r) => where.includes(r.name))
                  .map((r) => r.en)
                  .join(', ')})`
              : ''
          }`,
          where,
        );
      }
    }

    const probe = key.slice(0, SUGGEST_LENGTH);
    const ranked = (this.ix.suggestionPool.get(region.name) ?? [])
      .map(({ e, keys }) => ({
        e,
        d: Math.min(...keys.map((k) => distance(k, probe) / Math.max(k.length, probe.length))) + (agrees(asked, e.indicator) ? 0 : 1),
      }))
      .sort((a, b) => a.d - b.d);
    const c = ranked.slice(0, 3).map((x) => x.e.name);
    const en = ranked
      .slice(0, 3)
      .map((x) => x.e.indicator.en)
      .join('; ');
    const said = asked.word ? MEASURE_WORDS[asked.measure ?? 'flow'] : undefined;
    // A name that says more than a known name, or names another measure, is refused: never another measure's figure.
    // Said only when every known name of this plan in or around the input is of another measure.
    const near = said ? [...this.containing(bare), ...this.inside(key, true)].filter((k) => entries.has(k.id)) : [];
    const other = near.some((k) => agrees(asked, this.def(k.id))) ? undefined : near[0];
    if (said && other) {
      const e = entries.get(other.id) as Entry;
      throw new PlanError(
        'UNKNOWN_INDICATOR',
        `${region.name}的规划中没有指标“${shown}”：“${asked.word}”指${said.zh}，而“${e.name}”不是；最接近的：${c.join('；')}`,
        `No indicator "${shown}" in the plan of ${region.en}: "${asked.word}" names ${said.en}, which "${e.indicator.en}" is not; closest: ${en}`,
        c,
      );
    }
    throw new PlanError(
      'UNKNOWN_INDICATOR',
      `${region.name}的规划中没有指标“${shown}”；最接近的：${c.join('；')}`,
      `No indicator "${shown}" in the plan of ${region.en}; closest: ${en}`,
      c,
    );
  }
}

/** Same kind and, for a count, the same sort of period: a stock's name never finds a flow counted over the period. */
function sameKind(a: IndicatorDef, b: IndicatorDef): boolean {
  return a.kind === b.kind && (a.definition?.period === 'period_total') === (b.definition?.period === 'period_total');
}

function tooLong(input: string, zh: string, en: string): void {
  if (input.length > MAX_NAME_LENGTH) {
    throw new PlanError(
      'BAD_ARGUMENT',
      `${zh}过长（${input.length}个字符，最多${MAX_NAME_LENGTH}）：“${quoteInput(input)}”`,
      `The ${en} is too long (${input.length} characters, at most ${MAX_NAME_LENGTH}): "${quoteInput(input)}"`,
    );
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Answers and PlanErrors alike are remembered per spelling; an error is thrown again each time it is asked. */
function cached<T>(cache: Map<string, T | PlanError>, key: string, find: () => T): T {
  let hit = cache.get(key);
  if (hit === undefined) {
    try {
      hit = find();
    } catch (e) {
      if (!(e instanceof PlanError)) throw e;
      hit = e;
    }
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(key, hit);
  }
  if (hit instanceof PlanError) throw hit;
  return hit;
}
