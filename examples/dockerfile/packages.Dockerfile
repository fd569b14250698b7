# Packages: unpinned OS and language packages, apt-get without --no-install-recommends.
FROM python:3.13-slim
RUN apt-get update && apt-get install -y git \
 && pip install --no-cache-dir flask \
 && rm -rf /var/lib/apt/lists/*
USER 10001
CMD ["flask", "run"]
