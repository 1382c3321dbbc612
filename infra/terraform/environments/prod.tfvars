# prod: highly available: a NAT gateway per zone, a Multi-AZ database with 14 days of
# backups and deletion protection, a Redis replica with failover, two or more API tasks.
# It runs the images dev built and ran (image_repository in prod.account.tfvars).
environment = "prod"

cidr_block        = "10.30.0.0/16"
nat_gateway_count = 2

images_to_keep   = 50
ecr_force_delete = false

db_instance_class           = "db.m7g.large"
db_allocated_storage_gb     = 100
db_max_allocated_storage_gb = 500
db_multi_az                 = true
db_backup_retention_days    = 14
deletion_protection         = true

redis_node_type               = "cache.m7g.large"
redis_num_cache_clusters      = 2
redis_snapshot_retention_days = 7

secret_recovery_window_days = 30
statement_expire_after_days = 2555
statement_force_destroy     = false
log_retention_days          = 90

app_cpu          = 1024
app_memory       = 2048
app_min_count    = 2
app_max_count    = 10
worker_cpu       = 1024
worker_memory    = 2048
worker_min_count = 1
worker_max_count = 6
db_pool_size     = 20
