import { useState } from 'preact/hooks';
import { syncReminders } from '../../lib/cases/reminders';
import type { CasesRepository } from '../../lib/cases/repository';
import { casesToCsv, exportCasesInto, importCasesJson, ImportRejectedError, type ImportReport } from '../../lib/cases/transfer';
import { OPEN_STATES } from '../../lib/cases/types';
import { fileText } from '../../lib/cases/file-text';
import { exportCasesInParallel } from '../../lib/cases/parallel-export';
import { encodedPart } from '../../lib/cases/export-text';
import { importCasesInParallel } from '../../lib/cases/parallel-import';
import { exportCaseTexts } from '../../lib/cases/text-export';
import { importMatchingTexts } from '../../lib/cases/matched-import';
import { startTransferWorker, workerHalfReader, workerRangeWriter } from '../../lib/cases/transfer-helper';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/protocol';
import { describeError } from './errors';

/** Marks the benchmark reads: `mend:export` and `mend:import` measures, in ms. */
function measured<T>(name: string, work: () => Promise<T>): Promise<T> {
  performance.mark(`${name}-start`);
  return work().finally(() => {
    performance.mark(`${name}-end`);
    performance.measure(name, `${name}-start`, `${name}-end`);
  });
}

/** A download made entirely in the page: nothing leaves the machine. */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadParts([text], fileName, type);
}

