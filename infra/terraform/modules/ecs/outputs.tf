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
  value       = { app = aws_ecs_service.app.name, worker = aws_ecs_service.worker.name }
}

output "task_families" {
  description = "Task definition families by role."
  value = {
    app     = aws_ecs_task_definition.app.family
    worker  = aws_ecs_task_definition.worker.family
    migrate = aws_ecs_task_definition.migrate.family
    admin   = aws_ecs_task_definition.admin.family
  }
}

output "task_role_arns" {
  description = "Roles the deploy role may pass to ECS."
  value = [
    for role in concat(values(aws_iam_role.execution), [aws_iam_role.app, aws_iam_role.worker, aws_iam_role.admin]) : role.arn
  ]
}
