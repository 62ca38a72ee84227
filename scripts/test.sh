#!/usr/bin/env bash
# Runs the whole test suite: unit tests, integration tests against real PostgreSQL, the provider
# simulators over real HTTP, the fat jar as a process (also with the MCP TypeScript client, which needs
# Node.js 20 and npm), and the Connect widget in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Chromium: run 'sudo apt-get install -y chromium' first." >&2
    exit 1
  fi
fi

if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's Node.js and npm for the MCP client tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "The MCP client tests need Node.js and npm: run 'sudo apt-get install -y nodejs npm' first." >&2
    exit 1
  fi
fi

# McpServerIT drives the MCP server with the official TypeScript SDK client, pinned by its lock file
(cd gateway/src/test/mcp-client && npm ci --no-audit --no-fund --loglevel=error)

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec mvn -B verify "$@"
