import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { loadRules, removeRule, type StoredRule } from '../../lib/learned-rules';

/**
 * The pages where the seller taught Mend which block is a review. A rule outranks the platform's
 * adapter, so one taught on a page that later changed must be easy to take back.
 */
export function TaughtRulesSection() {
  const [rules, setRules] = useState<StoredRule[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string } | null>(null);

  useEffect(() => {
    loadRules().then(setRules, (error: Error) => setMessage({ kind: 'error', text: t('options_rules_failed', error.message) }));
  }, []);

  const forget = async (rule: StoredRule) => {
    setMessage(null);
    try {
      setRules(await removeRule(rule.scope));
      setMessage({ kind: 'status', text: t('options_rule_removed', `${rule.scope.host}${rule.scope.pathPattern}`) });
    } catch (error) {
      setMessage({ kind: 'error', text: t('options_rules_failed', (error as Error).message) });
    }
  };

  return (
    <section data-section="taught-rules">
      <h2>{t('options_section_rules')}</h2>
      <p class="hint">{t('options_rules_hint')}</p>
      {rules !== null && rules.length === 0 && <p class="hint" data-empty>{t('options_rules_empty')}</p>}
      {rules !== null && rules.length > 0 && (
        <ul class="hosts">
          {rules.map((rule) => (
            <li key={`${rule.scope.host}${rule.scope.pathPattern}`} data-rule={`${rule.scope.host}${rule.scope.pathPattern}`}>
              <span>
                {rule.scope.host}
                <code>{rule.scope.pathPattern}</code>
              </span>
              <span class="hint">{t('options_rule_saved_at', new Date(rule.savedAt).toLocaleString())}</span>
              <button type="button" class="link" data-action="remove-rule" onClick={() => forget(rule)}>
                {t('options_rule_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <div class={message.kind === 'error' ? 'errors' : 'status'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </div>
      )}
    </section>
  );
}
