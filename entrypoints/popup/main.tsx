import { render } from 'preact';
import { PopupApp, resolveTabId } from '../../components/popup/PopupApp';
import { openCapture } from '../../components/popup/load-capture';
import { t } from '../../components/i18n';
import '../../components/styles.css';

const root = document.getElementById('app')!;
document.documentElement.lang = navigator.language.split('-')[0] ?? 'en';
void resolveTabId(location.search).then((tabId) => {
  if (tabId === null) render(<p role="alert">{t('noPage')}</p>, root);
  // The read starts before the first render: it is most of the time until the form shows.
  else render(<PopupApp tabId={tabId} opening={openCapture(tabId)} />, root);
});
