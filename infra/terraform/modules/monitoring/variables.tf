variable "name" {
  description = "Name prefix, e.g. atm-prod."
  type        = string
}

variable "log_retention_days" {
  description = "CloudWatch Logs retention (a value CloudWatch accepts: 7, 30, 90, 365, ...)."
  type        = number
}

variable "alarm_emails" {
  description = "Addresses subscribed to the alarm topic (each confirms by e-mail)."
  type        = list(string)
  default     = []
}

variable "alb_arn_suffix" {
  description = "The load balancer's ARN suffix."
  type        = string
}

variable "target_group_arn_suffix" {
  description = "The API target group's ARN suffix."
  type        = string
}

variable "db_instance_identifier" {
  description = "The RDS instance."
  type        = string
}

variable "db_allocated_storage_gb" {
  description = "The RDS instance's allocated storage."
  type        = number
}

variable "redis_replication_group_id" {
  description = "The ElastiCache replication group."
  type        = string
}

variable "ecs_cluster_name" {
  description = "The ECS cluster (worker task count, failed deployments)."
  type        = string
}

variable "worker_service_name" {
  description = "The statement worker's ECS service."
  type        = string
}

variable "worker_min_count" {
  description = "Alarm when fewer worker tasks run."
  type        = number
}

variable "queue_waiting_threshold" {
  description = "Alarm when more statement jobs wait than this for 10 minutes."
  type        = number
  default     = 100
}

variable "http_5xx_rate_percent" {
  description = "Alarm when this share of requests (percent) answers 5xx."
  type        = number
  default     = 1
}

variable "latency_p95_seconds" {
  description = "Alarm when the p95 response time passes this."
  type        = number
  default     = 1
}
