// Preloaded (node --import) into the process and into every worker thread it starts: any attempt
// to reach the network throws and is written to NETWORK_LOG, one JSON line per attempt.
import dgram from 'node:dgram';
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { isMainThread, threadId } from 'node:worker_threads';

const logFile = process.env.NETWORK_LOG;
if (!logFile) throw new Error('NETWORK_LOG must name the file to record network attempts in');

const record = (entry) => fs.appendFileSync(logFile, `${JSON.stringify({ thread: threadId, main: isMainThread, ...entry })}\n`);
const blocked = (what) =>
  function blockedCall() {
    record({ attempt: what });
    throw new Error(`network access blocked in the offline test: ${what}`);
  };

globalThis.fetch = blocked('fetch');
globalThis.WebSocket = blocked('WebSocket');
http.request = blocked('http.request');
http.get = blocked('http.get');
https.request = blocked('https.request');
https.get = blocked('https.get');
net.connect = blocked('net.connect');
net.createConnection = blocked('net.createConnection');
net.Socket.prototype.connect = blocked('net.Socket.connect');
tls.connect = blocked('tls.connect');
dns.lookup = blocked('dns.lookup');
dns.resolve = blocked('dns.resolve');
dns.promises.lookup = blocked('dns.promises.lookup');
dns.promises.resolve = blocked('dns.promises.resolve');
dgram.createSocket = blocked('dgram.createSocket');

// Proof that the guard is in place in this thread (the OCR workers are threads of their own).
record({ guard: 'installed' });
