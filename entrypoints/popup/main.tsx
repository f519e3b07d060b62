import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { takeOpening } from '../../components/popup/opening';
import { t } from '../../components/i18n';
import '../../components/styles.css';

const root = document.getElementById('app')!;
document.documentElement.lang = navigator.language.split('-')[0] ?? 'en';
// The read was asked for by the head script (/popup-opening.js), before this module loaded.
void takeOpening(location.search).then(({ tabId, opened }) => {
  if (tabId === null || !opened) render(<p role="alert">{t('noPage')}</p>, root);
  else render(<PopupApp tabId={tabId} opening={opened} />, root);
});
