variable "name_prefix" {
  description = "Bucket name prefix, e.g. atm-prod-statements- (S3 adds a unique suffix)."
  type        = string
}

variable "retention" {
  description = "The one lifecycle rule: its id, when objects move to STANDARD_IA (null: never), expire, and when old versions and unfinished uploads go (null: never)."
  type = object({
    rule_id                      = string
    infrequent_access_after_days = optional(number)
    expire_after_days            = number
    noncurrent_expire_after_days = number
    abort_uploads_after_days     = optional(number)
  })

  validation {
    condition     = var.retention.infrequent_access_after_days == null || var.retention.expire_after_days > coalesce(var.retention.infrequent_access_after_days, 0)
    error_message = "Keep objects longer than the days before they move to STANDARD_IA."
  }
}

variable "sse_algorithm" {
  description = "aws:kms, or AES256 (SSE-S3) for writers that support nothing else (load balancer access logs)."
  type        = string
  default     = "aws:kms"
}

variable "kms_key_arn" {
  description = "Customer managed KMS key with aws:kms; null uses the AWS managed key for S3."
  type        = string
  default     = null
}

variable "load_balancer_log_prefix" {
  description = "Where this region's load balancers may write access logs (null: nowhere)."
  type        = string
  default     = null
}

variable "force_destroy" {
  description = "Allow destroying the bucket with objects in it (dev only)."
  type        = bool
  default     = false
}
