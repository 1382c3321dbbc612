variable "name" {
  description = "Identifier prefix, e.g. atm-prod."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets in at least two availability zones."
  type        = list(string)
}

variable "security_group_id" {
  description = "The database's security group (reachable from the API and worker tasks only)."
  type        = string
}

variable "engine_version" {
  description = "PostgreSQL major version; minor versions are upgraded automatically."
  type        = string
  default     = "16"
}

variable "instance_class" {
  description = "Instance size, e.g. db.t4g.micro (dev) or db.m7g.large (prod)."
  type        = string
}

variable "database_name" {
  description = "The application database."
  type        = string
  default     = "atm"
}

variable "username" {
  description = "The master user name (the password is generated)."
  type        = string
  default     = "atm"
}

variable "allocated_storage_gb" {
  description = "Initial storage."
  type        = number
  default     = 20
}

variable "max_allocated_storage_gb" {
  description = "Storage autoscaling ceiling."
  type        = number
  default     = 100
}

variable "kms_key_arn" {
  description = "Customer managed KMS key for storage encryption; null uses the AWS managed key."
  type        = string
  default     = null
}

variable "multi_az" {
  description = "A standby in a second zone (prod)."
  type        = bool
}

variable "backup_retention_days" {
  description = "Automated backups (point-in-time recovery window), 1 to 35 days."
  type        = number

  validation {
    condition     = var.backup_retention_days >= 1 && var.backup_retention_days <= 35
    error_message = "Backups must be on: 1 to 35 days."
  }
}

variable "deletion_protection" {
  description = "Refuse deletion, and take a final snapshot when deleted (prod)."
  type        = bool
}

variable "performance_insights_enabled" {
  description = "Performance Insights (free tier: 7 days)."
  type        = bool
  default     = true
}
