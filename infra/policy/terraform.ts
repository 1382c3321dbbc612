import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parse } from '@cdktf/hcl2json';

/**
 * Terraform configurations read with HashiCorp's HCL parser (compiled to WebAssembly in
 * @cdktf/hcl2json), as plain JSON: `${...}` strings are expressions, everything else is a
 * literal. Enough to check wiring and security properties without a terraform binary.
 */

export type HclValue = string | number | boolean | null | HclValue[] | { [key: string]: HclValue };
export type HclBody = { [key: string]: HclValue };

export interface TfResource {
  type: string;
  name: string;
  body: HclBody;
  file: string;
}

export interface TfModuleCall {
  name: string;
  source: string;
  args: HclBody;
  file: string;
}

export interface TfVariable {
  name: string;
  hasDefault: boolean;
  default: HclValue | undefined;
  file: string;
}

export interface TfConfig {
  dir: string;
  files: string[];
  resources: TfResource[];
  modules: TfModuleCall[];
  variables: TfVariable[];
  outputs: string[];
  /** Every `var.NAME` the configuration's expressions use. */
  variableReferences: Set<string>;
  /** The `locals` blocks' values, merged. */
  locals: HclBody;
  /** The `moved` blocks: an old address and the new one, as written (`aws_x.a`). */
  moved: TfMove[];
}

export interface TfMove {
  from: string;
  to: string;
}

type ParsedFile = {
  resource?: Record<string, Record<string, HclBody[]>>;
  data?: Record<string, Record<string, HclBody[]>>;
  module?: Record<string, HclBody[]>;
  variable?: Record<string, HclBody[]>;
  output?: Record<string, HclBody[]>;
  locals?: HclBody[];
  moved?: { from?: HclValue; to?: HclValue }[];
};

export const isExpression = (value: unknown): value is string =>
  typeof value === 'string' && value.includes('${');

/** Every string in a value, depth first (expressions and literals alike). */
export function strings(value: HclValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

export async function parseHcl(file: string, text: string): Promise<ParsedFile> {
  return (await parse(file, text)) as ParsedFile;
}

/** Reads every `*.tf` file of one directory (not its subdirectories), as Terraform does. */
export async function loadTerraform(dir: string): Promise<TfConfig> {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.tf'))
    .map((name) => join(dir, name))
    .sort();
  const config: TfConfig = {
    dir,
    files,
    resources: [],
    modules: [],
    variables: [],
    outputs: [],
    variableReferences: new Set(),
    locals: {},
    moved: [],
  };
  for (const file of files) {
    const parsed = await parseHcl(file, readFileSync(file, 'utf8'));
    for (const [type, byName] of Object.entries(parsed.resource ?? {})) {
      for (const [name, bodies] of Object.entries(byName)) {
        for (const body of bodies) config.resources.push({ type, name, body, file });
      }
    }
    // Data sources count as resources of type `data.<type>` (policy documents are checked).
    for (const [type, byName] of Object.entries(parsed.data ?? {})) {
      for (const [name, bodies] of Object.entries(byName)) {
        for (const body of bodies)
          config.resources.push({ type: `data.${type}`, name, body, file });
      }
    }
    for (const body of parsed.locals ?? []) Object.assign(config.locals, body);
    // hcl2json writes a reference as an expression: `${aws_x.a}`.
    const reference = (value: HclValue | undefined) => String(value).replace(/^\$\{(.*)\}$/, '$1');
    for (const { from, to } of parsed.moved ?? []) {
      config.moved.push({ from: reference(from), to: reference(to) });
    }
    for (const [name, bodies] of Object.entries(parsed.module ?? {})) {
      for (const body of bodies) {
        const { source, ...args } = body;
        config.modules.push({ name, source: String(source), args, file });
      }
    }
    for (const [name, bodies] of Object.entries(parsed.variable ?? {})) {
      const body = bodies[0] ?? {};
      config.variables.push({
        name,
        hasDefault: Object.prototype.hasOwnProperty.call(body, 'default'),
        default: body['default'],
        file,
      });
    }
    config.outputs.push(...Object.keys(parsed.output ?? {}));
    for (const text of strings(parsed as unknown as HclValue)) {
      for (const match of text.matchAll(/\bvar\.([A-Za-z_][A-Za-z0-9_-]*)/g)) {
        config.variableReferences.add(match[1] ?? '');
      }
    }
  }
  return config;
}

/** Directories below `root` that hold `.tf` files. */
export function terraformDirs(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir);
    if (entries.some((name) => name.endsWith('.tf'))) found.push(dir);
    for (const name of entries) {
      const path = join(dir, name);
      if (name !== '.terraform' && statSync(path).isDirectory()) walk(path);
    }
  };
  walk(root);
  return found.sort();
}

