import { hasDuplicateKey } from './json-duplicate-keys';

describe('duplicated JSON keys', () => {
  it.each([
    '{"a":1,"a":2}',
    '{"a":1,"b":{"c":1,"c":2}}',
    '[{"x":1},{"y":[{"z":1,"z":1}]}]',
    '{"pin":"1","p\\u0069n":"2"}',
    '{"a":{},"a":[]}',
    ' { "a" : 1 , "b" : "a" , "a" : 3 } ',
  ])('finds one in %s', (text) => {
    JSON.parse(text);
    expect(hasDuplicateKey(text)).toBe(true);
  });

  it.each([
    '{"a":1,"b":2}',
    '{"a":{"a":{"a":1}}}',
    '[{"a":1},{"a":2}]',
    '{"a":"a","b":["a","a"]}',
    '{"a":"\\"a\\",","b":"x\\\\"}',
    '{"a":{},"b":{}}',
    '{}',
    '[]',
    '"a"',
    'null',
    '{"":1,"\\"":2}',
  ])('finds none in %s', (text) => {
    JSON.parse(text);
    expect(hasDuplicateKey(text)).toBe(false);
  });
});
