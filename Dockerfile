# syntax=docker/dockerfile:1
# The app image: the backend serving the built frontend on one port (docker-compose.prod.yml, docs/operations.md).
#   target `app`      (default) production dependencies only, runs as an unprivileged user
#   target `migrate`  the one-off migration step (Prisma's Wasm schema engine needs the build dependencies)
# Node.js and pnpm are exactly the versions the repository pins (.node-version, package.json engines.pnpm),
# installed by the same script as on a developer's machine and in CI.

FROM debian:bookworm-slim AS toolchain
RUN apt-get update \
  && apt-get install -y --no-install-recommends ca-certificates curl tini \
  && rm -rf /var/lib/apt/lists/*
ENV STREAMHOUSE_TOOLCHAIN=/opt/toolchain
WORKDIR /app
COPY .node-version package.json scripts/toolchain.sh ./toolchain/
RUN bash -c 'source toolchain/toolchain.sh && toolchain_use "$PWD/toolchain" && ln -s "$(command -v node)" /usr/local/bin/node && ln -s "$(command -v pnpm)" /usr/local/bin/pnpm' \
  && rm -rf toolchain

# Everything, to build the frontend, generate the Prisma client and run migrations.
FROM toolchain AS build
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc prisma.config.ts ./
COPY backend/package.json backend/
COPY frontend/package.json frontend/
COPY e2e/package.json e2e/
COPY shared/package.json shared/
COPY scripts scripts
COPY prisma prisma
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter frontend build

FROM build AS migrate
ENV NODE_ENV=production
CMD ["node", "scripts/db/migrate.ts"]

# Production dependencies of the backend only (no build scripts: the generated client comes from `build`).
FROM toolchain AS prod-deps
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY backend/package.json backend/
COPY frontend/package.json frontend/
COPY e2e/package.json e2e/
COPY shared/package.json shared/
RUN pnpm install --frozen-lockfile --prod --ignore-scripts --filter backend...

FROM toolchain AS app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 STATIC_DIR=/app/frontend/dist
COPY --from=prod-deps /app/node_modules node_modules
COPY --from=prod-deps /app/backend/node_modules backend/node_modules
COPY --from=prod-deps /app/shared/node_modules shared/node_modules
COPY package.json ./
COPY shared shared
COPY backend/package.json backend/
COPY backend/src backend/src
COPY --from=build /app/backend/src/generated backend/src/generated
COPY --from=build /app/frontend/dist frontend/dist
# The same uid as the egress image: both read and write the recordings volume.
RUN useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin streamhouse
USER streamhouse
EXPOSE 4000
WORKDIR /app/backend
# tini is PID 1: it forwards SIGTERM to the server (graceful shutdown, docs/operations.md) and reaps zombies.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "src/server.ts"]
