output "log_group_names" {
  description = "Log group name by task family (app, worker, migrate, admin)."
  value       = { for key, group in aws_cloudwatch_log_group.this : key => group.name }
}

output "alarm_topic_arn" {
  description = "The SNS topic the alarms notify."
  value       = aws_sns_topic.alarms.arn
}

output "queue_metrics_namespace" {
  description = "CloudWatch namespace of the statement queue metrics."
  value       = local.queue_namespace
}

output "queue_waiting_metric_name" {
  description = "The waiting statement jobs metric (the worker scales on it)."
  value       = aws_cloudwatch_log_metric_filter.queue["StatementQueueWaiting"].metric_transformation[0].name
}
