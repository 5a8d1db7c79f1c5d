# The app image: the backend serving the built frontend on one port. Used by docker-compose.yml.
FROM node:20-bookworm-slim
WORKDIR /app
RUN npm install -g pnpm@12.21.0
COPY . .
RUN pnpm install --frozen-lockfile && pnpm --filter frontend build
EXPOSE 4000
CMD ["sh", "-c", "pnpm db:migrate && cd backend && pnpm start"]
