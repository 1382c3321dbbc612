# Least-privilege security groups. Only the load balancer accepts traffic from the
# internet; only the load balancer reaches the API tasks; only the API and worker tasks (and
# the one-shot migration and admin tasks, which run in the worker group) reach PostgreSQL
# and Redis. Rules are separate resources so that each one is reviewable on its own.

resource "aws_security_group" "alb" {
  name        = "${var.name}-alb"
  description = "Load balancer: HTTPS and HTTP (redirect) from the internet"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-alb" })
}

resource "aws_security_group" "app" {
  name        = "${var.name}-app"
  description = "API tasks: the application port from the load balancer only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-app" })
}

resource "aws_security_group" "worker" {
  name        = "${var.name}-worker"
  description = "Statement worker, migration and admin tasks: no inbound traffic"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-worker" })
}

resource "aws_security_group" "db" {
  name        = "${var.name}-db"
  description = "PostgreSQL: from the API and worker tasks only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-db" })
}

resource "aws_security_group" "redis" {
  name        = "${var.name}-redis"
  description = "Redis: from the API and worker tasks only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-redis" })
}

# --- load balancer --------------------------------------------------------------------

resource "aws_vpc_security_group_ingress_rule" "alb_https_ipv4" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from the internet"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_ingress_rule" "alb_http_ipv4" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTP from the internet (redirected to HTTPS when a domain is set)"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
}

resource "aws_vpc_security_group_egress_rule" "alb_to_app" {
  security_group_id            = aws_security_group.alb.id
  description                  = "To the API tasks"
  referenced_security_group_id = aws_security_group.app.id
  ip_protocol                  = "tcp"
  from_port                    = var.app_port
  to_port                      = var.app_port
}

# --- API tasks ------------------------------------------------------------------------

resource "aws_vpc_security_group_ingress_rule" "app_from_alb" {
  security_group_id            = aws_security_group.app.id
  description                  = "The application port from the load balancer"
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = var.app_port
  to_port                      = var.app_port
}

# --- egress shared by the API and worker tasks ------------------------------------------

locals {
  task_groups = {
    app    = aws_security_group.app.id
    worker = aws_security_group.worker.id
  }
}

# HTTPS to AWS APIs (ECR, Secrets Manager, S3, CloudWatch Logs) through the NAT gateway.
resource "aws_vpc_security_group_egress_rule" "tasks_https" {
  for_each = local.task_groups

  security_group_id = each.value
  description       = "HTTPS to AWS service endpoints"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_egress_rule" "tasks_to_db" {
  for_each = local.task_groups

  security_group_id            = each.value
  description                  = "To PostgreSQL"
  referenced_security_group_id = aws_security_group.db.id
  ip_protocol                  = "tcp"
  from_port                    = var.db_port
  to_port                      = var.db_port
}

resource "aws_vpc_security_group_egress_rule" "tasks_to_redis" {
  for_each = local.task_groups

  security_group_id            = each.value
  description                  = "To Redis"
  referenced_security_group_id = aws_security_group.redis.id
  ip_protocol                  = "tcp"
  from_port                    = var.redis_port
  to_port                      = var.redis_port
}

# --- data stores ----------------------------------------------------------------------

resource "aws_vpc_security_group_ingress_rule" "db_from_tasks" {
  for_each = local.task_groups

  security_group_id            = aws_security_group.db.id
  description                  = "PostgreSQL from the ${each.key} tasks"
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = var.db_port
  to_port                      = var.db_port
}

resource "aws_vpc_security_group_ingress_rule" "redis_from_tasks" {
  for_each = local.task_groups

  security_group_id            = aws_security_group.redis.id
  description                  = "Redis from the ${each.key} tasks"
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = var.redis_port
  to_port                      = var.redis_port
}
