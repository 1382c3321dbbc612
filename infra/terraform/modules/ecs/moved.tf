# Addresses before the families and services became one for_each resource each: an
# existing deployment moves its objects instead of destroying and creating them.

moved {
  from = aws_iam_role.app
  to   = aws_iam_role.task["app"]
}

moved {
  from = aws_iam_role_policy.app
  to   = aws_iam_role_policy.task["app"]
}

moved {
  from = aws_iam_role.worker
  to   = aws_iam_role.task["worker"]
}

moved {
  from = aws_iam_role_policy.worker
  to   = aws_iam_role_policy.task["worker"]
}

moved {
  from = aws_iam_role.admin
  to   = aws_iam_role.task["admin"]
}

moved {
  from = aws_iam_role_policy.admin
  to   = aws_iam_role_policy.task["admin"]
}

moved {
  from = aws_ecs_task_definition.app
  to   = aws_ecs_task_definition.this["app"]
}

moved {
  from = aws_ecs_task_definition.worker
  to   = aws_ecs_task_definition.this["worker"]
}

moved {
  from = aws_ecs_task_definition.migrate
  to   = aws_ecs_task_definition.this["migrate"]
}

moved {
  from = aws_ecs_task_definition.admin
  to   = aws_ecs_task_definition.this["admin"]
}

moved {
  from = aws_ecs_service.app
  to   = aws_ecs_service.this["app"]
}

moved {
  from = aws_appautoscaling_target.app
  to   = aws_appautoscaling_target.this["app"]
}

moved {
  from = aws_ecs_service.worker
  to   = aws_ecs_service.this["worker"]
}

moved {
  from = aws_appautoscaling_target.worker
  to   = aws_appautoscaling_target.this["worker"]
}

moved {
  from = aws_appautoscaling_policy.app_cpu
  to   = aws_appautoscaling_policy.this["app_cpu"]
}

moved {
  from = aws_appautoscaling_policy.worker_cpu
  to   = aws_appautoscaling_policy.this["worker_cpu"]
}

moved {
  from = aws_appautoscaling_policy.worker_queue
  to   = aws_appautoscaling_policy.this["worker_queue"]
}
