import { describe, expect, it } from 'vitest';
import { readGenericReview } from '../../../lib/sites/generic-read';
import { isProductTitle, isProseHolder, phraseText, ratingSign } from '../../../lib/sites/review-signals';

const URL_ = new URL('https://shop.example.com/reviews');
const block = (html: string) => {
  const root = document.createElement('div');
  root.append(...Array.from(new DOMParser().parseFromString(html, 'text/html').body.childNodes));
  return root;
};

/** Things redesigned back-offices put into or around a review's text (test/fixtures/unseen rounds 2 and 3). */
describe('reading the buyer\'s text around page furniture', () => {
  it('puts highlighted keywords back into the sentence and skips emoji images', () => {
    const root = block('<p>刚用一个月电机就烧了，<em class="kw">质量</em>太差<img class="emoji" alt="[怒]">，再也不买</p>');
    expect(phraseText(root.querySelector('p')!)).toBe('刚用一个月电机就烧了，质量太差，再也不买');
  });

  it('keeps a field in a plain span out of the sentence', () => {
    const root = block('<p>东西收到了，和描述的一样，挺好的<span class="time">2026-11-20</span></p>');
    expect(phraseText(root.querySelector('p')!)).toBe('东西收到了，和描述的一样，挺好的');
  });

  it('never takes a hidden tip, a notice or a product title for the review', () => {
    const root = block(`
      <div class="goods"><p class="x1">迷你暖风机，办公室桌面，小型速热取暖器</p><p>ID：604512379001</p></div>
      <div role="tooltip" style="display:none">回复内容将公开展示，请勿诱导买家修改或删除评价，违者处罚。</div>
      <p>温馨提示：回复内容将公开展示，请文明回复，感谢配合。</p>
      <span aria-label="1星">★</span>
      <p>插上电源没反应，根本用不了</p>`);
    expect(readGenericReview(root, URL_)?.text).toBe('插上电源没反应，根本用不了');
    expect(isProductTitle(root.querySelector('.x1')!)).toBe(true);
  });

  it('reads text that is itself a link or clickable block, but not a product link or a button', () => {
    const root = block(`
      <a href="https://item.taobao.com/item.htm?id=1">加厚羽绒被，冬季保暖，单双人被芯</a>
      <button>这个按钮上的字很长，但按钮从来不是评价</button>
      <div role="button" tabindex="0">衣服有一股很重的化学味，洗了两遍还在</div>`);
    const [product, button, clickable] = Array.from(root.children);
    expect([product, button, clickable].map(isProseHolder)).toEqual([false, false, true]);
  });

  it('reads stars drawn as a filled bar in whole stars only', () => {
    expect(ratingSign(block('<div class="rv-stars"><div class="rv-stars__fill" style="width: 40%;"></div></div>'))).toEqual({ kind: 'aria', stars: 2 });
    expect(ratingSign(block('<div class="rv-stars"><div style="width:100%"></div></div>'))).toEqual({ kind: 'aria', stars: 5 });
    // A progress bar or a bar at 47%: layout, not a rating.
    expect(ratingSign(block('<div class="progress"><div style="width: 40%"></div></div>'))).toBeNull();
    expect(ratingSign(block('<div class="rating-bar"><div style="width: 47%"></div></div>'))).toBeNull();
  });
});
