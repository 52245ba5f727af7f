"""A bare Flask app rendering a trivial template file: the yardstick for the benchmark."""
from pathlib import Path

from flask import Flask, render_template

app = Flask(__name__, template_folder=str(Path(__file__).parent / "bench_templates"))


@app.get("/bare")
def bare():
    """Render a trivial template (compiled once and cached, as in the app)."""
    return render_template("bare.html", t="Hallo")
