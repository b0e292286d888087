import { afterEach, describe, expect, it } from 'vitest';
import { insertIntoReplyBox, trackPageFocus } from '../../../lib/insert';
import { loadReplyFixture, reviewRoot } from '../../fixtures/reply-dialogs/wire';

const hostile = '<img src=x onerror="alert(1)">您好，给您添麻烦了\n<script>alert(2)</script>我们马上补发';

/** Every input/change event that reaches the document, as a React root listener would see them. */
function recordEvents(doc: Document) {
  const seen: { type: string; value: string }[] = [];
  for (const type of ['input', 'change']) {
    doc.addEventListener(type, (event) => {
      const target = event.target as HTMLTextAreaElement | HTMLElement;
      seen.push({ type, value: 'value' in target ? (target as HTMLTextAreaElement).value : (target.textContent ?? '') });
    });
  }
  return seen;
}

function button(root: Element, label: string): HTMLElement {
  return Array.from(root.querySelectorAll<HTMLElement>('button, a')).find((el) => el.textContent?.trim() === label)!;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('insertIntoReplyBox', () => {
  it('opens the Qianniu Fusion dialog with 评价回复, waits for it and fills its textarea without submitting', async () => {
    const log = loadReplyFixture(document, 'qianniu');
    const events = recordEvents(document);
    const root = reviewRoot(document, 'qn-1');
    expect(document.querySelector('.next-dialog')).toBeNull();

    const result = await insertIntoReplyBox({ root, platform: 'qianniu', replyButton: button(root, '评价回复'), text: '您好，非常抱歉' });

    expect(result).toEqual({ ok: true, target: 'qianniu-dialog' });
    const field = document.querySelector<HTMLTextAreaElement>('.next-dialog textarea')!;
    expect(field.value).toBe('您好，非常抱歉');
    expect(events.map((e) => e.type)).toEqual(['input', 'change']);
    expect(events[0].value).toBe('您好，非常抱歉');
    expect(log.submits).toEqual([]);
  });

  it('fills an already open Qianniu contenteditable editor with hostile text as plain text', async () => {
    const log = loadReplyFixture(document, 'qianniu-richtext');
    const events = recordEvents(document);
    const root = reviewRoot(document, 'qn-2');

    const result = await insertIntoReplyBox({ root, platform: 'qianniu', replyButton: button(root, '追评回复'), text: hostile });

    expect(result).toEqual({ ok: true, target: 'qianniu-dialog' });
    const editor = document.querySelector<HTMLElement>('.next-dialog [role="textbox"]')!;
    expect(editor.querySelector('img, script, p')).toBeNull();
    expect(editor.textContent).toBe(hostile.replace('\n', ''));
    expect(editor.querySelectorAll('br')).toHaveLength(1);
    expect(events.some((e) => e.type === 'input')).toBe(true);
    expect(log.submits).toEqual([]);
  });

  it('reaches a React-controlled Pinduoduo textarea through the native setter', async () => {
    const log = loadReplyFixture(document, 'pinduoduo');
    const events = recordEvents(document);
    const root = reviewRoot(document, 'pdd-1');

    const result = await insertIntoReplyBox({ root, platform: 'pinduoduo', replyButton: button(root, '回复/互动'), text: hostile });

    expect(result).toEqual({ ok: true, target: 'pinduoduo-modal' });
    expect(log.reactChanges).toEqual([hostile]);
    expect(events.map((e) => e.type)).toEqual(['input', 'change']);
    const modal = document.querySelector('div[data-testid="beast-core-modal-inner"]')!;
    expect(modal.querySelector('img, script')).toBeNull();
    expect(log.submits).toEqual([]);
  });

  it('the Pinduoduo fixture really ignores a naive value assignment (so the test above can fail)', async () => {
    const log = loadReplyFixture(document, 'pinduoduo');
    button(reviewRoot(document, 'pdd-1'), '回复/互动').click();
    await new Promise((r) => setTimeout(r, 250));
    const field = document.querySelector<HTMLTextAreaElement>('textarea[data-testid="beast-core-textArea-htmlInput"]')!;
    field.value = 'naive';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    expect(log.reactChanges).toEqual([]);
  });

  it('shows the classic rate.taobao.com overlay and fills it; the form is never submitted', async () => {
    const log = loadReplyFixture(document, 'taobao-classic');
    const root = reviewRoot(document, 'tb-1');
    expect(document.querySelector<HTMLTextAreaElement>('#reply-overlay textarea')!.value).toBe('');

    const result = await insertIntoReplyBox({ root, platform: 'taobao_classic', replyButton: button(root, '回复'), text: '抱歉，包装没做好' });

    expect(result).toEqual({ ok: true, target: 'taobao-classic-overlay' });
    expect(document.querySelector<HTMLTextAreaElement>('#reply-overlay textarea')!.value).toBe('抱歉，包装没做好');
    expect(log.submits).toEqual([]);
  });

  it('refuses the shared classic overlay when it was opened from another review', async () => {
    const log = loadReplyFixture(document, 'taobao-classic');
    const tracker = trackPageFocus(document);
    const first = reviewRoot(document, 'tb-1');
    const second = reviewRoot(document, 'tb-2');
    button(first, '回复').click();
    await new Promise((r) => setTimeout(r, 120));
    const overlayField = document.querySelector<HTMLTextAreaElement>('#reply-overlay textarea')!;
    overlayField.click(); // a press inside the overlay does not count as opening it from elsewhere

    const wrong = await insertIntoReplyBox({ root: second, platform: 'taobao_classic', replyButton: button(second, '回复'), text: '发货慢了，抱歉', lastPressed: tracker.lastPressed() });
    expect(wrong).toEqual({ ok: false, reason: 'other_review_open' });
    expect(overlayField.value).toBe('');

    const right = await insertIntoReplyBox({ root: first, platform: 'taobao_classic', replyButton: button(first, '回复'), text: '包装的事抱歉', lastPressed: tracker.lastPressed() });
    expect(right).toEqual({ ok: true, target: 'taobao-classic-overlay' });
    expect(overlayField.value).toBe('包装的事抱歉');
    expect(log.submits).toEqual([]);
    tracker.stop();
  });

  it('records its own click on the reply button as the opener, so the box it opened is accepted next time', async () => {
    loadReplyFixture(document, 'qianniu');
    const tracker = trackPageFocus(document);
    const root = reviewRoot(document, 'qn-1');
    const reply = button(root, '评价回复');
    expect((await insertIntoReplyBox({ root, platform: 'qianniu', replyButton: reply, text: '一', lastPressed: tracker.lastPressed() })).ok).toBe(true);
    expect(tracker.lastPressed()).toBe(reply);
    expect(await insertIntoReplyBox({ root, platform: 'qianniu', replyButton: reply, text: '二', lastPressed: tracker.lastPressed() })).toEqual({ ok: true, target: 'qianniu-dialog' });
    tracker.stop();
  });

  it('uses an open dialog without clicking the reply button again', async () => {
    loadReplyFixture(document, 'qianniu');
    const root = reviewRoot(document, 'qn-1');
    const reply = button(root, '评价回复');
    reply.click();
    await new Promise((r) => setTimeout(r, 200));
    let clicks = 0;
    reply.addEventListener('click', () => clicks++);

    const result = await insertIntoReplyBox({ root, platform: 'qianniu', replyButton: reply, text: '第二次' });

    expect(result.ok).toBe(true);
    expect(clicks).toBe(0);
    expect(document.querySelectorAll('.next-dialog')).toHaveLength(1);
  });

  it('gives up with a clear reason when the button opens nothing in time', async () => {
    loadReplyFixture(document, 'qianniu');
    const root = reviewRoot(document, 'qn-1');
    const dead = document.createElement('button');
    dead.textContent = '评价回复';
    root.append(dead);
    const started = Date.now();

    const result = await insertIntoReplyBox({ root, platform: 'qianniu', replyButton: dead, text: '你好', timeoutMs: 150 });

    expect(result).toEqual({ ok: false, reason: 'timeout' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('refuses to press a button that sits in a dialog (a submit button), and never clicks it', async () => {
    const log = loadReplyFixture(document, 'qianniu-richtext');
    const submit = document.querySelector<HTMLElement>('[data-fixture-submit]')!;
    const root = reviewRoot(document, 'qn-2');
    // The dialog is on its way out (hidden), so its editor is no target and its button is all that is left.
    document.querySelector<HTMLElement>('.next-dialog')!.style.display = 'none';

    const result = await insertIntoReplyBox({ root, platform: 'qianniu', replyButton: submit, text: '你好' });

    expect(result).toEqual({ ok: false, reason: 'unsafe_button' });
    expect(log.submits).toEqual([]);
  });

  it('falls back to the field the seller focused last, on a site without a known dialog', async () => {
    const root = document.createElement('div');
    const field = document.createElement('textarea');
    const search = document.createElement('input');
    document.body.append(root, field, search);
    const tracker = trackPageFocus(document);
    field.focus();
    search.focus();

    const result = await insertIntoReplyBox({ root, platform: 'generic', text: 'Sorry about that', focused: tracker.lastField() });
    tracker.stop();

    expect(result).toEqual({ ok: true, target: 'focused-field' });
    expect(field.value).toBe('Sorry about that');
  });

  it('opens an unknown site’s editor by its reply button and fills the field that appeared', async () => {
    const root = document.createElement('div');
    const reply = document.createElement('button');
    reply.textContent = 'Reply';
    reply.addEventListener('click', () => setTimeout(() => {
      const box = document.createElement('div');
      box.setAttribute('contenteditable', 'true');
      root.append(box);
    }, 50));
    root.append(reply);
    document.body.append(root);

    const result = await insertIntoReplyBox({ root, platform: 'otto', replyButton: reply, text: 'Vielen Dank' });

    expect(result).toEqual({ ok: true, target: 'opened-field' });
    expect(root.querySelector('[contenteditable]')!.textContent).toBe('Vielen Dank');
  });

  it('reports no reply box when nothing is open, focused or clickable, and refuses empty text', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    expect(await insertIntoReplyBox({ root, platform: 'jd', text: 'x' })).toEqual({ ok: false, reason: 'no_reply_box' });
    expect(await insertIntoReplyBox({ root, platform: 'jd', text: '  \n' })).toEqual({ ok: false, reason: 'empty_text' });
  });

  it('skips hidden and read-only fields', async () => {
    const root = document.createElement('div');
    const hidden = document.createElement('textarea');
    hidden.style.display = 'none';
    const readOnly = document.createElement('textarea');
    readOnly.readOnly = true;
    root.append(hidden, readOnly);
    document.body.append(root);
    expect(await insertIntoReplyBox({ root, platform: 'generic', text: 'x', focused: hidden })).toEqual({ ok: false, reason: 'no_reply_box' });
    expect(await insertIntoReplyBox({ root, platform: 'generic', text: 'x', focused: readOnly })).toEqual({ ok: false, reason: 'no_reply_box' });
  });
});

describe('trackPageFocus', () => {
  it('keeps the page field when focus moves into Mend’s shadow-root UI', () => {
    const field = document.createElement('div');
    field.setAttribute('contenteditable', 'true');
    const host = document.createElement('mend-review');
    const shadow = host.attachShadow({ mode: 'open' });
    const own = document.createElement('textarea');
    shadow.append(own);
    document.body.append(field, host);
    const tracker = trackPageFocus(document);
    field.focus();
    own.focus();
    expect(tracker.lastField()).toBe(field);
    field.remove();
    expect(tracker.lastField()).toBeNull();
    tracker.stop();
  });
});
