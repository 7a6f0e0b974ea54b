import type { TestApp, TestClient } from '../../test/harness.ts';
import { lastVoteCode } from '../votes/votes.sender.ts';

/** An organisation made by office staff through the API. */
export async function makeOrganisation(client: TestClient, divisionId: number, name: string): Promise<{ id: number; version: number }> {
  const response = await client.post('/api/organisations', { divisionId, name, type: 'volunteer_team', contactName: '王芳', address: '华新镇华志路 1 号' });
  if (response.statusCode !== 201) throw new Error(`organisation: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** The token of an invitation link (`…/m/join#<token>`). */
export const tokenOf = (url: string) => url.slice(url.indexOf('#') + 1);

/**
 * Invite, prove the phone by its SMS code (read from the log sender's test channel) and accept:
 * the participant's own signed-in client. Moves the clock past the resend limit first.
 */
export async function joinAsParticipant(t: TestApp, office: TestClient, organisationId: number, phone: string, role = 'participant'): Promise<TestClient> {
  const invitation = await office.post(`/api/organisations/${organisationId}/invitations`, { role });
  if (invitation.statusCode !== 201) throw new Error(`invite: ${invitation.statusCode} ${invitation.body}`);
  t.clock.advance(61_000);
  const sent = await t.anonymous().post('/api/public/participant-codes', { phone });
  if (sent.statusCode !== 202) throw new Error(`code: ${sent.statusCode} ${sent.body}`);
  const accepted = await t.anonymous().post('/api/public/invitations/accept', { token: tokenOf(invitation.json().url), phone, code: lastVoteCode(phone), displayName: `参与者${phone.slice(-4)}` });
  if (accepted.statusCode !== 201) throw new Error(`accept: ${accepted.statusCode} ${accepted.body}`);
  return clientOf(t, accepted);
}

/** A client carrying the session a sign-in answer set. */
export function clientOf(t: TestApp, response: { cookies: Array<{ name: string; value: string }>; json(): unknown }): TestClient {
  const cookie = response.cookies.find((c) => c.name === 'tongxin_session')!;
  const csrf = (response.json() as { csrfToken: string }).csrfToken;
  const headers = { cookie: `tongxin_session=${cookie.value}` };
  const request: TestClient['request'] = (options) =>
    t.app.inject({ remoteAddress: '127.0.0.1', ...options, headers: { ...headers, ...(options.method !== 'GET' ? { 'x-csrf-token': csrf } : {}), ...(options.headers ?? {}) } });
  const withBody = (method: 'POST' | 'PATCH' | 'PUT') => (url: string, body?: unknown, extra?: Record<string, string>) =>
    request({ method, url, ...(body === undefined ? {} : { payload: body as object }), ...(extra ? { headers: extra } : {}) });
  return {
    cookie: headers.cookie,
    csrfToken: csrf,
    request,
    get: (url, extra) => request({ method: 'GET', url, ...(extra ? { headers: extra } : {}) }),
    post: withBody('POST'),
    patch: withBody('PATCH'),
    put: withBody('PUT'),
    delete: (url, extra) => request({ method: 'DELETE', url, ...(extra ? { headers: extra } : {}) }),
  };
}
