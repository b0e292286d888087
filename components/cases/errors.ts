import { CasesError } from '../../lib/cases/errors';
import { t } from '../../lib/i18n';

/** A storage failure in words the seller can act on, with the technical detail kept for support. */
export function describeError(error: unknown): string {
  if (error instanceof CasesError) return t(`case_error_${error.code}`, error.message);
  const detail = error instanceof Error ? error.message : String(error);
  return t('case_error_storage', detail);
}
