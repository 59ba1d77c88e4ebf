import { createExportSession, type ExportReply, type ExportRequest } from './export-protocol.js';

// Writing a file of 100,000 customers takes seconds: here, the page stays responsive meanwhile.
const handle = createExportSession((message: ExportReply) => self.postMessage(message));
self.onmessage = (e: MessageEvent<ExportRequest>) => void handle(e.data);
