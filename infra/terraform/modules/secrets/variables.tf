variable "name" {
  description = "Secret name prefix, e.g. atm-prod (secrets are atm-prod/SECRET_KEY, ...)."
  type        = string
}

variable "database" {
  description = "PostgreSQL's host, port and database."
  type        = object({ host = string, port = number, name = string })
}

variable "app_database_username" {
  description = "The application's DML-only role (created by the migrate task, tools/migrate-and-grant.mjs)."
  type        = string
  default     = "atm_app"
}

variable "redis_host" {
  description = "Redis primary endpoint."
  type        = string
}

variable "redis_port" {
  description = "Redis port."
  type        = number
}

variable "kms_key_arn" {
  description = "Customer managed KMS key; null uses the AWS managed key for Secrets Manager."
  type        = string
  default     = null
}

variable "recovery_window_days" {
  description = "Days a deleted secret can still be restored (0 deletes at once; 7 to 30 otherwise)."
  type        = number
}
