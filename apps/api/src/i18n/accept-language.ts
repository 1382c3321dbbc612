import { DEFAULT_LANGUAGE, isLanguage, type Language, LANGUAGES } from '@atm/contracts';

/**
 * Only this much of a header is read: a list of the three languages fits many times over,
 * and a hostile 10 KB header costs no more than this.
 */
const MAX_HEADER_CHARS = 1024;

/** RFC 9110 §12.5.4: `language-range [ OWS ";" OWS "q=" qvalue ]`, ranges per RFC 4647. */
const RANGE = /^(\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)$/;
const WEIGHT = /^[qQ]=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

interface Range {
  /** The primary subtag in lower case (`es` for `es-MX`), or `*`. */
  primary: string;
  quality: number;
  position: number;
}

function parseRange(element: string, position: number): Range | null {
  const [tag = '', ...params] = element.split(';').map((part) => part.trim());
  if (!RANGE.test(tag)) return null;
  let quality = 1;
  for (const param of params) {
    const weight = WEIGHT.exec(param);
    // A parameter that is not a well-formed weight makes the whole element unusable.
    if (!weight?.[1]) return null;
    quality = Number(weight[1]);
  }
  return { primary: tag.split('-')[0]?.toLowerCase() ?? '', quality, position };
}

/**
 * The language to answer in, from an `Accept-Language` header: quality values honoured,
 * ranges matched on their primary subtag (`es-MX` is `es`), ties going to the range listed
 * first. `*` stands for any language not named, which is English here. Anything unusable
 * (absent, malformed, only unsupported languages, all `q=0`) is English. Never throws.
 */
export function pickLanguage(header: string | string[] | undefined): Language {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (!text) return DEFAULT_LANGUAGE;
  const ranges = text
    .slice(0, MAX_HEADER_CHARS)
    .split(',')
    .map((element, position) => parseRange(element, position))
    .filter((range): range is Range => range !== null);

  let best: { language: Language; quality: number; position: number } | null = null;
  for (const language of LANGUAGES) {
    const named = ranges.filter((range) => range.primary === language);
    const matching = named.length > 0 ? named : ranges.filter((range) => range.primary === '*');
    if (matching.length === 0) continue;
    // Several ranges of one language (`es-MX;q=0.1, es;q=0.8`): the most welcome one counts.
    const top = matching.reduce((a, b) =>
      b.quality > a.quality || (b.quality === a.quality && b.position < a.position) ? b : a,
    );
    if (top.quality <= 0) continue;
    if (
      !best ||
      top.quality > best.quality ||
      (top.quality === best.quality && top.position < best.position)
    ) {
      best = { language, quality: top.quality, position: top.position };
    }
  }
  return best && isLanguage(best.language) ? best.language : DEFAULT_LANGUAGE;
}
