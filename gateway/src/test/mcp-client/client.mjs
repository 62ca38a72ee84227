// One MCP session with the official TypeScript SDK client, described by the JSON in argv[2]:
// {url, headers} for Streamable HTTP or {stdio: {command, args}}, then steps of
// {tool, args, cursorFrom?}. Prints one JSON line: the negotiated revision, the tools and each
// step's result or error. tools/list runs first so the SDK validates structuredContent against
// every tool's outputSchema.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const spec = JSON.parse(process.argv[2]);
const client = new Client({ name: "routemcp-it", version: "1.0.0" });
const transport = spec.stdio
  ? new StdioClientTransport({ command: spec.stdio.command, args: spec.stdio.args, stderr: "inherit" })
  : new StreamableHTTPClientTransport(new URL(spec.url), { requestInit: { headers: spec.headers ?? {} } });
const out = { connected: false, steps: [] };

function failure(e) {
  return { message: String(e?.message ?? e), code: e?.code ?? null };
}

try {
  await client.connect(transport);
  out.connected = true;
  out.server = client.getServerVersion();
  out.protocolVersion = transport.protocolVersion ?? null;
  out.tools = (await client.listTools()).tools;
  for (const step of spec.steps ?? []) {
    const args = { ...(step.args ?? {}) };
    if (step.cursorFrom !== undefined) {
      args.cursor = out.steps[step.cursorFrom].ok.structuredContent.pagination.cursor;
    }
    try {
      out.steps.push({ ok: await client.callTool({ name: step.tool, arguments: args }) });
    } catch (e) {
      out.steps.push({ error: failure(e) });
    }
  }
} catch (e) {
  out.error = failure(e);
}
await client.close().catch(() => {});
console.log(JSON.stringify(out));