export const isLocalSource = (source: string) =>
  source.startsWith('./') || source.startsWith('../');

export const moduleDir = (config: TfConfig, call: TfModuleCall) => resolve(config.dir, call.source);

/**
 * The resources one environment really creates: its own, plus each local module's with
 * every `${var.NAME}` that the call (or the variable's default) sets to a literal
 * substituted, so that `deletion_protection = var.deletion_protection` is checked as the
 * `true` or `false` the environment passes; and one resource per instance of a literal
 * `for_each` map (expandForEach).
 */
export async function instantiate(env: TfConfig, rootValues: HclBody = {}): Promise<TfResource[]> {
  const resources = expandForEach(env.resources, env.locals);
  // The root's own variables: a tfvars value, else the default.
  const root = new Map<string, HclValue>();
  for (const variable of env.variables) {
    const given = rootValues[variable.name];
    if (given !== undefined) root.set(variable.name, given);
    else if (variable.hasDefault && variable.default !== undefined) {
      root.set(variable.name, variable.default);
    }
  }
  const resolveRoot = (value: HclValue | undefined): HclValue | undefined => {
    const name =
      typeof value === 'string'
        ? /^\$\{var\.([A-Za-z_][A-Za-z0-9_-]*)\}$/.exec(value)?.[1]
        : undefined;
    return name !== undefined && root.has(name) ? root.get(name) : value;
  };
  for (const call of env.modules.filter((m) => isLocalSource(m.source))) {
    const module = await loadTerraform(moduleDir(env, call));
    const values = new Map<string, HclValue>();
    for (const variable of module.variables) {
      const passed = resolveRoot(call.args[variable.name]);
      if (passed !== undefined && !isExpression(passed)) values.set(variable.name, passed);
      else if (passed === undefined && variable.hasDefault && variable.default !== undefined) {
        values.set(variable.name, variable.default);
      }
    }
    const substitute = (value: HclValue): HclValue => {
      if (typeof value === 'string') {
        const whole = /^\$\{var\.([A-Za-z_][A-Za-z0-9_-]*)\}$/.exec(value);
        const name = whole?.[1];
        return name !== undefined && values.has(name) ? (values.get(name) as HclValue) : value;
      }
      if (Array.isArray(value)) return value.map(substitute);
      if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v)]));
      }
      return value;
    };
    for (const resource of expandForEach(module.resources, module.locals)) {
      resources.push({
        ...resource,
        name: `module.${call.name}.${resource.name}`,
        body: substitute(resource.body) as HclBody,
      });
    }
  }
  return resources;
}

const isBody = (value: HclValue | undefined): value is HclBody =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The map a `for_each` iterates when it is a literal: written inline, or a `local.NAME`. */
function literalForEach(body: HclBody, locals: HclBody): HclBody | undefined {
  const value = body['for_each'];
  const local =
    typeof value === 'string'
      ? /^\$\{local\.([A-Za-z_][A-Za-z0-9_-]*)\}$/.exec(value)?.[1]
      : undefined;
  const map = local === undefined ? value : locals[local];
  return isBody(map) ? map : undefined;
}

