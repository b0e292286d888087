import { render } from 'preact';
import { startEarlyRead, takeEarlyOpen } from './earlyRead';
import { PopupApp } from './PopupApp';
import './popup.css';

// Before the first render, which takes a while: the store opens and the first rows are read meanwhile
// (or were already, by popup-early.js).
const early = startEarlyRead({}, takeEarlyOpen());
document.documentElement.lang = navigator.language;
render(<PopupApp early={early} />, document.getElementById('app')!);
