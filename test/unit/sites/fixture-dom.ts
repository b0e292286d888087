import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReviewSnapshot } from '../../../lib/sites/types';

const FIXTURES = join(process.cwd(), 'test/fixtures');

/**
 * A fixture page parsed into its own document, as the browser would build it (scripts never run).
 * Chromium's parser turns `<template shadowrootmode="open">` into a shadow root; DOMParser here does
 * not, so the same step is replayed (innermost first) to give tests the tree the browser builds.
 */
export function loadFixture(platform: string, file: string): Document {
  const html = readFileSync(join(FIXTURES, platform, file), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  attachDeclarativeShadowRoots(doc);
  return doc;
}

export function attachDeclarativeShadowRoots(scope: ParentNode) {
  const templates = Array.from(scope.querySelectorAll('template[shadowrootmode]')).reverse();
  for (const template of templates as HTMLTemplateElement[]) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode: template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open' });
    attachDeclarativeShadowRoots(template.content);
    shadow.append(...Array.from(template.content.childNodes));
    template.remove();
  }
}

/** Table rows from an HTML string, adopted into `doc` so they can be inserted like late SPA rows. */
export function parseRows(doc: Document, rowsHtml: string): Element[] {
  const parsed = new DOMParser().parseFromString(`<table><tbody>${rowsHtml}</tbody></table>`, 'text/html');
  const body = parsed.querySelector('tbody');
  return Array.from(body?.children ?? []).map((row) => doc.adoptNode(row));
}

export interface FixtureEntry {
  file: string;
  url: string;
  note?: string;
  reviewCount: number;
  /**
   * What the page shows, field by field, written by whoever built the page (not by an adapter).
   * Absent when the platform's own test checks the fields.
   */
  reviews?: Omit<ReviewSnapshot, 'platform' | 'reviewId' | 'pageUrl'>[];
  /** Pages of platforms without an adapter: how many reviews the generic detector must find. */
  genericExpected?: number;
}

export interface FixtureManifest {
  platform: string;
  fixtures: FixtureEntry[];
}

/** Every `test/fixtures/<dir>/manifest.json`, keyed by directory. */
export function allManifests(): Record<string, FixtureManifest> {
  const out: Record<string, FixtureManifest> = {};
  for (const dir of readdirSync(FIXTURES)) {
    const path = join(FIXTURES, dir, 'manifest.json');
    if (existsSync(path)) out[dir] = JSON.parse(readFileSync(path, 'utf8')) as FixtureManifest;
  }
  return out;
}
