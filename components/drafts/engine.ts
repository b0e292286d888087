/**
 * The one place the UI reaches into the draft engine (lib/drafts), so the panel and the options page
 * draft and lint exactly the same way.
 */
export { generateDraftsReport } from '../../lib/drafts/generate';
export { lintReply } from '../../lib/drafts/lint';
