import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from './i18n';

export type Props<V extends string> = {
  /** The radio group's name (also what a problem's field points at, for the highlight). */
  name: string;
  /** The visible legend, already in the agent's language. */
  legend: string;
  /** The choices, in the order shown (an enum's value list). */
  options: readonly V[];
  /** Each choice's message key (a typed map of labels.ts). */
  labels: Record<V, MessageKey>;
  /** The chosen value, or null while none is chosen. */
  value: V | null;
  onChange: (value: V) => void;
  /** Marks the group as the field to fix. */
  invalid?: boolean;
  /** A class per choice (severity colours). */
  tone?: (value: V) => string;
  /** Something shown inside one choice (the "suggested" mark). */
  note?: (value: V) => ComponentChildren;
};

/** One choice of an enum as a row of chips (radio buttons): one click, visible at a glance. */
export function ChoiceGroup<V extends string>({
  name,
  legend,
  options,
  labels,
  value,
  onChange,
  invalid,
  tone,
  note,
}: Props<V>) {
  return (
    <fieldset class={`choices${invalid ? ' invalid' : ''}`} data-field={name} aria-invalid={invalid || undefined}>
      <legend>{legend}</legend>
      <div class="chips">
        {options.map((o) => (
          <label key={o} class={`chip ${tone?.(o) ?? ''}${value === o ? ' on' : ''}`}>
            <input type="radio" name={name} value={o} checked={value === o} onChange={() => onChange(o)} />
            <span>{t(labels[o])}</span>
            {note?.(o)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
