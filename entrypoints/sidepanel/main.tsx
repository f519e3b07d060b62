import { render } from 'preact';
import { SidePanelApp } from '../../components/sidepanel/SidePanelApp';
import '../../components/styles.css';
import '../../components/sidepanel/team.css';

document.documentElement.lang = navigator.language.split('-')[0] ?? 'en';
render(<SidePanelApp search={location.search} />, document.getElementById('app')!);
