# ECS on Fargate: one cluster, the API service behind the load balancer, the statement
# worker service, and two one-shot task definitions run by people and the deploy workflow:
# `migrate` (migrations, exit code checked) and `admin` (the CLI). Every container runs the
# same image (by digest) with a different command, as the non-root user the image sets,
# with a read-only root file system, and with only the secrets that process reads.
#
# Deploys (.github/workflows/deploy.yml) register new revisions of these families with a new
# image and point the services at them, so the services ignore task_definition here.
# Terraform's own changes to a task definition reach the services at the next deploy.

data "aws_region" "current" {}

locals {
  image = "${var.repository_url}@${var.image_digest}"

  environment = [for key, value in merge({
    NODE_ENV                     = "production"
    LOG_LEVEL                    = var.log_level
    ATM_TIMEZONE                 = var.atm_timezone
    DB_POOL_SIZE                 = tostring(var.db_pool_size)
    STATEMENT_S3_BUCKET          = var.statement_bucket_name
    STATEMENT_S3_REGION          = data.aws_region.current.name
    STATEMENT_WORKER_CONCURRENCY = tostring(var.worker_concurrency)
    STATEMENT_RETENTION_DAYS     = tostring(var.statement_retention_days)
    # The ALB is the one proxy in front of the tasks: believe one X-Forwarded-For hop, so
    # rate limits and audit events see the client's address and nobody can forge it.
    TRUST_PROXY      = "1"
    FRONTEND_ENABLED = "true"
    METRICS_ENABLED  = tostring(var.metrics_enabled)
    METRICS_GUARD    = "secret"
  }, var.extra_environment) : { name = key, value = value }]

  # Least privilege: each family gets the secrets its process reads and nothing else, and
  # its own execution role may fetch only those.
  secret_names = {
    app = [
      "DATABASE_URL", "REDIS_URL", "SECRET_KEY", "PIN_PEPPER", "CARD_HASH_KEY",
      "ADMIN_TOTP_KEY", "METRICS_GUARD_SECRET",
    ]
    worker = ["DATABASE_URL", "REDIS_URL"]
    # The migrations run as the owner (RDS's managed secret), then create or update the
    # application's role with its password (tools/migrate-and-grant.mjs).
    migrate = ["APP_DATABASE_PASSWORD"]
    # The admin CLI hashes card numbers and PINs and signs in admins like the API.
    admin = ["DATABASE_URL", "SECRET_KEY", "PIN_PEPPER", "CARD_HASH_KEY", "ADMIN_TOTP_KEY"]
  }

  owner_secrets = [
    { name = "DATABASE_OWNER_USER", valueFrom = "${var.database_owner_secret_arn}:username::" },
    { name = "DATABASE_OWNER_PASSWORD", valueFrom = "${var.database_owner_secret_arn}:password::" },
  ]

  secrets = {
    for family, names in local.secret_names : family => concat(
      [for name in names : { name = name, valueFrom = var.secret_arns[name] }],
      family == "migrate" ? local.owner_secrets : [],
    )
  }

  secret_arns = {
    for family, names in local.secret_names : family => concat(
      [for name in names : var.secret_arns[name]],
      family == "migrate" ? [var.database_owner_secret_arn] : [],
    )
  }

  app_environment = concat(local.environment, [
    for key, value in merge(
      {
        PORT                = tostring(var.app_port)
        ADMIN_TOTP_REQUIRED = "true"
      },
      length(var.admin_allowlist) > 0 ? { ADMIN_ALLOWLIST = join(",", var.admin_allowlist) } : {},
    ) : { name = key, value = value }
  ])

  migrate_environment = concat(local.environment, [
    for key, value in {
      DATABASE_HOST     = var.database.host
      DATABASE_PORT     = tostring(var.database.port)
      DATABASE_NAME     = var.database.name
      APP_DATABASE_USER = var.database_app_username
    } : { name = key, value = value }
  ])

  # The worker writes this file while its queue answers (apps/api/src/metrics/worker-heartbeat.ts).
  worker_heartbeat_file = "/tmp/atm-worker-heartbeat"

  read_only_volumes = [
    { sourceVolume = "tmp", containerPath = "/tmp", readOnly = false },
    { sourceVolume = "data", containerPath = "/app/.data", readOnly = false },
  ]

  container_defaults = {
    image           = local.image
    essential       = true
    environment     = local.environment
    linuxParameters = { initProcessEnabled = true }
    stopTimeout     = 30
  }

  log_configuration = {
    for family in ["app", "worker", "migrate", "admin"] : family => {
      logDriver = "awslogs"
      options = {
        awslogs-group         = var.log_group_names[family]
        awslogs-region        = data.aws_region.current.name
        awslogs-stream-prefix = family
      }
    }
  }
}

resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

# --- IAM ------------------------------------------------------------------------------

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

# One execution role per family: pulls the image, writes logs, and reads exactly the
# secrets of that family (the worker's role cannot read PIN_PEPPER).
resource "aws_iam_role" "execution" {
  for_each = local.secret_names

  name               = "${var.name}-${each.key}-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  for_each = aws_iam_role.execution

  role       = each.value.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

data "aws_iam_policy_document" "execution_secrets" {
  for_each = local.secret_arns

  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = each.value
  }
}

resource "aws_iam_role_policy" "execution_secrets" {
  for_each = aws_iam_role.execution

  name   = "read-secrets"
  role   = each.value.id
  policy = data.aws_iam_policy_document.execution_secrets[each.key].json
}

# Each long-running or interactive task's own permissions, nothing else: the API reads
# statement PDFs and deletes them after STATEMENT_RETENTION_DAYS (its housekeeping), the
# worker writes them, and the admin task runs the CLI through ECS Exec (an interactive
# shell, so that card numbers never appear in a command line that CloudTrail records).
# The migrate task needs no AWS API beyond its execution role.
locals {
  task_permissions = {
    app = {
      policy_name = "statements-read-expire"
      actions     = ["s3:GetObject", "s3:DeleteObject"]
      resources   = ["${var.statement_bucket_arn}/*"]
    }
    worker = {
      policy_name = "statements-write"
      actions     = ["s3:PutObject", "s3:GetObject"]
      resources   = ["${var.statement_bucket_arn}/*"]
    }
    admin = {
      policy_name = "ecs-exec"
      actions = [
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel",
      ]
      resources = ["*"]
    }
  }
}

resource "aws_iam_role" "task" {
  for_each = local.task_permissions

  name               = "${var.name}-${each.key}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "task" {
  for_each = local.task_permissions

  statement {
    actions   = each.value.actions
    resources = each.value.resources
  }
}

resource "aws_iam_role_policy" "task" {
  for_each = local.task_permissions

  name   = each.value.policy_name
  role   = aws_iam_role.task[each.key].id
  policy = data.aws_iam_policy_document.task[each.key].json
}

# --- task definitions -------------------------------------------------------------------
# One family per process. The services are sized by var.capacity; the one-shot tasks
# (migrate, admin) get Fargate's smallest size. Every container has a read-only root file
# system but the admin task's (ECS Exec needs a writable one); it runs only while someone
# uses it and stops by itself after an hour.

locals {
  # ECS marks a container unhealthy after three failed checks of at most 5 s each.
  health_check = { timeout = 5, retries = 3 }

  task_definitions = {
    app = {
      container = {
        command      = ["node", "dist/apps/api/apps/api/src/main.js"]
        environment  = local.app_environment
        portMappings = [{ containerPort = var.app_port, protocol = "tcp" }]
        healthCheck  = merge(local.health_check, { interval = 15, startPeriod = 30, command = ["CMD", "node", "-e", "fetch('http://127.0.0.1:${var.app_port}/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"] })
      }
    }
    worker = {
      container = {
        command     = ["node", "dist/apps/api/apps/api/src/worker.js"]
        environment = concat(local.environment, [{ name = "WORKER_HEARTBEAT_FILE", value = local.worker_heartbeat_file }])
        # Healthy while the heartbeat is fresh: the worker rewrites it every 15 s as long as
        # its event loop turns and the queue in Redis answers; ECS replaces a task that stops.
        healthCheck = merge(local.health_check, { interval = 30, startPeriod = 60, command = ["CMD", "node", "-e", "const s=require('fs').statSync('${local.worker_heartbeat_file}',{throwIfNoEntry:false});process.exit(s&&Date.now()-s.mtimeMs<60000?0:1)"] })
      }
    }
    migrate = {
      container = {
        command     = ["node", "tools/migrate-and-grant.mjs"]
        environment = local.migrate_environment
      }
    }
    admin = {
      writable_root = true
      container     = { command = ["sleep", "3600"] }
    }
  }

  # The migrate task has no task role: it calls no AWS API.
  task_role_arns = { for family, role in aws_iam_role.task : family => role.arn }

  writable_root = { for family, task in local.task_definitions : family => try(task.writable_root, false) }
}

