// A command-line front end for harper.js (which has none), so bench/compare can time it like
// the other peers: `node harper-lint.mjs PEERS_DIR FILE...` lints each file as plain text
// (.md as Markdown) with one LocalLinter and prints one line per lint. PEERS_DIR is where
// `bench/compare --install-peers` put node_modules (imports resolve from this script's folder,
// not from there, hence the explicit paths).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [peers, ...files] = process.argv.slice(2);
if (!peers || files.length === 0) {
  console.error('usage: node harper-lint.mjs PEERS_DIR FILE...');
  process.exit(2);
}
const dist = join(peers, 'node_modules', 'harper.js', 'dist');
const { LocalLinter } = await import(pathToFileURL(join(dist, 'index.js')).href);
const { binary } = await import(pathToFileURL(join(dist, 'binary.js')).href);

const linter = new LocalLinter({ binary });
await linter.setup();
let total = 0;
for (const file of files) {
  const text = await readFile(file, 'utf8');
  const language = /\.(md|markdown)$/.test(file) ? 'markdown' : 'plaintext';
  for (const lint of await linter.lint(text, { language })) {
    const span = lint.span();
    process.stdout.write(`${file}:${span.start}: ${lint.message()}\n`);
    ++total;
  }
}
process.stdout.write(`${total} lints in ${files.length} files\n`);
