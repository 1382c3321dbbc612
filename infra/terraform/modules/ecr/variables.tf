variable "name" {
  description = "Repository name, e.g. atm-prod."
  type        = string
}

variable "images_to_keep" {
  description = "How many images to keep; older ones cannot be rolled back to."
  type        = number
  default     = 30
}

variable "force_delete" {
  description = "Allow destroying the repository with images in it (dev only)."
  type        = bool
  default     = false
}

variable "pull_account_ids" {
  description = "AWS accounts whose roles may pull images (the environments that promote this one's digests)."
  type        = list(string)
  default     = []
}
