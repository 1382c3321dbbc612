terraform {
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  # Remote state in an encrypted, versioned, access-controlled S3 bucket: the state holds
  # the generated secrets. Pass the bucket at init (docs/deploy.md):
  #   terraform init -backend-config=backend.hcl
  backend "s3" {
    key          = "atm/dev/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = "atm"
      Environment = "dev"
      ManagedBy   = "terraform"
    }
  }
}