/** `${each.value.a.b}` as the literal it names, when the instance's value holds one. */
function eachValueAt(path: string, value: HclValue): HclValue | undefined {
  let found: HclValue | undefined = value;
  for (const step of path.split('.').filter((s) => s !== '')) {
    found = isBody(found) ? found[step] : undefined;
  }
  return found;
}

/**
 * The literal a whole-string `${each.value.a}` or `${try(each.value.a, DEFAULT)}` stands
 * for in one instance; the default counts when it is JSON (`null`, `[]`, `{}`, a number).
 */
function eachValueOf(expression: string, value: HclValue): HclValue | undefined {
  const match = /^\$\{(?:try\()?each\.value((?:\.[A-Za-z_][A-Za-z0-9_-]*)*)(?:, (.+)\))?\}$/.exec(
    expression,
  );
  if (!match) return undefined;
  const [, path = '', fallback] = match;
  if (expression.startsWith('${try(') !== (fallback !== undefined)) return undefined;
  const found = eachValueAt(path, value);
  if (found !== undefined || fallback === undefined) return found;
  try {
    return JSON.parse(fallback) as HclValue;
  } catch {
    return undefined;
  }
}

/**
 * One resource per key of a literal `for_each` map, named as Terraform addresses it
 * (`name["key"]`), with `each.key` and `each.value...` references (whole strings, in
 * `try`, or naming a string inside an expression) replaced by the instance's literals: a
 * policy then sees the alarm on `RunningTaskCount` whether it is written out or is one
 * entry of a map. Other resources pass through unchanged.
 */
export function expandForEach(resources: TfResource[], locals: HclBody): TfResource[] {
  return resources.flatMap((resource) => {
    const map = literalForEach(resource.body, locals);
    if (map === undefined) return [resource];
    return Object.entries(map).map(([key, value]) => {
      const substitute = (node: HclValue): HclValue => {
        if (typeof node === 'string') {
          const literal = eachValueOf(node, value);
          if (literal !== undefined) return literal;
          return (
            node
              .replaceAll('${each.key}', key)
              .replace(/\beach\.key\b/g, JSON.stringify(key))
              // `aws_security_group.this[each.value.group]` names the group literally.
              .replace(
                /\beach\.value((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)/g,
                (reference, path: string) => {
                  const named = eachValueAt(path, value);
                  return typeof named === 'string' || typeof named === 'number'
                    ? JSON.stringify(named)
                    : reference;
                },
              )
          );
        }
        if (Array.isArray(node)) return node.map(substitute);
        if (isBody(node)) {
          return Object.fromEntries(
            Object.entries(node).map(([k, v]) => [
              k,
              k === 'for_each' && node === resource.body ? v : substitute(v),
            ]),
          );
        }
        return node;
      };
      return {
        ...resource,
        name: `${resource.name}[${JSON.stringify(key)}]`,
        body: substitute(resource.body) as HclBody,
      };
    });
  });
}

export const whereOf = (resource: TfResource) =>
  `${resource.type}.${resource.name} (${basename(dirname(resource.file))}/${basename(resource.file)})`;

/** A block attribute as hcl2json gives it: a list of bodies. */
export const blocks = (body: HclBody, name: string): HclBody[] => {
  const value = body[name];
  if (Array.isArray(value))
    return value.filter(
      (v): v is HclBody => typeof v === 'object' && v !== null && !Array.isArray(v),
    );
  if (value !== null && typeof value === 'object') return [value as HclBody];
  return [];
};

/** Literal values of a .tfvars file (or several, later ones winning), for `instantiate`. */
export async function readTfvars(...files: string[]): Promise<HclBody> {
  const values: HclBody = {};
  for (const file of files) {
    Object.assign(
      values,
      (await parseHcl(file.replace(/\.example$/, ''), readFileSync(file, 'utf8'))) as HclBody,
    );
  }
  return values;
}
