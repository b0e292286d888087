import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../tools/browser';
import { bundleFiles, contentScriptGzipBytes } from '../tools/bundle-size';
import { STRUCTURED_HOST_PATTERNS, SUPPORTED_HOST_PATTERNS } from '../../lib/sites/hosts';

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

describe('the built extension', () => {
  it('asks only for storage, alarms and notifications, plus the supported back-offices', () => {
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'notifications', 'storage']);
    expect(manifest.host_permissions).toEqual(SUPPORTED_HOST_PATTERNS);
    // Only asked for when the seller adds a site of their own.
    expect(manifest.optional_permissions).toEqual(['scripting']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    for (const pattern of manifest.host_permissions) expect(pattern).not.toMatch(/^\*:|<all_urls>|^https:\/\/\*\//);
  });

  it('runs its content script only on the supported back-offices, and the page-world tap only where a review list can be read', () => {
    const sorted = (patterns: readonly string[]) => [...patterns].sort();
    expect(manifest.content_scripts).toEqual([
      { matches: sorted(SUPPORTED_HOST_PATTERNS), run_at: 'document_idle', js: ['content-scripts/content.js'] },
      // Chrome ≥ 111 runs `world: MAIN` scripts from the manifest; before the page's own scripts.
      { matches: sorted(STRUCTURED_HOST_PATTERNS), run_at: 'document_start', js: ['content-scripts/structured-tap.js'], world: 'MAIN' },
    ]);
    for (const pattern of STRUCTURED_HOST_PATTERNS) expect(SUPPORTED_HOST_PATTERNS).toContain(pattern);
  });

  it('keeps the page-world tap small and free of Mend\'s other code', () => {
    const tap = readFileSync(join(EXTENSION_DIR, 'content-scripts/structured-tap.js'), 'utf8');
    expect(tap.length).toBeLessThan(8 * 1024);
    // It posts to the page's own origin only, and never reaches the extension's APIs.
    expect(tap).not.toMatch(/chrome\.runtime|browser\.runtime|postMessage\([^)]*,\s*[`'"]\*[`'"]/);
  });

  it('loads no remote code: no remote URLs in the manifest, no CSP loosening', () => {
    expect(JSON.stringify(manifest)).not.toMatch(/http:\/\/|unsafe-eval|unsafe-inline/);
    expect(manifest.content_security_policy).toBeUndefined();
  });

  it('ships no code that fetches or evaluates', () => {
    for (const file of bundleFiles().filter((f) => f.file.endsWith('.js'))) {
      const code = readFileSync(join(EXTENSION_DIR, file.file), 'utf8');
      // papaparse (CSV in the dashboard) carries an XMLHttpRequest path for remote files that Mend
      // never enables; the e2e tests intercept every request to prove nothing is sent.
      const found = code.match(/\beval\(|new Function\(|navigator\.sendBeacon|new WebSocket|importScripts\(|\bfetch\(/g);
      expect(found, file.file).toBeNull();
    }
  });

  it('keeps the content script, analysis included, within 250 KB gzipped', () => {
    expect(contentScriptGzipBytes()).toBeLessThanOrEqual(250 * 1024);
  });

  it('names itself in every locale', () => {
    for (const locale of ['zh_CN', 'zh_TW', 'en', 'de']) {
      const messages = JSON.parse(readFileSync(join(EXTENSION_DIR, '_locales', locale, 'messages.json'), 'utf8'));
      expect(messages.extName.message.length).toBeGreaterThan(0);
    }
    expect(manifest.default_locale).toBe('zh_CN');
  });
});
