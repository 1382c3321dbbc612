variable "name" {
  description = "Name prefix of every resource, e.g. atm-prod."
  type        = string
}

variable "region" {
  description = "AWS region (for the S3 gateway endpoint's service name)."
  type        = string
}

variable "cidr_block" {
  description = "The VPC's CIDR block; /16 leaves room for 16 subnets of /20."
  type        = string
}

variable "az_count" {
  description = "Availability zones to spread the subnets over."
  type        = number
  default     = 2

  validation {
    condition     = var.az_count >= 2
    error_message = "At least two availability zones (RDS and the load balancer need two)."
  }
}

variable "nat_gateway_count" {
  description = "NAT gateways: 1 is cheaper, one per zone survives a zone outage."
  type        = number

  validation {
    condition     = var.nat_gateway_count >= 1
    error_message = "At least one NAT gateway: the tasks pull images and reach AWS APIs through it."
  }
}
