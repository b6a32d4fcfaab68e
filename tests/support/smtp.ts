import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
}

/**
 * A real SMTP server in the test process (no TLS, no auth): it keeps every message it accepts, parsed, and
 * can refuse a recipient with a given reply code a number of times (a full mailbox, an unknown one).
 */
export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const refusals = new Map<string, { code: number; times: number }>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refusals.get(address.address);
      if (!refusal || refusal.times <= 0) return callback();
      refusal.times -= 1;
      // Real servers quote the address in their reply: the app must not log it.
      callback(Object.assign(new Error(`<${address.address}>: mailbox unavailable`), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          received.push({ to, from: mail.from?.text ?? "", subject: mail.subject ?? "", text: mail.text ?? "" });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    mailsTo: (address: string) => received.filter((mail) => mail.to.includes(address)),
    refuse: (address: string, code: number, times: number) => void refusals.set(address, { code, times }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
