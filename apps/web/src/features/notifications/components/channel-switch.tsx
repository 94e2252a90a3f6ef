import { useId } from 'react';
import { Spinner } from '../../../components/ui/spinner';
import { useT } from '../../../i18n';

interface ChannelSwitchProps {
  /** The visible label, also the switch's accessible name ("Meldinger på e-post"). */
  label: string;
  isOn: boolean;
  /** Why it cannot be turned on (no address, not verified); null when it can be used. */
  disabledReason: string | null;
  /** The line under the switch: when it was last turned on or off. */
  changedText: string | null;
  isBusy: boolean;
  onToggle: (next: boolean) => void;
}

/**
 * An on/off switch (`role="switch"`) for one message channel. The whole row is the button, so it
 * is easy to hit; "På"/"Av" is shown beside the track and not read twice (the state is
 * `aria-checked`). When it cannot be used it stays focusable (`aria-disabled`) so the reason,
 * linked by `aria-describedby`, is found by keyboard and screen reader users too.
 */
export function ChannelSwitch({
  label,
  isOn,
  disabledReason,
  changedText,
  isBusy,
  onToggle,
}: ChannelSwitchProps) {
  const t = useT();
  const labelId = useId();
  const noteId = useId();
  const isDisabled = disabledReason != null;
  const note = disabledReason ?? changedText;

  return (
    <div className={`switch-row${isDisabled ? ' switch-row--disabled' : ''}`}>
      <button
        type="button"
        role="switch"
        className="switch"
        aria-checked={isOn}
        aria-labelledby={labelId}
        aria-describedby={note ? noteId : undefined}
        aria-disabled={isDisabled || undefined}
        aria-busy={isBusy || undefined}
        onClick={() => {
          if (isDisabled || isBusy) return;
          onToggle(!isOn);
        }}
      >
        <span id={labelId} className="switch__label">
          {label}
        </span>
        <span className="switch__control" aria-hidden="true">
          {isBusy ? <Spinner size="sm" /> : null}
          <span className="switch__state">
            {isOn ? t('notifications.on') : t('notifications.off')}
          </span>
          <span className="switch__track">
            <span className="switch__thumb" />
          </span>
        </span>
      </button>
      {note ? (
        <p id={noteId} className="switch-row__note">
          {note}
        </p>
      ) : null}
    </div>
  );
}
