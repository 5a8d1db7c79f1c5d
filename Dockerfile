# The app image: the backend serving the built frontend on one port. Used by docker-compose.yml.
FROM node:26-bookworm-slim
# tini is PID 1: it forwards SIGTERM to the server (graceful shutdown) and reaps zombies.
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
RUN npm install -g pnpm@12.21.0
COPY . .
RUN pnpm install --frozen-lockfile && pnpm --filter frontend build
EXPOSE 4000
ENTRYPOINT ["/usr/bin/tini", "--"]
# Node runs the TypeScript sources directly (type stripping); `exec` makes the server tini's direct child.
CMD ["sh", "-c", "node scripts/db/migrate.ts && cd backend && exec node src/server.ts"]
