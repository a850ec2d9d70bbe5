"""Platform-free coaching domain: messages, parser, catalogue, progression, dose, FAQ, service."""
