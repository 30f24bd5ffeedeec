"""Complaint handling (投诉处理): intake, workflow, deadlines, escalation and closing."""
