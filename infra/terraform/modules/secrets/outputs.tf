output "secret_arns" {
  description = "Secret ARN by environment variable name, for the task definitions' secrets."
  value       = { for key, secret in aws_secretsmanager_secret.this : key => secret.arn }
}
