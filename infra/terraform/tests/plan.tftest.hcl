# A plan of the whole configuration against a mocked AWS provider, no account needed:
# types, for_each keys, dynamic blocks and moved blocks as Terraform itself checks them.
# Run with one environment's values:
#   terraform test -var-file=environments/dev.tfvars -var-file=environments/dev.account.tfvars.example

mock_provider "aws" {
  # Mocked values are known while planning, as the real provider's are.
  override_during = plan

  mock_data "aws_iam_policy_document" {
    defaults = { json = "{}" }
  }
  mock_data "aws_region" {
    defaults = { name = "eu-west-1" }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
  mock_data "aws_availability_zones" {
    defaults = { names = ["eu-west-1a", "eu-west-1b", "eu-west-1c"] }
  }
  # ElastiCache checks the AUTH token's length and characters.
  mock_data "aws_secretsmanager_random_password" {
    defaults = { random_password = "0123456789abcdef0123456789abcdef" }
  }
  # The real provider knows the DNS validation records while planning; the listener checks
  # that the certificate's ARN is one.
  mock_resource "aws_acm_certificate" {
    defaults = {
      arn = "arn:aws:acm:eu-west-1:123456789012:certificate/mock"
      domain_validation_options = [{
        domain_name           = "atm.example.com"
        resource_record_name  = "_x.atm.example.com."
        resource_record_type  = "CNAME"
        resource_record_value = "_y.acm-validations.aws."
      }]
    }
  }
}

run "plan" {
  command = plan
}
