import type { MessageChannel, MessagePreferences, MessagePreferencesUpdate, MessageState, OutboxMessage, Page } from '@tongxin/core';
import { api } from './client.ts';

export interface MessageLogFilters {
  state?: MessageState;
  channel?: MessageChannel;
  page: number;
  pageSize: number;
}

export const outboxKeys = {
  log: (filters: MessageLogFilters) => ['outbox', 'log', filters] as const,
  preferences: ['outbox', 'preferences'] as const,
};

export const listMessageLog = (filters: MessageLogFilters) => api.get<Page<OutboxMessage>>('/api/outbox/messages', { ...filters });
export const fetchMessagePreferences = () => api.get<MessagePreferences>('/api/outbox/preferences');
export const saveMessagePreferences = (input: MessagePreferencesUpdate) => api.put<MessagePreferences>('/api/outbox/preferences', input);
export const recordOptOut = (phone: string) => api.post<{ cancelled: number }>('/api/outbox/opt-outs', { phone });
