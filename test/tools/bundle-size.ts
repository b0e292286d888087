import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from './browser';

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every JS/CSS/HTML file of the built extension with its raw and gzipped size. */
export function bundleFiles(dir = EXTENSION_DIR): BundleFile[] {
  return walk(dir)
    .filter((path) => /\.(js|css|html)$/.test(path))
    .map((path) => {
      const content = readFileSync(path);
      return { file: relative(dir, path), bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

/** Gzipped size of what a content script loads: its own file (WXT bundles content scripts whole). */
export function contentScriptGzipBytes(dir = EXTENSION_DIR): number {
  const file = bundleFiles(dir).find((f) => f.file === 'content-scripts/content.js');
  if (!file) throw new Error('content-scripts/content.js not found: build first');
  return file.gzipBytes;
}

export function benchBundles(): Record<string, number | string> {
  const figures: Record<string, number | string> = {};
  for (const file of bundleFiles()) figures[`bundle: ${file.file} (KB raw / gzip)`] = `${(file.bytes / 1024).toFixed(1)} / ${(file.gzipBytes / 1024).toFixed(1)}`;
  figures['bundle: content script gzip (KB, budget 250)'] = Number((contentScriptGzipBytes() / 1024).toFixed(1));
  return figures;
}

if (process.argv[1]?.endsWith('bundle-size.ts')) {
  for (const [name, value] of Object.entries(benchBundles())) console.log(`${name}: ${value}`);
}
