output "primary_endpoint" {
  description = "The primary's host name."
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "port" {
  description = "Redis's port."
  value       = aws_elasticache_replication_group.this.port
}

output "replication_group_id" {
  description = "For alarms."
  value       = aws_elasticache_replication_group.this.id
}
