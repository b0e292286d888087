import { defineContentScript } from 'wxt/utils/define-content-script';
import { SUPPORTED_HOST_PATTERNS } from '../../lib/sites/hosts';
import { startMend } from './pipeline';

export default defineContentScript({
  matches: SUPPORTED_HOST_PATTERNS,
  runAt: 'document_idle',
  main(ctx) {
    startMend(ctx);
  },
});
