"""Reading posts: files found and decoded (`read`), frontmatter and Markdown parsed (`parse`)."""
