import { t, type MessageKey } from './i18n';

export type Props<V extends string> = {
  /** The form field's name. */
  name: string;
  /** The visible label, already in the agent's language. */
  label: string;
  /** The choices, in the order shown (an enum's value list, domain/enum-values.ts). */
  options: readonly V[];
  /** Each choice's message key (a typed map of labels.ts). */
  labels: Record<V, MessageKey>;
  /** The chosen value. */
  value: V;
  /** Called with the newly chosen value. */
  onChange: (value: V) => void;
};

/** A labelled choice of one enum value, each option named in the agent's language. */
export function EnumSelect<V extends string>({ name, label, options, labels, value, onChange }: Props<V>) {
  return (
    <label>
      <span>{label}</span>
      <select name={name} value={value} onChange={(e) => onChange(e.currentTarget.value as V)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {t(labels[o])}
          </option>
        ))}
      </select>
    </label>
  );
}
