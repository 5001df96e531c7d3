from talestream.cli import app

app()
