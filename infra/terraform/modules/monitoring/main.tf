# Log groups (with retention) for every task family, and the alarms an on-call person acts
# on (docs/operations.md): 5xx rate, latency, unhealthy targets, RDS CPU and free storage,
# Redis memory (noeviction: a full Redis refuses writes), the worker (running tasks, failed
# statement jobs), the statement queue's depth and failed ECS deployments. Alarms go to one
# SNS topic, encrypted with a key CloudWatch may use.

resource "aws_cloudwatch_log_group" "this" {
  for_each = toset(["app", "worker", "migrate", "admin"])

  name              = "/ecs/${var.name}/${each.key}"
  retention_in_days = var.log_retention_days
}

# The topic is encrypted with a key of our own: the AWS-managed alias/aws/sns key's policy
# cannot be changed to let CloudWatch use it, and then every alarm action fails. This key
# lets CloudWatch (alarms) and EventBridge (failed deployments) publish.
data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "alarms_key" {
  statement {
    sid       = "AccountAdministers"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid       = "AlarmsAndEventsPublish"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com", "events.amazonaws.com"]
    }
  }
}

resource "aws_kms_key" "alarms" {
  description             = "${var.name} alarm topic"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.alarms_key.json
}

resource "aws_kms_alias" "alarms" {
  name          = "alias/${var.name}-alarms"
  target_key_id = aws_kms_key.alarms.key_id
}

resource "aws_sns_topic" "alarms" {
  name              = "${var.name}-alarms"
  kms_master_key_id = aws_kms_key.alarms.arn
}

data "aws_iam_policy_document" "alarms_topic" {
  statement {
    sid       = "AlarmsAndEventsPublish"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alarms.arn]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com", "events.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_sns_topic_policy" "alarms" {
  arn    = aws_sns_topic.alarms.arn
  policy = data.aws_iam_policy_document.alarms_topic.json
}

resource "aws_sns_topic_subscription" "email" {
  for_each = toset(var.alarm_emails)

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = each.value
}

# --- alarms ------------------------------------------------------------------------------
# One entry per alarm, keyed by its name after the environment's prefix. An alarm watches
# one metric (namespace, metric_name, statistic, dimensions), or `queries`: a metric math
# expression over several.
#
# The worker logs the statement queue's counts once a minute as JSON
# ({"event":"statement_queue","waiting":..,"active":..,"failed":..,"delayed":..}, see
# apps/api/src/metrics/worker-heartbeat.ts); the queue filters below make CloudWatch
# metrics of them. BullMQ keeps failed jobs for 7 days: the count rising means statements
# ended FAILED. No heartbeat means no worker (the queue metrics come from the worker itself).

