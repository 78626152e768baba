# Cohorte: one image for the web process (ROLE=web) and the workers (ROLE=worker).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json community.example.yml ./
COPY src ./src
COPY handlers ./handlers
COPY jobs ./jobs
USER node
EXPOSE 3000
CMD ["npx", "tsx", "src/main.ts"]
