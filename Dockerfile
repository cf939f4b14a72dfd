# Production image of the Kitsu & FrankenJet CMS.
#
#   docker build -t kitsu-frankenjet-cms .
#   docker run --rm -e SECRET_KEY=... -e DATABASE_URL=... kitsu-frankenjet-cms node dist/migrate.js
#   docker run -p 8000:8000 -e SECRET_KEY=... -e DATABASE_URL=... kitsu-frankenjet-cms
#   docker run --rm -e SECRET_KEY=... -e DATABASE_URL=... -e RABBITMQ_URL=... kitsu-frankenjet-cms node dist/worker.js
#
# One image, three commands: the release step (dist/migrate.js, what `payload migrate` does), the
# server (dist/server.js, the default) and the event worker (dist/worker.js). The server refuses to
# start while migrations are pending. See docker-compose.yml.
#
# The build stage runs exactly `npm ci` and `npm run build`, as CI does; the runtime stage is
# `.next/standalone` alone, which `npm run build` makes self-contained (Next's traced server files,
# the compiled server/worker/migrate and the node_modules files they need, static assets,
# migrations/): no dev dependencies, no sources, no npm install in the image.

ARG NODE_IMAGE=node:20.20.2-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false

# All dependencies, for the build.
FROM base AS deps
COPY package.json package-lock.json ./
RUN npm ci

# next build (output: standalone) + esbuild of dist/server.js, dist/worker.js, dist/migrate.js +
# scripts/assembleStandalone.mjs. No secret is needed to build: the config gives `next build` a
# throwaway one (src/platform/config).
FROM base AS build
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=8000 \
    NODE_OPTIONS="--no-deprecation --max-old-space-size=256"
# Owned by root (read-only to the server) except what the server writes, below.
COPY --from=build /app/.next/standalone ./
# .next/cache: Next's image and fetch cache; media/: uploads when S3 is not configured. (No
# embedded PostgreSQL here: it is for development; the image needs DATABASE_URL or DB_HOST.)
RUN mkdir -p .next/cache media \
 && chown -R node:node .next/cache media

USER node
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8000)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/server.js"]
