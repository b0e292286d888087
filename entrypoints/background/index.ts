import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from './service';

export default defineBackground(() => {
  startBackground();
});
