import { useTranslation } from 'react-i18next';
import { useAudioGuidance } from './audio-guidance';

/**
 * "Audio guidance" (on every screen, off until pressed) and, while it is on, "Headphones
 * connected": until then amounts and account numbers are not said aloud.
 */
export function AudioGuidanceControls() {
  const { t } = useTranslation();
  const audio = useAudioGuidance();
  return (
    <div className="audio-controls">
      <button
        type="button"
        className="audio-controls__button"
        aria-pressed={audio.on}
        onClick={() => audio.setOn(!audio.on)}
      >
        {t('audio.toggle')}
      </button>
      {audio.on ? (
        <button
          type="button"
          className="audio-controls__button"
          aria-pressed={audio.headphones}
          onClick={audio.connectHeadphones}
        >
          {t('audio.headphones')}
        </button>
      ) : null}
    </div>
  );
}
