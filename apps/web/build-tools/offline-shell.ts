import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

/** The line of public/sw.js the build replaces with the release's app shell. */
const MARKER = "const SHELL = { version: 'development', files: [] };";

/** The entry chunk and every chunk it imports statically, with their style sheets. */
function shellFiles(bundle: OutputBundle): string[] {
  const chunks = new Map<string, OutputChunk>();
  for (const file of Object.values(bundle))
    if (file.type === 'chunk') chunks.set(file.fileName, file);
  const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('offline shell: the build has no entry chunk');
  const files = new Set<string>();
  const visit = (chunk: OutputChunk) => {
    if (files.has(chunk.fileName)) return;
    files.add(chunk.fileName);
    const css = (chunk as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata
      ?.importedCss;
    for (const sheet of css ?? []) files.add(sheet);
    for (const imported of chunk.imports) {
      const next = chunks.get(imported);
      if (next) visit(next);
    }
  };
  visit(entry);
  return [...files].sort();
}

/**
 * Writes the release's app shell into the service worker: index.html and the first page's
 * scripts and style sheets, and a hash of the list that names the cache, so each release keeps
 * its own shell and drops the one before. `inject` runs once the files are written (before they
 * are compressed).
 */
export function offlineShell(): { plugin: Plugin; inject: (outDir: string) => Promise<void> } {
  let files: string[] = [];
  return {
    plugin: {
      name: 'visitt-offline-shell',
      apply: 'build',
      generateBundle(_options, bundle) {
        files = ['/index.html', ...shellFiles(bundle).map((file) => `/${file}`)];
      },
    },
    async inject(outDir) {
      const worker = path.join(outDir, 'sw.js');
      const source = await readFile(worker, 'utf8');
      if (!source.includes(MARKER)) throw new Error(`offline shell: ${MARKER} is not in sw.js`);
      // The files' names carry their content's hash, except index.html: its content counts too.
      const index = await readFile(path.join(outDir, 'index.html'));
      const version = createHash('sha256')
        .update(files.join('\n'))
        .update(index)
        .digest('hex')
        .slice(0, 16);
      const shell = `const SHELL = ${JSON.stringify({ version, files })};`;
      await writeFile(worker, source.replace(MARKER, shell));
    },
  };
}
