import type { Lang } from '../../analysis/types';
import { de } from './de';
import { en } from './en';
import type { LanguagePack } from './pack';
import { zhHans } from './zh-hans';
import { zhHant } from './zh-hant';

export const LANGS: readonly Lang[] = ['zh-Hans', 'zh-Hant', 'de', 'en'];

export const PACKS: Record<Lang, LanguagePack> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, de, en };
