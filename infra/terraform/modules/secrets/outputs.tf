output "secret_arns" {
  description = "Secret ARN by environment variable name; the ecs module gives each container only the ones it reads."
  value       = { for key, secret in aws_secretsmanager_secret.secret : key => secret.arn }
}

output "redis_auth_token" {
  description = "The stored Redis AUTH token, for the replication group."
  value       = local.stored["REDIS_AUTH_TOKEN"]
  sensitive   = true
}

output "app_database_username" {
  description = "The DML-only role the API and the worker connect as."
  value       = var.app_database_username
}
