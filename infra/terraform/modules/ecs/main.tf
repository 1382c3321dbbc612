# ECS on Fargate: one cluster, the API service behind the load balancer, the statement
# worker service, and two one-shot task definitions run by people and the deploy workflow:
# `migrate` (migrations, exit code checked) and `admin` (the CLI). Every container runs the
# same image with a different command, as the non-root user the image sets, with a
# read-only root file system.
#
# Deploys (.github/workflows/deploy.yml) register new revisions of these families with a new
# image and point the services at them, so the services ignore task_definition here.
# Terraform's own changes to a task definition reach the services at the next deploy.

data "aws_region" "current" {}

locals {
  image = "${var.repository_url}:${var.image_tag}"

  environment = [for key, value in merge({
    NODE_ENV                     = "production"
    LOG_LEVEL                    = var.log_level
    ATM_TIMEZONE                 = var.atm_timezone
    DB_POOL_SIZE                 = tostring(var.db_pool_size)
    STATEMENT_S3_BUCKET          = var.statement_bucket_name
    STATEMENT_S3_REGION          = data.aws_region.current.region
    STATEMENT_WORKER_CONCURRENCY = tostring(var.worker_concurrency)
    # The ALB is the one proxy in front of the tasks: believe one X-Forwarded-For hop, so
    # rate limits and audit events see the client's address and nobody can forge it.
    TRUST_PROXY      = "1"
    FRONTEND_ENABLED = "true"
    METRICS_ENABLED  = tostring(var.metrics_enabled)
    METRICS_GUARD    = "secret"
  }, var.extra_environment) : { name = key, value = value }]

  secrets = [for key, arn in var.secret_arns : { name = key, valueFrom = arn }]

  read_only_volumes = [
    { sourceVolume = "tmp", containerPath = "/tmp", readOnly = false },
    { sourceVolume = "data", containerPath = "/app/.data", readOnly = false },
  ]

  container_defaults = {
    image                  = local.image
    essential              = true
    environment            = local.environment
    secrets                = local.secrets
    readonlyRootFilesystem = true
    mountPoints            = local.read_only_volumes
    linuxParameters        = { initProcessEnabled = true }
    stopTimeout            = 30
  }

  log_configuration = {
    for family in ["app", "worker", "migrate", "admin"] : family => {
      logDriver = "awslogs"
      options = {
        awslogs-group         = var.log_group_names[family]
        awslogs-region        = data.aws_region.current.region
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

  tags = var.tags
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

# The execution role: pulls the image, writes logs, reads exactly this stack's secrets.
resource "aws_iam_role" "execution" {
  name               = "${var.name}-ecs-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

data "aws_iam_policy_document" "execution_secrets" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = values(var.secret_arns)
  }
}

resource "aws_iam_role_policy" "execution_secrets" {
  name   = "read-secrets"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution_secrets.json
}

# The API reads statement PDFs; the worker writes them. Nothing else.
resource "aws_iam_role" "app" {
  name               = "${var.name}-app-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json

  tags = var.tags
}

data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${var.statement_bucket_arn}/*"]
  }
}

resource "aws_iam_role_policy" "app" {
  name   = "statements-read"
  role   = aws_iam_role.app.id
  policy = data.aws_iam_policy_document.app.json
}

resource "aws_iam_role" "worker" {
  name               = "${var.name}-worker-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json

  tags = var.tags
}

data "aws_iam_policy_document" "worker" {
  statement {
    actions   = ["s3:PutObject", "s3:GetObject"]
    resources = ["${var.statement_bucket_arn}/*"]
  }
}

resource "aws_iam_role_policy" "worker" {
  name   = "statements-write"
  role   = aws_iam_role.worker.id
  policy = data.aws_iam_policy_document.worker.json
}

# The admin task: the CLI through ECS Exec (an interactive shell, so that card numbers
# never appear in a command line that CloudTrail records).
resource "aws_iam_role" "admin" {
  name               = "${var.name}-admin-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json

  tags = var.tags
}

data "aws_iam_policy_document" "admin" {
  statement {
    actions = [
      "ssmmessages:CreateControlChannel",
      "ssmmessages:CreateDataChannel",
      "ssmmessages:OpenControlChannel",
      "ssmmessages:OpenDataChannel",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "admin" {
  name   = "ecs-exec"
  role   = aws_iam_role.admin.id
  policy = data.aws_iam_policy_document.admin.json
}

# --- task definitions -------------------------------------------------------------------

resource "aws_ecs_task_definition" "app" {
  family                   = "${var.name}-app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.app_cpu
  memory                   = var.app_memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.app.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  volume {
    name = "tmp"
  }

  volume {
    name = "data"
  }

  container_definitions = jsonencode([merge(local.container_defaults, {
    name             = "app"
    command          = ["node", "dist/apps/api/apps/api/src/main.js"]
    environment      = concat(local.environment, [{ name = "PORT", value = tostring(var.app_port) }])
    portMappings     = [{ containerPort = var.app_port, protocol = "tcp" }]
    logConfiguration = local.log_configuration["app"]
    healthCheck = {
      command     = ["CMD", "node", "-e", "fetch('http://127.0.0.1:${var.app_port}/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
      interval    = 15
      timeout     = 5
      retries     = 3
      startPeriod = 30
    }
  })])

  tags = var.tags
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "${var.name}-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.worker_cpu
  memory                   = var.worker_memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.worker.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  volume {
    name = "tmp"
  }

  volume {
    name = "data"
  }

  container_definitions = jsonencode([merge(local.container_defaults, {
    name             = "worker"
    command          = ["node", "dist/apps/api/apps/api/src/worker.js"]
    logConfiguration = local.log_configuration["worker"]
  })])

  tags = var.tags
}

resource "aws_ecs_task_definition" "migrate" {
  family                   = "${var.name}-migrate"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.execution.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  volume {
    name = "tmp"
  }

  volume {
    name = "data"
  }

  container_definitions = jsonencode([merge(local.container_defaults, {
    name             = "migrate"
    command          = ["node", "dist/apps/api/apps/api/src/migrate.js"]
    logConfiguration = local.log_configuration["migrate"]
  })])

  tags = var.tags
}

resource "aws_ecs_task_definition" "admin" {
  family                   = "${var.name}-admin"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.admin.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  # ECS Exec needs a writable root file system; this task runs only while someone uses it
  # and stops by itself after an hour.
  container_definitions = jsonencode([merge(local.container_defaults, {
    name                   = "admin"
    command                = ["sleep", "3600"]
    readonlyRootFilesystem = false
    mountPoints            = []
    logConfiguration       = local.log_configuration["admin"]
  })])

  tags = var.tags
}

# --- services ---------------------------------------------------------------------------

resource "aws_ecs_service" "app" {
  name                              = "app"
  cluster                           = aws_ecs_cluster.this.id
  task_definition                   = aws_ecs_task_definition.app.arn
  desired_count                     = var.app_min_count
  launch_type                       = "FARGATE"
  platform_version                  = "1.4.0"
  health_check_grace_period_seconds = 60
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
    security_groups  = [var.app_security_group_id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "app"
    container_port   = var.app_port
  }

  tags = var.tags

  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
}

resource "aws_ecs_service" "worker" {
  name             = "worker"
  cluster          = aws_ecs_cluster.this.id
  task_definition  = aws_ecs_task_definition.worker.arn
  desired_count    = var.worker_min_count
  launch_type      = "FARGATE"
  platform_version = "1.4.0"
  propagate_tags   = "SERVICE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.worker_security_group_id]
    assign_public_ip = false
  }

  tags = var.tags

  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
}

# --- autoscaling --------------------------------------------------------------------------
# The API scales on CPU. The worker scales on CPU as well: PDF rendering is CPU-bound, so a
# growing queue shows as busy workers (a queue-depth metric would need the app to publish
# BullMQ's waiting count to CloudWatch; see docs/operations.md).

resource "aws_appautoscaling_target" "app" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.app.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.app_min_count
  max_capacity       = var.app_max_count
}

resource "aws_appautoscaling_policy" "app_cpu" {
  name               = "${var.name}-app-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.app.service_namespace
  resource_id        = aws_appautoscaling_target.app.resource_id
  scalable_dimension = aws_appautoscaling_target.app.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.cpu_target_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_target" "worker" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.worker.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.worker_min_count
  max_capacity       = var.worker_max_count
}

resource "aws_appautoscaling_policy" "worker_cpu" {
  name               = "${var.name}-worker-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.worker.service_namespace
  resource_id        = aws_appautoscaling_target.worker.resource_id
  scalable_dimension = aws_appautoscaling_target.worker.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.cpu_target_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
