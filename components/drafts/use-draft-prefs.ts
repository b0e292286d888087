import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_DRAFT_SETTINGS, loadDraftSettings, onDraftSettingsChanged, type DraftSettings } from '../../lib/draft-settings';
import { DEFAULT_SETTINGS, loadSettings, onSettingsChanged, type Settings } from '../../lib/settings';

/**
 * The seller's settings for drafting: the given ones, or else loaded from storage and kept current,
 * so a change on the options page reaches panels that are already open.
 */
export function useDraftPrefs(given?: { settings?: Settings; draftSettings?: DraftSettings }): { settings: Settings; draftSettings: DraftSettings } {
  const [settings, setSettings] = useState<Settings>(given?.settings ?? DEFAULT_SETTINGS);
  const [draftSettings, setDraftSettings] = useState<DraftSettings>(given?.draftSettings ?? DEFAULT_DRAFT_SETTINGS);
  const ownSettings = given?.settings === undefined;
  const ownDrafts = given?.draftSettings === undefined;

  useEffect(() => {
    if (!ownSettings) return;
    let live = true;
    loadSettings().then((s) => live && setSettings(s), () => {});
    const stop = onSettingsChanged(setSettings);
    return () => {
      live = false;
      stop();
    };
  }, [ownSettings]);

  useEffect(() => {
    if (!ownDrafts) return;
    let live = true;
    loadDraftSettings().then((s) => live && setDraftSettings(s), () => {});
    const stop = onDraftSettingsChanged(setDraftSettings);
    return () => {
      live = false;
      stop();
    };
  }, [ownDrafts]);

  return { settings: given?.settings ?? settings, draftSettings: given?.draftSettings ?? draftSettings };
}
