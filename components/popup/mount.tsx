import { render } from 'preact';
import styles from '../styles.css?inline';
import dmStyles from './dm.css?inline';
import { PopupApp } from './PopupApp';
import { startOpening } from './opening';
import { t } from '../i18n';

/**
 * Starts the popup in `root`. popup.html ends with one classic script (/popup-main.js, everything
 * the popup runs) and loads no stylesheet: the styles come with the script and are adopted before
 * the first render. Each file an extension page loads is a round trip through the browser
 * process, and a stylesheet holds back the page's scripts until it has loaded: the module graph
 * (three files, modulepreloads, a stylesheet) kept the popup's script waiting ~25 ms past a
 * one-script page on this busy machine. (WXT still adds its plugin loader as a module script;
 * it runs after this one and delays nothing the agent sees.)
 */
export function mountPopup(root: HTMLElement): void {
  // First, so the answer travels while the rest starts.
  const opening = startOpening(location.search);
  const sheet = new CSSStyleSheet();
  // Every stylesheet the popup needs is inlined here: a plain CSS import in a component would be
  // emitted as a file popup.html never loads.
  sheet.replaceSync(styles + dmStyles);
  document.adoptedStyleSheets = [sheet];
  document.documentElement.lang = navigator.language.split('-')[0] ?? 'en';
  void opening.then(({ tabId, opened }) => {
    if (tabId === null || !opened) render(<p role="alert">{t('noPage')}</p>, root);
    else render(<PopupApp tabId={tabId} opening={opened} />, root);
  });
}
