variable "name" {
  description = "Name prefix of every resource."
  type        = string
}

variable "vpc_id" {
  description = "The VPC the groups belong to."
  type        = string
}

variable "app_port" {
  description = "The port the API container listens on."
  type        = number
  default     = 8000
}

variable "db_port" {
  description = "PostgreSQL's port."
  type        = number
  default     = 5432
}

variable "redis_port" {
  description = "Redis's port."
  type        = number
  default     = 6379
}
