import { t } from '../i18n';

export type Props = {
  /** What the extractor could not read; shown so the agent knows what to fill in. */
  warnings: string[];
};

export function Warnings({ warnings }: Props) {
  if (!warnings.length) return null;
  return (
    <div class="warnings" role="status">
      <strong>{t('warningsTitle')}</strong>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </div>
  );
}
