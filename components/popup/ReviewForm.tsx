import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES, SEVERITIES } from '../../domain/enum-values';
import { priority, reachOf } from '../../domain/priority';
import { ChoiceGroup } from '../ChoiceGroup';
import { browserWords } from '../../browser-compat/words';
import { ago, t } from '../i18n';
import { CATEGORY_LABEL, KIND_LABEL, platformLabel, SEVERITY_LABEL } from '../labels';
import { languageName, localTime } from '../format';
import { Reach } from '../Reach';
import { withCategory, type UnsavedCapture } from './unsaved-capture';
import { Warnings } from './Warnings';
import { WhatWasRead } from './WhatWasRead';

export type Props = {
  /** The capture being reviewed. */
  capture: UnsavedCapture;
  /** Each category's default owner (options), to pre-fill the owner. */
  owners: Record<string, string>;
  /** Called with the whole new capture on every edit. */
  onChange: (c: UnsavedCapture) => void;
  /** Called when the agent saves (the button, or Ctrl/Cmd+Enter anywhere in the form). */
  onSave: () => void;
  /** True while the save is in flight. */
  saving: boolean;
  /** Why the last save was refused, worded, and the input to highlight. */
  problem: { text: string; field: string | null } | null;
  /** The capture shortcut as bound, for the footer. */
  shortcut: string | null;
  /** Above the footer: the choice to add the capture to the author's earlier case. */
  extra?: ComponentChildren;
  /** A direct message: its private mark, the customer's messages and the range, in place of the quote. */
  dm?: ComponentChildren;
};

/** Where a field lives: the decisions at the top, the mention's own fields in "What was read". */
const READ_FIELDS = ['text', 'authorName', 'authorHandle', 'title', 'url', 'publishedAt', 'language'];

/**
 * The review, decision first: who, what they said (title, reach), then category, severity, owner
 * and note. What the extractor read sits collapsed below; Save stays in view.
 */
export function ReviewForm({ capture, owners, onChange, onSave, saving, problem, shortcut, extra, dm }: Props) {
  const m = capture.mention;
  const [readOpen, setReadOpen] = useState(false);
  const invalid = problem?.field ?? null;
  useEffect(() => {
    if (!invalid) return;
    if (READ_FIELDS.includes(invalid)) setReadOpen(true);
    // After the details have opened: focus the field to fix.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[name="${invalid}"]`)?.focus());
  }, [problem]);
  const who = m.author.name ?? m.author.handle;
  const prio =
    capture.severity &&
    priority(
      {
        severity: capture.severity,
        reach: reachOf(m.author.followers, m.metrics.views),
        since: m.capturedAt,
      },
      Date.now(),
    );
  return (
    <form
      class="review"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          onSave();
        }
      }}
    >
      <header class="who">
        <h1 data-testid="who">{who ?? t('authorUnknown')}</h1>
        {m.author.handle && who !== m.author.handle && <span class="handle">@{m.author.handle}</span>}
        <span class="meta" data-testid="platform">
          {t(platformLabel(m.platform))} · {t(KIND_LABEL[m.kind])}
        </span>
      </header>
      {m.title && (
        <p class="title" data-testid="title">
          {m.title}
        </p>
      )}
      {dm ?? (
        <blockquote class={`quote${m.text.trim() ? '' : ' empty'}`} data-testid="quote" tabIndex={0}>
          {m.text.trim() ? m.text : t('noTextRead')}
        </blockquote>
      )}
      <div class="facts">
        <Reach
          followers={m.author.followers}
          views={m.metrics.views}
          replies={m.metrics.replies}
          reposts={m.metrics.reposts}
        />
        <span class="meta">
          {m.publishedAt ? t('postedAt', localTime(m.publishedAt), ago(m.publishedAt)) : t('postedUnknown')}
          {m.language ? ` · ${languageName(m.language)}` : ''}
        </span>
      </div>
      <Warnings warnings={m.warnings} />
      {/* A direct message's exchange is shown with its messages; these are a post's comments. */}
      {m.thread && m.kind !== 'dm' && (
        <p class="meta" data-testid="thread-note">
          {m.thread.truncated && m.thread.found > m.thread.comments.length
            ? t('threadKeptTruncated', m.thread.comments.length.toLocaleString(), m.thread.found.toLocaleString())
            : t('threadKept', m.thread.comments.length.toLocaleString())}
        </p>
      )}
      <ChoiceGroup
        name="category"
        legend={t('category')}
        options={CATEGORIES}
        labels={CATEGORY_LABEL}
        value={capture.category}
        invalid={invalid === 'category'}
        onChange={(category) => onChange(withCategory(capture, category, owners))}
        note={(c) =>
          c === capture.suggested && (
            <span class="suggested" data-testid="suggested">
              {t('suggested')}
            </span>
          )
        }
      />
      <ChoiceGroup
        name="severity"
        legend={t('severity')}
        options={SEVERITIES}
        labels={SEVERITY_LABEL}
        value={capture.severity}
        invalid={invalid === 'severity'}
        tone={(s) => `sev-${s}`}
        onChange={(severity) => onChange({ ...capture, severity })}
      />
      {prio !== null && prio !== undefined && (
        <p class="meta" data-testid="priority">
          {t('priorityIs', String(prio))}
        </p>
      )}
      <div class="row">
        <label>
          <span>{t('owner')}</span>
          <input
            name="owner"
            value={capture.owner}
            placeholder={t('unassigned')}
            aria-invalid={invalid === 'owner' || undefined}
            onInput={(e) => onChange({ ...capture, owner: e.currentTarget.value, ownerTouched: true })}
          />
        </label>
        <label>
          <span>{t('note')}</span>
          <input
            name="note"
            value={capture.note}
            aria-invalid={invalid === 'note' || undefined}
            onInput={(e) => onChange({ ...capture, note: e.currentTarget.value })}
          />
        </label>
      </div>
      {extra}
      <WhatWasRead
        mention={m}
        open={readOpen}
        onToggle={setReadOpen}
        invalid={invalid}
        onChange={(mention) => onChange({ ...capture, mention })}
      />
      <footer class="save-bar">
        {problem && (
          <p role="alert" class="error" data-testid="save-problem">
            {problem.text}
          </p>
        )}
        <button type="submit" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </button>
        <span class="meta" data-testid="shortcut">
          {t('saveShortcut')} · {shortcut ? t('shortcutHint', shortcut) : t(browserWords.shortcutNone)}
        </span>
      </footer>
    </form>
  );
}
