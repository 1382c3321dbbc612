module.exports = require('../../tools/jest/node-project.cjs')({
  displayName: 'money',
  rootDir: __dirname,
});
