import { render } from 'preact';
import { OptionsApp } from './OptionsApp';
import './options.css';

document.documentElement.lang = navigator.language;
render(<OptionsApp />, document.getElementById('app')!);
