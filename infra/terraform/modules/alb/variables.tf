variable "name" {
  description = "Load balancer name (32 characters at most), e.g. atm-prod."
  type        = string
}

variable "vpc_id" {
  description = "The VPC."
  type        = string
}

variable "public_subnet_ids" {
  description = "Public subnets in at least two zones."
  type        = list(string)
}

variable "security_group_id" {
  description = "The load balancer's security group."
  type        = string
}

variable "app_port" {
  description = "The port the API container listens on."
  type        = number
  default     = 8000
}

variable "domain_name" {
  description = "The ATM's host name, e.g. atm.example.com; empty serves plain HTTP (dev only)."
  type        = string
}

variable "route53_zone_id" {
  description = "The hosted zone of domain_name (certificate validation and the alias record)."
  type        = string
  default     = ""
}

variable "deletion_protection" {
  description = "Refuse deletion of the load balancer (prod)."
  type        = bool
}

variable "admin_allowlist" {
  description = "CIDRs from which /admin and /api/v1/admin/ are reachable; empty: from nowhere."
  type        = list(string)
  default     = []
}

variable "sign_in_rate_limit" {
  description = "Sign-in requests per client address per 5 minutes before the WAF blocks it."
  type        = number
  default     = 100
}

variable "managed_rule_groups" {
  description = "AWS managed WAF rule groups, in order."
  type        = list(string)
  default = [
    "AWSManagedRulesAmazonIpReputationList",
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesSQLiRuleSet",
  ]
}

variable "access_logs" {
  description = "The bucket and prefix the access logs go to (the bucket must let the load balancer write there)."
  type        = object({ bucket = string, prefix = string })
}
