variable "region" {
  description = "AWS region."
  type        = string
}

variable "github_repository" {
  description = "owner/name of the GitHub repository whose deploy workflow may deploy here."
  type        = string
}

variable "create_oidc_provider" {
  description = "Create the account's GitHub OIDC provider (true in exactly one stack per account)."
  type        = bool
  default     = false
}

variable "domain_name" {
  description = "The ATM's host name (HTTPS with an ACM certificate); empty for plain HTTP."
  type        = string
  default     = ""
}

variable "route53_zone_id" {
  description = "The Route 53 hosted zone of domain_name."
  type        = string
  default     = ""
}

variable "image_tag" {
  description = "Image tag (commit SHA) for the task definitions Terraform registers; use the deployed one."
  type        = string
}

variable "alarm_emails" {
  description = "Who gets the alarms."
  type        = list(string)
  default     = []
}

variable "extra_environment" {
  description = "Non-secret app settings beyond the defaults (limits, CORS_ORIGINS, ...)."
  type        = map(string)
  default     = {}
}
