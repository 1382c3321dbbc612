# Addresses of the single `this` secret map before the values were split by how they
# rotate (first), then of the `generated` and `connection` secrets before they became one
# resource again: an existing deployment moves its secrets instead of destroying them
# (and with them, for PIN_PEPPER and CARD_HASH_KEY, every card's PIN and look-up). Each
# address moves once; Terraform follows the chain.

moved {
  from = aws_secretsmanager_secret.this["SECRET_KEY"]
  to   = aws_secretsmanager_secret.generated["SECRET_KEY"]
}

moved {
  from = aws_secretsmanager_secret.this["PIN_PEPPER"]
  to   = aws_secretsmanager_secret.generated["PIN_PEPPER"]
}

moved {
  from = aws_secretsmanager_secret.this["CARD_HASH_KEY"]
  to   = aws_secretsmanager_secret.generated["CARD_HASH_KEY"]
}

moved {
  from = aws_secretsmanager_secret.this["METRICS_GUARD_SECRET"]
  to   = aws_secretsmanager_secret.generated["METRICS_GUARD_SECRET"]
}

moved {
  from = aws_secretsmanager_secret.this["DATABASE_URL"]
  to   = aws_secretsmanager_secret.connection["DATABASE_URL"]
}

moved {
  from = aws_secretsmanager_secret.this["REDIS_URL"]
  to   = aws_secretsmanager_secret.connection["REDIS_URL"]
}

moved {
  from = aws_secretsmanager_secret.generated["PIN_PEPPER"]
  to   = aws_secretsmanager_secret.secret["PIN_PEPPER"]
}

moved {
  from = aws_secretsmanager_secret.generated["CARD_HASH_KEY"]
  to   = aws_secretsmanager_secret.secret["CARD_HASH_KEY"]
}

moved {
  from = aws_secretsmanager_secret.generated["SECRET_KEY"]
  to   = aws_secretsmanager_secret.secret["SECRET_KEY"]
}

moved {
  from = aws_secretsmanager_secret.generated["ADMIN_TOTP_KEY"]
  to   = aws_secretsmanager_secret.secret["ADMIN_TOTP_KEY"]
}

moved {
  from = aws_secretsmanager_secret.generated["METRICS_GUARD_SECRET"]
  to   = aws_secretsmanager_secret.secret["METRICS_GUARD_SECRET"]
}

moved {
  from = aws_secretsmanager_secret.generated["APP_DATABASE_PASSWORD"]
  to   = aws_secretsmanager_secret.secret["APP_DATABASE_PASSWORD"]
}

moved {
  from = aws_secretsmanager_secret.generated["REDIS_AUTH_TOKEN"]
  to   = aws_secretsmanager_secret.secret["REDIS_AUTH_TOKEN"]
}

moved {
  from = aws_secretsmanager_secret.connection["DATABASE_URL"]
  to   = aws_secretsmanager_secret.secret["DATABASE_URL"]
}

moved {
  from = aws_secretsmanager_secret.connection["REDIS_URL"]
  to   = aws_secretsmanager_secret.secret["REDIS_URL"]
}
