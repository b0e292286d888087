import { describe, expect, it } from 'vitest';
import { detectReviewBlocks } from '../../../lib/sites/generic';
import { adapterFor } from '../../../lib/sites/index';
import {
  applyRule,
  deriveRule,
  isLearnedRule,
  readWithRule,
  ruleScopeFor,
  ruleScopeMatches,
  type LearnedRule,
} from '../../../lib/sites/teach';
import { allManifests, loadFixture } from './fixture-dom';

const WEIDIAN = new URL('https://d.weidian.com/weidian-pc/comment-manage/index');

describe('teach by click on a page Mend does not know', () => {
  it('the detector stays silent on it (verdicts it cannot read), so the seller teaches', () => {
    expect(detectReviewBlocks(loadFixture('unknown', 'weidian-comments.html'))).toEqual([]);
  });

  it('derives a rule from one clicked review that finds all six and nothing else', () => {
    const doc = loadFixture('unknown', 'weidian-comments.html');
    const clicked = doc.querySelectorAll('p')[1];
    const rule = deriveRule(clicked);
    expect(rule.matchedWhenLearned).toBe(6);
    const blocks = applyRule(doc, rule);
    expect(blocks).toHaveLength(6);
    expect(blocks.every((b) => b.tagName === 'LI' && b.closest('ul')?.className.startsWith('cm-list'))).toBe(true);
    const texts = blocks.map((b) => readWithRule(b, rule, WEIDIAN)?.text);
    expect(texts[0]).toBe('质量太差了，穿了一次就起球，线头到处都是，和图片完全两样');
    expect(texts[5]).toBe('客服态度极差，问什么都不回答，退款申请拖了半个月还没处理');
    const snapshot = readWithRule(blocks[2], rule, WEIDIAN)!;
    expect(snapshot.rating).toBe('unknown');
    expect(snapshot.platform).toBe('generic');
  });

  it('works the same when the seller clicks the nick, the order line, or the block itself', () => {
    const doc = loadFixture('unknown', 'weidian-comments.html');
    const item = doc.querySelectorAll('li[data-v-3f9a1c]')[3];
    for (const clicked of [item.querySelector('.cm-user_x81kq')!, item.querySelector('.cm-item__foot_x81kq span')!, item]) {
      expect(applyRule(doc, deriveRule(clicked))).toHaveLength(6);
    }
  });

  it('survives JSON storage and the next deploy (new class hashes)', () => {
    const doc = loadFixture('unknown', 'weidian-comments.html');
    const stored = JSON.parse(JSON.stringify(deriveRule(doc.querySelector('p')!))) as unknown;
    expect(isLearnedRule(stored)).toBe(true);
    const rule = stored as LearnedRule;
    expect(rule.rootSelector).not.toContain('x81kq');
    const redeployed = new DOMParser().parseFromString(
      doc.documentElement.outerHTML.replaceAll('x81kq', 'p29zd'),
      'text/html',
    );
    expect(applyRule(redeployed, rule)).toHaveLength(6);
  });

  it('finds a row added later from the row alone', () => {
    const doc = loadFixture('unknown', 'weidian-comments.html');
    const rule = deriveRule(doc.querySelector('p')!);
    const list = doc.querySelector('ul')!;
    const late = list.children[0].cloneNode(true) as Element;
    list.appendChild(late);
    expect(applyRule(late, rule)).toEqual([late]);
    expect(applyRule(late.querySelector('p')!, rule)).toEqual([late]);
    expect(applyRule(doc, rule)).toHaveLength(7);
  });

  it('rejects malformed stored rules', () => {
    expect(isLearnedRule({ version: 1, rootSelector: '' })).toBe(false);
    expect(isLearnedRule({ version: 2, rootSelector: 'li' })).toBe(false);
    expect(isLearnedRule(null)).toBe(false);
    expect(applyRule(loadFixture('unknown', 'weidian-comments.html'), { version: 1, rootSelector: 'li[', matchedWhenLearned: 0 })).toEqual([]);
  });

  it('scopes rules to the host and a generalised path', () => {
    const scope = ruleScopeFor(new URL('https://d.weidian.com/shop/1234567/comments?page=2'));
    expect(scope).toEqual({ host: 'd.weidian.com', pathPattern: '/shop/*/comments' });
    expect(ruleScopeMatches(scope, new URL('https://d.weidian.com/shop/7654321/comments'))).toBe(true);
    expect(ruleScopeMatches(scope, new URL('https://d.weidian.com/shop/7654321/orders'))).toBe(false);
    expect(ruleScopeMatches(scope, new URL('https://evil.example/shop/7654321/comments'))).toBe(false);
  });
});

describe('teach by click reproduces every adapter from one example', () => {
  const pages = Object.entries(allManifests()).flatMap(([dir, m]) =>
    m.fixtures.filter((f) => f.reviewCount > 1 && adapterFor(new URL(f.url))).map((f) => ({ dir, ...f })),
  );

  it.each(pages.map((p) => [`${p.dir}/${p.file}`, p] as const))('%s', (_name, page) => {
    const url = new URL(page.url);
    const adapter = adapterFor(url)!;
    const doc = loadFixture(page.dir, page.file);
    const roots = adapter.findReviewRoots(doc);
    // The seller clicks the text of the second review (which is an answered one on most pages).
    const example = roots[1];
    const expectedText = adapter.read(example, url)!.text;
    const clicked = Array.from(example.querySelectorAll('*')).find((el) => el.textContent?.trim() === expectedText) ?? example;
    const rule = deriveRule(clicked);
    const blocks = applyRule(doc, rule);
    const same = (b: Element, r: Element) => b === r || b.contains(r) || r.contains(b);
    expect(blocks).toHaveLength(roots.length);
    expect(roots.every((r) => blocks.filter((b) => same(b, r)).length === 1)).toBe(true);
    const texts = blocks.map((b) => readWithRule(b, rule, url)?.text);
    expect(texts).toEqual(roots.map((r) => adapter.read(r, url)!.text));
  });
});
