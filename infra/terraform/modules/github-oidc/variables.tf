variable "name" {
  description = "Name prefix, e.g. atm-prod."
  type        = string
}

variable "create_oidc_provider" {
  description = "Create the account's GitHub OIDC provider (only one per account: true in one stack)."
  type        = bool
}

variable "github_repository" {
  description = "owner/name of the repository whose deploy workflow may assume the role."
  type        = string
}

variable "github_environment" {
  description = "The GitHub environment (dev or prod) the workflow job runs in."
  type        = string
}

variable "ecr_repository_arn" {
  description = "The repository the images come from."
  type        = string
}

variable "push_images" {
  description = "The workflow builds and pushes here (dev); otherwise it only pulls the digests it promotes."
  type        = bool
}

variable "ecs_cluster_arn" {
  description = "The cluster whose services the workflow updates."
  type        = string
}

variable "task_role_arns" {
  description = "Execution and task roles the registered task definitions use."
  type        = list(string)
}

variable "migrate_log_group_name" {
  description = "The migration task's log group (the workflow prints it when a migration fails)."
  type        = string
}
