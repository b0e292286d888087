/**
 * The panel's styles as a string, for the widget's shadow-root <style>: self-contained, nothing here can
 * reach the page. Kept in TypeScript rather than a .css?inline import so tests see the same text.
 */
export const draftPanelCss = `
.draft-panel { display: flex; flex-direction: column; gap: 6px; }
.draft-panel .tabs { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; }
.draft-panel .tabs button {
  font: inherit; height: 22px; padding: 0 10px; border-radius: 11px; border: 1px solid #c9cdd4;
  background: #fff; color: #4e5969; cursor: pointer;
}
.draft-panel .tabs button[aria-selected="true"] { background: #8a5cf6; border-color: #8a5cf6; color: #fff; }
.draft-panel .tabs.tones button[aria-selected="true"] { background: #f3edff; border-color: #8a5cf6; color: #6236d6; }
.draft-panel .lang { margin-left: auto; color: #86909c; }
.draft-panel .draft-text {
  box-sizing: border-box; width: 100%; min-height: 84px; padding: 6px 8px; resize: vertical;
  font: 13px/1.6 -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  color: #1f2329; background: #fff; border: 1px solid #c9cdd4; border-radius: 4px;
}
.draft-panel .draft-text:focus { outline: 2px solid #8a5cf6; outline-offset: 0; border-color: #8a5cf6; }
.draft-panel .meta { display: flex; align-items: center; gap: 8px; color: #86909c; }
.draft-panel .count.over { color: #d4380d; font-weight: 600; }
.draft-panel .findings { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 2px; }
.draft-panel .findings li { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px; padding: 2px 6px; border-radius: 4px; }
.draft-panel .findings li[data-severity="error"] { background: #fff1f0; color: #a8071a; }
.draft-panel .findings li[data-severity="warning"] { background: #fffbe6; color: #874d00; }
.draft-panel .severity { font-weight: 700; flex: none; }
.draft-panel .quote { background: #ffe58f; color: #1f2329; padding: 0 3px; border-radius: 2px; white-space: pre-wrap; }
.draft-panel .quote::before { content: "「"; }
.draft-panel .quote::after { content: "」"; }
.draft-panel .lint-ok { color: #237804; }
.draft-panel .actions { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.draft-panel .actions button {
  font: inherit; height: 24px; padding: 0 12px; border-radius: 4px; border: 1px solid #c9cdd4;
  background: #fff; color: #1f2329; cursor: pointer;
}
.draft-panel .actions button.primary { background: #8a5cf6; border-color: #8a5cf6; color: #fff; }
.draft-panel .actions button:disabled { opacity: 0.5; cursor: not-allowed; }
.draft-panel button.link { font: inherit; border: none; background: none; color: #6236d6; padding: 0; cursor: pointer; text-decoration: underline; }
.draft-panel .hint { color: #86909c; }
.draft-panel .status { padding: 4px 8px; border-radius: 4px; background: #f2f3f5; }
.draft-panel .status.ok { background: #f6ffed; color: #237804; }
.draft-panel .status.fail { background: #fff1f0; color: #a8071a; }
.draft-panel .status .warn { color: #a8071a; font-weight: 600; }
`;
