# Every secret the tasks read, one Secrets Manager secret per environment variable; the ECS
# task definitions reference them by ARN (never by value). Values are generated here and
# live in the Terraform state as well: keep the state in an encrypted, access-controlled
# backend (docs/deploy.md).
#
# PIN_PEPPER and CARD_HASH_KEY never change once cards exist: replacing them makes every PIN
# and every card look-up fail. Rotate SECRET_KEY, the database password, the Redis token and
# the metrics secret only (docs/deploy.md, "Rotating secrets").

locals {
  generated = {
    SECRET_KEY           = random_password.secret_key.result
    PIN_PEPPER           = random_password.pin_pepper.result
    CARD_HASH_KEY        = random_password.card_hash_key.result
    METRICS_GUARD_SECRET = random_password.metrics_guard_secret.result
  }

  connection = {
    DATABASE_URL = "postgres://${var.database_username}:${urlencode(var.database_password)}@${var.database_host}:${var.database_port}/${var.database_name}?sslmode=verify-full"
    REDIS_URL    = "rediss://:${urlencode(var.redis_auth_token)}@${var.redis_host}:${var.redis_port}"
  }

  values = merge(local.generated, local.connection)
}

resource "random_password" "secret_key" {
  length  = 64
  special = false
}

resource "random_password" "pin_pepper" {
  length  = 64
  special = false
}

resource "random_password" "card_hash_key" {
  length  = 64
  special = false
}

resource "random_password" "metrics_guard_secret" {
  length  = 48
  special = false
}

resource "aws_secretsmanager_secret" "this" {
  for_each = toset(keys(local.values))

  name                    = "${var.name}/${each.key}"
  description             = "${each.key} of ${var.name}"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = var.recovery_window_days

  tags = var.tags
}

resource "aws_secretsmanager_secret_version" "this" {
  for_each = aws_secretsmanager_secret.this

  secret_id     = each.value.id
  secret_string = local.values[each.key]
}
