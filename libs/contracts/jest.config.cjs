module.exports = require('../../tools/jest/node-project.cjs')({
  displayName: 'contracts',
  rootDir: __dirname,
});
