import type { Settings } from '../../lib/settings';
import { t } from '../../lib/i18n';
import { Field } from './Field';
import type { FormErrors } from './form';
import { TEXT_LIMITS } from './validate';

type ShopFields = 'shopName' | 'signature' | 'serviceHours';

export function ShopSection({ settings, errors, onChange }: { settings: Settings; errors: FormErrors; onChange(patch: Partial<Settings>): void }) {
  const input = (name: ShopFields, placeholder: string) => (
    <Field id={name} label={t(`options_${name}`)} hint={t(`options_${name}_hint`)} errors={errors[name]}>
      <input
        id={name}
        name={name}
        type="text"
        maxLength={TEXT_LIMITS[name] * 2}
        placeholder={placeholder}
        value={settings[name]}
        onInput={(event) => onChange({ [name]: event.currentTarget.value })}
      />
    </Field>
  );
  return (
    <section data-section="shop">
      <h2>{t('options_section_shop')}</h2>
      {input('shopName', t('options_shopName_placeholder'))}
      {input('signature', t('options_signature_placeholder'))}
      {input('serviceHours', '9:00–22:00')}
    </section>
  );
}
