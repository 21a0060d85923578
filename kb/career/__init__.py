"""The career at résumé grade: who the person is (the profile of kb.yaml) and the facts of the
graph a person would publish (employers, own projects, skills by category, writing), each still
linked to its source section. Pure functions of the kb-export document, shared by the JSON Resume
export and the portfolio site."""
