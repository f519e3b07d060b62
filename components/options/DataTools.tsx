import { useEffect, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import { t } from '../i18n';
import { wordError, wordProblem } from '../problem-words';

export type Props = {
  /** Hands a finished export to the browser as a download (injected, so tests can watch it). */
  download: (filename: string, mime: string, content: string) => void;
};

/** Export as CSV or JSON, import a JSON export, and the retention of authors' data. */
export function DataTools({ download }: Props) {
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const [days, setDays] = useState('');
  useEffect(
    () =>
      void send('retention/get', {}).then(
        (retention) => setDays(retention.days === null ? '' : String(retention.days)),
        () => {},
      ),
    [],
  );
  const fail = (e: unknown) => setMessage({ text: wordError(e), bad: true });
  const exportAs = (format: 'json' | 'csv') =>
    send('data/export', { format }).then((f) => download(f.filename, f.mime, f.content), fail);
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const imported = await send('data/import', { text: await file.text() });
    setMessage(
      imported.ok
        ? {
            text: t('importDone', String(imported.cases), String(imported.mentions), String(imported.skipped)),
            bad: false,
          }
        : { text: t('importFailed', wordProblem(imported.error)), bad: true },
    );
  };
  const saveRetention = () => {
    const n = days.trim() ? Number(days) : null;
    send('retention/set', { days: n }).then(
      ({ purged }) => setMessage({ text: t('retentionSaved', String(purged)), bad: false }),
      fail,
    );
  };
  return (
    <section aria-labelledby="data-h" data-testid="data-tools">
      <h2 id="data-h">{t('dataTitle')}</h2>
      <div class="row">
        <button type="button" class="secondary" onClick={() => void exportAs('json')}>
          {t('exportJson')}
        </button>
        <button type="button" class="secondary" onClick={() => void exportAs('csv')}>
          {t('exportCsv')}
        </button>
      </div>
      <label>
        <span>{t('importJson')}</span>
        <input
          type="file"
          name="import"
          accept="application/json,.json"
          onChange={(e) => void importFile(e.currentTarget.files?.[0]).catch(fail)}
        />
      </label>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          saveRetention();
        }}
      >
        <label>
          <span>{t('retentionDays')}</span>
          <input
            name="retention"
            type="number"
            min={1}
            max={3650}
            value={days}
            onInput={(e) => setDays(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="secondary">
          {t('retentionSave')}
        </button>
      </form>
      <div aria-live="polite" data-testid="data-message">
        {message && (
          <p class={message.bad ? 'error' : ''} role={message.bad ? 'alert' : undefined}>
            {message.text}
          </p>
        )}
      </div>
    </section>
  );
}

/** Saves text as a file through a temporary object URL (no downloads permission needed). */
export function downloadText(filename: string, mime: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
