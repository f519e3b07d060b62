import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '../../messaging/client';
import type { Case } from '../../domain/case';
import { MentionForm } from './MentionForm';
import { newDraft, type Draft } from './draft';
import { openSidePanel } from '../open-side-panel';
import { t } from '../i18n';

export type Props = {
  /** The tab to capture from (the active tab, or the one a test names). */
  tabId: number;
};

type State =
  | { step: 'reading' }
  | { step: 'review'; draft: Draft; saving: boolean; error: string | null }
  | { step: 'saved'; kase: Case | null }
  | { step: 'failed'; error: string };

/** The toolbar popup: read the post from the tab, let the agent review it, save it as a case. */
export function PopupApp({ tabId }: Props) {
  const [state, setState] = useState<State>({ step: 'reading' });

  const read = () => {
    setState({ step: 'reading' });
    send('capture/tab', { tabId, options: {} })
      .then(({ mention }) => setState({ step: 'review', draft: newDraft(mention), saving: false, error: null }))
      .catch((e: unknown) => setState({ step: 'failed', error: String(e instanceof Error ? e.message : e) }));
  };
  useEffect(read, [tabId]);

  if (state.step === 'reading') return <p aria-busy="true">{t('reading')}</p>;
  if (state.step === 'failed') return <p role="alert">{t('error', state.error)}</p>;
  if (state.step === 'saved') {
    const sync = state.kase?.syncState;
    return (
      <section aria-live="polite">
        <p data-testid="saved">{t('saved')}</p>
        <p>{sync === 'local' ? t('savedLocal') : t('savedQueued')}</p>
        <button type="button" onClick={() => void openSidePanel()}>
          {t('openSidePanel')}
        </button>{' '}
        <button type="button" onClick={read}>
          {t('captureAnother')}
        </button>
      </section>
    );
  }

  const { draft, saving, error } = state;
  const save = async () => {
    setState({ ...state, saving: true, error: null });
    try {
      const { caseId } = await send('capture/save', draft);
      setState({ step: 'saved', kase: await send('case/get', { caseId }) });
    } catch (e) {
      // The draft stays on screen, so nothing the agent typed is lost (issue #7: storage failures).
      setState({ step: 'review', draft, saving: false, error: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <section>
      <h1>{t('reviewTitle')}</h1>
      {error && (
        <p role="alert" class="error">
          {t('saveFailed', error)}
        </p>
      )}
      <MentionForm draft={draft} saving={saving} onSave={() => void save()} onChange={(d) => setState({ ...state, draft: d })} />
    </section>
  );
}

/** The tab to capture: the active one; in the e2e build a test may name it with `?tabId=`. */
export async function resolveTabId(search: string): Promise<number | null> {
  if (__E2E__) {
    const fromQuery = Number(new URLSearchParams(search).get('tabId'));
    if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
