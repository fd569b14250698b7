# Base images: latest/untagged, not pinned by digest, untrusted registry (when configured), FROM from an ARG without default.
ARG BUILDER
FROM ${BUILDER} AS build
RUN go build -o /out/app ./cmd/app

FROM quay.io/example/tools AS tools

FROM node:latest
COPY --from=build /out/app /usr/local/bin/app
USER 10001
CMD ["app"]
