import type { Platform } from '../sites/types';

/**
 * Where each platform opens its reply editor. Site knowledge as data: when a back-office changes,
 * only this table changes. Selectors key on stable hooks (data-testid, ids, framework class names),
 * never on hashed suffixes.
 */
export interface ReplyBoxSpec {
  /** Names the target in results and logs. */
  target: string;
  /** The dialog or overlay that holds the editor; the last shown one wins (the topmost). */
  containers: readonly string[];
  /** The editor inside a container, most specific first. */
  editors: readonly string[];
}

const ANY_EDITOR = ['textarea', '[contenteditable="true"]', '[contenteditable=""]', '[role="textbox"]'] as const;

export const REPLY_BOXES: Partial<Record<Platform, ReplyBoxSpec>> = {
  // 2026-11 (shared/platforms.md): Qianniu's 评价回复 opens an Alibaba Fusion dialog; the editor has
  // been a textarea, a contenteditable and a role=textbox div across releases.
  qianniu: { target: 'qianniu-dialog', containers: ['.next-dialog'], editors: ANY_EDITOR },
  // 2026-11: the classic rate.taobao.com 回复 button shows a fixed overlay with one textarea.
  taobao_classic: { target: 'taobao-classic-overlay', containers: ['#reply-overlay'], editors: ['textarea'] },
  // 2026-11: 回复/互动 opens a beast-core modal titled 快捷回复; the textarea is React-controlled.
  pinduoduo: {
    target: 'pinduoduo-modal',
    containers: ['div[data-testid="beast-core-modal-inner"]'],
    editors: ['textarea[data-testid="beast-core-textArea-htmlInput"]', 'textarea'],
  },
  // 2026-11, assumption: 抖店 is an antd app, so a reply would open in an antd modal or drawer.
  // No public source shows the reply editor itself.
  douyin: { target: 'douyin-modal', containers: ['.ant-modal-content', '.ant-drawer-content'], editors: ANY_EDITOR },
};

/** Selectors of anything dialog-like: a reply button inside one is the dialog's own button, never ours to press. */
export const DIALOG_LIKE = [
  '.next-dialog',
  'div[data-testid="beast-core-modal-inner"]',
  '#reply-overlay',
  '.ant-modal-content',
  '.ant-drawer-content',
  '[role="dialog"]',
  '[aria-modal="true"]',
].join(', ');

/** Dialogs plus the masks and wrappers around them: a press there belongs to the open dialog, not to a review. */
export const OVERLAY_LIKE = [
  DIALOG_LIKE,
  '.next-overlay-wrapper',
  '[data-testid="beast-core-portal"]',
  '.ant-modal-root',
  '.ant-drawer',
].join(', ');
