import { type Violation, violation } from './types';

/**
 * A small Dockerfile reader (continuation lines, comments, global ARG defaults) and the
 * image rules: pinned base images, multi-stage with the required stages, a non-root user,
 * a health check and NODE_ENV=production in the production stage.
 */

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  name: string | undefined;
  from: string;
  instructions: Instruction[];
  line: number;
}

export interface Dockerfile {
  globalArgs: Map<string, string>;
  stages: Stage[];
}

export function parseDockerfile(text: string): Dockerfile {
  const instructions: Instruction[] = [];
  let pending = '';
  let start = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    if (pending === '' && (line.trim() === '' || line.trim().startsWith('#'))) return;
    if (pending !== '' && line.trim().startsWith('#')) return;
    if (pending === '') start = index + 1;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      return;
    }
    const full = (pending + line).trim();
    pending = '';
    const match = /^(\S+)\s*(.*)$/s.exec(full);
    if (match)
      instructions.push({
        keyword: (match[1] ?? '').toUpperCase(),
        args: (match[2] ?? '').trim(),
        line: start,
      });
  });

  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const parts = instruction.args.split(/\s+/).filter((p) => !p.startsWith('--'));
      const as = parts.findIndex((p) => p.toUpperCase() === 'AS');
      stages.push({
        from: parts[0] ?? '',
        name: as >= 0 ? parts[as + 1] : undefined,
        instructions: [],
        line: instruction.line,
      });
    } else if (stages.length === 0) {
      if (instruction.keyword === 'ARG') {
        const [name, value] = instruction.args.split(/=(.*)/s);
        if (name !== undefined) globalArgs.set(name.trim(), (value ?? '').trim());
      }
    } else {
      stages[stages.length - 1]?.instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}

const expand = (text: string, args: Map<string, string>) =>
  text.replace(
    /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g,
    (_, name: string) => args.get(name) ?? `<unset ${name}>`,
  );

/** `name:tag` with a real version in the tag (no `latest`), or a digest. */
export function isPinnedImage(image: string): boolean {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const lastSegment = image.split('/').pop() ?? '';
  const tag = lastSegment.includes(':') ? (lastSegment.split(':').pop() ?? '') : '';
  if (tag === '' || /latest/i.test(tag) || tag.includes('<unset')) return false;
  return /\d/.test(tag);
}

/** The effective environment variable assignments of `ENV` instructions. */
function envAssignments(args: string): Map<string, string> {
  const result = new Map<string, string>();
  if (!args.includes('=')) {
    const [name, ...rest] = args.split(/\s+/);
    if (name) result.set(name, rest.join(' '));
    return result;
  }
  for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|'([^']*)'|(\S*))/g)) {
    result.set(match[1] ?? '', match[3] ?? match[4] ?? match[5] ?? '');
  }
  return result;
}

export function checkDockerfile(text: string, where = 'Dockerfile'): Violation[] {
  const found: Violation[] = [];
  const { globalArgs, stages } = parseDockerfile(text);
  const names = new Set(stages.map((s) => s.name).filter((n): n is string => n !== undefined));

  for (const stage of stages) {
    if (names.has(stage.from) || stage.from === 'scratch') continue;
    const image = expand(stage.from, globalArgs);
    if (!isPinnedImage(image)) {
      found.push(
        violation(
          'pinned-base',
          `${where}:${stage.line}`,
          `base image ${image} is not pinned to an explicit version`,
        ),
      );
    }
  }
  for (const required of ['production', 'development']) {
    if (!names.has(required)) found.push(violation('stages', where, `no ${required} stage`));
  }
  if (![...names].some((n) => /web/.test(n)) || ![...names].some((n) => /api/.test(n))) {
    found.push(violation('stages', where, 'expected separate web and api build stages'));
  }

  const production = stages.find((s) => s.name === 'production') ?? stages[stages.length - 1];
  if (production === undefined) return [...found, violation('stages', where, 'no stage at all')];
  if (stages[stages.length - 1] !== production) {
    found.push(
      violation('stages', where, 'production must be the last stage (the default build target)'),
    );
  }
  const users = production.instructions.filter((i) => i.keyword === 'USER');
  const user = users[users.length - 1]?.args.split(':')[0];
  if (user === undefined || user === 'root' || user === '0') {
    found.push(
      violation('non-root', where, `the production stage runs as ${user ?? 'root (no USER)'}`),
    );
  }
  const healthchecks = production.instructions.filter((i) => i.keyword === 'HEALTHCHECK');
  const healthcheck = healthchecks[healthchecks.length - 1];
  if (healthcheck === undefined || /^NONE\b/i.test(healthcheck.args)) {
    found.push(violation('healthcheck', where, 'the production stage has no HEALTHCHECK'));
  } else if (!healthcheck.args.includes('/health')) {
    found.push(violation('healthcheck', where, 'the HEALTHCHECK does not probe /health'));
  }
  const env = new Map<string, string>();
  for (const i of production.instructions.filter((i) => i.keyword === 'ENV')) {
    for (const [k, v] of envAssignments(i.args)) env.set(k, v);
  }
  if (env.get('NODE_ENV') !== 'production') {
    found.push(violation('node-env', where, 'the production stage must set NODE_ENV=production'));
  }
  if (
    production.instructions.some(
      (i) => i.keyword === 'RUN' && /\bnpm (ci|install)\b(?!.*--omit=dev)/.test(i.args),
    )
  ) {
    found.push(
      violation(
        'prod-deps',
        where,
        'the production stage installs dependencies itself; copy pruned production dependencies instead',
      ),
    );
  }
  return found;
}
