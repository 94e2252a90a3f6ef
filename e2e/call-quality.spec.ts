import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, PHONE } from './browser';
import { closeSides, expectFramesFlowing, freeSlot, openSide, patientStarts } from './call-pages';
import { expectAccessible, screenshotsOnFailure, staffSignIn } from './flows';
import { setUplinkRate } from './net';
import { impair, impairmentCounts } from './udp-impairment';

const calls = inject('calls');
afterAll(async () => {
  setUplinkRate(calls.network.patient, null);
  await impair(calls.impairmentUrl, {});
  await closeSides();
});

/** What the page sends of its camera on its live connection. */
async function outboundVideo(
  page: Page,
): Promise<{ width: number; fps: number; bytesSent: number; at: number }> {
  return page.evaluate(async () => {
    const pcs = ((window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []).filter(
      (pc) => pc.connectionState === 'connected',
    );
    const pc = pcs[pcs.length - 1];
    let out = { width: 0, fps: 0, bytesSent: 0, at: Date.now() };
    if (!pc) return out;
    (await pc.getStats()).forEach(
      (r: {
        type: string;
        kind?: string;
        frameWidth?: number;
        framesPerSecond?: number;
        bytesSent?: number;
      }) => {
        if (r.type === 'outbound-rtp' && r.kind === 'video')
          out = {
            width: r.frameWidth ?? 0,
            fps: r.framesPerSecond ?? 0,
            bytesSent: r.bytesSent ?? 0,
            at: Date.now(),
          };
      },
    );
    return out;
  });
}

/** Audio packets and video bytes the page has received on its live connection. */
async function inboundMedia(page: Page): Promise<{ audioPackets: number; videoBytes: number }> {
  return page.evaluate(async () => {
    const pcs = ((window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []).filter(
      (pc) => pc.connectionState === 'connected',
    );
    const pc = pcs[pcs.length - 1];
    let audioPackets = 0;
    let videoBytes = 0;
    if (pc)
      (await pc.getStats()).forEach(
        (r: { type: string; kind?: string; packetsReceived?: number; bytesReceived?: number }) => {
          if (r.type !== 'inbound-rtp') return;
          if (r.kind === 'audio') audioPackets += r.packetsReceived ?? 0;
          if (r.kind === 'video') videoBytes += r.bytesReceived ?? 0;
        },
      );
    return { audioPackets, videoBytes };
  });
}

/** kbit/s sent of video over `ms`, with the resolution and frame rate at the end. */
async function videoSent(page: Page, ms = 3000) {
  const first = await outboundVideo(page);
  await page.waitForTimeout(ms);
  const last = await outboundVideo(page);
  return {
    kbps: Math.round(((last.bytesSent - first.bytesSent) * 8) / (last.at - first.at)),
    width: last.width,
    fps: Math.round(last.fps),
  };
}

describe('the quality of the link in the call', () => {
  it('says on both sides when the patient’s uplink turns weak, the picture shrinks, Bare lyd keeps the sound, and it clears again', async () => {
    const patientSide = await openSide(calls.network.patient, calls.directPort, PHONE);
    const doctorSide = await openSide(calls.network.practitioner, calls.directPort, DESKTOP);
    const patient = patientSide.page;
    const doctor = doctorSide.page;
    screenshotsOnFailure({ patient, doctor });
    await staffSignIn(doctor, 'vakt2@example.com');
    const appointmentId = await patientStarts(patient, 'Dr. Sara Døgn');
    try {
      const row = doctor.getByRole('listitem').filter({ hasText: 'Venter i videorommet' });
      await row.getByRole('button', { name: 'Gå inn i videorommet' }).click();
      await expectFramesFlowing(patient, 'patient sees the practitioner');
      await expectFramesFlowing(doctor, 'practitioner sees the patient');

      // A good link: after the first seconds, no notice on either side.
      await patient.waitForTimeout(10_000);
      const before = await videoSent(patient);
      const mine = patient.getByText(/^Forbindelsen din er (for )?svak/);
      const theirs = doctor.getByText(/^Forbindelsen til pasienten er (for )?svak/);
      expect(await mine.count()).toBe(0);
      expect(await theirs.count()).toBe(0);

      // The patient's uplink drops to 100 kbit/s: too little for video.
      const badAt = Date.now();
      setUplinkRate(calls.network.patient, 100);
      await theirs.first().waitFor({ timeout: 45_000 });
      const theirsMs = Date.now() - badAt;
      await mine.first().waitFor({ timeout: 45_000 });
      const mineMs = Date.now() - badAt;
      await expectAccessible(doctor, 'in call, the patient’s link weak');
      await expectAccessible(patient, 'in call, own link weak');
      // The sender lowers what it sends, the picture first (resolution, frame rate).
      await patient.waitForTimeout(5000);
      const under = await videoSent(patient);
      expect(under.kbps).toBeLessThan(before.kbps);
      expect(under.width * Math.max(under.fps, 1)).toBeLessThan(
        before.width * Math.max(before.fps, 1),
      );
      console.log(
        `link quality: before ${before.kbps} kbit/s ${before.width}px ${before.fps} fps; under 100 kbit/s ${under.kbps} kbit/s ${under.width}px ${under.fps} fps; notice on the practitioner's side after ${theirsMs} ms, on the patient's after ${mineMs} ms`,
      );

      // Too weak for video: both are offered Bare lyd. The patient takes it; sound goes on, no
      // video either way, and the practitioner is told.
      await doctor.getByRole('button', { name: 'Bytt til bare lyd' }).waitFor({ timeout: 30_000 });
      await patient.getByRole('button', { name: 'Bytt til bare lyd' }).click();
      await doctor.getByText('Pasienten har valgt bare lyd: ingen av dere sender bilde.').waitFor();
      await patient
        .getByRole('button', { name: 'Bare lyd', exact: true })
        .and(patient.locator('[aria-pressed="true"]'))
        .waitFor();
      // What was queued on the weak link before the switch drains first (at most 400 ms).
      await doctor.waitForTimeout(2000);
      const audioBefore = await inboundMedia(doctor);
      await doctor.waitForTimeout(3000);
      const audioAfter = await inboundMedia(doctor);
      expect(audioAfter.audioPackets).toBeGreaterThan(audioBefore.audioPackets + 50);
      expect(audioAfter.videoBytes).toBe(audioBefore.videoBytes);
      await expectAccessible(doctor, 'in call, audio only');

      // The limit lifted and video back: the notices go, and the picture comes back.
      setUplinkRate(calls.network.patient, null);
      await patient.getByRole('button', { name: 'Bare lyd', exact: true }).click();
      await expect
        .poll(() => doctor.getByText('Pasienten har valgt bare lyd.', { exact: false }).count())
        .toBe(0);
      await expectFramesFlowing(doctor, 'video back after audio only', 30_000);
      await expect.poll(() => theirs.count(), { timeout: 60_000 }).toBe(0);
      await expect.poll(() => mine.count(), { timeout: 60_000 }).toBe(0);
    } finally {
      setUplinkRate(calls.network.patient, null);
      await freeSlot(doctor, appointmentId).catch(() => undefined);
    }
  });

  it('through TURN with delay and loss on the patient’s side (the UDP impairment relay): the notices on both sides, a smaller picture, Bare lyd keeps the sound', async () => {
    const patientSide = await openSide(calls.network.patient, calls.relayPort, PHONE);
    const doctorSide = await openSide(calls.network.practitioner, calls.relayPort, DESKTOP);
    const patient = patientSide.page;
    const doctor = doctorSide.page;
    screenshotsOnFailure({ patient, doctor });
    await staffSignIn(doctor, 'vakt2@example.com');
    const appointmentId = await patientStarts(patient, 'Dr. Sara Døgn');
    try {
      const row = doctor.getByRole('listitem').filter({ hasText: 'Venter i videorommet' });
      await row.getByRole('button', { name: 'Gå inn i videorommet' }).click();
      await expectFramesFlowing(patient, 'patient sees the practitioner');
      await expectFramesFlowing(doctor, 'practitioner sees the patient');
      // A good link: once the send estimate has climbed, no notice on either side.
      const mine = patient.getByText(/^Forbindelsen din er (for )?svak/);
      const theirs = doctor.getByText(/^Forbindelsen til pasienten er (for )?svak/);
      await patient.waitForTimeout(10_000);
      await expect.poll(() => mine.count(), { timeout: 30_000 }).toBe(0);
      await expect.poll(() => theirs.count(), { timeout: 30_000 }).toBe(0);
      const before = await videoSent(patient);

      // The patient's packets to and from the relay: 150 ms each way, one in eight lost.
      const badAt = Date.now();
      await impair(calls.impairmentUrl, {
        delayMs: 150,
        loss: 0.125,
        hosts: [calls.network.patient.address],
      });
      await theirs.first().waitFor({ timeout: 45_000 });
      const theirsMs = Date.now() - badAt;
      await mine.first().waitFor({ timeout: 45_000 });
      const mineMs = Date.now() - badAt;
      await patient.waitForTimeout(5000);
      // The sender sends less; the picture (resolution or frame rate) follows within seconds.
      let under = await videoSent(patient);
      for (
        let tries = 0;
        tries < 8 && under.width * Math.max(under.fps, 1) >= before.width * Math.max(before.fps, 1);
        tries++
      )
        under = await videoSent(patient);
      expect(under.kbps).toBeLessThan(before.kbps);
      expect(under.width * Math.max(under.fps, 1)).toBeLessThan(
        before.width * Math.max(before.fps, 1),
      );
      const counts = await impairmentCounts(calls.impairmentUrl);
      expect(counts.dropped).toBeGreaterThan(0);
      console.log(
        `link quality through TURN: before ${before.kbps} kbit/s ${before.width}px ${before.fps} fps; under 150 ms and 12.5 % loss each way ${under.kbps} kbit/s ${under.width}px ${under.fps} fps; notice on the practitioner's side after ${theirsMs} ms, on the patient's after ${mineMs} ms`,
      );

      // Too weak for video: the practitioner takes Bare lyd; the sound goes on through the loss.
      await patient.getByRole('button', { name: 'Bytt til bare lyd' }).waitFor({ timeout: 30_000 });
      await doctor.getByRole('button', { name: 'Bytt til bare lyd' }).click();
      await patient
        .getByText('Behandleren har valgt bare lyd: ingen av dere sender bilde.')
        .waitFor({ timeout: 15_000 });
      await patient.waitForTimeout(2000);
      const audioBefore = await inboundMedia(patient);
      await patient.waitForTimeout(3000);
      const audioAfter = await inboundMedia(patient);
      expect(audioAfter.audioPackets).toBeGreaterThan(audioBefore.audioPackets + 50);
      expect(audioAfter.videoBytes).toBe(audioBefore.videoBytes);

      // Lifted: the notices go.
      await impair(calls.impairmentUrl, {});
      await doctor.getByRole('button', { name: 'Bare lyd', exact: true }).click();
      await expectFramesFlowing(patient, 'video back through TURN', 30_000);
      await expect.poll(() => theirs.count(), { timeout: 60_000 }).toBe(0);
      await expect.poll(() => mine.count(), { timeout: 60_000 }).toBe(0);
    } finally {
      await impair(calls.impairmentUrl, {});
      await freeSlot(doctor, appointmentId).catch(() => undefined);
    }
  });
});
