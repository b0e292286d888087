import { render } from 'preact';
import { t } from '../../lib/i18n';
import { DashboardApp } from './DashboardApp';
import './dashboard.css';

document.documentElement.lang = navigator.language;
document.title = t('dash_title');
render(<DashboardApp />, document.getElementById('app')!);
