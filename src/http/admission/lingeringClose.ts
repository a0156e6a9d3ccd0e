import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/** Long enough for a client to read the answer and stop sending; bounded so a slow one cannot keep the socket. */
const LINGER_MS = 5000;
/** What a client may still have in flight when it reads the answer (socket buffers, a part of a letter). */
const LINGER_BYTES = 16 * 1024 * 1024;

/**
 * For an answer sent before the request's body was read to its end (a refusal: 503, 413, 408, 400).
 * The answer carries `Connection: close`; Node then ends the socket and destroys it as soon as the
 * answer is written, and whatever the client is still sending meets a closed socket: the kernel
 * answers with a reset, and a client still writing its body (Node's fetch, the CLI) sees EPIPE or
 * ECONNRESET instead of the answer. Here the socket closes the way RFC 9112 (section 9.6) asks:
 * the answer, then our half of the connection, then the rest of the body read and dropped until the
 * client closes its half, for at most LINGER_MS and LINGER_BYTES, and only then the socket.
 * Node calls `destroySoon()` on the socket for a `Connection: close` answer; that call is replaced
 * on this one socket.
 */
export function closeAfterAnswer(request: IncomingMessage): void {
  const socket = request.socket as Socket & { destroySoon?: () => void };
  if (!socket || socket.destroyed || Object.hasOwn(socket, 'destroySoon')) return;
  socket.destroySoon = function lingeringClose(this: Socket) {
    if (this.writable) this.end();
    let dropped = 0;
    const stop = () => this.destroy();
    const timer = setTimeout(stop, LINGER_MS);
    timer.unref();
    this.once('close', () => clearTimeout(timer));
    this.once('end', stop);
    // The body, whoever was reading it, is now only read to be dropped.
    request.unpipe();
    request.removeAllListeners('data');
    request.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > LINGER_BYTES) stop();
    });
    request.once('end', stop);
    request.resume();
  };
}
