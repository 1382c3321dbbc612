variable "name" {
  description = "Cluster name and prefix of the task families, e.g. atm-prod."
  type        = string
}

variable "repository_url" {
  description = "The ECR repository the image comes from."
  type        = string
}

variable "image_digest" {
  description = "The image digest (sha256:...) the task definitions Terraform registers run; deploys register their own."
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
  description = "Secrets Manager ARN by environment variable name (each family gets only the ones it reads)."
  type        = map(string)
}

variable "database" {
  description = "PostgreSQL's host, port and database (the migrate task builds the owner's URL from them)."
  type        = object({ host = string, port = number, name = string })
}

variable "database_app_username" {
  description = "The DML-only role the migrate task creates for the API and the worker."
  type        = string
}

variable "database_owner_secret_arn" {
  description = "RDS's managed secret of the owner (JSON username and password): the migrate task only."
  type        = string
}

variable "admin_allowlist" {
  description = "ADMIN_ALLOWLIST of the API: the CIDRs admins may come from (the WAF enforces it too)."
  type        = list(string)
  default     = []
}

variable "queue_metrics_namespace" {
  description = "CloudWatch namespace of the statement queue metrics (monitoring module)."
  type        = string
}

variable "queue_waiting_metric_name" {
  description = "The waiting-jobs metric the worker scales on."
  type        = string
}

variable "queue_waiting_target" {
  description = "Waiting statement jobs the worker scaling aims for."
  type        = number
  default     = 20
}

variable "statement_retention_days" {
  description = "STATEMENT_RETENTION_DAYS: how long statements can be downloaded."
  type        = number
  default     = 30
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

variable "capacity" {
  description = "Each service's task size (CPU units, 256 = 0.25 vCPU; memory in MiB) and its fewest and most tasks (2+ API tasks in prod: one per zone)."
  type = object({
    app    = object({ cpu = number, memory = number, min_count = number, max_count = number })
    worker = object({ cpu = number, memory = number, min_count = number, max_count = number })
  })
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
