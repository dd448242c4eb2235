"""The editors' desk (`python build.py desk`): a local web application, on 127.0.0.1 only, from a
received plan to a packaged site without editing YAML.

    app.py            Starlette application: settings, templates, the token rule for every change
    guard.py          Host, Origin and token checks (DNS rebinding, CSRF)
    corrections.py    field path -> value over the importer's plan dict (desk and command line)
    fields.py         the plan form: fields, groups, what a submitted form changed
    review.py         the received text with what was recognised and the importer's notes; phase dates
    store.py          listing, reading and writing content files (never outside content/)
    posts.py          the post form: plan and phase from one list, never ambiguous
    links.py          a problem's file and line -> the form field that holds the value
    publish.py        check, build and package through build.py
    markdown_preview  a post's text as the page shows it
    pages_*.py        the pages; templates/ and static/ their HTML, CSS and JavaScript
    cli.py            the command line
"""
