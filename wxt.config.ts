import { defineConfig } from 'wxt';

// Host permissions are limited to the seller back-offices Mend knows; any other site is an
// optional permission the seller grants from the options page.
export const SUPPORTED_HOSTS = [
  'https://myseller.taobao.com/*',
  'https://qn.taobao.com/*',
  'https://rate.taobao.com/*',
  'https://mms.pinduoduo.com/*',
  'https://fxg.jinritemai.com/*',
  'https://shop.jd.com/*',
  'https://s.kwaixiaodian.com/*',
  'https://portal.otto.market/*',
  'https://sellercentral.amazon.com/*',
  'https://sellercentral.amazon.de/*',
  'https://sellercentral-europe.amazon.com/*',
];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: SUPPORTED_HOSTS,
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_extName__' },
    browser_specific_settings: {
      gecko: {
        id: 'mend@mend.local',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
