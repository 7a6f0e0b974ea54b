import type { MessagingConfig } from '../outbox.config.ts';
import { aliyunSmsChannel } from './aliyun-sms.channel.ts';
import type { Channel } from './channel.ts';
import { quietLogChannel } from './log.channel.ts';
import { webhookChannel } from './webhook.channel.ts';
import { wecomRobotChannel } from './wecom-robot.channel.ts';

/** The channels an outbox sends through, by medium. `wechat` is absent when no robot is configured. */
export interface Channels {
  sms: Channel;
  wechat: Channel | null;
}

/**
 * The channels the configuration names.
 *
 * @example
 * const channels = channelsFromConfig(config.messaging);
 * await channels.sms.send({ ref: 'x', to: '13900001111', text: '…', template: 'vote_code', params: { code: '123456' } });
 */
export function channelsFromConfig(config: MessagingConfig, deps: { fetch?: typeof fetch } = {}): Channels {
  const f = deps.fetch ? { fetch: deps.fetch } : {};
  const sms =
    config.sms.kind === 'webhook'
      ? webhookChannel({ url: config.sms.url, secret: config.sms.secret, ...f })
      : config.sms.kind === 'aliyun'
        ? aliyunSmsChannel({ ...config.sms, ...f })
        : quietLogChannel;
  return { sms, wechat: config.wecomRobotUrl ? wecomRobotChannel({ url: config.wecomRobotUrl, ...f }) : null };
}

let current: Channels | null = null;

/** Plug in the channels (server start, tests with fake providers). */
export function setChannels(channels: Channels): void {
  current = channels;
}

/** The channels in use: the log for SMS and no WeChat until the server sets them. */
export function currentChannels(): Channels {
  return current ?? { sms: quietLogChannel, wechat: null };
}
