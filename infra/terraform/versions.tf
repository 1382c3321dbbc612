terraform {
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 5.100 is what these machines mirror for `terraform validate` (infra/test); 6.x is
      # admitted too. Nothing here may need a provider outside hashicorp/aws.
      version = ">= 5.100, < 7"
    }
  }

  # Remote state in an encrypted, versioned, access-controlled S3 bucket, one key per
  # environment (environments/<env>.backend.hcl). Each environment gets its own data
  # directory so that an init for one can never plan against the other's state:
  #   TF_DATA_DIR=.terraform/prod terraform init -backend-config=environments/prod.backend.hcl
  backend "s3" {
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = var.region

  # Every resource's tags, set once here; a module adds only what names one object (Name,
  # Tier).
  default_tags {
    tags = {
      Project     = "atm"
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}
