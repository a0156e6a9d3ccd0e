# syntax=docker/dockerfile:1
# Node's current LTS line; the code also runs on Node 20.16+.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Dev dependencies are needed to compile; install scripts stay off (nothing here needs one).
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM ${NODE_IMAGE}
# Native tesseract reads a page ~1.45x faster than tesseract.js, with the same model and settings.
# No language packs are asked for: Debian's English and OSD data come along as dependencies of
# tesseract-ocr, but the service reads its own model (best_int, from npm).
RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2 \
    HOST=0.0.0.0 \
    PORT=3000 \
    OCR_ENGINE=native
WORKDIR /app
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
# The model file native tesseract reads, unpacked here once, read-only, into node_modules/.cache:
# the runtime user cannot write there, and the service then never writes at all.
RUN node --input-type=module -e "const m = await import('./dist/extract/ocr/nativeModelDir.js'); console.log(m.nativeModelDir())"
# Example school profiles, for PROFILES_DIR=/app/profiles/examples (or mount your own directory).
COPY --chown=root:root profiles ./profiles
# The service never writes: code and data stay root-owned and read-only to the runtime user.
USER node
EXPOSE 3000
# The service's health; a worker container has no HTTP server: disable it there (compose.yaml does).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Two commands, one image:
#   node dist/http/server.js   the service (the default): everything in one process, or, with
#                              REDIS_URL and JOB_ENCRYPTION_KEY, the API in front of the fleet;
#   node dist/worker/main.js   a worker of the fleet (REDIS_URL and JOB_ENCRYPTION_KEY, the same
#                              as the API's): `docker run ... offercheck node dist/worker/main.js`.
CMD ["node", "dist/http/server.js"]
