import { defineConfig } from 'wxt';
import { SUPPORTED_HOST_PATTERNS } from './lib/sites/hosts';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  // Extension pages load their chunks from the package; Vite's preload polyfill would add fetch().
  vite: () => ({ build: { modulePreload: { polyfill: false }, ...(process.env.MEND_PROFILE_BUILD ? { minify: false } : {}) } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // Least privilege: local storage, reminder alarms and their notifications. Host access is
    // limited to the supported back-offices; any other site is asked for when the seller adds it.
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: SUPPORTED_HOST_PATTERNS,
    // Asked for only when the seller adds a site Mend does not know: the host, and `scripting` to
    // run Mend there.
    optional_permissions: ['scripting'],
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'mend@mend.local', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
