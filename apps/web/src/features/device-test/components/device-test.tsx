import type { ConnectionTest } from '@visitt/contracts';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Icon } from '../../../components/ui/icon';
import { useI18n } from '../../../i18n';
import { fillPlaceholders } from '../../../i18n/catalogue';
import { apiRequest, isApiError } from '../../../lib/api';
import { useMicLevel } from '../../video/hooks/use-mic-level';
import { useStreamElement } from '../../video/hooks/use-stream-element';
import { probeConnection } from '../connection-probe';
import { deviceTestTexts, type DeviceTestTexts } from '../texts';
import {
  measuresText,
  mediaErrorVerdict,
  mediaLine,
  networkLine,
  speakerLine,
  type MediaVerdict,
  type NetworkVerdict,
  type SpeakerVerdict,
  type VerdictLine,
} from '../verdicts';

/** The level (0–100) above which the microphone is taken to hear the person. */
const HEARD_LEVEL = 12;
/** How long the microphone may hear nothing before the page says so. */
const SILENT_AFTER_MS = 10_000;

type Part = 'camera' | 'microphone' | 'speaker' | 'network';

/**
 * The test page's work: camera preview and choice, microphone choice with a level meter, a test
 * sound for the speaker, and the connection test through the relay. Each part gets a verdict in
 * plain words and what to do; the result can be copied for the clinic. Nothing is recorded, and
 * picture and sound never leave the device (the connection test sends numbered pings and filler).
 */
