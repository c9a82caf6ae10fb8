# Bridgeboard: the API serving the built web app, holding the Docker engine.
#
#   docker build -t bridgeboard .                       # public base images (node:24-bookworm-slim)
#   bash scripts/image-build.sh                         # this repo's offline way: bases made with
#                                                       # docker import, npm from the local cache
#
# BASE_IMAGE runs the server; BUILD_IMAGE (default: the same) builds it. Neither needs a compiler:
# better-sqlite3 and argon2 load the N-API binaries their npm packages ship, which work on every
# Node the project supports. No `# syntax=` line on purpose: that would pull the frontend from a
# registry.
ARG BASE_IMAGE=node:24-bookworm-slim
ARG BUILD_IMAGE=${BASE_IMAGE}

FROM ${BUILD_IMAGE} AS build
ENV TURBO_TELEMETRY_DISABLED=1 \
    TURBO_NO_UPDATE_NOTIFIER=1 \
    npm_config_update_notifier=false
WORKDIR /src
# Dependencies first (cached while the lockfile and manifests do not change).
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/contract/package.json packages/contract/
COPY packages/topology/package.json packages/topology/
COPY deploy/npm-offline.mjs deploy/
COPY deploy/npm-cache/ /tmp/npm-cache/
# No install script runs (none may reach the network, and none is needed: the native modules
# bring their binaries in the package).
RUN node deploy/npm-offline.mjs ci --ignore-scripts
# Production dependencies of the API alone, in /prod: the runtime image copies only that folder.
# The require fails the build, not the first start, should a native binary not load here.
RUN mkdir -p /prod/apps/api /prod/apps/web /prod/packages/contract /prod/packages/topology \
 && cp package.json package-lock.json /prod/ \
 && cp apps/api/package.json /prod/apps/api/ \
 && cp apps/web/package.json /prod/apps/web/ \
 && cp packages/contract/package.json /prod/packages/contract/ \
 && cp packages/topology/package.json /prod/packages/topology/ \
 && cd /prod && node /src/deploy/npm-offline.mjs ci --omit=dev --workspace @bridgeboard/api --ignore-scripts \
 && node -e "require('better-sqlite3')(':memory:'); require('argon2')" \
 && rm -rf /prod/apps/web
COPY tsconfig.base.json turbo.json ./
COPY packages packages
COPY apps apps
RUN npx turbo run build --filter=@bridgeboard/api --filter=@bridgeboard/web --output-logs=errors-only \
 && cp -r packages/contract/dist /prod/packages/contract/ \
 && cp -r packages/topology/dist /prod/packages/topology/ \
 && cp -r apps/api/dist /prod/apps/api/ \
 && mkdir -p /prod/apps/web && cp -r apps/web/dist /prod/apps/web/

FROM ${BASE_IMAGE}
# The server refuses a non-loopback HOST while no user exists: give it BRIDGEBOARD_ADMIN_PASSWORD
# (docker-compose.yml reads it from deploy/bridgeboard.env) or create users in the /data volume.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    DATA_DIR=/data
# A user of its own. It reaches /var/run/docker.sock through the socket's group, which differs per
# host: give it at run time (`--group-add "$(stat -c %g /var/run/docker.sock)"`, or DOCKER_GID
# for docker-compose.yml's group_add).
RUN echo 'bridgeboard:x:10001:10001:Bridgeboard:/app:/usr/sbin/nologin' >>/etc/passwd \
 && echo 'bridgeboard:x:10001:' >>/etc/group \
 && mkdir -p /data \
 && chown 10001:10001 /data
WORKDIR /app
COPY --from=build /prod/ ./
VOLUME /data
USER bridgeboard
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# 8 MiB semi-spaces: see scripts/start.sh.
CMD ["node", "--max-semi-space-size=8", "apps/api/dist/server.js"]
