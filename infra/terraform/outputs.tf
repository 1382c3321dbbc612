output "base_url" {
  description = "The smoke test's BASE_URL."
  value       = module.alb.base_url
}

output "ecr_repository_url" {
  description = "Where the images this environment runs come from (ECR_REPOSITORY is its name)."
  value       = local.image_repository.url
}

output "ecs_cluster_name" {
  description = "GitHub environment variable ECS_CLUSTER."
  value       = module.ecs.cluster_name
}

output "task_families" {
  description = "Task definition families (app, worker, migrate, admin)."
  value       = module.ecs.task_families
}

output "deploy_role_arn" {
  description = "GitHub environment variable AWS_DEPLOY_ROLE_ARN."
  value       = module.github_oidc.role_arn
}

output "statement_bucket" {
  description = "STATEMENT_S3_BUCKET."
  value       = module.statements_bucket.name
}

output "alarm_topic_arn" {
  description = "The alarms' SNS topic."
  value       = module.monitoring.alarm_topic_arn
}
