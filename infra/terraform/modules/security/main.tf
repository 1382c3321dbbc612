# Least-privilege security groups. Only the load balancer accepts traffic from the
# internet; only the load balancer reaches the API tasks; only the API and worker tasks (and
# the one-shot migration and admin tasks, which run in the worker group) reach PostgreSQL
# and Redis. Rules are separate resources so that each one is reviewable on its own: one
# entry of the tables below each.

locals {
  groups = {
    alb    = "Load balancer: HTTPS and HTTP (redirect) from the internet"
    app    = "API tasks: the application port from the load balancer only"
    worker = "Statement worker, migration and admin tasks: no inbound traffic"
    db     = "PostgreSQL: from the API and worker tasks only"
    redis  = "Redis: from the API and worker tasks only"
  }

  # A rule lets `group` talk to `peer` (another group) or to `cidr` on one TCP port.
  ingress = {
    alb_https_ipv4    = { group = "alb", cidr = "0.0.0.0/0", port = 443, description = "HTTPS from the internet" }
    alb_http_ipv4     = { group = "alb", cidr = "0.0.0.0/0", port = 80, description = "HTTP from the internet (redirected to HTTPS when a domain is set)" }
    app_from_alb      = { group = "app", peer = "alb", port = var.app_port, description = "The application port from the load balancer" }
    db_from_app       = { group = "db", peer = "app", port = var.db_port, description = "PostgreSQL from the app tasks" }
    db_from_worker    = { group = "db", peer = "worker", port = var.db_port, description = "PostgreSQL from the worker tasks" }
    redis_from_app    = { group = "redis", peer = "app", port = var.redis_port, description = "Redis from the app tasks" }
    redis_from_worker = { group = "redis", peer = "worker", port = var.redis_port, description = "Redis from the worker tasks" }
  }

  # The API and worker tasks reach AWS APIs (ECR, Secrets Manager, S3, CloudWatch Logs)
  # through the NAT gateway, PostgreSQL and Redis.
  egress = {
    alb_to_app      = { group = "alb", peer = "app", port = var.app_port, description = "To the API tasks" }
    app_https       = { group = "app", cidr = "0.0.0.0/0", port = 443, description = "HTTPS to AWS service endpoints" }
    worker_https    = { group = "worker", cidr = "0.0.0.0/0", port = 443, description = "HTTPS to AWS service endpoints" }
    app_to_db       = { group = "app", peer = "db", port = var.db_port, description = "To PostgreSQL" }
    worker_to_db    = { group = "worker", peer = "db", port = var.db_port, description = "To PostgreSQL" }
    app_to_redis    = { group = "app", peer = "redis", port = var.redis_port, description = "To Redis" }
    worker_to_redis = { group = "worker", peer = "redis", port = var.redis_port, description = "To Redis" }
  }
}

resource "aws_security_group" "this" {
  for_each = local.groups

  name        = "${var.name}-${each.key}"
  description = each.value
  vpc_id      = var.vpc_id

  tags = { Name = "${var.name}-${each.key}" }
}

# Ingress and egress rules are two resource types with the same arguments.
resource "aws_vpc_security_group_ingress_rule" "this" {
  for_each = local.ingress

  security_group_id            = aws_security_group.this[each.value.group].id
  description                  = each.value.description
  cidr_ipv4                    = try(each.value.cidr, null)
  referenced_security_group_id = try(aws_security_group.this[each.value.peer].id, null)
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
}

resource "aws_vpc_security_group_egress_rule" "this" {
  for_each = local.egress

  security_group_id            = aws_security_group.this[each.value.group].id
  description                  = each.value.description
  cidr_ipv4                    = try(each.value.cidr, null)
  referenced_security_group_id = try(aws_security_group.this[each.value.peer].id, null)
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
}
