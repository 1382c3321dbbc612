# One configuration, two environments: environments/dev.tfvars and environments/prod.tfvars
# hold every value in which they differ (sizes, retention, protection); the account's own
# values (region, repository, domain, who gets alarms) come from a second, uncommitted
# file (environments/<env>.account.tfvars.example). The validations make prod refuse what
# dev may do: plain HTTP, deletable data, no backups.

variable "environment" {
  description = "dev or prod: names every resource (atm-<environment>) and picks the rules below."
  type        = string

  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "environment is dev or prod."
  }
}

# --- the account's values (environments/<env>.account.tfvars) ---------------------------

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
  description = "The ATM's host name (HTTPS with an ACM certificate). Required in prod; empty in dev serves plain HTTP."
  type        = string
  default     = ""

  validation {
    condition     = var.environment != "prod" || var.domain_name != ""
    error_message = "prod serves HTTPS only: set domain_name (and route53_zone_id)."
  }
}

variable "route53_zone_id" {
  description = "The Route 53 hosted zone of domain_name."
  type        = string
  default     = ""

  validation {
    condition     = var.domain_name == "" || var.route53_zone_id != ""
    error_message = "route53_zone_id is required with a domain_name (certificate validation and the alias record)."
  }
}

variable "admin_allowlist" {
  description = "CIDRs from which /admin and /api/v1/admin/ are reachable (the bank's offices, its VPN). Empty: from nowhere."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.admin_allowlist : can(cidrhost(cidr, 0))])
    error_message = "admin_allowlist holds CIDRs such as 203.0.113.0/24."
  }
}

variable "image_digest" {
  description = "sha256:... of the image the task definitions Terraform registers run; deploys register their own (the same digest in every environment)."
  type        = string

  validation {
    condition     = can(regex("^sha256:[0-9a-f]{64}$", var.image_digest))
    error_message = "image_digest is sha256: and 64 hex digits (deploys run images by digest, never by tag)."
  }
}

variable "image_repository" {
  description = "The ECR repository that another environment owns (prod runs the images dev built: { url, arn }); null creates this environment's own."
  type        = object({ url = string, arn = string })
  default     = null
}

variable "image_pull_account_ids" {
  description = "AWS accounts (prod's) that may pull from this environment's repository."
  type        = list(string)
  default     = []
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

# --- the environment's values (environments/<env>.tfvars) -------------------------------

variable "cidr_block" {
  description = "The VPC's address range."
  type        = string
}

variable "nat_gateway_count" {
  description = "1 (cheap, one zone's NAT is a single point of failure) or one per zone."
  type        = number
}

variable "images_to_keep" {
  description = "Images the repository keeps (rollback targets)."
  type        = number
}

variable "ecr_force_delete" {
  description = "Allow destroying the repository with images in it."
  type        = bool
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
}

variable "db_allocated_storage_gb" {
  description = "RDS storage at creation."
  type        = number
}

variable "db_max_allocated_storage_gb" {
  description = "RDS storage autoscaling limit."
  type        = number
}

variable "db_multi_az" {
  description = "A standby in a second zone."
  type        = bool
}

variable "db_backup_retention_days" {
  description = "Days of automated RDS backups."
  type        = number

  validation {
    condition     = var.environment != "prod" || var.db_backup_retention_days >= 7
    error_message = "prod keeps at least 7 days of database backups."
  }
}

variable "deletion_protection" {
  description = "The database and the load balancer refuse deletion."
  type        = bool

  validation {
    condition     = var.environment != "prod" || var.deletion_protection
    error_message = "prod's database and load balancer are protected from deletion."
  }
}

variable "redis_node_type" {
  description = "ElastiCache node type."
  type        = string
}

variable "redis_num_cache_clusters" {
  description = "Redis nodes (2+ gives a replica and automatic failover)."
  type        = number
}

variable "redis_snapshot_retention_days" {
  description = "Days of Redis snapshots (0: none)."
  type        = number
}

variable "secret_recovery_window_days" {
  description = "Days a deleted secret can still be restored (0 deletes at once)."
  type        = number
}

variable "statement_expire_after_days" {
  description = "Days statement PDFs are kept in S3."
  type        = number
}

variable "statement_force_destroy" {
  description = "Allow destroying the statements bucket with objects in it."
  type        = bool
}

variable "log_retention_days" {
  description = "CloudWatch Logs retention."
  type        = number
}

variable "app_cpu" {
  description = "API task CPU units."
  type        = number
}

variable "app_memory" {
  description = "API task memory (MiB)."
  type        = number
}

variable "app_min_count" {
  description = "Fewest API tasks."
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

variable "db_pool_size" {
  description = "DB_POOL_SIZE per task."
  type        = number
}
