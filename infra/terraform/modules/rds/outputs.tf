output "database" {
  description = "Where the application connects: host, port and database."
  value = {
    host = aws_db_instance.this.address
    port = aws_db_instance.this.port
    name = aws_db_instance.this.db_name
  }
}

output "username" {
  description = "The master (owner) user name."
  value       = aws_db_instance.this.username
}

output "master_user_secret_arn" {
  description = "The RDS-managed secret (JSON: username, password) of the owner role, for the migrate task only."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "identifier" {
  description = "The instance identifier (for alarms)."
  value       = aws_db_instance.this.identifier
}

output "allocated_storage_gb" {
  description = "Allocated storage, for the free-storage alarm."
  value       = aws_db_instance.this.allocated_storage
}
