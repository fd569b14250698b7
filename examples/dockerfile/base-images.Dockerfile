# Base images: latest/untagged, not pinned by digest, untrusted registry (configured in .shipshape.yaml here),
# FROM from an ARG without default, and a stage's whole filesystem copied into the final image.
ARG BUILDER
FROM ${BUILDER} AS build
RUN go build -o /out/app ./cmd/app

FROM quay.io/example/tools AS tools

FROM node:latest
COPY --from=build /out/app /usr/local/bin/app
COPY --from=tools / /opt/tools/
USER 10001
CMD ["app"]
