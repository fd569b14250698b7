# The final user is a name, so Kubernetes runAsNonRoot cannot verify it.
FROM node:22.11-bookworm-slim
WORKDIR /app
COPY --chown=node:node server.js ./
USER node
CMD ["node", "server.js"]
