variable "name" {
  description = "Replication group id, e.g. atm-prod."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets."
  type        = list(string)
}

variable "security_group_id" {
  description = "Redis's security group (reachable from the API and worker tasks only)."
  type        = string
}

variable "engine_version" {
  description = "Redis OSS engine version."
  type        = string
  default     = "7.1"
}

variable "node_type" {
  description = "Node size, e.g. cache.t4g.micro (dev) or cache.m7g.large (prod)."
  type        = string
}

variable "num_cache_clusters" {
  description = "Nodes: 1 (dev) or 2+ for a replica with automatic failover (prod)."
  type        = number
}

variable "snapshot_retention_days" {
  description = "Daily snapshots kept (0 turns them off)."
  type        = number
  default     = 1
}

variable "kms_key_arn" {
  description = "Customer managed KMS key for at-rest encryption; null uses the AWS managed key."
  type        = string
  default     = null
}

variable "auth_token" {
  description = "The AUTH token (from the secrets module, which also builds REDIS_URL from it)."
  type        = string
  sensitive   = true
}
