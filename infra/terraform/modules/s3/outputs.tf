output "bucket_name" {
  description = "STATEMENT_S3_BUCKET."
  value       = aws_s3_bucket.statements.id
}

output "bucket_arn" {
  description = "For the tasks' IAM policies."
  value       = aws_s3_bucket.statements.arn
}
