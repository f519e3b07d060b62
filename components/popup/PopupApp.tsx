import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import type { CaseSummary } from '../../domain/case-summary';
import { problemOf, type Problem } from '../../domain/problem';
import { ExistingCase } from './ExistingCase';
import { AuthorCases } from './AuthorCases';
import { ReviewForm } from './ReviewForm';
import { SavedView } from './SavedView';
import { alsoToSave, missingFields, newUnsavedCapture, reviewOf, type UnsavedCapture } from './unsaved-capture';
import { DmCapture } from './DmCapture';
import { DmRefused } from './DmRefused';
import { authorCases, captureShortcut, openCapture, type Opened } from './load-capture';
import { openSidePanel } from '../../browser-compat/side-panel';
import { browserWords } from '../../browser-compat/words';
import { t } from '../i18n';
import { problemField, wordProblem } from '../problem-words';

export type Props = {
  /** The tab to capture from (the active tab, the one the context menu read, or the one a test names). */
  tabId: number;
  /** The first read, when the entry started it before rendering (the popup's wait is mostly this read). */
  opening?: Promise<Opened>;
};

type Review = {
  step: 'review';
  capture: UnsavedCapture;
  owners: Record<string, string>;
  authorCases: CaseSummary[];
  attachTo: string | null;
  saving: boolean;
  problem: { text: string; field: string | null } | null;
};

type State =
  | { step: 'reading' }
  | { step: 'refused'; problem: Problem }
  | { step: 'duplicate'; summary: CaseSummary }
  | Review
  | { step: 'saved'; caseId: string; attached: boolean }
  | { step: 'failed'; error: string };

/** What the popup shows for what the background read: a message, the existing case, or the review. */
function stateOf(opened: Opened): State {
  if (!opened.mention) return { step: 'refused', problem: opened.readError ?? { code: 'page_internal', params: {} } };
  if (opened.brandAccount)
    return { step: 'refused', problem: { code: 'brand_account', params: { handle: opened.brandAccount } } };
  if (opened.duplicate) return { step: 'duplicate', summary: opened.duplicate };
  return {
    step: 'review',
    capture: newUnsavedCapture(opened.mention, opened.owners, {
      also: opened.also,
      dm: opened.dm,
      ...(opened.evidenceId ? { evidenceId: opened.evidenceId } : {}),
    }),
    owners: opened.owners,
    authorCases: [],
    attachTo: null,
    saving: false,
    problem: null,
  };
}

const MISSING_TEXT = {
  'mention.text': 'problem_textMissing',
  'review.category': 'missingCategory',
  'review.severity': 'missingSeverity',
} as const;

/** The toolbar popup: read the post (or take the context menu's capture), check for duplicates, review, save. */
export function PopupApp({ tabId, opening }: Props) {
  const [state, setState] = useState<State>({ step: 'reading' });
  const [shortcut, setShortcut] = useState<string | null>(null);

  const show = (opened: Promise<Opened>) => {
    setState({ step: 'reading' });
    opened
      .then((o) => setState(stateOf(o)))
      .catch((e: unknown) => setState({ step: 'failed', error: wordProblem(problemOf(e)) }));
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

  if (state.step === 'reading') return <p aria-busy="true">{t('reading')}</p>;
  if (state.step === 'failed') return <p role="alert">{state.error}</p>;
  if (state.step === 'refused')
    return state.problem.code === 'dm_capture_off' ? <DmRefused /> : <NotACapture problem={state.problem} />;
  if (state.step === 'saved')
    return (
      <SavedView
        caseId={state.caseId}
        attached={state.attached}
        onOpenPanel={() => void openSidePanel()}
        onCaptureAgain={() => read(true)}
      />
    );
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

  const review = state;
  const save = async () => {
    if (review.saving) return;
    const missing = missingFields(review.capture);
    if (missing[0]) {
      const field = missing[0];
      setState({
        ...review,
        problem: { text: t(MISSING_TEXT[field]), field: problemField({ code: 'invalid_field', params: { field } }) },
      });
      return;
    }
    setState({ ...review, saving: true, problem: null });
    const { mention } = review.capture;
    try {
      const also = alsoToSave(review.capture);
      const evidenceId = review.capture.evidenceId;
      const { caseId } = review.attachTo
        ? await send('capture/attach', {
            mention,
            caseId: review.attachTo,
            note: review.capture.note,
            also,
            evidenceId,
          })
        : await send('capture/save', { mention, review: reviewOf(review.capture), also, evidenceId });
      setState({ step: 'saved', caseId, attached: !!review.attachTo });
    } catch (e) {
      // The capture stays on screen, so nothing the agent typed is lost when storage fails (disk full, …).
      const p = problemOf(e);
      setState({
        ...review,
        saving: false,
        problem: { text: t('saveFailed', wordProblem(p)), field: problemField(p) },
      });
    }
  };
  return (
    <ReviewForm
      capture={review.capture}
      owners={review.owners}
      saving={review.saving}
      problem={review.problem}
      shortcut={shortcut}
      onSave={() => void save()}
      onChange={(c) => setState({ ...review, capture: c })}
      dm={
        review.capture.mention.kind === 'dm' ? (
          <DmCapture
            messages={[...(review.capture.also ?? []), review.capture.mention]}
            range={review.capture.dm ?? null}
            busy={review.saving}
            onRange={(n) => read(true, n)}
          />
        ) : undefined
      }
      extra={
        <AuthorCases
          cases={review.authorCases}
          value={review.attachTo}
          onChange={(id) => setState({ ...review, attachTo: id })}
        />
      }
    />
  );
}

/** Instead of a form: a page nothing can be read from, or a post by the brand's own account. */
function NotACapture({ problem }: { problem: Problem }) {
  const internal = problem.code === 'page_internal';
  return (
    <section class="refused" data-testid="refused">
      <h1>{internal ? t('problem_pageInternal') : t('notAComplaint')}</h1>
      <p>{internal ? t('pageInternalBody') : wordProblem(problem)}</p>
    </section>
  );
}