/** The same from pieces of text, which the Blob joins without one giant string in between. */
function downloadParts(parts: BlobPart[], fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the blob once the click is handled; keep it a little for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Which way an export or import went: the stored case texts, the page and a worker, or the page alone. */
type TransferPath = 'texts' | 'two-threads' | 'one-thread';

/**
 * The export file's pieces: from the stored texts of the cases when they are all there; else half of
 * the cases written by a worker when one can be had, else all here.
 */
async function exportParts(repo: CasesRepository): Promise<{ parts: BlobPart[]; count: number; path: TransferPath }> {
  const fromTexts = await exportCaseTexts(repo);
  if (fromTexts) return { ...fromTexts, path: 'texts' };
  const worker = startTransferWorker();
  try {
    const parallel = worker ? await exportCasesInParallel(repo, workerRangeWriter(worker)) : null;
    if (parallel) return { ...parallel, path: 'two-threads' };
  } catch (error) {
    console.warn('[Mend] export on two threads failed, exporting on one', error);
  } finally {
    worker?.terminate();
  }
  const parts: BlobPart[] = [];
  const count = await exportCasesInto(repo, (piece) => parts.push(encodedPart(piece)));
  return { parts, count, path: 'one-thread' };
}

/**
 * Imports a file slice by slice against our stored texts when it is laid out as an export writes it;
 * else with a worker reading its second half when one can be had, else all here.
 */
async function importFileContent(repo: CasesRepository, file: File): Promise<{ report: ImportReport; path: TransferPath }> {
  const matched = await importMatchingTexts(repo, file);
  if (matched) return { report: matched, path: 'texts' };
  const worker = startTransferWorker();
  try {
    const parallel = worker ? await importCasesInParallel(repo, file, workerHalfReader(worker)) : null;
    if (parallel) return { report: parallel, path: 'two-threads' };
  } finally {
    worker?.terminate();
  }
  return { report: await importCasesJson(repo, await fileText(file)), path: 'one-thread' };
}

function stamp(now = new Date()): string {
  return now.toISOString().slice(0, 16).replace(/[:T]/g, '-');
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'working'; what: 'export' | 'csv' | 'import' }
  | { kind: 'exported'; count: number }
  | { kind: 'imported'; report: ImportReport; fileName: string }
  | { kind: 'error'; message: string };

export function describeImportFailure(error: unknown): string {
  if (error instanceof ImportRejectedError) return t(`import_rejected_${error.reason}`, error.detail);
  return describeError(error);
}

export function TransferPanel({ repo, onImported }: { repo: CasesRepository | null; onImported: () => void }) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const working = outcome.kind === 'working';

  const exportJson = async () => {
    if (!repo) return;
    setOutcome({ kind: 'working', what: 'export' });
    try {
      const count = await measured('mend:export', async () => {
        const { parts, count, path } = await exportParts(repo);
        // Readable by tests and the benchmark: which way the export went.
        performance.mark(`mend:export-path-${path}`);
        downloadParts(parts, `mend-cases-${stamp()}.json`, 'application/json');
        return count;
      });
      setOutcome({ kind: 'exported', count });
    } catch (error) {
      setOutcome({ kind: 'error', message: describeError(error) });
    }
  };

  const exportCsv = async () => {
    if (!repo) return;
    setOutcome({ kind: 'working', what: 'csv' });
    try {
      const cases = await repo.all();
      downloadText(casesToCsv(cases), `mend-cases-${stamp()}.csv`, 'text/csv;charset=utf-8');
      setOutcome({ kind: 'exported', count: cases.length });
    } catch (error) {
      setOutcome({ kind: 'error', message: describeError(error) });
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!repo || !file) return;
    setOutcome({ kind: 'working', what: 'import' });
    try {
      const report = await measured('mend:import', async () => {
        const { report, path } = await importFileContent(repo, file);
        performance.mark(`mend:import-path-${path}`);
        return report;
      });
      setOutcome({ kind: 'imported', report, fileName: file.name });
      onImported();
      // Imported follow-ups need their alarms; the badge needs the new open count.
      void sendMessage('cases.changed', {}).catch(() => undefined);
      void repo
        .list({ states: OPEN_STATES })
        .then((open) => syncReminders(open))
        .catch((error) => console.warn('[Mend] reminders after import', error));
    } catch (error) {
      setOutcome({ kind: 'error', message: describeImportFailure(error) });
    }
  };

  return (
    <section class="transfer" aria-label={t('transfer_title')}>
      <h2>{t('transfer_title')}</h2>
      <p class="muted">{t('transfer_hint')}</p>
      <div class="transfer-actions">
        <button type="button" class="primary" data-action="export" disabled={!repo || working} onClick={() => void exportJson()}>
          {t('transfer_export_json')}
        </button>
        <button type="button" data-action="export-csv" disabled={!repo || working} onClick={() => void exportCsv()}>
          {t('transfer_export_csv')}
        </button>
        <label class="file-button">
          <span>{t('transfer_import_json')}</span>
          <input
            type="file"
            accept=".json,application/json"
            data-action="import"
            disabled={!repo || working}
            onChange={(e) => void importFile(e.currentTarget as HTMLInputElement)}
          />
        </label>
      </div>
      {outcome.kind === 'working' && <div class="banner info" role="status">{t(`transfer_working_${outcome.what}`)}</div>}
      {outcome.kind === 'exported' && (
        <div class="banner ok" role="status" data-transfer="exported">{t('transfer_exported', String(outcome.count))}</div>
      )}
      {outcome.kind === 'error' && (
        <div class="banner error" role="alert" data-transfer="error">{outcome.message}</div>
      )}
      {outcome.kind === 'imported' && <ImportSummary report={outcome.report} fileName={outcome.fileName} />}
    </section>
  );
}

const CONFLICTS_LISTED = 20;

function ImportSummary({ report, fileName }: { report: ImportReport; fileName: string }) {
  return (
    <div class="banner ok import-report" role="status" data-transfer="imported"
      data-added={report.added} data-updated={report.updated} data-conflicts={report.conflicts.length}>
      <div>
        <strong>{t('import_done', fileName)}</strong>
        <div>{t('import_counts', [String(report.added), String(report.updated), String(report.unchanged), String(report.conflicts.length)])}</div>
        {report.conflicts.length > 0 && (
          <details>
            <summary>{t('import_conflicts_explained')}</summary>
            <ul>
              {report.conflicts.slice(0, CONFLICTS_LISTED).map((c) => (
                <li key={c.id}>{t(c.kept === 'imported' ? 'import_conflict_imported' : 'import_conflict_existing', c.id)}</li>
              ))}
              {report.conflicts.length > CONFLICTS_LISTED && <li>{t('import_conflicts_more', String(report.conflicts.length - CONFLICTS_LISTED))}</li>}
            </ul>
          </details>
        )}
      </div>
    </div>
  );
}
