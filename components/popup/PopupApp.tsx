import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import type { Case } from '../../domain/case';
import type { CaseSummary } from '../../domain/case-summary';
import { MentionForm } from './MentionForm';
import { ExistingCase } from './ExistingCase';
import { AuthorCases } from './AuthorCases';
import { newDraft, type Draft } from './draft';
import { authorCases, captureShortcut, openCapture, type Opened } from './load-capture';
import { openSidePanel } from '../open-side-panel';
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
      draft: Draft;
      authorCases: CaseSummary[];
      attachTo: string | null;
      saving: boolean;
      error: string | null;
    }
  | { step: 'saved'; kase: Case | null; attached: boolean }
  | { step: 'failed'; error: string };

/** The toolbar popup: read the post (or take the context menu's capture), check for duplicates, review, save. */
export function PopupApp({ tabId, opening }: Props) {
  const [state, setState] = useState<State>({ step: 'reading' });
  const [shortcut, setShortcut] = useState<string | null>(null);

  const show = (opened: Promise<Opened>) => {
    setState({ step: 'reading' });
    opened
      .then(({ mention, duplicate }) => {
        setState(
          duplicate
            ? { step: 'duplicate', summary: duplicate }
            : { step: 'review', draft: newDraft(mention), authorCases: [], attachTo: null, saving: false, error: null },
        );
      })
      .catch((e: unknown) => setState({ step: 'failed', error: String(e instanceof Error ? e.message : e) }));
  };
  const read = (fresh = false) => show(openCapture(tabId, fresh));
  // A layout effect runs as soon as the first render is committed; a plain effect would wait for
  // the next frame, and the read's answer with it.
  useLayoutEffect(() => show(opening ?? openCapture(tabId)), [tabId]);

  // Not needed for the first paint, so asked once the form is on screen (effects run after paint):
  // the author's earlier cases (keyed by the capture, so edits to the form do not ask again).
  const reviewing = state.step === 'review' ? state.draft.mention : null;
  useEffect(() => {
    if (!reviewing) return;
    const capturedAt = reviewing.capturedAt;
    authorCases(reviewing)
      .then((cases) =>
        setState((s) =>
          s.step === 'review' && s.draft.mention.capturedAt === capturedAt ? { ...s, authorCases: cases } : s,
        ),
      )
      .catch(() => {});
  }, [reviewing?.capturedAt]);
  useEffect(() => void captureShortcut().then(setShortcut), []);

  return (
    <>
      {stepView(state, setState, read)}
      <p class="meta shortcut" data-testid="shortcut">
        {shortcut ? t('shortcutHint', shortcut) : t('shortcutNone')}
      </p>
    </>
  );
}

/** What the popup shows at each step (a plain function, so the popup stays one component). */
function stepView(state: State, setState: (s: State) => void, read: (fresh?: boolean) => void) {
  if (state.step === 'reading') return <p aria-busy="true">{t('reading')}</p>;
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
          {t('openSidePanel')}
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
          {t('openSidePanel')}
        </button>{' '}
        <button type="button" onClick={() => read(true)}>
          {t('captureAnother')}
        </button>
      </section>
    );
  }

  const { draft, saving, error, attachTo } = state;
  const save = async () => {
    setState({ ...state, saving: true, error: null });
    try {
      const { caseId } = attachTo
        ? await send('capture/attach', { mention: draft.mention, caseId: attachTo, note: draft.review.note })
        : await send('capture/save', draft);
      setState({ step: 'saved', kase: await send('case/get', { caseId }), attached: !!attachTo });
    } catch (e) {
      // The draft stays on screen, so nothing the agent typed is lost (issue #7: storage failures).
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
      <MentionForm
        draft={draft}
        saving={saving}
        onSave={() => void save()}
        onChange={(d) => setState({ ...state, draft: d })}
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
