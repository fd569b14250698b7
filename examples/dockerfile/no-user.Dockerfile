# The final stage never sets USER, so it runs as root.
FROM python:3.13-slim
COPY app.py /app/app.py
CMD ["python", "/app/app.py"]
