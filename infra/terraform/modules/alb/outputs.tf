output "dns_name" {
  description = "The load balancer's DNS name."
  value       = aws_lb.this.dns_name
}

output "base_url" {
  description = "Where the ATM answers (the smoke test's BASE_URL)."
  value       = var.domain_name != "" ? "https://${var.domain_name}" : "http://${aws_lb.this.dns_name}"
}

output "arn_suffix" {
  description = "For CloudWatch metrics."
  value       = aws_lb.this.arn_suffix
}

output "target_group_arn" {
  description = "The API tasks' target group (available once a listener forwards to it, as ECS requires)."
  value       = aws_lb_target_group.app.arn

  depends_on = [aws_lb_listener.http, aws_lb_listener.https]
}

output "target_group_arn_suffix" {
  description = "For CloudWatch metrics."
  value       = aws_lb_target_group.app.arn_suffix
}
