import { useState } from 'preact/hooks';
import { CATEGORIES, SEVERITIES } from '../../domain/enum-values';
import type { Platform } from '../../domain/mention';
import type { WorkbenchSettings } from '../../domain/settings';
import { PLATFORM_IDS } from '../../extract/platforms/platforms';
import { send } from '../../messaging/client';
import { t } from '../i18n';
import { CATEGORY_LABEL, platformLabel, SEVERITY_LABEL } from '../labels';
import { problemField, wordError } from '../problem-words';
import { problemOf } from '../../domain/problem';

export type Props = {
  /** The saved values the form starts from. */
  initial: WorkbenchSettings;
};

/**
 * How the team triages: the brand's own accounts (never complaints; their replies answer a case),
 * hours to the first response per severity, and a protocol per category with its default owner.
 */
export function WorkbenchForm({ initial }: Props) {
  const [v, setV] = useState<WorkbenchSettings>(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string; field: string | null } | null>(null);
  const [newAccount, setNewAccount] = useState<{ platform: Platform; handle: string }>({ platform: 'x', handle: '' });
  const save = () =>
    send('settings/workbench', v).then(
      () => setMessage({ ok: true, text: t('options_saved'), field: null }),
      (e: unknown) => setMessage({ ok: false, text: wordError(e), field: problemField(problemOf(e)) }),
    );
  const addAccount = () => {
    if (!newAccount.handle.trim()) return;
    setV({ ...v, brandAccounts: [...v.brandAccounts, { ...newAccount, handle: newAccount.handle.trim() }] });
    setNewAccount({ ...newAccount, handle: '' });
  };
  return (
    <form
      class="workbench"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <section aria-labelledby="brand-h">
        <h2 id="brand-h">{t('options_brandTitle')}</h2>
        <p class="hint">{t('options_brandHint')}</p>
        <ul class="accounts" data-testid="brand-accounts">
          {v.brandAccounts.map((a, i) => (
            <li key={`${a.platform}:${a.handle}`}>
              <span>
                {t(platformLabel(a.platform))}: <strong>{a.handle}</strong>
              </span>
              <button
                type="button"
                class="link"
                onClick={() => setV({ ...v, brandAccounts: v.brandAccounts.filter((_, j) => j !== i) })}
              >
                {t('options_remove', a.handle)}
              </button>
            </li>
          ))}
        </ul>
        <div class="inline">
          <label>
            {t('platform')}
            <select
              name="brandPlatform"
              value={newAccount.platform}
              onChange={(e) => setNewAccount({ ...newAccount, platform: e.currentTarget.value as Platform })}
            >
              {PLATFORM_IDS.map((p) => (
                <option key={p} value={p}>
                  {t(platformLabel(p))}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('options_brandHandle')}
            <input
              name="brandHandle"
              value={newAccount.handle}
              onInput={(e) => setNewAccount({ ...newAccount, handle: e.currentTarget.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addAccount();
                }
              }}
            />
          </label>
          <button type="button" disabled={!newAccount.handle.trim()} onClick={addAccount}>
            {t('options_brandAdd')}
          </button>
        </div>
      </section>

      <section aria-labelledby="sla-h">
        <h2 id="sla-h">{t('options_slaTitle')}</h2>
        <p class="hint">{t('options_slaHint')}</p>
        <div class="sla">
          {SEVERITIES.map((s) => (
            <label key={s}>
              {t('options_slaHours', t(SEVERITY_LABEL[s]))}
              <input
                name={`sla-${s}`}
                type="number"
                min={0.25}
                step={0.25}
                max={8760}
                value={v.slaHours[s] ?? ''}
                aria-invalid={message?.field === `sla-${s}` || undefined}
                onInput={(e) => {
                  const n = e.currentTarget.value.trim();
                  setV({ ...v, slaHours: { ...v.slaHours, [s]: n ? Number(n) : null } });
                }}
              />
            </label>
          ))}
        </div>
      </section>

      <section aria-labelledby="protocol-h">
        <h2 id="protocol-h">{t('options_protocolTitle')}</h2>
        <p class="hint">{t('options_protocolHint')}</p>
        {CATEGORIES.map((c) => {
          const p = v.protocols[c] ?? { text: '', owner: '' };
          const set = (patch: Partial<typeof p>) =>
            setV({ ...v, protocols: { ...v.protocols, [c]: { ...p, ...patch } } });
          return (
            <fieldset key={c} class="protocol-edit">
              <legend>{t(CATEGORY_LABEL[c])}</legend>
              <label>
                {t('options_protocolText')}
                <textarea
                  name={`protocol-${c}`}
                  rows={2}
                  value={p.text}
                  onInput={(e) => set({ text: e.currentTarget.value })}
                />
              </label>
              <label>
                {t('options_protocolOwner')}
                <input name={`owner-${c}`} value={p.owner} onInput={(e) => set({ owner: e.currentTarget.value })} />
              </label>
            </fieldset>
          );
        })}
      </section>
      <div class="actions sticky">
        <button type="submit">{t('options_saveTriage')}</button>
        {message && (
          <span role={message.ok ? 'status' : 'alert'} data-testid="workbench-message">
            {message.text}
          </span>
        )}
      </div>
    </form>
  );
}
