# Addresses before the alarms became one for_each resource: an existing deployment moves
# its alarms instead of destroying and creating them.

moved {
  from = aws_cloudwatch_metric_alarm.http_5xx_rate
  to   = aws_cloudwatch_metric_alarm.this["http-5xx-rate"]
}

moved {
  from = aws_cloudwatch_metric_alarm.latency_p95
  to   = aws_cloudwatch_metric_alarm.this["latency-p95"]
}

moved {
  from = aws_cloudwatch_metric_alarm.unhealthy_hosts
  to   = aws_cloudwatch_metric_alarm.this["unhealthy-hosts"]
}

moved {
  from = aws_cloudwatch_metric_alarm.rds_cpu
  to   = aws_cloudwatch_metric_alarm.this["rds-cpu"]
}

moved {
  from = aws_cloudwatch_metric_alarm.rds_free_storage
  to   = aws_cloudwatch_metric_alarm.this["rds-free-storage"]
}

moved {
  from = aws_cloudwatch_metric_alarm.redis_memory
  to   = aws_cloudwatch_metric_alarm.this["redis-memory"]
}

moved {
  from = aws_cloudwatch_metric_alarm.queue_depth
  to   = aws_cloudwatch_metric_alarm.this["statement-queue-depth"]
}

moved {
  from = aws_cloudwatch_metric_alarm.failed_jobs
  to   = aws_cloudwatch_metric_alarm.this["statement-jobs-failed"]
}

moved {
  from = aws_cloudwatch_metric_alarm.worker_tasks
  to   = aws_cloudwatch_metric_alarm.this["worker-tasks"]
}
