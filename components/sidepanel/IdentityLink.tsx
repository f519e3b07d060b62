import { useId, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import { parseAuthorKey } from '../../domain/parse-author-key';
import { t } from '../i18n';
import { wordError } from '../problem-words';

export type Props = {
  /** The author identity of a mention (`platform:handle`). */
  authorKey: string;
  /** Identities already linked to it as the same person. */
  linked: string[];
};

/** Link this author to another identity (an X handle and a blog name) as one person. */
export function IdentityLink({ authorKey, linked }: Props) {
  const [other, setOther] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The same author can show in several cards (linked, recent, opened from the page): ids must differ.
  const inputId = useId();
  const link = () => {
    const key = parseAuthorKey(other);
    if (!key) return setError(t('identityInvalid'));
    send('identity/link', { a: authorKey, b: key }).then(
      () => {
        setOther('');
        setError(null);
      },
      (e: unknown) => setError(wordError(e)),
    );
  };
  return (
    <div class="identity" data-testid="identity">
      {linked.length > 0 && (
        <p class="meta" data-testid="linked-identities">
          {t('linkedIdentities', linked.join(', '))}{' '}
          {linked.map((k) => (
            <button
              key={k}
              type="button"
              class="secondary small"
              onClick={() => void send('identity/unlink', { authorKey: k }).catch(() => {})}
            >
              {t('unlinkIdentity', k)}
            </button>
          ))}
        </p>
      )}
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          link();
        }}
      >
        <label for={inputId}>
          <span>{t('identityLabel')}</span>
          <input id={inputId} name="identity" value={other} onInput={(e) => setOther(e.currentTarget.value)} />
        </label>
        <button type="submit" class="secondary" disabled={!other.trim()}>
          {t('linkIdentity')}
        </button>
      </form>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
