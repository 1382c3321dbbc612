# A private bucket: every public access path blocked, ACLs disabled, TLS only, encrypted
# (KMS, or SSE-S3 where a writer supports nothing else), versioned, and a lifecycle that
# moves old objects to cheaper storage if asked and expires them. Used for the statement
# PDFs and for the load balancer's access logs, which the load balancer's own AWS account
# may write under one prefix.

data "aws_caller_identity" "current" {}

data "aws_elb_service_account" "this" {}

locals {
  kms = var.sse_algorithm == "aws:kms"
}

resource "aws_s3_bucket" "this" {
  bucket_prefix = var.name_prefix
  force_destroy = var.force_destroy
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket = aws_s3_bucket.this.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.sse_algorithm
      kms_master_key_id = local.kms ? var.kms_key_arn : null
    }
    bucket_key_enabled = local.kms ? true : null
  }
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    id     = var.retention.rule_id
    status = "Enabled"

    filter {}

    dynamic "transition" {
      for_each = var.retention.infrequent_access_after_days[*]
      content {
        days          = transition.value
        storage_class = "STANDARD_IA"
      }
    }

    expiration {
      days = var.retention.expire_after_days
    }

    noncurrent_version_expiration {
      noncurrent_days = var.retention.noncurrent_expire_after_days
    }

    dynamic "abort_incomplete_multipart_upload" {
      for_each = var.retention.abort_uploads_after_days[*]
      content {
        days_after_initiation = abort_incomplete_multipart_upload.value
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.this]
}

data "aws_iam_policy_document" "this" {
  dynamic "statement" {
    for_each = var.load_balancer_log_prefix[*]
    content {
      sid       = "LoadBalancerWrites"
      actions   = ["s3:PutObject"]
      resources = ["${aws_s3_bucket.this.arn}/${statement.value}/AWSLogs/${data.aws_caller_identity.current.account_id}/*"]

      principals {
        type        = "AWS"
        identifiers = [data.aws_elb_service_account.this.arn]
      }
    }
  }

  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.this.arn,
      "${aws_s3_bucket.this.arn}/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = data.aws_iam_policy_document.this.json

  depends_on = [aws_s3_bucket_public_access_block.this]
}
