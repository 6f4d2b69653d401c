import os

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/")
def index():
    return "<h1>Hello from Flask</h1><p>Try <a href='/api/hello'>/api/hello</a>.</p>"


@app.get("/api/hello")
def hello():
    return jsonify(message="Hello from Flask")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "3000")), debug=True)
