import { ERROR_STATUS, INTL_LOCALES, LANGUAGES, type Language } from '@atm/contracts';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';

const CATALOGS: Record<Language, unknown> = { en, es, fr };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf of a catalog as `a.b.c` → text. */
function flatten(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === 'string') {
    out.set(prefix, node);
    return out;
  }
  if (typeof node !== 'object' || node === null)
    throw new Error(`${prefix} is neither text nor a group`);
  for (const [key, value] of Object.entries(node)) {
    for (const [k, v] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

/** Keys with their plural suffix taken off: what the code asks for. */
function baseKeys(flat: Map<string, string>): Set<string> {
  return new Set([...flat.keys()].map((k) => k.replace(PLURAL_SUFFIX, '')));
}

function pluralBases(flat: Map<string, string>): Set<string> {
  return new Set(
    [...flat.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')),
  );
}

function interpolations(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').sort();
}

const flat = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(CATALOGS[l])])) as Record<
  Language,
  Map<string, string>
>;
const reference = flat.en;

describe.each(LANGUAGES)('the %s catalog', (language) => {
  const catalog = flat[language];

  it('has every message English has, and nothing English lacks', () => {
    expect([...baseKeys(catalog)].sort()).toEqual([...baseKeys(reference)].sort());
  });

  it("has every plural form the language's rules ask for", () => {
    const categories = new Intl.PluralRules(INTL_LOCALES[language]).resolvedOptions()
      .pluralCategories;
    for (const base of pluralBases(reference)) {
      for (const category of categories) {
        // English has no "many"; a language that has it must say it.
        expect(
          catalog.has(`${base}_${category}`)
            ? `${base}_${category}`
            : `missing ${base}_${category}`,
        ).toBe(`${base}_${category}`);
      }
    }
  });

  it('fills in the same values as English', () => {
    for (const [key, text] of catalog) {
      const englishKey = reference.has(key) ? key : `${key.replace(PLURAL_SUFFIX, '')}_other`;
      const english = reference.get(englishKey);
      expect({ key, values: interpolations(text) }).toEqual({
        key,
        values: interpolations(english ?? ''),
      });
    }
  });

  it.each(Object.keys(ERROR_STATUS))('has a sentence for the error code %s', (code) => {
    expect(catalog.get(`errors.${code}`)).toMatch(/\S/);
  });

  it('has no empty message', () => {
    for (const [key, text] of catalog)
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });
});