resource "aws_ecs_task_definition" "this" {
  for_each = local.task_definitions

  family                   = "${var.name}-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = try(var.capacity[each.key].cpu, 256)
  memory                   = try(var.capacity[each.key].memory, 512)
  execution_role_arn       = aws_iam_role.execution[each.key].arn
  task_role_arn            = lookup(local.task_role_arns, each.key, null)

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  dynamic "volume" {
    for_each = local.writable_root[each.key] ? [] : local.read_only_volumes
    content {
      name = volume.value.sourceVolume
    }
  }

  container_definitions = jsonencode([merge(local.container_defaults, {
    name                   = each.key
    secrets                = local.secrets[each.key]
    logConfiguration       = local.log_configuration[each.key]
    readonlyRootFilesystem = !local.writable_root[each.key]
    mountPoints            = local.writable_root[each.key] ? [] : local.read_only_volumes
  }, each.value.container)])
}

# --- services ---------------------------------------------------------------------------
# The API behind the load balancer and the statement worker. The API scales on CPU. The
# worker scales on CPU (PDF rendering is CPU-bound) and on the statement queue's depth: the
# worker logs the queue's counts every minute and a metric filter (monitoring module) turns
# the waiting count into a CloudWatch metric.

locals {
  services = {
    app = {
      security_group_id = var.app_security_group_id
      load_balanced     = true
    }
    worker = {
      security_group_id = var.worker_security_group_id
      load_balanced     = false
    }
  }

  scaling_policies = {
    app_cpu      = { service = "app", target_value = var.cpu_target_percent, on_queue = false }
    worker_cpu   = { service = "worker", target_value = var.cpu_target_percent, on_queue = false }
    worker_queue = { service = "worker", target_value = var.queue_waiting_target, on_queue = true }
  }
}

resource "aws_ecs_service" "this" {
  for_each = local.services

  name                              = each.key
  cluster                           = aws_ecs_cluster.this.id
  task_definition                   = aws_ecs_task_definition.this[each.key].arn
  desired_count                     = var.capacity[each.key].min_count
  launch_type                       = "FARGATE"
  platform_version                  = "1.4.0"
  health_check_grace_period_seconds = each.value.load_balanced ? 60 : null
  propagate_tags                    = "SERVICE"
  enable_execute_command            = false

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [each.value.security_group_id]
    assign_public_ip = false
  }

  dynamic "load_balancer" {
    for_each = each.value.load_balanced ? [var.target_group_arn] : []
    content {
      target_group_arn = load_balancer.value
      container_name   = each.key
      container_port   = var.app_port
    }
  }

  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
}

resource "aws_appautoscaling_target" "this" {
  for_each = local.services

  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.this[each.key].name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.capacity[each.key].min_count
  max_capacity       = var.capacity[each.key].max_count
}

resource "aws_appautoscaling_policy" "this" {
  for_each = local.scaling_policies

  name               = "${var.name}-${replace(each.key, "_", "-")}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[each.value.service].service_namespace
  resource_id        = aws_appautoscaling_target.this[each.value.service].resource_id
  scalable_dimension = aws_appautoscaling_target.this[each.value.service].scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = each.value.target_value
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    dynamic "predefined_metric_specification" {
      for_each = each.value.on_queue ? [] : ["ECSServiceAverageCPUUtilization"]
      content {
        predefined_metric_type = predefined_metric_specification.value
      }
    }

    dynamic "customized_metric_specification" {
      for_each = each.value.on_queue ? [var.queue_waiting_metric_name] : []
      content {
        namespace   = var.queue_metrics_namespace
        metric_name = customized_metric_specification.value
        statistic   = "Maximum"
      }
    }
  }
}
