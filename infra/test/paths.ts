import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../..');
export const infraRoot = join(repoRoot, 'infra');
export const terraformRoot = join(infraRoot, 'terraform');
export const fixtures = join(infraRoot, 'test', 'fixtures');
export const environments = ['dev', 'prod'] as const;
export const environmentDir = (env: string) => join(terraformRoot, 'environments', env);
