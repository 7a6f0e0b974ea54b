import { loadConfig } from './config.ts';
import { buildApp } from './http/app.ts';
import { demoPassword } from './seed/demo/users.seed.ts';
import { openAndMigrate, seedDemoIfEmpty } from './startup.ts';
import { serverJobs } from './ops/jobs.ts';
import { startScheduledJobs } from './ops/scheduled-jobs.ts';
import { setVoteCodeSender, voteCodeSenderFromConfig } from './modules/votes/votes.sender.ts';
import { channelsFromConfig, setChannels } from './modules/outbox/channels/channels.ts';

/**
 * Start Tongxin: check the configuration, open and migrate the database, load the demo data when
 * it is empty (unless TONGXIN_NO_DEMO=1), then serve the API and the web UI.
 */
export async function start(): Promise<void> {
  const config = loadConfig();
  const say = (line: string) => console.log(`[tongxin] ${line}`);
  const handle = await openAndMigrate(config, say);
  say(`database: ${handle.describe}`);
  const seeded = process.env.TONGXIN_NO_DEMO === '1' ? false : await seedDemoIfEmpty(handle, say);
  setChannels(channelsFromConfig(config.messaging));
  setVoteCodeSender(voteCodeSenderFromConfig(config.voteCodes));
  say(`messages: SMS through ${config.messaging.sms.kind}${config.messaging.wecomRobotUrl ? ', WeChat through the 企业微信 robot' : ''} (SMS_CHANNEL, WECOM_ROBOT_URL)`);
  if (config.voteCodes.sender === 'log') say('public-vote codes go to this log (VOTE_CODE_SENDER=webhook sends them to an SMS relay)');
  const app = await buildApp({ handle, config });
  await app.listen({ port: config.port, host: config.host });
  // Reminders (and scheduled backups): each job runs on one instance per interval (a lease row).
  const stopReminders = startScheduledJobs(handle, serverJobs(config), (line) => say(line), config.jobTickMs);
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`;
  say(`ready at ${url}  (API docs: ${url}api/docs)`);
  if (seeded) say(`demo data loaded; sign in as admin / ${demoPassword} (or qingpu / ${demoPassword} for a district)`);

  // Finish requests in flight, then close the database, on Ctrl-C or a service manager's stop.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`${signal}: shutting down`);
    stopReminders();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  start().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
