# Users: final stage as root, non-numeric user, sudo, password changes.
FROM debian:12 AS named
RUN useradd -r -u 10001 app && echo "app:hunter2" | chpasswd
USER app

FROM debian:12
RUN sudo apt-get update && passwd -d root
USER root
CMD ["bash"]
