output "name" {
  description = "The bucket's name (STATEMENT_S3_BUCKET for the statements), once its policy is in place."
  value       = aws_s3_bucket.this.id

  # The load balancer checks that it may write before it turns access logs on.
  depends_on = [aws_s3_bucket_policy.this]
}

output "arn" {
  description = "For IAM policies."
  value       = aws_s3_bucket.this.arn
}
