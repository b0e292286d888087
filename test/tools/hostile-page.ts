import { readFileSync } from 'node:fs';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Review texts a stranger could write. Each is placed on the page as the platform would show it
 * (escaped, so it is TEXT that looks like markup); `markup` ones are real broken HTML in the page.
 */
export const HOSTILE_TEXTS: { name: string; text: string; markup?: boolean }[] = [
  { name: 'script payload', text: '<script>window.__pwned = "script"</script><img src=x onerror="window.__pwned=\'img\'">质量太差了，用两天就坏了' },
  { name: 'attribute breakout', text: '"><svg onload="window.__pwned=\'svg\'"></svg>\' onmouseover=alert(1) 快递太慢了，等了十天' },
  { name: 'RTL override', text: '\u202E差太量质\u202C 发错颜色了，客服也不回\u2066消息\u2069' },
  { name: '20,000 characters', text: `质量很差，做工粗糙。${'非常失望'.repeat(4995)}` },
  { name: 'emoji flood', text: `${'😡🤬💩'.repeat(150)} 包装破了，瓶子漏液 ${'👎'.repeat(100)}` },
  { name: 'template injection', text: "{{constructor.constructor('window.__pwned=\"tpl\"')()}} ${window.__pwned='tl'} 尺码偏小两个码" },
  { name: 'broken markup', text: '<b>做工<i>粗糙</b> 线头很多<p>洗一次就<u>掉色', markup: true },
];

/** The demo Qianniu page with its review texts swapped for hostile ones, every review rated 负面. */
export function hostileQianniuPage(fixture = 'test/fixtures/qianniu/rate-list.html'): string {
  let index = 0;
  const allBad = readFileSync(fixture, 'utf8').replace(/class="rate-type-text">(正面|中性)评价</g, 'class="rate-type-text">负面评价<');
  return allBad.replace(
    /(<span class="rate-label">评价：<\/span><span>)([^<]*)(<\/span>)/g,
    (whole, open: string, _text: string, close: string) => {
      const hostile = HOSTILE_TEXTS[index++];
      if (!hostile) return whole;
      return `${open}${hostile.markup ? hostile.text : escapeHtml(hostile.text)}${close}`;
    },
  );
}
