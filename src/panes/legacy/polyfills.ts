/**
 * What IE11 lacks that core-js does not supply: String.prototype.normalize. Name matching uses NFKC to fold
 * full-width letters, digits and punctuation (Ａ１（ → A1() and the ideographic space; this stand-in does exactly
 * that folding for NFKC/NFKD and leaves text unchanged for NFC/NFD. Everything else (Promise, Map, Set,
 * Array.from, Object.entries, …) comes from core-js, added by Babel where the code uses it.
 */
if (typeof String.prototype.normalize !== 'function') {
  Object.defineProperty(String.prototype, 'normalize', {
    configurable: true,
    writable: true,
    value: function normalize(this: string, form?: string): string {
      const s = String(this);
      if (form !== 'NFKC' && form !== 'NFKD') return s;
      let out = '';
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
        else if (c === 0x3000) out += ' ';
        else out += s.charAt(i);
      }
      return out;
    },
  });
}
export {};
