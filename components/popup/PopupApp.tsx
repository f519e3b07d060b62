import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import type { Case } from '../../domain/case';
import type { CaseSummary } from '../../domain/case-summary';
import { MentionForm } from './MentionForm';
import { ExistingCase } from './ExistingCase';
import { AuthorCases } from './AuthorCases';
import { alsoToSave, newUnsavedCapture, type UnsavedCapture } from './unsaved-capture';
import { DmCapture } from './DmCapture';
import { DmRefused } from './DmRefused';
import { authorCases, captureShortcut, openCapture, type Opened } from './load-capture';
import { openSidePanel } from '../../browser-compat/side-panel';
import { browserWords } from '../../browser-compat/words';
import { t } from '../i18n';

export type Props = {
  /** The tab to capture from (the active tab, the one the context menu read, or the one a test names). */
  tabId: number;
  /** The first read, when the entry started it before rendering (the popup's wait is mostly this read). */
  opening?: Promise<Opened>;
};

type State =
  | { step: 'reading' }
  | { step: 'duplicate'; summary: CaseSummary }
  | {
      step: 'review';
      capture: UnsavedCapture;
      authorCases: CaseSummary[];
      attachTo: string | null;
      saving: boolean;
      error: string | null;
    }
  | { step: 'saved'; kase: Case | null; attached: boolean }
  | { step: 'refused' }
  | { step: 'failed'; error: string };

/** The toolbar popup: read the post (or take the context menu's capture), check for duplicates, review, save. */
export function PopupApp({ tabId, opening }: Props) {
  const [state, setState] = useState<State>({ step: 'reading' });
  const [shortcut, setShortcut] = useState<string | null>(null);

  const show = (opened: Promise<Opened>) => {
    setState({ step: 'reading' });
    opened
      .then(({ mention, duplicate, also, dm, refused, evidenceId }) => {
        setState(
          refused
            ? { step: 'refused' }
            : duplicate
              ? { step: 'duplicate', summary: duplicate }
              : {
                  step: 'review',
                  capture: newUnsavedCapture(mention, { also, dm, ...(evidenceId ? { evidenceId } : {}) }),
                  authorCases: [],
                  attachTo: null,
                  saving: false,
                  error: null,
                },
        );
      })
      .catch((e: unknown) => setState({ step: 'failed', error: String(e instanceof Error ? e.message : e) }));
  };
  const read = (fresh = false, dmLast?: number) => show(openCapture(tabId, fresh, dmLast));
  // A layout effect runs as soon as the first render is committed; a plain effect would wait for
  // the next frame, and the read's answer with it.
  useLayoutEffect(() => show(opening ?? openCapture(tabId)), [tabId]);

  // Not needed for the first paint, so asked once the form is on screen (effects run after paint):
  // the author's earlier cases (keyed by the capture, so edits to the form do not ask again).
  const reviewing = state.step === 'review' ? state.capture.mention : null;
  useEffect(() => {
    if (!reviewing) return;
    const capturedAt = reviewing.capturedAt;
    authorCases(reviewing)
      .then((cases) =>
        setState((s) =>
          s.step === 'review' && s.capture.mention.capturedAt === capturedAt ? { ...s, authorCases: cases } : s,
        ),
      )
      .catch(() => {});
  }, [reviewing?.capturedAt]);
  useEffect(() => void captureShortcut().then(setShortcut), []);
  // The evidence image is taken once the mention is on screen, so it never delays the first render.
  const evidenceId = state.step === 'review' ? state.capture.evidenceId : undefined;
  useEffect(() => void (evidenceId && send('evidence/take', { evidenceId }).catch(() => {})), [evidenceId]);

  return (
    <>
      {stepView(state, setState, read)}
      <p class="meta shortcut" data-testid="shortcut">
        {shortcut ? t('shortcutHint', shortcut) : t(browserWords.shortcutNone)}
      </p>
    </>
  );
}

/** What the popup shows at each step (a plain function, so the popup stays one component). */
function stepView(state: State, setState: (s: State) => void, read: (fresh?: boolean, dmLast?: number) => void) {
  if (state.step === 'reading') return <p aria-busy="true">{t('reading')}</p>;
  if (state.step === 'refused') return <DmRefused />;
  if (state.step === 'failed') return <p role="alert">{t('error', state.error)}</p>;
  if (state.step === 'duplicate') {
    const caseId = state.summary.id;
    return (
      <>
        <ExistingCase
          summary={state.summary}
          onAddNote={(text) => send('case/log', { caseId, kind: 'note', text }).then(() => {})}
        />
        <button type="button" class="secondary" onClick={() => void openSidePanel()}>
          {t(browserWords.openPanel)}
        </button>
      </>
    );
  }
  if (state.step === 'saved') {
    const sync = state.kase?.syncState;
    return (
      <section aria-live="polite">
        <p data-testid="saved">{state.attached ? t('attached') : t('saved')}</p>
        <p>{sync === 'local' ? t('savedLocal') : t('savedQueued')}</p>
        <button type="button" onClick={() => void openSidePanel()}>
          {t(browserWords.openPanel)}
        </button>{' '}
        <button type="button" onClick={() => read(true)}>
          {t('captureAnother')}
        </button>
      </section>
    );
  }

  const { capture, saving, error, attachTo } = state;
  const save = async () => {
    setState({ ...state, saving: true, error: null });
    try {
      const also = alsoToSave(capture);
      const { caseId } = attachTo
        ? await send('capture/attach', {
            mention: capture.mention,
            caseId: attachTo,
            note: capture.review.note,
            also,
            evidenceId: capture.evidenceId,
          })
        : await send('capture/save', {
            mention: capture.mention,
            review: capture.review,
            also,
            evidenceId: capture.evidenceId,
          });
      setState({ step: 'saved', kase: await send('case/get', { caseId }), attached: !!attachTo });
    } catch (e) {
      // The capture stays on screen, so nothing the agent typed is lost when storage fails (disk full, …).
      setState({ ...state, saving: false, error: e instanceof Error ? e.message : String(e) });
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
      {capture.mention.kind === 'dm' && (
        <DmCapture
          messages={[...(capture.also ?? []), capture.mention]}
          range={capture.dm ?? null}
          busy={saving}
          onRange={(n) => read(true, n)}
        />
      )}
      <MentionForm
        capture={capture}
        saving={saving}
        onSave={() => void save()}
        onChange={(c) => setState({ ...state, capture: c })}
        extra={
          <AuthorCases
            cases={state.authorCases}
            value={attachTo}
            onChange={(id) => setState({ ...state, attachTo: id })}
          />
        }
      />
    </section>
  );
}
