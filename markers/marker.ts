import { t } from '../components/i18n';
import { STATUS_LABEL } from '../components/labels';
import type { CaseStatus } from '../domain/case';
import { browserWords } from '../browser-compat/words';

const COLOURS: Record<CaseStatus, string> = {
  new: '#0b5cad',
  open: '#8a4b00',
  waiting: '#56606b',
  resolved: '#155d27',
};

/**
 * A small button after a post's permalink, in a closed shadow root so the page's styles cannot
 * change it and its scripts cannot read it. Text only, from the extension's own strings.
 */
export function createMarker(status: CaseStatus, onOpen: () => void): HTMLElement {
  const host = document.createElement('span');
  host.setAttribute('data-cc-marker', '');
  const root = host.attachShadow({ mode: 'closed' });
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = t('markerText', t(STATUS_LABEL[status]));
  button.title = t(browserWords.markerTitle);
  button.style.cssText = `all:initial;display:inline-block;margin:0 4px;padding:0 6px;border-radius:8px;font:600 11px/16px system-ui,sans-serif;color:#fff;background:${COLOURS[status]};cursor:pointer;`;
  button.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    onOpen();
  });
  root.append(button);
  return host;
}
