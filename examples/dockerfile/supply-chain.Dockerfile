# Downloads and supply chain: remote ADD without checksum, ADD of local files, curl | sh, unverified downloads,
# TLS checks off, package signatures off, content trust off.
FROM debian:12
ENV DOCKER_CONTENT_TRUST=0
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
ADD https://example.com/tool.tar.gz /tmp/
ADD config.yaml /etc/app/
RUN curl -fsSL https://example.com/install.sh | sh
RUN curl -fsSLk -o /usr/local/bin/tool https://example.com/tool && chmod +x /usr/local/bin/tool
RUN apt-get update && apt-get install -y --no-install-recommends --allow-unauthenticated curl=7.88.1-10+deb12u8
USER 10001
CMD ["tool"]
