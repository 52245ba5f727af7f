"""A bare Flask app rendering a trivial template: the yardstick for the benchmark."""
from flask import Flask, render_template_string

app = Flask(__name__)


@app.get("/bare")
def bare():
    """Render a trivial template."""
    return render_template_string("<!doctype html><title>{{ t }}</title><p>{{ t }}</p>", t="Hallo")