locals {
  alarm_actions   = [aws_sns_topic.alarms.arn]
  queue_namespace = "ATM/${var.name}"
  load_balancer   = { LoadBalancer = var.alb_arn_suffix }
  database        = { DBInstanceIdentifier = var.db_instance_identifier }

  # Requests and 5xx answers (by the tasks or the load balancer itself), summed per minute.
  http_counts = [
    for id, metric_name in {
      requests  = "RequestCount"
      target5xx = "HTTPCode_Target_5XX_Count"
      elb5xx    = "HTTPCode_ELB_5XX_Count"
      } : {
      id     = id
      metric = { namespace = "AWS/ApplicationELB", metric_name = metric_name, period = 60, stat = "Sum", dimensions = local.load_balancer }
    }
  ]

  alarms = {
    http-5xx-rate = {
      description         = "More than ${var.http_5xx_rate_percent}% of requests answered 5xx for 5 minutes"
      comparison_operator = "GreaterThanThreshold"
      threshold           = var.http_5xx_rate_percent
      evaluation_periods  = 5
      datapoints_to_alarm = 5
      treat_missing_data  = "notBreaching"
      queries = concat([{
        id          = "rate"
        expression  = "100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests"
        label       = "5xx percent"
        return_data = true
      }], local.http_counts)
    }
    latency-p95 = {
      description         = "p95 response time above ${var.latency_p95_seconds}s for 5 minutes"
      namespace           = "AWS/ApplicationELB"
      metric_name         = "TargetResponseTime"
      extended_statistic  = "p95"
      dimensions          = local.load_balancer
      period              = 60
      evaluation_periods  = 5
      threshold           = var.latency_p95_seconds
      comparison_operator = "GreaterThanThreshold"
      treat_missing_data  = "notBreaching"
    }
    unhealthy-hosts = {
      description         = "At least one API task failed the load balancer's /ready check for 3 minutes"
      namespace           = "AWS/ApplicationELB"
      metric_name         = "UnHealthyHostCount"
      statistic           = "Maximum"
      dimensions          = merge(local.load_balancer, { TargetGroup = var.target_group_arn_suffix })
      period              = 60
      evaluation_periods  = 3
      threshold           = 0
      comparison_operator = "GreaterThanThreshold"
      treat_missing_data  = "breaching"
    }
    rds-cpu = {
      description         = "RDS CPU above 80% for 10 minutes"
      namespace           = "AWS/RDS"
      metric_name         = "CPUUtilization"
      statistic           = "Average"
      dimensions          = local.database
      period              = 300
      evaluation_periods  = 2
      threshold           = 80
      comparison_operator = "GreaterThanThreshold"
    }
    rds-free-storage = {
      description         = "RDS free storage under 10% of the allocated storage"
      namespace           = "AWS/RDS"
      metric_name         = "FreeStorageSpace"
      statistic           = "Minimum"
      dimensions          = local.database
      period              = 300
      evaluation_periods  = 1
      threshold           = var.db_allocated_storage_gb * 1024 * 1024 * 1024 * 0.1
      comparison_operator = "LessThanThreshold"
    }
    redis-memory = {
      description         = "Redis memory above 80%: with noeviction, a full Redis refuses new jobs"
      namespace           = "AWS/ElastiCache"
      metric_name         = "DatabaseMemoryUsagePercentage"
      statistic           = "Maximum"
      dimensions          = { ReplicationGroupId = var.redis_replication_group_id }
      period              = 300
      evaluation_periods  = 2
      threshold           = 80
      comparison_operator = "GreaterThanThreshold"
    }
    statement-queue-depth = {
      description         = "More than ${var.queue_waiting_threshold} statement jobs waiting for 10 minutes: the workers do not keep up (or none runs)"
      namespace           = local.queue_namespace
      metric_name         = "StatementQueueWaiting"
      statistic           = "Maximum"
      period              = 300
      evaluation_periods  = 2
      threshold           = var.queue_waiting_threshold
      comparison_operator = "GreaterThanThreshold"
      treat_missing_data  = "notBreaching"
    }
    statement-jobs-failed = {
      description         = "Statement jobs failed for good in the last 10 minutes (customers see FAILED statements)"
      comparison_operator = "GreaterThanThreshold"
      threshold           = 0
      evaluation_periods  = 1
      treat_missing_data  = "notBreaching"
      queries = [
        { id = "increase", expression = "MAX(failed) - MIN(failed)", label = "newly failed statement jobs", return_data = true },
        { id = "failed", metric = { namespace = local.queue_namespace, metric_name = "StatementQueueFailed", period = 600, stat = "Maximum" } },
      ]
    }
    worker-tasks = {
      description         = "Fewer than ${var.worker_min_count} statement worker task(s) running for 5 minutes"
      namespace           = "ECS/ContainerInsights"
      metric_name         = "RunningTaskCount"
      statistic           = "Minimum"
      dimensions          = { ClusterName = var.ecs_cluster_name, ServiceName = var.worker_service_name }
      period              = 60
      evaluation_periods  = 5
      threshold           = var.worker_min_count
      comparison_operator = "LessThanThreshold"
      treat_missing_data  = "breaching"
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "this" {
  for_each = local.alarms

  alarm_name          = "${var.name}-${each.key}"
  alarm_description   = each.value.description
  namespace           = try(each.value.namespace, null)
  metric_name         = try(each.value.metric_name, null)
  statistic           = try(each.value.statistic, null)
  extended_statistic  = try(each.value.extended_statistic, null)
  dimensions          = try(each.value.dimensions, null)
  period              = try(each.value.period, null)
  evaluation_periods  = each.value.evaluation_periods
  datapoints_to_alarm = try(each.value.datapoints_to_alarm, null)
  threshold           = each.value.threshold
  comparison_operator = each.value.comparison_operator
  treat_missing_data  = try(each.value.treat_missing_data, null)
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  dynamic "metric_query" {
    for_each = try(each.value.queries, [])
    content {
      id          = metric_query.value.id
      expression  = try(metric_query.value.expression, null)
      label       = try(metric_query.value.label, null)
      return_data = try(metric_query.value.return_data, null)

      dynamic "metric" {
        for_each = try([metric_query.value.metric], [])
        content {
          namespace   = metric.value.namespace
          metric_name = metric.value.metric_name
          period      = metric.value.period
          stat        = metric.value.stat
          dimensions  = try(metric.value.dimensions, null)
        }
      }
    }
  }
}

resource "aws_cloudwatch_log_metric_filter" "queue" {
  for_each = {
    StatementQueueWaiting = "$.waiting"
    StatementQueueActive  = "$.active"
    StatementQueueFailed  = "$.failed"
  }

  name           = "${var.name}-${each.key}"
  log_group_name = aws_cloudwatch_log_group.this["worker"].name
  pattern        = "{ $.event = \"statement_queue\" }"

  metric_transformation {
    name      = each.key
    namespace = local.queue_namespace
    value     = each.value
    unit      = "Count"
  }
}

# --- deployments ---------------------------------------------------------------------------
# A deployment the circuit breaker stopped (and rolled back) is news even when the service
# is healthy again: EventBridge forwards ECS's event to the alarm topic.

resource "aws_cloudwatch_event_rule" "deployment_failed" {
  name        = "${var.name}-deployment-failed"
  description = "An ECS deployment of ${var.name} failed"

  event_pattern = jsonencode({
    source      = ["aws.ecs"]
    detail-type = ["ECS Deployment State Change"]
    detail = {
      eventName  = ["SERVICE_DEPLOYMENT_FAILED"]
      clusterArn = [{ suffix = ":cluster/${var.ecs_cluster_name}" }]
    }
  })
}

resource "aws_cloudwatch_event_target" "deployment_failed" {
  rule      = aws_cloudwatch_event_rule.deployment_failed.name
  target_id = "alarm-topic"
  arn       = aws_sns_topic.alarms.arn
}
