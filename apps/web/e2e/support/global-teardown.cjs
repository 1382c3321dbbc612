const { rmSync } = require('node:fs');

module.exports = async function globalTeardown() {
  const state = globalThis.__ATM_E2E__;
  if (!state) return;
  await Promise.all(
    state.servers.map(
      ({ child }) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  for (const { dataDir } of state.servers) rmSync(dataDir, { recursive: true, force: true });
  for (const dir of state.dirs) rmSync(dir, { recursive: true, force: true });
};
