# Bridgeboard: the API serving the built web app, holding the Docker engine.
#
#   docker build -t bridgeboard .                       # public base images (node:20-bookworm-slim)
#   bash scripts/image-build.sh                         # this repo's offline way: bases made with
#                                                       # docker import, npm from the local cache
#
# BASE_IMAGE runs the server; BUILD_IMAGE (default: the same) builds it and must be able to compile
# better-sqlite3 (python3, make, g++ and Node's headers): on a Debian base they are installed with
# apt when missing. No `# syntax=` line on purpose: that would pull the frontend from a registry.
ARG BASE_IMAGE=node:20-bookworm-slim
ARG BUILD_IMAGE=${BASE_IMAGE}

FROM ${BUILD_IMAGE} AS build
ENV TURBO_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false
RUN if ! command -v python3 >/dev/null || ! command -v make >/dev/null || ! command -v g++ >/dev/null; then \
      apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*; \
    fi
WORKDIR /src
# Dependencies first (cached while the lockfile and manifests do not change).
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/contract/package.json packages/contract/
COPY packages/topology/package.json packages/topology/
COPY deploy/npm-offline.mjs deploy/
COPY deploy/npm-cache/ /tmp/npm-cache/
# No install script runs during the install (none may reach the network); the native modules are
# built just after: better-sqlite3 from source, argon2 from its prebuilt binary when that loads
# (node-gyp-build tries it first; it crashes with some Node builds, Debian's nodesource one here,
# and is then compiled).
RUN node deploy/npm-offline.mjs ci --ignore-scripts \
 && npm_config_build_from_source=true npm rebuild better-sqlite3 argon2
# Production dependencies of the API alone, in /prod: the runtime image copies only that folder.
RUN mkdir -p /prod/apps/api /prod/packages/contract /prod/packages/topology \
 && cp package.json package-lock.json /prod/ \
 && cp apps/api/package.json /prod/apps/api/ \
 && cp packages/contract/package.json /prod/packages/contract/ \
 && cp packages/topology/package.json /prod/packages/topology/ \
 && mkdir -p /prod/apps/web && cp apps/web/package.json /prod/apps/web/ \
 && cd /prod && node /src/deploy/npm-offline.mjs ci --omit=dev --workspace @bridgeboard/api --ignore-scripts \
 && for m in better-sqlite3 argon2; do \
      if [ -d "/src/node_modules/$m/build/Release" ]; then \
        mkdir -p "node_modules/$m/build/Release" && cp /src/node_modules/$m/build/Release/*.node "node_modules/$m/build/Release/"; \
      fi; \
    done \
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
CMD ["node", "apps/api/dist/server.js"]
