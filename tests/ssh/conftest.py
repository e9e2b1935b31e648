"""The SSH tests' fixtures: a private sshd, and a tmux window to log in from."""

from ssh_helpers import ssh_tools, sshd, tmux

__all__ = ["ssh_tools", "sshd", "tmux"]
