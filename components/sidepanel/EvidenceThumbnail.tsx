import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoredEvidence } from '../../domain/evidence';
import { db } from '../../storage/db';
import { EVIDENCE_NOTE_LABEL } from '../labels';
import { t } from '../i18n';
import { useLiveQuery } from '../use-live-query';
import './evidence.css';

export type Props = {
  /** The case whose evidence (images of its posts, with their hashes) to show, oldest first. */
  caseId: string;
};

/**
 * The evidence kept with a case: a thumbnail per capture of the post as the agent saw it, which opens the
 * image full size with its SHA-256. Self-contained (it reads its records itself) so a case view
 * places it with one line. Reads the table directly, not through storage/evidence.ts, whose
 * writes would bring zod into the panel's first load.
 */
export function EvidenceThumbnail({ caseId }: Props) {
  const { value } = useLiveQuery(
    async () =>
      (await db().evidence.where('caseId').equals(caseId).toArray()).sort((a, b) =>
        a.capturedAt.localeCompare(b.capturedAt),
      ),
    [caseId],
  );
  if (!value?.length) return null;
  return (
    <>
      {value.map((e) => (
        <EvidenceItem key={e.id} record={e} />
      ))}
    </>
  );
}

/** The image as a data: URL (the pages' CSP allows data: images, not blob:). */
function useDataUrl(image: Blob): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const reader = new FileReader();
    reader.onload = () => live && setSrc(typeof reader.result === 'string' ? reader.result : null);
    reader.readAsDataURL(image);
    return () => {
      live = false;
      reader.abort();
    };
  }, [image]);
  return src;
}

function EvidenceItem({ record }: { record: StoredEvidence }) {
  const src = useDataUrl(record.image);
  const dialog = useRef<HTMLDialogElement>(null);
  const when = new Date(record.capturedAt).toLocaleString();
  const alt = t('evidence_alt', when);
  const notes = [...new Set(record.notes.map((n) => EVIDENCE_NOTE_LABEL[n]))].map((key) => t(key));
  return (
    <figure class="evidence" data-testid="evidence">
      <button
        type="button"
        class="evidence-thumb"
        aria-haspopup="dialog"
        data-testid="evidence-open"
        onClick={() => dialog.current?.showModal()}
      >
        {src ? <img src={src} alt={alt} /> : <span>{alt}</span>}
      </button>
      <figcaption class="meta">
        {t('evidence_caption', when)}
        {notes.map((n) => (
          <span key={n} data-testid="evidence-note">
            {' '}
            {n}
          </span>
        ))}
      </figcaption>
      <dialog ref={dialog} class="evidence-full" aria-label={t('evidence_dialogTitle')} data-testid="evidence-dialog">
        <div class="evidence-bar">
          <h2>{t('evidence_dialogTitle')}</h2>
          <button type="button" class="secondary" onClick={() => dialog.current?.close()}>
            {t('evidence_close')}
          </button>
        </div>
        <p class="meta evidence-hash" data-testid="evidence-hash">
          {t('evidence_hash', record.sha256)}
        </p>
        <div class="evidence-scroll">
          {src && <img src={src} alt={alt} width={record.width} height={record.height} data-testid="evidence-full" />}
        </div>
      </dialog>
    </figure>
  );
}
