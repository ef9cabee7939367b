import * as http from 'http';
import { Socket } from 'net';
import { UserError } from '../errors/userError';
import { ConnectionLimits } from './inboxLimits';

/** Closed connections of one kind are reported at most this often, with their count. */
const REPORT_EVERY_MS = 10_000;

/**
 * The inbox's connections within `limits`, and a report when one is closed for them: past the
 * cap, the oldest connection with no request running makes room (a request in flight is never
 * cut), else the new one is refused; a connection whose request is not in within its timeout gets
 * 408. Each open connection holds a file descriptor, and a tunnel lets anyone open them.
 */
export function guardConnections(
  server: http.Server,
  limits: ConnectionLimits,
  report: (notice: UserError) => void,
): { dispose(): void } {
  // Node checks neither timeout while the headers one exceeds the request one.
  server.headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  /** Requests running per connection, in the order the connections opened. */
  const open = new Map<Socket, number>();
  const shed = new Tally(
    (n) =>
      `The webhook inbox closed ${n} idle connection(s) to stay within its cap of ${limits.maxConnections} open at once.`,
    report,
  );
  const refused = new Tally(
    (n) =>
      `The webhook inbox refused ${n} connection(s): all ${limits.maxConnections} it allows at once were receiving or answering requests.`,
    report,
  );
  const timedOut = new Tally(
    (n) =>
      `The webhook inbox closed ${n} connection(s) that did not send a whole request in time (headers within ${limits.headersTimeoutMs} ms, the body within ${limits.requestTimeoutMs} ms).`,
    report,
  );

  const onConnection = (socket: Socket) => {
    if (open.size >= limits.maxConnections) {
      const idle = oldestIdle(open);
      if (idle) {
        open.delete(idle);
        idle.destroy();
        shed.add();
      } else {
        socket.destroy();
        refused.add();
        return;
      }
    }
    open.set(socket, 0);
    socket.once('close', () => open.delete(socket));
  };
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket = req.socket;
    const requests = open.get(socket);
    if (requests === undefined) {
      return;
    }
    open.set(socket, requests + 1);
    res.once('close', () => {
      const now = open.get(socket);
      if (now !== undefined) {
        open.set(socket, now - 1);
      }
    });
  };
  const onClientError = (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      timedOut.add();
      endWith(socket, '408 Request Timeout');
    } else if (err.code === 'HPE_HEADER_OVERFLOW') {
      endWith(socket, '431 Request Header Fields Too Large');
    } else if (err.code === 'ECONNRESET') {
      socket.destroy();
    } else {
      endWith(socket, '400 Bad Request');
    }
  };
  server.on('connection', onConnection);
  server.prependListener('request', onRequest);
  server.on('clientError', onClientError);
  return {
    dispose: () => {
      server.off('connection', onConnection);
      server.off('request', onRequest);
      server.off('clientError', onClientError);
      [shed, refused, timedOut].forEach((tally) => tally.flush());
    },
  };
}

function oldestIdle(open: ReadonlyMap<Socket, number>): Socket | undefined {
  for (const [socket, requests] of open) {
    if (requests === 0) {
      return socket;
    }
  }
  return undefined;
}

/** What Node itself answers to a broken or late request; a listener for client errors must do it. */
function endWith(socket: Socket, status: string): void {
  if (socket.writable && socket.bytesWritten === 0) {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }
  socket.destroy();
}

/** Counts events and reports the first at once, then the rest of each period in one line. */
class Tally {
  private count = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly message: (count: number) => string,
    private readonly report: (notice: UserError) => void,
  ) {}

  add(): void {
    if (this.timer) {
      this.count++;
      return;
    }
    this.send(1);
    this.timer = setTimeout(() => this.flush(), REPORT_EVERY_MS);
    this.timer.unref();
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.count > 0) {
      this.send(this.count);
      this.count = 0;
    }
  }

  private send(count: number): void {
    this.report(
      new UserError(this.message(count), 'Nothing to do unless it repeats: then look for who opens them (a tunnel?).'),
    );
  }
}
