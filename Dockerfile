# Production image of the Kitsu & FrankenJet CMS.
#
#   docker build -t kitsu-frankenjet-cms .
#   docker run --rm -e SECRET_KEY=... -e DATABASE_URL=... kitsu-frankenjet-cms npx payload migrate
#   docker run -p 3000:3000 -e SECRET_KEY=... -e DATABASE_URL=... kitsu-frankenjet-cms
#
# The same image runs the release step (`npx payload migrate`) and the server (`node dist/server.js`);
# the server refuses to start while migrations are pending. See docker-compose.yml.

ARG NODE_IMAGE=node:20-bookworm-slim

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

# next build (admin panel, REST, GraphQL, /health) + esbuild of server.ts into dist/server.js.
FROM base AS build
# No secret is needed to build: the config gives `next build` a throwaway one (src/platform/config).
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build \
 && rm -rf .next/cache

# Production dependencies only.
FROM base AS prod-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

FROM base AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    NODE_OPTIONS=--no-deprecation
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/public ./public
# Next writes its runtime cache under .next: it belongs to the user that runs the server.
COPY --from=build --chown=node:node /app/.next ./.next
# `payload migrate` loads payload.config.ts and src/ (through tsx) in the image; the server reads
# migrations/ for its start-up guard.
COPY --from=build /app/migrations ./migrations
COPY --from=build /app/src ./src
COPY --from=build /app/payload.config.ts /app/tsconfig.json /app/next.config.mjs /app/package.json ./
# media/: uploads when S3 is not configured; .data/: the embedded PostgreSQL if no database is set.
RUN mkdir -p media .data && chown node:node media .data

USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/server.js"]
