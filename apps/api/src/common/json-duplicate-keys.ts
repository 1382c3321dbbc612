/**
 * Whether a JSON text has an object with the same key twice, at any depth. JSON.parse
 * silently keeps the last one, so `{"amountCents":20000,"amountCents":2000}` would mean
 * whatever the last parser in a chain decides; the contract refuses it instead.
 *
 * Only for text that JSON.parse has already accepted: the scan relies on it being valid.
 * Keys are compared after unescaping, so `"pin"` and `"p\u0069n"` are the same key.
 */
export function hasDuplicateKey(validJson: string): boolean {
  /** One entry per open container: the keys seen so far, or null for an array. */
  const open: Array<Set<string> | null> = [];
  let expectingKey = false;
  for (let i = 0; i < validJson.length; i += 1) {
    const char = validJson[i];
    if (char === '"') {
      let end = i + 1;
      while (validJson[end] !== '"') end += validJson[end] === '\\' ? 2 : 1;
      const keys = open[open.length - 1];
      if (expectingKey && keys) {
        const key = JSON.parse(validJson.slice(i, end + 1)) as string;
        if (keys.has(key)) return true;
        keys.add(key);
        expectingKey = false;
      }
      i = end;
    } else if (char === '{') {
      open.push(new Set());
      expectingKey = true;
    } else if (char === '[') {
      open.push(null);
      expectingKey = false;
    } else if (char === '}' || char === ']') {
      open.pop();
      expectingKey = false;
    } else if (char === ',') {
      expectingKey = Boolean(open[open.length - 1]);
    }
  }
  return false;
}
