output "alb_security_group_id" {
  description = "The load balancer's group."
  value       = aws_security_group.this["alb"].id
}

output "app_security_group_id" {
  description = "The API tasks' group."
  value       = aws_security_group.this["app"].id
}

output "worker_security_group_id" {
  description = "The worker, migration and admin tasks' group."
  value       = aws_security_group.this["worker"].id
}

output "db_security_group_id" {
  description = "PostgreSQL's group."
  value       = aws_security_group.this["db"].id
}

output "redis_security_group_id" {
  description = "Redis's group."
  value       = aws_security_group.this["redis"].id
}
