output "group_ids" {
  description = "Security group id by role: alb, app, worker (also the migration and admin tasks), db, redis."
  value       = { for role, group in aws_security_group.this : role => group.id }
}
