// `npm run package`: builds async-guard.vsix offline with @vscode/vsce.
// vsce refuses a package.json `files` list (the npm package's) next to a
// .vscodeignore (the vsix's), so it packages a staging folder holding only
// what the extension ships: the manifest without `files`, the two bundles,
// README/LICENSE when present, docs/editor.md, and .vscodeignore.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const stage = path.join(root, '.vsix-stage');
const out = path.resolve(process.argv[2] ?? path.join(root, 'async-guard.vsix'));
const SHIPPED = ['dist/extension/client.js', 'dist/extension/server.js', 'docs/editor.md', 'README.md', 'LICENSE', 'CHANGELOG.md', '.vscodeignore'];

fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(stage, { recursive: true });
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
delete manifest.files;
delete manifest.scripts;
delete manifest.devDependencies;
fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
for (const file of SHIPPED) {
  const from = path.join(root, file);
  if (!fs.existsSync(from)) continue;
  fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
  fs.copyFileSync(from, path.join(stage, file));
}
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const args = [vsce, 'package', '--no-dependencies', '--out', out];
if (!fs.existsSync(path.join(root, 'LICENSE'))) args.push('--skip-license');
execFileSync(process.execPath, args, { cwd: stage, stdio: 'inherit' });
fs.rmSync(stage, { recursive: true, force: true });
console.log(`package-extension: ${path.relative(root, out)} ${(fs.statSync(out).size / 1024 / 1024).toFixed(2)} MB`);
