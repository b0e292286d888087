import { describe, expect, it } from 'vitest';
import { detectReviewBlocks, genericAdapter } from '../../../lib/sites/generic';
import { adapterFor } from '../../../lib/sites/index';
import { loadFixture } from './fixture-dom';

/** Mend's widget as the content script mounts it: a custom element with an open shadow root. */
function mountFakeWidget(into: Element, label: string) {
  const widget = into.ownerDocument.createElement('mend-review');
  const shadow = widget.attachShadow({ mode: 'open' });
  const chip = into.ownerDocument.createElement('span');
  chip.textContent = label;
  const note = into.ownerDocument.createElement('p');
  note.textContent = '证据：质量太差了，起球，和图片不符。订单号：99999999999';
  shadow.append(chip, note);
  into.appendChild(widget);
}

describe('reading a page after Mend has marked it', () => {
  it('adapters and the generic reader read the same fields with Mend widgets mounted', () => {
    for (const [dir, file, href] of [
      ['amazon', 'feedback-manager.html', 'https://sellercentral.amazon.com/feedback-manager/index.html'],
      ['otto', 'reviews.html', 'https://portal.otto.market/reviews'],
      ['qianniu', 'rate-list.html', 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC'],
    ] as const) {
      const url = new URL(href);
      const adapter = adapterFor(url)!;
      const doc = loadFixture(dir, file);
      const roots = adapter.findReviewRoots(doc);
      const before = roots.map((r) => adapter.read(r, url));
      const genericBefore = detectReviewBlocks(doc).map((b) => genericAdapter.read(b, url));
      for (const root of roots) mountFakeWidget(adapter.mountPoint?.(root) ?? root, '差评');
      expect(adapter.findReviewRoots(doc)).toEqual(roots);
      expect(roots.map((r) => adapter.read(r, url))).toEqual(before);
      expect(detectReviewBlocks(doc).map((b) => genericAdapter.read(b, url))).toEqual(genericBefore);
    }
  });
});
