import { t } from '../i18n';
import { WARNING_LABEL } from '../labels';

export type Props = {
  /** What the extractor could not read; shown so the agent knows what to fill in. */
  warnings: string[];
};

/** One extractor warning in the agent's language (a phrase from before this list shows as it is). */
export function wordWarning(w: string): string {
  const key = WARNING_LABEL[w];
  if (key) return t(key);
  const cut = /^text cut at ([\d,.]+) characters$/.exec(w);
  if (cut) return t('warn_textCut', cut[1]!);
  // The page's own words for the time ("2 h", "3 days ago") are data: quoted, never translated.
  const shown = /^(?:publish )?time worked out from "(.*)" as shown$/.exec(w);
  return shown ? t('warn_timeShown', shown[1]!) : w;
}

export function Warnings({ warnings }: Props) {
  if (!warnings.length) return null;
  return (
    <div class="warnings" role="status">
      <strong>{t('warningsTitle')}</strong>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{wordWarning(w)}</li>
        ))}
      </ul>
    </div>
  );
}
