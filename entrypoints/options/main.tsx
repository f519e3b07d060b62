import { render } from 'preact';
import { OptionsPage } from '../../components/options/OptionsPage';
import { t } from '../../components/i18n';

// The page's title and language are the agent's (the HTML can only hold one).
document.title = t('options_title');
document.documentElement.lang = navigator.language.split('-')[0] ?? 'en';
render(<OptionsPage />, document.getElementById('app')!);
