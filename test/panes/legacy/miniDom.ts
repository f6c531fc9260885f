/**
 * A small DOM, enough for the legacy pane (src/panes/legacy/pane.ts) and the early-click queue
 * (src/panes/startup/early.ts) to run in jest's node environment (the project has no jsdom): elements, text, attributes,
 * a select's value, click listeners (the document's in the capture phase first, as startup.js installs them), and
 * querySelector for the compound selectors those files use (`tag[attr]`, `tag[attr="v"]`). `parse` reads the
 * static screens' markup, which the build writes well-formed.
 */
type Listener = (ev: { target: Node; preventDefault(): void }) => void;

export class Node {
  nodeType = 1;
  parentNode: Node | null = null;
  childNodes: Node[] = [];
  get lastChild(): Node | null {
    return this.childNodes[this.childNodes.length - 1] ?? null;
  }
  appendChild<T extends Node>(c: T): T {
    return this.insertBefore(c, null);
  }
  insertBefore<T extends Node>(c: T, ref: Node | null): T {
    if (c.parentNode) c.parentNode.childNodes.splice(c.parentNode.childNodes.indexOf(c), 1);
    const at = ref ? this.childNodes.indexOf(ref) : -1;
    if (at < 0) this.childNodes.push(c);
    else this.childNodes.splice(at, 0, c);
    c.parentNode = this;
    return c;
  }
  get nextSibling(): Node | null {
    const sibs = this.parentNode ? this.parentNode.childNodes : [];
    return sibs[sibs.indexOf(this) + 1] ?? null;
  }
  get textContent(): string {
    return this.childNodes.map((c) => c.textContent).join('');
  }
}

export class Text extends Node {
  constructor(public data: string) {
    super();
    this.nodeType = 3;
  }
  get textContent(): string {
    return this.data;
  }
}

export class Element extends Node {
  attrs: Record<string, string> = {};
  style: Record<string, string> = {};
  listeners: Listener[] = [];
  private chosen: string | undefined;
  constructor(
    public tagName: string,
    public doc: Doc,
  ) {
    super();
  }
  setAttribute(k: string, v: string): void {
    this.attrs[k] = String(v);
    if (k === 'style') for (const d of v.split(';')) if (d.includes(':')) this.style[d.split(':')[0].trim()] = d.split(':')[1].trim();
  }
  getAttribute(k: string): string | null {
    return k in this.attrs ? this.attrs[k] : null;
  }
  hasAttribute(k: string): boolean {
    return k in this.attrs;
  }
  removeAttribute(k: string): void {
    delete this.attrs[k];
  }
  get className(): string {
    return this.attrs.class ?? '';
  }
  set className(v: string) {
    this.attrs.class = v;
  }
  get disabled(): boolean {
    return this.hasAttribute('disabled');
  }
  set disabled(on: boolean) {
    if (on) this.attrs.disabled = '';
    else delete this.attrs.disabled;
  }
  set innerHTML(v: string) {
    if (v !== '') throw new Error('miniDom: only innerHTML = "" is supported');
    for (const c of this.childNodes) c.parentNode = null;
    this.childNodes = [];
  }
  get innerText(): string {
    return this.textContent;
  }
  set innerText(v: string) {
    this.innerHTML = '';
    this.appendChild(new Text(v));
  }
  /** A select's options, and its value: the one set, else the option marked selected, else the first. */
  get options(): Element[] {
    return this.querySelectorAll('option');
  }
  get value(): string {
    if (this.tagName !== 'SELECT') return this.attrs.value ?? '';
    const opts = this.options;
    if (this.chosen !== undefined && opts.some((o) => o.attrs.value === this.chosen)) return this.chosen;
    const sel = opts.find((o) => o.hasAttribute('selected')) ?? opts[0];
    return sel ? sel.attrs.value : '';
  }
  set value(v: string) {
    if (this.tagName === 'SELECT') this.chosen = v;
    else this.attrs.value = v;
  }
  addEventListener(type: string, f: Listener): void {
    if (type === 'click') this.listeners.push(f);
  }
  set onclick(f: Listener) {
    this.listeners.push(f);
  }
  /** A click as the browser delivers it: the document's (capture) listeners, then the element's and its ancestors'. */
  click(): void {
    const ev = { target: this as Node, preventDefault: () => undefined };
    for (const f of this.doc.listeners) f(ev);
    this.bubble(ev);
  }
  private bubble(ev: { target: Node; preventDefault(): void }): void {
    for (const f of this.listeners) f(ev);
    if (this.parentNode instanceof Element) this.parentNode.bubble(ev);
  }
  querySelectorAll(sel: string): Element[] {
    const test = matcher(sel);
    const out: Element[] = [];
    const walk = (n: Node): void => {
      for (const c of n.childNodes)
        if (c instanceof Element) {
          if (test(c)) out.push(c);
          walk(c);
        }
    };
    walk(this);
    return out;
  }
  querySelector(sel: string): Element | null {
    return this.querySelectorAll(sel)[0] ?? null;
  }
}

/** `tag[a][b="v"]`: one compound selector, which is all early.ts and these tests ask. */
function matcher(sel: string): (e: Element) => boolean {
  const m = sel.match(/^([a-z0-9]*)((?:\[[^\]]+\])*)$/i);
  if (!m) throw new Error(`miniDom: selector not supported: ${sel}`);
  const tag = m[1].toUpperCase();
  const attrs = [...m[2].matchAll(/\[([^\]=]+)(?:="([^"]*)")?\]/g)].map((a) => [a[1], a[2]] as const);
  return (e) => (!tag || e.tagName === tag) && attrs.every(([k, v]) => e.hasAttribute(k) && (v === undefined || e.getAttribute(k) === v));
}

export class Doc {
  listeners: Listener[] = [];
  documentElement = new Element('HTML', this);
  body = this.documentElement.appendChild(new Element('BODY', this));
  createElement(tag: string): Element {
    return new Element(tag.toUpperCase(), this);
  }
  createTextNode(t: string): Text {
    return new Text(t);
  }
  addEventListener(type: string, f: Listener): void {
    if (type === 'click') this.listeners.push(f);
  }
  querySelector(sel: string): Element | null {
    return this.documentElement.querySelector(sel);
  }
  querySelectorAll(sel: string): Element[] {
    return this.documentElement.querySelectorAll(sel);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
const unescape = (s: string): string => s.replace(/&(amp|lt|gt|quot);/g, (_m, n: string) => ENTITIES[n]);

/** Well-formed markup (every element closed) into `parent`. */
export function parse(doc: Doc, parent: Element, html: string): void {
  let at: Element = parent;
  for (const m of html.matchAll(/<\/([a-z0-9]+)>|<([a-z0-9]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>|([^<]+)/gi)) {
    if (m[1]) at = at.parentNode as Element;
    else if (m[2]) {
      const e = at.appendChild(doc.createElement(m[2]));
      for (const a of (m[3] ?? '').matchAll(/([a-z-]+)(?:="([^"]*)")?/gi)) e.setAttribute(a[1], unescape(a[2] ?? ''));
      at = e;
    } else at.appendChild(doc.createTextNode(unescape(m[4])));
  }
}
