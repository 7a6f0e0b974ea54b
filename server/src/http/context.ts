import type { Actor, Locale } from '@tongxin/core';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db, Dialect } from '../db/database.ts';
import { AppError } from '../kernel/errors.ts';

/** The clock is injected so tests can move time (overdue flags, session expiry) without waiting. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What every service call receives: who, from where, in which language, against which database. */
export interface RequestContext {
  db: Db;
  /** Heavy read-only queries outside a transaction (DatabaseHandle.readDb); `readerOf` falls back to `db`. */
  readDb?: Db;
  dialect: Dialect;
  config: Config;
  clock: Clock;
  actor: Actor | null;
  ip: string;
  userAgent: string | null;
  requestId: string;
  locale: Locale;
}

export interface ActorContext extends RequestContext {
  actor: Actor;
}

/** The context of a request; throws 401 when the route needs a signed-in user and there is none. */
export function contextOf(request: FastifyRequest): ActorContext {
  const ctx = request.ctx;
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx as ActorContext;
}

export function publicContextOf(request: FastifyRequest): RequestContext {
  return request.ctx;
}

/** Where a heavy read-only query of this request runs: the read pool when there is one. */
export function readerOf(ctx: { db: Db; readDb?: Db | undefined }): Db {
  return ctx.readDb ?? ctx.db;
}

export function nowIso(ctx: { clock: Clock }): string {
  return ctx.clock.now().toISOString();
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    /** Set when the request came with a valid session cookie. */
    sessionId: string | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** `public`: no sign-in needed. Every other /api route requires a session. */
    access?: 'public' | 'signed-in';
  }
}
