import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PLATFORM_RULES } from '../../lib/drafts/platform-rules';
import { t } from '../../lib/i18n';
import { loadSettings, saveSettings, type Settings } from '../../lib/settings';
import type { Platform } from '../../lib/sites/types';
import { ErrorList } from './Field';
import { hostPattern, parseHost, type FieldError } from './validate';

const PLATFORMS = Object.keys(PLATFORM_RULES) as Platform[];

interface Props {
  settings: Settings;
  /**
   * Everything here is stored at once, not on the form's Save: a host's permission is granted at
   * once, and a site switched off should stop showing Mend without a second step.
   */
  onSettings(patch: Partial<Settings>): void;
}

export function SitesSection({ settings, onSettings }: Props) {
  const [hostInput, setHostInput] = useState('');
  const [error, setError] = useState<FieldError | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const toggle = async (platform: Platform, enabled: boolean) => {
    const others = (await loadSettings()).disabledPlatforms.filter((p) => p !== platform);
    const saved = await saveSettings({ disabledPlatforms: enabled ? others : [...others, platform] });
    onSettings({ disabledPlatforms: saved.disabledPlatforms });
  };

  const addHost = (event: Event) => {
    event.preventDefault();
    setStatus(null);
    const parsed = parseHost(hostInput);
    if ('error' in parsed) return setError(parsed.error);
    if (settings.extraHosts.includes(parsed.host)) return setError({ key: 'options_error_host_duplicate', args: [parsed.host] });
    setError(null);
    // Called synchronously in the click: browsers grant permission requests only inside a user gesture.
    // `scripting` lets the background run Mend on the granted site (entrypoints/background/extra-sites.ts).
    browser.permissions.request({ permissions: ['scripting'], origins: [parsed.pattern] }).then(
      async (granted) => {
        if (!granted) return setError({ key: 'options_error_host_denied', args: [parsed.host] });
        const current = (await loadSettings()).extraHosts;
        const saved = await saveSettings({ extraHosts: current.includes(parsed.host) ? current : [...current, parsed.host] });
        onSettings({ extraHosts: saved.extraHosts });
        setHostInput('');
        setStatus(t('options_host_added', parsed.host));
      },
      (failure: Error) => setError({ key: 'options_error_host_request_failed', args: [failure.message] }),
    );
  };

  const removeHost = async (host: string) => {
    setStatus(null);
    try {
      await browser.permissions.remove({ origins: [hostPattern(host)] });
    } catch {
      // Already revoked in the browser's own settings: forgetting the host is all that is left to do.
    }
    const saved = await saveSettings({ extraHosts: (await loadSettings()).extraHosts.filter((h) => h !== host) });
    onSettings({ extraHosts: saved.extraHosts });
    setStatus(t('options_host_removed', host));
  };

  return (
    <section data-section="sites">
      <h2>{t('options_section_sites')}</h2>
      <p class="hint">{t('options_sites_hint')}</p>
      <ul class="platforms">
        {PLATFORMS.map((platform) => (
          <li key={platform}>
            <label class="toggle">
              <input
                type="checkbox"
                name={`platform.${platform}`}
                checked={!settings.disabledPlatforms.includes(platform)}
                onChange={(event) => toggle(platform, event.currentTarget.checked)}
              />
              {t(`platform_${platform}`)}
            </label>
          </li>
        ))}
      </ul>
      <h3>{t('options_extra_hosts')}</h3>
      <p class="hint">{t('options_extra_hosts_hint')}</p>
      <form class="row" onSubmit={addHost} data-form="add-host">
        <input
          name="host"
          type="text"
          aria-label={t('options_host_label')}
          placeholder="seller.example.com"
          value={hostInput}
          onInput={(event) => setHostInput(event.currentTarget.value)}
        />
        <button type="submit" data-action="add-host">{t('options_host_add')}</button>
      </form>
      <ErrorList field="host" errors={error ? [error] : undefined} />
      {status && <div class="status" role="status">{status}</div>}
      {settings.extraHosts.length > 0 && (
        <ul class="hosts">
          {settings.extraHosts.map((host) => (
            <li key={host} data-host={host}>
              <span>{host}</span>
              <button type="button" class="link" data-action="remove-host" onClick={() => removeHost(host)}>
                {t('options_host_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
