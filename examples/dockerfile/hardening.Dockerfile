# Hardening: world-writable/setuid modes, pipes without pipefail, SSH server and port 22, invalid EXPOSE,
# WORKDIR on a system directory, shell-form CMD, missing HEALTHCHECK (off by default, on in .shipshape.yaml here), COPY . . without .dockerignore.
FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends openssh-server=1:9.2p1-2+deb12u3
RUN wget -qO- https://example.com/tool.tar.gz | tar -xz -C /opt && chmod -R 777 /opt/tool
COPY --chmod=4755 helper /usr/local/bin/helper
WORKDIR /usr/bin
COPY . .
EXPOSE 22 8080:80
USER 10001
CMD /opt/tool/run --serve
