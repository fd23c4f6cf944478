# The grounded-faq API, compiled to JavaScript. Built by docker-compose.yml; see docs/operations.md, "docker compose".

# Node and the toolchain for native modules (better-sqlite3 compiles when no prebuilt binary fits).
FROM node:20-bookworm-slim AS toolchain
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# swagger-ui-dist pulls in @scarf/scarf, whose install script would report the install: it must not.
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./

# The production dependencies the runtime copies: built on the runtime's Node, so native modules match it.
FROM toolchain AS production-dependencies
RUN npm ci --omit=dev --no-audit --no-fund

# Every dependency (TypeScript among them) to compile src/ and ingest/ into dist/.
FROM toolchain AS build
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY ingest ./ingest
RUN npm run build

# Runtime: production dependencies, the compiled service and the sample knowledge, run as the unprivileged
# `node` user. No compiler, no tsx, no TypeScript sources except the browser scripts esbuild bundles at start.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
  PORT=3000 \
  KNOWLEDGE_DIR=/app/knowledge \
  DATA_DIR=/data
WORKDIR /app
COPY --from=production-dependencies /app/node_modules ./node_modules
# package.json says "type": "module", which the compiled ES modules need.
COPY package.json ./
COPY --from=build /app/dist ./dist
COPY knowledge ./knowledge
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Healthy once the first sync is done and the index answers (Qdrant down: unhealthy, with the reason in the body).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((response) => process.exit(response.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/server.js"]
