variable "name" {
  description = "Cluster name and prefix of the task families, e.g. atm-prod."
  type        = string
}

variable "repository_url" {
  description = "The ECR repository the image comes from."
  type        = string
}

variable "image_tag" {
  description = "The image tag (a commit SHA) for the task definitions Terraform registers; deploys register their own."
  type        = string
}

variable "private_subnet_ids" {
  description = "Where the tasks run (no public address)."
  type        = list(string)
}

variable "app_security_group_id" {
  description = "The API tasks' group."
  type        = string
}

variable "worker_security_group_id" {
  description = "The worker, migration and admin tasks' group."
  type        = string
}

variable "target_group_arn" {
  description = "The load balancer's target group for the API."
  type        = string
}

variable "log_group_names" {
  description = "Log group by family: app, worker, migrate, admin."
  type        = map(string)
}

variable "secret_arns" {
  description = "Secrets Manager ARN by environment variable name."
  type        = map(string)
}

variable "statement_bucket_name" {
  description = "STATEMENT_S3_BUCKET."
  type        = string
}

variable "statement_bucket_arn" {
  description = "The statements bucket (for the task roles)."
  type        = string
}

variable "app_port" {
  description = "The port the API listens on."
  type        = number
  default     = 8000
}

variable "app_cpu" {
  description = "API task CPU units (256 = 0.25 vCPU)."
  type        = number
}

variable "app_memory" {
  description = "API task memory (MiB)."
  type        = number
}

variable "app_min_count" {
  description = "Fewest API tasks (2+ in prod: one per zone)."
  type        = number
}

variable "app_max_count" {
  description = "Most API tasks."
  type        = number
}

variable "worker_cpu" {
  description = "Worker task CPU units."
  type        = number
}

variable "worker_memory" {
  description = "Worker task memory (MiB)."
  type        = number
}

variable "worker_min_count" {
  description = "Fewest worker tasks."
  type        = number
}

variable "worker_max_count" {
  description = "Most worker tasks."
  type        = number
}

variable "worker_concurrency" {
  description = "STATEMENT_WORKER_CONCURRENCY: PDFs rendered at once per worker task."
  type        = number
  default     = 2
}

variable "cpu_target_percent" {
  description = "Average CPU the autoscaling aims for."
  type        = number
  default     = 60
}

variable "db_pool_size" {
  description = "DB_POOL_SIZE per task; (API max + worker max + 2) x this must stay under RDS max_connections."
  type        = number
}

variable "metrics_enabled" {
  description = "METRICS_ENABLED; /metrics is then guarded by METRICS_GUARD_SECRET (header x-metrics-secret)."
  type        = bool
  default     = true
}

variable "log_level" {
  description = "LOG_LEVEL."
  type        = string
  default     = "info"
}

variable "atm_timezone" {
  description = "ATM_TIMEZONE: the bank's calendar day (IANA name)."
  type        = string
  default     = "UTC"
}

variable "extra_environment" {
  description = "More non-secret environment variables (limits, rate limits, CORS_ORIGINS, ...)."
  type        = map(string)
  default     = {}
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
