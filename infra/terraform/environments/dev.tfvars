# dev: cheap: one NAT gateway, the smallest instances, no standby, short retention, and
# everything can be destroyed. It owns the image repository: deploys build here once.
environment = "dev"

cidr_block        = "10.20.0.0/16"
nat_gateway_count = 1

# Each build stores three artifacts (image, signature, SBOM attestation): 30 releases.
images_to_keep   = 90
ecr_force_delete = false

db_instance_class           = "db.t4g.micro"
db_allocated_storage_gb     = 20
db_max_allocated_storage_gb = 50
db_multi_az                 = false
db_backup_retention_days    = 1
deletion_protection         = false

redis_node_type               = "cache.t4g.micro"
redis_num_cache_clusters      = 1
redis_snapshot_retention_days = 0

secret_recovery_window_days = 0
statement_expire_after_days = 90
statement_force_destroy     = true
log_retention_days          = 14

app_cpu          = 256
app_memory       = 512
app_min_count    = 1
app_max_count    = 2
worker_cpu       = 256
worker_memory    = 512
worker_min_count = 1
worker_max_count = 2
db_pool_size     = 5
