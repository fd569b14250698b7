# Secrets: secret-named ARG/ENV, hard-coded values, secret files copied in, build secret passed as ARG.
FROM node:22.11-bookworm-slim
ARG NPM_TOKEN
ENV DB_PASSWORD=Zx81-qpL0-mmA2
ENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
COPY .npmrc .env ./
RUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci
USER 10001
CMD ["node", "server.js"]
