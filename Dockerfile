# Cohorte: one image for the web process (ROLE=web) and the workers (ROLE=worker).
# Built to plain JavaScript: one node process, no TypeScript loader at run time (about 50 MiB less memory).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY handlers ./handlers
COPY jobs ./jobs
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json community.example.yml bulle-themes.yml ./
USER node
EXPOSE 3000
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
