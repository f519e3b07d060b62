import { render } from 'preact';
import { PopupApp, resolveTabId } from '../../components/popup/PopupApp';
import { t } from '../../components/i18n';
import '../../components/styles.css';

const root = document.getElementById('app')!;
document.documentElement.lang = navigator.language.split('-')[0] ?? 'en';
void resolveTabId(location.search).then((tabId) => {
  if (tabId === null) render(<p role="alert">{t('noPage')}</p>, root);
  else render(<PopupApp tabId={tabId} />, root);
});
