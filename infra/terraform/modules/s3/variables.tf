variable "name" {
  description = "Bucket name prefix, e.g. atm-prod."
  type        = string
}

variable "expire_after_days" {
  description = "Statement PDFs are deleted this many days after they were made (they can be made again)."
  type        = number

  validation {
    condition     = var.expire_after_days > 30
    error_message = "Keep statements longer than the 30 days before they move to STANDARD_IA."
  }
}

variable "kms_key_arn" {
  description = "Customer managed KMS key; null uses the AWS managed key for S3."
  type        = string
  default     = null
}

variable "force_destroy" {
  description = "Allow destroying the bucket with objects in it (dev only)."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
