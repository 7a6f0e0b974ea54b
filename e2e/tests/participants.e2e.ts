import type { APIResponse, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { lastVoteCode } from '../../server/src/modules/votes/votes.sender.ts';
import { newContext, newPage, screenshot } from '../support/browser.ts';
import { clickWhenStill, onFailure, signIn } from '../support/pages.ts';
import { useBrowserSuite } from '../support/suite.ts';

/*
 * Issue 14, item 4: a participant on a phone (390×844, touch) joins by an invitation, signs in by
 * SMS code, claims a need, reports it done with a photo, registers for an event and checks in with
 * the rotating door code; the office confirms the need and sees the attendance.
 */

/** The server's clock: moved past the one-code-a-minute limit instead of waiting. */
let now = new Date();
const clock = { now: () => now };
const suite = useBrowserSuite({ clock });

const phone = '13900007001';
const phoneViewport = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' } as const;

/** The office's own session, for the steps its pages do not take in this test. */
async function officeApi(page: Page, baseUrl: string) {
  const csrf = ((await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { csrfToken: string }).csrfToken;
  const headers = { 'x-csrf-token': csrf, origin: baseUrl };
  const json = async (response: APIResponse) => {
    if (!response.ok()) throw new Error(`${response.status()} ${response.url()} ${await response.text()}`);
    return response.json();
  };
  return {
    get: async (path: string) => json(await page.request.get(`${baseUrl}${path}`)),
    post: async (path: string, body: unknown) => json(await page.request.post(`${baseUrl}${path}`, { data: body, headers })),
  };
}

/** A button's name as antd shows it (it puts a space between two Chinese characters: 登 录). */
const named = (text: string) => ({ name: new RegExp(`^${[...text].join('\\s*')}$`) });

/** Ask for a code on the phone page and type what the log sender received. */
async function typeSmsCode(phonePage: Page): Promise<void> {
  const before = lastVoteCode(phone);
  await phonePage.getByRole('button', { name: /获取验证码|重新获取/ }).tap();
  await expect.poll(() => lastVoteCode(phone), { timeout: 15_000 }).not.toBe(before);
  await phonePage.getByLabel('验证码').fill(lastVoteCode(phone)!);
}

describe('participants on a phone', () => {
  it('invite → join and sign in by SMS code → claim a need → done with a photo → office confirms; register → check in by the door code → the activity counts one', async () => {
    const { db } = suite.server.handle;
    const url = suite.server.url;
    const huaxin = await db.selectFrom('divisions').select('id').where('name', '=', '华新镇').executeTakeFirstOrThrow();
    const chamber = await db.selectFrom('organisations').select(['id', 'name']).where('name', '=', '华新镇商会').executeTakeFirstOrThrow();

    // The office (华新镇) invites, posts a need and plans an event.
    const { page: officePage } = await newPage(suite.browser);
    onFailure(officePage, 'participants-office-failed');
    await signIn(officePage, url, 'huaxin');
    const office = await officeApi(officePage, url);
    const invitation = await office.post(`/api/organisations/${chamber.id}/invitations`, { role: 'participant', displayName: '李志愿' });
    const need = await office.post('/api/needs', { divisionId: huaxin.id, title: '为独居老人送午餐', description: '华新镇敬老院旁三户独居老人' });
    const startsAt = new Date(now.getTime() + 2 * 3_600_000).toISOString();
    const event = await office.post('/api/events', { divisionId: huaxin.id, title: '志愿者培训会', startsAt, endsAt: new Date(now.getTime() + 4 * 3_600_000).toISOString(), capacity: 30, place: '华新镇社区中心' });

    // The invitee opens the link on their phone and joins with the SMS code.
    const phoneContext = await newContext(suite.browser, phoneViewport);
    const mobile = await phoneContext.newPage();
    onFailure(mobile, 'participants-phone-failed');
    await mobile.goto(invitation.url);
    await mobile.getByText(`加入${chamber.name}`).waitFor();
    expect(await mobile.getByLabel('姓名').inputValue()).toBe('李志愿');
    await mobile.getByLabel('手机号').fill(phone);
    await typeSmsCode(mobile);
    await mobile.getByRole('button', named('确认加入')).tap();
    await mobile.getByTestId('m-open-needs').waitFor();
    await screenshot(mobile, 'participants-phone-home');

    // A new session on the same phone: sign in by phone number and SMS code.
    await phoneContext.clearCookies();
    now = new Date(now.getTime() + 61_000);
    await mobile.goto(`${url}/m`);
    await mobile.getByRole('button', named('登录')).tap();
    await mobile.waitForURL(/\/m\/sign-in$/);
    await mobile.getByLabel('手机号').fill(phone);
    await typeSmsCode(mobile);
    await mobile.getByRole('button', named('登录')).tap();
    await mobile.getByTestId('m-open-needs').waitFor();
    expect(await mobile.getByRole('heading', { name: '李志愿' }).count()).toBe(1);

    // Claim the need on the board: it moves to "needs we claimed".
    const openItem = mobile.getByTestId('m-open-needs').locator('.ant-list-item', { hasText: '为独居老人送午餐' });
    await openItem.getByRole('button', named('认领')).tap();
    const claimed = mobile.getByTestId(`m-claimed-${need.id}`);
    await claimed.waitFor();
    expect(await claimed.textContent()).toContain('进行中');
    expect(await mobile.getByTestId('m-today').textContent()).toContain('为独居老人送午餐');

    // A photo from the camera, a note, "report done".
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#2e86c1' } }).jpeg().toBuffer();
    await mobile.getByTestId(`m-photo-input-${need.id}`).setInputFiles({ name: '送餐.jpg', mimeType: 'image/jpeg', buffer: photo });
    await claimed.locator('img[alt="送餐.jpg"]').waitFor();
    await claimed.getByLabel('完成情况（选填）').fill('三户老人午餐已送到');
    await claimed.getByRole('button', named('报告完成')).tap();
    await expect.poll(() => claimed.textContent()).toContain('待确认');
    await screenshot(mobile, 'participants-phone-done');

    // The office sees the photo on the need and confirms.
    await officePage.goto(`${url}/needs/${need.id}`);
    await officePage.getByTestId('submitter-photos').locator('img').first().waitFor();
    expect(await officePage.getByTestId('need-claimant').textContent()).toBe(chamber.name);
    await clickWhenStill(officePage, 'need-step-confirmed');
    await clickWhenStill(officePage, 'need-step-ok');
    await expect.poll(() => officePage.getByTestId('need-state').first().getAttribute('data-state')).toBe('confirmed');
    await mobile.reload();
    await expect.poll(() => mobile.getByTestId(`m-claimed-${need.id}`).textContent()).toContain('已确认');

    // Register for the event on the phone.
    const eventItem = mobile.getByTestId('m-events').locator('.ant-list-item', { hasText: '志愿者培训会' });
    await eventItem.getByRole('button', named('报名')).tap();
    await eventItem.getByText('已报名').waitFor();
    const before = await office.get(`/api/activities/${event.activityId}`);
    expect(before.participantCount).toBe(0);

    // At the door: the phone opens the QR code's link; one scan checks in.
    const door = await office.get(`/api/events/${event.id}/door-code`);
    await mobile.goto(door.url);
    await mobile.getByText('签到成功').waitFor();
    await screenshot(mobile, 'participants-phone-checked-in');

    // The office sees the attendance: the event and its activity count one.
    expect((await office.get(`/api/events/${event.id}`)).checkedIn).toBe(1);
    await officePage.goto(`${url}/activities/${event.activityId}`);
    await officePage.getByText('志愿者培训会').first().waitFor();
    const cellBeside = (label: string) => officePage.locator('th', { hasText: label }).locator('xpath=following-sibling::td[1]');
    await expect.poll(() => cellBeside('参与人数').textContent()).toBe('1');
    expect(await cellBeside('参加人员').textContent()).toBe('李志愿');
    // A second scan changes nothing (a fresh load: the same link with its fragment would not reload).
    await mobile.goto('about:blank');
    await mobile.goto(door.url);
    await mobile.getByText('您已签到').waitFor();
    expect((await office.get(`/api/activities/${event.activityId}`)).participantCount).toBe(1);

    // Installable, and a reload with no connection still opens the app (the service worker's shell).
    const manifest = await (await mobile.request.get(`${url}/manifest.webmanifest`)).json();
    expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(['any', '192x192', '512x512']);
    await mobile.goto(`${url}/m`);
    await expect.poll(() => mobile.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);
    await phoneContext.setOffline(true);
    await mobile.reload();
    await mobile.locator('#root .ant-result, #root .ant-card').first().waitFor();
    await phoneContext.setOffline(false);
  }, 240_000);
});
