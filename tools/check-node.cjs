// npm's preinstall: refuses a Node older than the line named in .nvmrc with one sentence
// saying what to install. Plain CommonJS with no dependency, so any old Node can run it.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const wanted = readFileSync(join(__dirname, '..', '.nvmrc'), 'utf8').trim();
const major = (version) => Number(String(version).replace(/^v/, '').split('.')[0]);

if (major(process.versions.node) < major(wanted)) {
  process.stderr.write(
    `This project runs on Node ${major(wanted)} (you have ${process.versions.node}): install it with \`npm install -g --prefix /usr/local node@${wanted}\`, then run \`hash -r\` and try again.\n`,
  );
  process.exit(1);
}
