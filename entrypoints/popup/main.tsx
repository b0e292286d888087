import { render } from 'preact';
import { PopupApp } from './PopupApp';
import './popup.css';

document.documentElement.lang = navigator.language;
render(<PopupApp />, document.getElementById('app')!);
