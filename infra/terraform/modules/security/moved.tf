# Addresses before the groups and rules became for_each resources over tables: an existing
# deployment moves its groups and rules instead of destroying and creating them.

moved {
  from = aws_security_group.alb
  to   = aws_security_group.this["alb"]
}

moved {
  from = aws_security_group.app
  to   = aws_security_group.this["app"]
}

moved {
  from = aws_security_group.worker
  to   = aws_security_group.this["worker"]
}

moved {
  from = aws_security_group.db
  to   = aws_security_group.this["db"]
}

moved {
  from = aws_security_group.redis
  to   = aws_security_group.this["redis"]
}

moved {
  from = aws_vpc_security_group_ingress_rule.alb_https_ipv4
  to   = aws_vpc_security_group_ingress_rule.this["alb_https_ipv4"]
}

moved {
  from = aws_vpc_security_group_ingress_rule.alb_http_ipv4
  to   = aws_vpc_security_group_ingress_rule.this["alb_http_ipv4"]
}

moved {
  from = aws_vpc_security_group_ingress_rule.app_from_alb
  to   = aws_vpc_security_group_ingress_rule.this["app_from_alb"]
}

moved {
  from = aws_vpc_security_group_egress_rule.alb_to_app
  to   = aws_vpc_security_group_egress_rule.this["alb_to_app"]
}

moved {
  from = aws_vpc_security_group_egress_rule.tasks_https["app"]
  to   = aws_vpc_security_group_egress_rule.this["app_https"]
}

moved {
  from = aws_vpc_security_group_egress_rule.tasks_to_db["app"]
  to   = aws_vpc_security_group_egress_rule.this["app_to_db"]
}

moved {
  from = aws_vpc_security_group_egress_rule.tasks_to_redis["app"]
  to   = aws_vpc_security_group_egress_rule.this["app_to_redis"]
}

moved {
  from = aws_vpc_security_group_ingress_rule.db_from_tasks["app"]
  to   = aws_vpc_security_group_ingress_rule.this["db_from_app"]
}

moved {
  from = aws_vpc_security_group_ingress_rule.redis_from_tasks["app"]
  to   = aws_vpc_security_group_ingress_rule.this["redis_from_app"]
}

moved {
  from = aws_vpc_security_group_egress_rule.tasks_https["worker"]
  to   = aws_vpc_security_group_egress_rule.this["worker_https"]
}

moved {
  from = aws_vpc_security_group_egress_rule.tasks_to_db["worker"]
  to   = aws_vpc_security_group_egress_rule.this["worker_to_db"]
}

moved {
  from = aws_vpc_security_group_egress_rule.tasks_to_redis["worker"]
  to   = aws_vpc_security_group_egress_rule.this["worker_to_redis"]
}

moved {
  from = aws_vpc_security_group_ingress_rule.db_from_tasks["worker"]
  to   = aws_vpc_security_group_ingress_rule.this["db_from_worker"]
}

moved {
  from = aws_vpc_security_group_ingress_rule.redis_from_tasks["worker"]
  to   = aws_vpc_security_group_ingress_rule.this["redis_from_worker"]
}
