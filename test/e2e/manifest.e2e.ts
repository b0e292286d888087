import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../tools/browser';
import { bundleFiles, contentScriptGzipBytes } from '../tools/bundle-size';
import { SUPPORTED_HOST_PATTERNS } from '../../lib/sites/hosts';

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

  it('runs its content script only on the supported back-offices', () => {
    const matches = manifest.content_scripts.flatMap((script: { matches: string[] }) => script.matches);
    expect(matches.sort()).toEqual([...SUPPORTED_HOST_PATTERNS].sort());
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
