// Bundles the VS Code extension from tsc's output (dist/extension/**) into
// two self-contained files: dist/extension/client.js (loaded by VS Code,
// `vscode` left external) and dist/extension/server.js (the language server
// with ESLint, typescript-eslint, TypeScript and the plugin inside).
// The vsix then ships no node_modules.
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
};

async function main() {
  const started = Date.now();
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: [path.join(root, 'dist/extension/client/extension.js')],
      outfile: path.join(root, 'dist/extension/client.js'),
      external: ['vscode'],
    }),
    esbuild.build({
      ...common,
      entryPoints: [path.join(root, 'dist/extension/server/server.js')],
      outfile: path.join(root, 'dist/extension/server.js'),
      // Optional loaders ESLint reaches for only with a TypeScript eslint.config (jiti), absent here.
      external: ['jiti'],
    }),
  ]);
  console.log(`bundle-extension: client.js + server.js in ${Date.now() - started} ms`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
