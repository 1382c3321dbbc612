output "log_group_names" {
  description = "Log group name by task family (app, worker, migrate, admin)."
  value       = { for key, group in aws_cloudwatch_log_group.this : key => group.name }
}

output "alarm_topic_arn" {
  description = "The SNS topic the alarms notify."
  value       = aws_sns_topic.alarms.arn
}
