# The environments were two copies of this file (environments/dev, environments/prod) with
# the same addresses; only the repository, now optional, moved.
moved {
  from = module.ecr
  to   = module.ecr[0]
}

# The statements bucket (module.s3) and the load balancer's log bucket (in module.alb) were
# two copies of one private bucket; both are now calls of the s3 module.

moved {
  from = module.s3.aws_s3_bucket.statements
  to   = module.statements_bucket.aws_s3_bucket.this
}

moved {
  from = module.s3.aws_s3_bucket_public_access_block.statements
  to   = module.statements_bucket.aws_s3_bucket_public_access_block.this
}

moved {
  from = module.s3.aws_s3_bucket_ownership_controls.statements
  to   = module.statements_bucket.aws_s3_bucket_ownership_controls.this
}

moved {
  from = module.s3.aws_s3_bucket_server_side_encryption_configuration.statements
  to   = module.statements_bucket.aws_s3_bucket_server_side_encryption_configuration.this
}

moved {
  from = module.s3.aws_s3_bucket_versioning.statements
  to   = module.statements_bucket.aws_s3_bucket_versioning.this
}

moved {
  from = module.s3.aws_s3_bucket_lifecycle_configuration.statements
  to   = module.statements_bucket.aws_s3_bucket_lifecycle_configuration.this
}

moved {
  from = module.s3.aws_s3_bucket_policy.statements
  to   = module.statements_bucket.aws_s3_bucket_policy.this
}

moved {
  from = module.alb.aws_s3_bucket.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket.this
}

moved {
  from = module.alb.aws_s3_bucket_public_access_block.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket_public_access_block.this
}

moved {
  from = module.alb.aws_s3_bucket_server_side_encryption_configuration.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket_server_side_encryption_configuration.this
}

moved {
  from = module.alb.aws_s3_bucket_versioning.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket_versioning.this
}

moved {
  from = module.alb.aws_s3_bucket_lifecycle_configuration.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket_lifecycle_configuration.this
}

moved {
  from = module.alb.aws_s3_bucket_policy.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket_policy.this
}
