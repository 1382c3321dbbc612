output "repository_url" {
  description = "Where to push: <account>.dkr.ecr.<region>.amazonaws.com/<name>."
  value       = aws_ecr_repository.this.repository_url
}

output "repository_arn" {
  description = "The repository's ARN (for the deploy role's policy)."
  value       = aws_ecr_repository.this.arn
}

output "repository_name" {
  description = "The repository's name."
  value       = aws_ecr_repository.this.name
}
