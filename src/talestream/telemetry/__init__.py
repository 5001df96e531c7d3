"""What an operator watches: Prometheus metrics at /metrics, and JSON logs with run and
request ids."""
