output "cluster_name" {
  description = "The ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "cluster_arn" {
  description = "The ECS cluster's ARN."
  value       = aws_ecs_cluster.this.arn
}

output "service_names" {
  description = "The long-running services."
  value       = { for key, service in aws_ecs_service.this : key => service.name }
}

output "task_families" {
  description = "Task definition families by role."
  value       = { for family, definition in aws_ecs_task_definition.this : family => definition.family }
}

output "task_role_arns" {
  description = "Roles the deploy role may pass to ECS."
  value = [
    for role in concat(values(aws_iam_role.execution), values(aws_iam_role.task)) : role.arn
  ]
}
