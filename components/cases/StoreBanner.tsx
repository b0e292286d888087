import { t } from '../../lib/i18n';
import type { StoreStatus } from './useCasesStore';

/** Says what the case store is doing when it is not simply ready; an error is never silent. */
export function StoreBanner({ status, onRetry }: { status: StoreStatus; onRetry: () => void }) {
  switch (status.kind) {
    case 'ready':
    case 'opening':
      return null;
    case 'reconnecting':
      return <div class="banner info" role="status" data-store="reconnecting">{t('store_reconnecting')}</div>;
    case 'blocked':
      return <div class="banner warn" role="status" data-store="blocked">{t('store_blocked')}</div>;
    case 'failed':
      return (
        <div class="banner error" role="alert" data-store="failed">
          <span>{status.message}</span>
          <button type="button" onClick={onRetry}>{t('action_retry')}</button>
          <button type="button" onClick={() => location.reload()}>{t('action_reload_page')}</button>
        </div>
      );
  }
}

export function ErrorBanner({ message, onClose }: { message: string | null; onClose?: () => void }) {
  if (!message) return null;
  return (
    <div class="banner error" role="alert" data-error="write">
      <span>{message}</span>
      {onClose && <button type="button" class="close" aria-label={t('action_close')} onClick={onClose}>×</button>}
    </div>
  );
}
