"""The Model Context Protocol server (`kb mcp`): the API's read queries as tools an AI assistant
can call, the posts and the export as resources, and a prompt, over stdio or Streamable HTTP."""
from api.mcp.server import build_server, serve_http, serve_stdio

__all__ = ["build_server", "serve_http", "serve_stdio"]
