# The ATM on AWS, one configuration for every environment. The values that make dev cheap
# and disposable and prod highly available and protected are in environments/<env>.tfvars.

locals {
  name = "atm-${var.environment}"

  # The image repository: this environment's own, or the one whose images it promotes.
  image_repository = var.image_repository != null ? var.image_repository : {
    url = module.ecr[0].repository_url
    arn = module.ecr[0].repository_arn
  }

  access_log_prefix = "alb"
}

module "networking" {
  source = "./modules/networking"

  name              = local.name
  region            = var.region
  cidr_block        = var.cidr_block
  az_count          = 2
  nat_gateway_count = var.nat_gateway_count
}

module "security" {
  source = "./modules/security"

  name     = local.name
  vpc_id   = module.networking.vpc_id
  app_port = 8000
}

module "ecr" {
  source = "./modules/ecr"
  count  = var.image_repository == null ? 1 : 0

  name             = local.name
  images_to_keep   = var.images_to_keep
  force_delete     = var.ecr_force_delete
  pull_account_ids = var.image_pull_account_ids
}

module "rds" {
  source = "./modules/rds"

  name                     = local.name
  subnet_ids               = module.networking.private_subnet_ids
  security_group_id        = module.security.group_ids["db"]
  instance_class           = var.db_instance_class
  allocated_storage_gb     = var.db_allocated_storage_gb
  max_allocated_storage_gb = var.db_max_allocated_storage_gb
  multi_az                 = var.db_multi_az
  backup_retention_days    = var.db_backup_retention_days
  deletion_protection      = var.deletion_protection
}

module "redis" {
  source = "./modules/redis"

  name                    = local.name
  subnet_ids              = module.networking.private_subnet_ids
  security_group_id       = module.security.group_ids["redis"]
  node_type               = var.redis_node_type
  num_cache_clusters      = var.redis_num_cache_clusters
  snapshot_retention_days = var.redis_snapshot_retention_days
  auth_token              = module.secrets.redis_auth_token
}

module "secrets" {
  source = "./modules/secrets"

  name                 = local.name
  database             = module.rds.database
  redis_host           = module.redis.primary_endpoint
  redis_port           = module.redis.port
  recovery_window_days = var.secret_recovery_window_days
}

module "statements_bucket" {
  source = "./modules/s3"

  name_prefix = "${local.name}-statements-"
  retention = {
    rule_id                      = "statements"
    infrequent_access_after_days = 30
    expire_after_days            = var.statement_expire_after_days
    noncurrent_expire_after_days = 30
    abort_uploads_after_days     = 7
  }
  force_destroy = var.statement_force_destroy
}

module "access_logs_bucket" {
  source = "./modules/s3"

  name_prefix = "${local.name}-alb-logs-"
  retention = {
    rule_id                      = "expire"
    expire_after_days            = var.log_retention_days
    noncurrent_expire_after_days = 7
  }
  # Load balancer access logs support only SSE-S3.
  sse_algorithm            = "AES256"
  load_balancer_log_prefix = local.access_log_prefix
  force_destroy            = var.statement_force_destroy
}

module "alb" {
  source = "./modules/alb"

  name                = local.name
  vpc_id              = module.networking.vpc_id
  public_subnet_ids   = module.networking.public_subnet_ids
  security_group_id   = module.security.group_ids["alb"]
  app_port            = 8000
  domain_name         = var.domain_name
  route53_zone_id     = var.route53_zone_id
  admin_allowlist     = var.admin_allowlist
  deletion_protection = var.deletion_protection
  access_logs         = { bucket = module.access_logs_bucket.name, prefix = local.access_log_prefix }
}

module "monitoring" {
  source = "./modules/monitoring"

  name                       = local.name
  log_retention_days         = var.log_retention_days
  alarm_emails               = var.alarm_emails
  alb_arn_suffix             = module.alb.arn_suffix
  target_group_arn_suffix    = module.alb.target_group_arn_suffix
  db_instance_identifier     = module.rds.identifier
  db_allocated_storage_gb    = module.rds.allocated_storage_gb
  redis_replication_group_id = module.redis.replication_group_id
  ecs_cluster_name           = local.name
  worker_service_name        = "worker"
  worker_min_count           = var.worker_min_count
}

module "ecs" {
  source = "./modules/ecs"

  name                      = local.name
  repository_url            = local.image_repository.url
  image_digest              = var.image_digest
  private_subnet_ids        = module.networking.private_subnet_ids
  app_security_group_id     = module.security.group_ids["app"]
  worker_security_group_id  = module.security.group_ids["worker"]
  target_group_arn          = module.alb.target_group_arn
  log_group_names           = module.monitoring.log_group_names
  secret_arns               = module.secrets.secret_arns
  database                  = module.rds.database
  database_app_username     = module.secrets.app_database_username
  database_owner_secret_arn = module.rds.master_user_secret_arn
  statement_bucket_name     = module.statements_bucket.name
  statement_bucket_arn      = module.statements_bucket.arn
  queue_metrics_namespace   = module.monitoring.queue_metrics_namespace
  queue_waiting_metric_name = module.monitoring.queue_waiting_metric_name
  admin_allowlist           = var.admin_allowlist
  app_port                  = 8000
  capacity = {
    app    = { cpu = var.app_cpu, memory = var.app_memory, min_count = var.app_min_count, max_count = var.app_max_count }
    worker = { cpu = var.worker_cpu, memory = var.worker_memory, min_count = var.worker_min_count, max_count = var.worker_max_count }
  }
  db_pool_size      = var.db_pool_size
  metrics_enabled   = true
  extra_environment = var.extra_environment
}

module "github_oidc" {
  source = "./modules/github-oidc"

  name                   = local.name
  create_oidc_provider   = var.create_oidc_provider
  github_repository      = var.github_repository
  github_environment     = var.environment
  ecr_repository_arn     = local.image_repository.arn
  push_images            = var.image_repository == null
  ecs_cluster_arn        = module.ecs.cluster_arn
  task_role_arns         = module.ecs.task_role_arns
  migrate_log_group_name = module.monitoring.log_group_names["migrate"]
}
