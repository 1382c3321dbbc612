# The dev environment: cheap: one NAT gateway, the smallest instances, no standby, short retention, and everything can be destroyed.

locals {
  name = "atm-dev"
  tags = { Project = "atm", Environment = "dev" }
}

module "networking" {
  source = "../../modules/networking"

  name              = local.name
  region            = var.region
  cidr_block        = "10.20.0.0/16"
  az_count          = 2
  nat_gateway_count = 1
  tags              = local.tags
}

module "security" {
  source = "../../modules/security"

  name     = local.name
  vpc_id   = module.networking.vpc_id
  app_port = 8000
  tags     = local.tags
}

module "ecr" {
  source = "../../modules/ecr"

  name           = local.name
  images_to_keep = 10
  force_delete   = true
  tags           = local.tags
}

module "rds" {
  source = "../../modules/rds"

  name                     = local.name
  subnet_ids               = module.networking.private_subnet_ids
  security_group_id        = module.security.db_security_group_id
  instance_class           = "db.t4g.micro"
  allocated_storage_gb     = 20
  max_allocated_storage_gb = 50
  multi_az                 = false
  backup_retention_days    = 1
  deletion_protection      = false
  tags                     = local.tags
}

module "redis" {
  source = "../../modules/redis"

  name                    = local.name
  subnet_ids              = module.networking.private_subnet_ids
  security_group_id       = module.security.redis_security_group_id
  node_type               = "cache.t4g.micro"
  num_cache_clusters      = 1
  snapshot_retention_days = 0
  tags                    = local.tags
}

module "secrets" {
  source = "../../modules/secrets"

  name                 = local.name
  database_host        = module.rds.address
  database_port        = module.rds.port
  database_name        = module.rds.database_name
  database_username    = module.rds.username
  database_password    = module.rds.master_password
  redis_host           = module.redis.primary_endpoint
  redis_port           = module.redis.port
  redis_auth_token     = module.redis.auth_token
  recovery_window_days = 0
  tags                 = local.tags
}

module "s3" {
  source = "../../modules/s3"

  name              = local.name
  expire_after_days = 90
  force_destroy     = true
  tags              = local.tags
}

module "alb" {
  source = "../../modules/alb"

  name                = local.name
  vpc_id              = module.networking.vpc_id
  public_subnet_ids   = module.networking.public_subnet_ids
  security_group_id   = module.security.alb_security_group_id
  app_port            = 8000
  domain_name         = var.domain_name
  route53_zone_id     = var.route53_zone_id
  deletion_protection = false
  tags                = local.tags
}

module "monitoring" {
  source = "../../modules/monitoring"

  name                       = local.name
  log_retention_days         = 14
  alarm_emails               = var.alarm_emails
  alb_arn_suffix             = module.alb.arn_suffix
  target_group_arn_suffix    = module.alb.target_group_arn_suffix
  db_instance_identifier     = module.rds.identifier
  db_allocated_storage_gb    = module.rds.allocated_storage_gb
  redis_replication_group_id = module.redis.replication_group_id
  tags                       = local.tags
}

module "ecs" {
  source = "../../modules/ecs"

  name                     = local.name
  repository_url           = module.ecr.repository_url
  image_tag                = var.image_tag
  private_subnet_ids       = module.networking.private_subnet_ids
  app_security_group_id    = module.security.app_security_group_id
  worker_security_group_id = module.security.worker_security_group_id
  target_group_arn         = module.alb.target_group_arn
  log_group_names          = module.monitoring.log_group_names
  secret_arns              = module.secrets.secret_arns
  statement_bucket_name    = module.s3.bucket_name
  statement_bucket_arn     = module.s3.bucket_arn
  app_port                 = 8000
  app_cpu                  = 256
  app_memory               = 512
  app_min_count            = 1
  app_max_count            = 2
  worker_cpu               = 256
  worker_memory            = 512
  worker_min_count         = 1
  worker_max_count         = 2
  db_pool_size             = 5
  metrics_enabled          = true
  extra_environment        = var.extra_environment
  tags                     = local.tags
}

module "github_oidc" {
  source = "../../modules/github-oidc"

  name                   = local.name
  create_oidc_provider   = var.create_oidc_provider
  github_repository      = var.github_repository
  github_environment     = "dev"
  ecr_repository_arn     = module.ecr.repository_arn
  ecs_cluster_arn        = module.ecs.cluster_arn
  task_role_arns         = module.ecs.task_role_arns
  migrate_log_group_name = module.monitoring.log_group_names["migrate"]
  tags                   = local.tags
}
