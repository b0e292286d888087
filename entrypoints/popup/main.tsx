import { render } from 'preact';
import { startEarlyRead } from './earlyRead';
import { PopupApp } from './PopupApp';
import './popup.css';

// Before the first render, which takes a while: the store opens and the first rows are read meanwhile.
const early = startEarlyRead();
document.documentElement.lang = navigator.language;
render(<PopupApp early={early} />, document.getElementById('app')!);
