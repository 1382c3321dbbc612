# The internet-facing Application Load Balancer. With a domain (always in prod, see the
# root variables): an ACM certificate validated through Route 53, HTTPS on 443 (TLS 1.2+),
# and HTTP on 80 answering a permanent redirect to HTTPS. Without one (a dev stack only):
# HTTP forwards to the tasks. In front of it a WAF web ACL (AWS managed rules, a rate limit
# on the two sign-in routes, the admin allowlist); behind it access logs in S3 (a bucket of the s3 module); and on every
# forwarding listener a rule that never forwards /metrics from outside.

locals {
  https = var.domain_name != ""
}

resource "aws_lb" "this" {
  name               = var.name
  load_balancer_type = "application"
  internal           = false
  security_groups    = [var.security_group_id]
  subnets            = var.public_subnet_ids

  drop_invalid_header_fields = true
  enable_deletion_protection = var.deletion_protection
  idle_timeout               = 60

  # The bucket (s3 module) lets this region's load balancers write under the prefix.
  access_logs {
    bucket  = var.access_logs.bucket
    prefix  = var.access_logs.prefix
    enabled = true
  }
}

resource "aws_lb_target_group" "app" {
  name                 = "${var.name}-app"
  port                 = var.app_port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = var.vpc_id
  deregistration_delay = 30

  # Readiness: a task whose database or Redis is down stops getting traffic (the container
  # health check in the task definition uses /health, so ECS does not kill it for that).
  health_check {
    path                = "/ready"
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_acm_certificate" "this" {
  count = local.https ? 1 : 0

  domain_name       = var.domain_name
  validation_method = "DNS"

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "validation" {
  for_each = local.https ? {
    for option in aws_acm_certificate.this[0].domain_validation_options : option.domain_name => option
  } : {}

  zone_id         = var.route53_zone_id
  name            = each.value.resource_record_name
  type            = each.value.resource_record_type
  records         = [each.value.resource_record_value]
  ttl             = 300
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "this" {
  count = local.https ? 1 : 0

  certificate_arn         = aws_acm_certificate.this[0].arn
  validation_record_fqdns = [for record in aws_route53_record.validation : record.fqdn]
}

resource "aws_route53_record" "app" {
  count = local.https ? 1 : 0

  zone_id = var.route53_zone_id
  name    = var.domain_name
  type    = "A"

  alias {
    name                   = aws_lb.this.dns_name
    zone_id                = aws_lb.this.zone_id
    evaluate_target_health = true
  }
}

resource "aws_lb_listener" "https" {
  count = local.https ? 1 : 0

  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = aws_acm_certificate_validation.this[0].certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = local.https ? "redirect" : "forward"
    target_group_arn = local.https ? null : aws_lb_target_group.app.arn

    dynamic "redirect" {
      for_each = local.https ? [1] : []

      content {
        port        = "443"
        protocol    = "HTTPS"
        status_code = "HTTP_301"
      }
    }
  }
}

# --- listener rules --------------------------------------------------------------------------
# /metrics is scraped inside the VPC, straight from the tasks (docs/observability); from the
# internet it does not exist, whatever guard the app has.

locals {
  forwarding_listener_arn = local.https ? aws_lb_listener.https[0].arn : aws_lb_listener.http.arn
}

resource "aws_lb_listener_rule" "metrics_not_public" {
  listener_arn = local.forwarding_listener_arn
  priority     = 1

  action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "Not Found"
      status_code  = "404"
    }
  }

  condition {
    path_pattern {
      values = ["/metrics", "/metrics/*"]
    }
  }
}

# --- WAF -------------------------------------------------------------------------------------

resource "aws_wafv2_ip_set" "admin" {
  name               = "${var.name}-admin-allowlist"
  description        = "Where /admin and /api/v1/admin/ may be reached from"
  scope              = "REGIONAL"
  ip_address_version = "IPV4"
  addresses          = var.admin_allowlist
}

resource "aws_wafv2_web_acl" "this" {
  name        = var.name
  description = "The ATM's load balancer"
  scope       = "REGIONAL"

  default_action {
    allow {}
  }

  # The admin console and API only from the allowlist (the API checks ADMIN_ALLOWLIST as
  # well). Paths are normalized and decoded first, so /%61dmin or //admin count too.
  rule {
    name     = "admin-allowlist"
    priority = 0

    action {
      block {}
    }

    statement {
      and_statement {
        statement {
          or_statement {
            # The console and the API, whatever the case, percent-encoding or extra slashes.
            dynamic "statement" {
              for_each = ["/admin", "/api/v1/admin/"]

              content {
                byte_match_statement {
                  search_string         = statement.value
                  positional_constraint = "STARTS_WITH"

                  field_to_match {
                    uri_path {}
                  }

                  dynamic "text_transformation" {
                    for_each = ["URL_DECODE", "NORMALIZE_PATH", "LOWERCASE"]

                    content {
                      priority = text_transformation.key
                      type     = text_transformation.value
                    }
                  }
                }
              }
            }
          }
        }

        statement {
          not_statement {
            statement {
              ip_set_reference_statement {
                arn = aws_wafv2_ip_set.admin.arn
              }
            }
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${var.name}-admin-allowlist"
      sampled_requests_enabled   = true
    }
  }

  # Password guessing: the customer and the admin sign-in, per client address.
  rule {
    name     = "sign-in-rate"
    priority = 1

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit              = var.sign_in_rate_limit
        aggregate_key_type = "IP"

        scope_down_statement {
          or_statement {
            # Exactly the two sign-in routes, whatever the case or extra slashes.
            dynamic "statement" {
              for_each = ["/api/v1/auth/login", "/api/v1/admin/auth/login"]

              content {
                byte_match_statement {
                  search_string         = statement.value
                  positional_constraint = "EXACTLY"

                  field_to_match {
                    uri_path {}
                  }

                  dynamic "text_transformation" {
                    for_each = ["NORMALIZE_PATH", "LOWERCASE"]

                    content {
                      priority = text_transformation.key
                      type     = text_transformation.value
                    }
                  }
                }
              }
            }
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${var.name}-sign-in-rate"
      sampled_requests_enabled   = true
    }
  }

  dynamic "rule" {
    for_each = var.managed_rule_groups

    content {
      name     = rule.value
      priority = 10 + rule.key

      override_action {
        none {}
      }

      statement {
        managed_rule_group_statement {
          vendor_name = "AWS"
          name        = rule.value
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "${var.name}-${rule.value}"
        sampled_requests_enabled   = true
      }
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = var.name
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_association" "this" {
  resource_arn = aws_lb.this.arn
  web_acl_arn  = aws_wafv2_web_acl.this.arn
}
