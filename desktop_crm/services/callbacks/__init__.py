"""Callbacks (回访): rules, campaigns, the queue, recording, weekly reports and workload."""