export function DeviceTest() {
  const { locale, intlLocale } = useI18n();
  const texts = deviceTestTexts[locale];
  const [isStarted, setIsStarted] = useState(false);
  const [run, setRun] = useState(0);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [camera, setCamera] = useState<MediaVerdict>('checking');
  const [microphone, setMicrophone] = useState<MediaVerdict>('checking');
  const [speaker, setSpeaker] = useState<SpeakerVerdict>('untested');
  const [network, setNetwork] = useState<NetworkVerdict>({ kind: 'checking' });
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [cameraId, setCameraId] = useState('');
  const [microphoneId, setMicrophoneId] = useState('');
  const ids = { result: useId(), camera: useId(), microphone: useId(), speaker: useId() };

  // Camera and microphone: asked for on Start (a gesture), again when a device is chosen. Both at
  // once (one prompt); when that fails, each alone, so a missing camera does not fail the
  // microphone too.
  useEffect(() => {
    if (!isStarted) return;
    let isCurrent = true;
    const got: MediaStream[] = [];
    const ask = async (constraints: MediaStreamConstraints) => {
      const media = await navigator.mediaDevices.getUserMedia(constraints);
      got.push(media);
      return media;
    };
    setCamera('checking');
    setMicrophone('checking');
    const video = cameraId ? { deviceId: { exact: cameraId } } : true;
    const audio = microphoneId ? { deviceId: { exact: microphoneId } } : true;
    void (async () => {
      let media: MediaStream | null;
      let cameraFailure: MediaVerdict | null = null;
      let microphoneFailure: MediaVerdict | null = null;
      try {
        media = await ask({ video, audio });
      } catch {
        const tracks: MediaStreamTrack[] = [];
        for (const [kind, constraints] of [
          ['video', { video }],
          ['audio', { audio }],
        ] as const) {
          if (!isCurrent) return;
          try {
            tracks.push(...(await ask(constraints)).getTracks());
          } catch (error) {
            if (kind === 'video') cameraFailure = mediaErrorVerdict(error);
            else microphoneFailure = mediaErrorVerdict(error);
          }
        }
        media = tracks.length > 0 ? new MediaStream(tracks) : null;
      }
      if (!isCurrent) return;
      // A chosen device that is gone (unplugged): back to the browser's default.
      if (cameraFailure === 'missing' && cameraId) return setCameraId('');
      if (microphoneFailure === 'missing' && microphoneId) return setMicrophoneId('');
      setStream(media);
      const hasLiveVideo = media?.getVideoTracks().some((t) => t.readyState === 'live') ?? false;
      setCamera(cameraFailure ?? (hasLiveVideo ? 'works' : 'failed'));
      if (microphoneFailure) setMicrophone(microphoneFailure);
      setDevices(await navigator.mediaDevices.enumerateDevices());
    })();
    return () => {
      isCurrent = false;
      for (const media of got) media.getTracks().forEach((track) => track.stop());
    };
  }, [isStarted, run, cameraId, microphoneId]);

  // A camera or microphone plugged in or out: the choices follow.
  useEffect(() => {
    if (!isStarted) return;
    const update = () =>
      void navigator.mediaDevices.enumerateDevices().then(setDevices, () => undefined);
    navigator.mediaDevices.addEventListener('devicechange', update);
    return () => navigator.mediaDevices.removeEventListener('devicechange', update);
  }, [isStarted]);

  // The connection test, once per run.
  useEffect(() => {
    if (!isStarted) return;
    const abort = new AbortController();
    setNetwork({ kind: 'checking' });
    void (async () => {
      try {
        const config = await apiRequest<ConnectionTest>('/connection-test', {
          method: 'POST',
          body: {},
          signal: abort.signal,
        });
        if (!config.hasRelay) return setNetwork({ kind: 'no_relay' });
        const result = await probeConnection(config, abort.signal);
        if (!abort.signal.aborted) setNetwork(result);
      } catch (error) {
        if (abort.signal.aborted) return;
        setNetwork({ kind: isApiError(error, 'rate_limited') ? 'busy' : 'failed' });
      }
    })();
    return () => abort.abort();
  }, [isStarted, run]);

  const onHeard = useCallback(() => setMicrophone('works'), []);
  const onSilent = useCallback(
    () => setMicrophone((now) => (now === 'checking' ? 'silent' : now)),
    [],
  );

  const start = () => {
    setIsStarted(true);
    setRun((n) => n + 1);
    setSpeaker('untested');
  };

  const lines: Record<Part, VerdictLine> = {
    camera: mediaLine(texts, camera),
    microphone: mediaLine(texts, microphone),
    speaker: speakerLine(texts, speaker),
    network: networkLine(texts, network),
  };
  const parts: Part[] = ['camera', 'microphone', 'speaker', 'network'];
  const isDone = parts.every((part) => part === 'speaker' || lines[part].state !== 'pending');
  const hasProblem = parts.some((part) => ['warn', 'bad'].includes(lines[part].state));
  const summary = !isDone
    ? ''
    : hasProblem
      ? texts.someProblems
      : speaker === 'untested'
        ? texts.speakerLeft
        : network.kind === 'no_relay'
          ? texts.allButNetwork
          : texts.allGood;

  const cameras = devices.filter((d) => d.kind === 'videoinput');
  const microphones = devices.filter((d) => d.kind === 'audioinput');

  return (
    <div className="device-test">
      <p className="device-test__intro">{texts.intro}</p>
      <Button variant="primary" icon="video" onClick={start}>
        {isStarted ? texts.again : texts.start}
      </Button>

      {isStarted ? (
        <>
          <div className="device-test__grid">
            <section className="device-test__part" aria-labelledby={ids.camera}>
              <h2 id={ids.camera} className="device-test__title">
                {texts.parts.camera}
              </h2>
              <CameraPreview stream={stream} label={texts.camera.preview} />
              <DeviceSelect
                label={texts.camera.choose}
                devices={cameras}
                value={stream?.getVideoTracks()[0]?.getSettings().deviceId ?? cameraId}
                numberText={texts.camera.number}
                onChange={setCameraId}
              />
            </section>
            <section className="device-test__part" aria-labelledby={ids.microphone}>
              <h2 id={ids.microphone} className="device-test__title">
                {texts.parts.microphone}
              </h2>
              <MicrophoneCheck
                stream={stream}
                texts={texts}
                onHeard={onHeard}
                onSilent={onSilent}
              />
              <DeviceSelect
                label={texts.microphone.choose}
                devices={microphones}
                value={stream?.getAudioTracks()[0]?.getSettings().deviceId ?? microphoneId}
                numberText={texts.microphone.number}
                onChange={setMicrophoneId}
              />
            </section>
            <section className="device-test__part" aria-labelledby={ids.speaker}>
              <h2 id={ids.speaker} className="device-test__title">
                {texts.parts.speaker}
              </h2>
              <SpeakerCheck texts={texts} verdict={speaker} onVerdict={setSpeaker} />
            </section>
          </div>

          <section className="device-test__result" aria-labelledby={ids.result}>
            <h2 id={ids.result} className="device-test__title">
              {texts.resultTitle}
            </h2>
            <p role="status" className="device-test__summary">
              {summary}
            </p>
            <ul className="device-test__verdicts" role="list">
              {parts.map((part) => (
                <li key={part} className={`verdict verdict--${lines[part].state}`}>
                  <Icon name={ICONS[lines[part].state]} size={20} />
                  <div>
                    <p className="verdict__line">
                      {fillPlaceholders(texts.verdictLine, {
                        part: texts.parts[part],
                        verdict: lines[part].verdict,
                      })}
                    </p>
                    {part === 'network' && network.kind === 'measured' ? (
                      <p className="verdict__measures muted">
                        {measuresText(texts, network, intlLocale)}
                      </p>
                    ) : null}
                    {lines[part].advice ? (
                      <p className="verdict__advice">{lines[part].advice}</p>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </section>

          {isDone ? (
            <ShareResult texts={texts} lines={lines} parts={parts} network={network} />
          ) : null}
        </>
      ) : null}
    </div>
  );
}

const ICONS = { pending: 'clock', ok: 'check', info: 'info', warn: 'alert', bad: 'cross' } as const;

function CameraPreview({ stream, label }: { stream: MediaStream | null; label: string }) {
  const { ref } = useStreamElement(stream);
  return (
    <div className="device-test__preview">
      {stream ? (
        <video
          ref={ref}
          className="device-test__video"
          muted
          playsInline
          autoPlay
          aria-label={label}
        />
      ) : (
        <Icon name="video" size={40} className="muted" />
      )}
    </div>
  );
}

function DeviceSelect({
  label,
  devices,
  value,
  numberText,
  onChange,
}: {
  label: string;
  devices: MediaDeviceInfo[];
  value: string;
  numberText: string;
  onChange: (deviceId: string) => void;
}) {
  const id = useId();
  if (devices.length < 2) return null;
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        id={id}
        className="input select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {devices.map((device, index) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label || fillPlaceholders(numberText, { number: index + 1 })}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The level meter; says the microphone works once it has heard something. */
function MicrophoneCheck({
  stream,
  texts,
  onHeard,
  onSilent,
}: {
  stream: MediaStream | null;
  texts: DeviceTestTexts;
  onHeard: () => void;
  onSilent: () => void;
}) {
  const ids = { meter: useId(), hint: useId() };
  const level = useMicLevel(stream, stream !== null);
  const heard = useRef(false);
  const callbacks = useRef({ onHeard, onSilent });
  callbacks.current = { onHeard, onSilent };
  // Ten seconds from each new microphone: heard by then, or "hører ingenting".
  useEffect(() => {
    heard.current = false;
    if (!stream || stream.getAudioTracks().length === 0) return;
    const timer = window.setTimeout(() => {
      if (!heard.current) callbacks.current.onSilent();
    }, SILENT_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [stream]);
  useEffect(() => {
    if (level !== null && level >= HEARD_LEVEL && !heard.current) {
      heard.current = true;
      callbacks.current.onHeard();
    }
  }, [level]);
  if (level === null) return null;
  return (
    <div className="field mic-level">
      <label htmlFor={ids.meter} className="field__label">
        {texts.microphone.level}
      </label>
      <meter
        id={ids.meter}
        className="mic-level__meter"
        min={0}
        max={100}
        value={level}
        aria-describedby={ids.hint}
      />
      <p id={ids.hint} className="field__hint">
        {texts.microphone.prompt}
      </p>
    </div>
  );
}

/** A short two-note chime through the speaker, then "Did you hear it?". */
function SpeakerCheck({
  texts,
  verdict,
  onVerdict,
}: {
  texts: DeviceTestTexts;
  verdict: SpeakerVerdict;
  onVerdict: (verdict: SpeakerVerdict) => void;
}) {
  const [state, setState] = useState<'idle' | 'playing' | 'asking'>('idle');
  const questionId = useId();
  const play = useCallback(() => {
    const AudioContextClass = window.AudioContext as typeof AudioContext | undefined;
    if (!AudioContextClass) return;
    const context = new AudioContextClass();
    const at = context.currentTime;
    for (const [i, frequency] of [660, 880].entries()) {
      const tone = context.createOscillator();
      const gain = context.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at + i * 0.4);
      gain.gain.exponentialRampToValueAtTime(0.3, at + i * 0.4 + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + i * 0.4 + 0.45);
      tone.connect(gain).connect(context.destination);
      tone.start(at + i * 0.4);
      tone.stop(at + i * 0.4 + 0.5);
    }
    setState('playing');
    window.setTimeout(() => {
      setState('asking');
      void context.close().catch(() => undefined);
    }, 1000);
  }, []);
  return (
    <div className="device-test__speaker">
      <Button
        variant="secondary"
        icon="volume"
        onClick={play}
        isBusy={state === 'playing'}
        disabled={state === 'playing'}
      >
        {state === 'playing' ? texts.speaker.playing : texts.speaker.play}
      </Button>
      <p id={questionId} className="device-test__question-text" aria-live="polite">
        {state === 'asking' || verdict !== 'untested' ? texts.speaker.question : ''}
      </p>
      {state === 'asking' || verdict !== 'untested' ? (
        <div className="device-test__answers" role="group" aria-labelledby={questionId}>
          <Button
            variant={verdict === 'works' ? 'primary' : 'secondary'}
            aria-pressed={verdict === 'works'}
            onClick={() => onVerdict('works')}
          >
            {texts.speaker.yes}
          </Button>
          <Button
            variant={verdict === 'not_heard' ? 'primary' : 'secondary'}
            aria-pressed={verdict === 'not_heard'}
            onClick={() => onVerdict('not_heard')}
          >
            {texts.speaker.no}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** The result as text the person may copy and give the clinic: nothing is sent by itself. */
function ShareResult({
  texts,
  lines,
  parts,
  network,
}: {
  texts: DeviceTestTexts;
  lines: Record<Part, VerdictLine>;
  parts: Part[];
  network: NetworkVerdict;
}) {
  const { intlLocale } = useI18n();
  const titleId = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const text = useMemo(() => {
    const when = new Intl.DateTimeFormat(intlLocale, {
      dateStyle: 'long',
      timeStyle: 'short',
    }).format(new Date());
    return [
      fillPlaceholders(texts.share.heading, { when }),
      ...parts.map((part) => {
        const line = fillPlaceholders(texts.verdictLine, {
          part: texts.parts[part],
          verdict: lines[part].verdict,
        });
        return part === 'network' && network.kind === 'measured'
          ? `${line} (${measuresText(texts, network, intlLocale)})`
          : line;
      }),
      fillPlaceholders(texts.share.browser, { browser: navigator.userAgent }),
    ].join('\n');
  }, [texts, lines, parts, network, intlLocale]);
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <section className="device-test__share" aria-labelledby={titleId}>
      <h2 id={titleId} className="device-test__title">
        {texts.share.title}
      </h2>
      <p>{texts.share.hint}</p>
      <pre className="device-test__result-text">{text}</pre>
      <Button variant="secondary" icon="copy" onClick={copy}>
        {texts.share.copy}
      </Button>
      <p role="status" className="device-test__copied">
        {copied === 'yes' ? texts.share.copied : copied === 'failed' ? texts.share.copyFailed : ''}
      </p>
    </section>
  );
}
